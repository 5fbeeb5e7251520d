// The durable write queue of one participant's ballot: every change is sent at once, kept on the
// device until the server answers 200, retried with backoff on network trouble, and resent on
// `online`, on socket reconnect and after a reload. A phone that has not joined yet joins as part of
// its first write (same retries: a tap while offline joins and saves when the network returns).
// A choice refused because its area closed meanwhile is held, to be offered again if it reopens.
// The React page subscribes to its snapshots.
import { PutBallotReply, type Ballot, type VotingMethod } from "../../../../shared/schemas";
import { ApiError, request } from "../../api/http";
import { errorText } from "../../api/errors";
import {
  IDLE,
  acknowledged,
  desire,
  failed,
  retryDelay,
  retryNow,
  sameBallot,
  sending,
  shouldSend,
  type AreaSync,
  type SendFailure,
} from "./sync";
import { loadConfirmed, loadHeld, loadPending, saveConfirmed, saveHeld, savePending, settlePending, type KeyValueStore } from "./deviceStore";
import type { Participation } from "./participation";
import { apiPaths } from "../../api/paths";

export interface QueueSnapshot {
  /** What the server holds, from GET, the socket or a 200. */
  confirmed: Ballot;
  areas: Readonly<Record<string, AreaSync>>;
  /** Per area, a choice the server refused because voting had closed before it arrived. */
  held: Readonly<Record<string, readonly string[]>>;
}

export interface QueueHooks {
  /** The server no longer knows this token (event reset, restored backup): the page joins again. */
  onTokenRefused?: () => void;
  /** A write was refused (area closed, content changed): the page's copy of the event is stale. */
  onRefused?: () => void;
  /**
   * How the page's event counts an area's ballot, so the queue compares ballots as the method does
   * (a reordered ranking is a change). Left out, or for an area the page does not know (a wish
   * restored from storage for an area since removed), "ranking": the strictest comparison, which at
   * worst sends the same ballot once more, never calls an unsent one saved.
   */
  methodOf?: (areaId: string) => VotingMethod | undefined;
}

/** A request that hangs on crowded Wi-Fi is treated as failed and retried rather than "saving…" forever. */
const REQUEST_TIMEOUT_MS = 10_000;

export class WriteQueue {
  private snap: QueueSnapshot = { confirmed: {}, areas: {}, held: {} };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  /** Counts acknowledgements, so a GET that started before one cannot roll its area back. */
  private acks = 0;
  private lastAck: Record<string, number> = {};
  /** The confirmed ballot came from this phone's storage (the server said so on an earlier visit). */
  readonly restored: boolean;

  constructor(
    private readonly code: string,
    private readonly participation: Participation,
    private readonly store: KeyValueStore | null,
    private readonly hooks: QueueHooks = {},
  ) {
    // Wishes left from an earlier visit (a reload while offline) go out again; held ones stay held.
    // The ballot the server last confirmed, until it answers again (a reload with no network).
    const confirmed = loadConfirmed(store, code);
    this.restored = confirmed !== null;
    this.snap = { ...this.snap, confirmed: confirmed ?? {}, held: loadHeld(store, code) };
    for (const [areaId, ids] of Object.entries(loadPending(store, code))) {
      this.update(areaId, (s) => desire(s, ids));
    }
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): QueueSnapshot => this.snap;

  /** Call before starting a GET of the ballot; pass the result to setConfirmed with its answer. */
  readMark(): number {
    return this.acks;
  }

  /**
   * The server's ballot (GET or socket; socket pushes are in commit order, so they pass no mark).
   * Pending wishes stay on top of it; areas acknowledged after `mark` keep their newer value.
   */
  setConfirmed(ballot: Ballot, mark?: number): void {
    const next: Ballot = { ...ballot };
    if (mark !== undefined) {
      for (const [areaId, at] of Object.entries(this.lastAck)) {
        const mine = this.snap.confirmed[areaId];
        if (at > mark && mine) next[areaId] = mine;
      }
    }
    this.snap = { ...this.snap, confirmed: next };
    saveConfirmed(this.store, this.code, next);
    this.emit();
  }

  choose(areaId: string, ids: readonly string[]): void {
    // A new choice (or sending the held one) replaces whatever was held for the area.
    this.hold(areaId, null);
    savePending(this.store, this.code, areaId, ids);
    this.update(areaId, (s) => desire(s, ids));
    this.flush();
  }

  /** The connection is back: retry everything now instead of waiting out the backoff. */
  retryAll(): void {
    for (const areaId of Object.keys(this.snap.areas)) this.update(areaId, retryNow);
    this.flush();
  }

  flush(): void {
    if (this.disposed) return;
    const now = Date.now();
    for (const [areaId, s] of Object.entries(this.snap.areas)) {
      if (shouldSend(s, now)) void this.send(areaId);
    }
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private async send(areaId: string): Promise<void> {
    this.update(areaId, sending);
    const sent = this.snap.areas[areaId]?.inFlight ?? [];
    try {
      // A phone's first vote joins it, the vote riding along (one round trip, API 1.1).
      const joined = await this.participation.ensureWith(areaId, sent);
      // The page may have gone while the phone was joining; a later queue sends the wish instead.
      if (this.disposed) return;
      const reply =
        joined.ballot ??
        (await request("PUT", apiPaths.areaBallot(this.code, areaId), PutBallotReply, {
          token: joined.token,
          body: { proposalIds: sent },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        }));
      if (this.disposed) return;
      const same = this.sameIn(areaId);
      settlePending(this.store, this.code, areaId, sent, same);
      this.lastAck[areaId] = ++this.acks;
      this.snap = { ...this.snap, confirmed: { ...this.snap.confirmed, [areaId]: reply.proposalIds } };
      saveConfirmed(this.store, this.code, this.snap.confirmed);
      this.update(areaId, (s) => acknowledged(s, sent, this.methodIn(areaId)));
    } catch (err) {
      if (this.disposed) return;
      if (err instanceof ApiError && err.status === 401) {
        this.hooks.onTokenRefused?.();
        return;
      }
      const failure = toFailure(err);
      if (!failure.retryable) {
        const same = this.sameIn(areaId);
        settlePending(this.store, this.code, areaId, sent, same);
        const latest = this.snap.areas[areaId]?.want;
        if (failure.code === "VOTING_CLOSED" && (latest == null || same(latest, sent))) this.hold(areaId, sent);
        this.hooks.onRefused?.();
      }
      const attempt = (this.snap.areas[areaId]?.attempt ?? 0) + 1;
      this.update(areaId, (s) => failed(s, sent, failure, Date.now(), retryDelay(attempt, Math.random()), this.methodIn(areaId)));
    }
    this.flush();
  }

  private methodIn(areaId: string): VotingMethod {
    return this.hooks.methodOf?.(areaId) ?? "ranking";
  }

  private sameIn(areaId: string): (a: readonly string[], b: readonly string[]) => boolean {
    const method = this.methodIn(areaId);
    return (a, b) => sameBallot(method, a, b);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let next = Infinity;
    for (const s of Object.values(this.snap.areas)) {
      if (s.want !== null && s.inFlight === null && s.state.kind === "offline") next = Math.min(next, s.state.retryAt);
    }
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, next - Date.now()));
  }

  private hold(areaId: string, ids: readonly string[] | null): void {
    if (ids === null && !(areaId in this.snap.held)) return;
    saveHeld(this.store, this.code, areaId, ids);
    const held = { ...this.snap.held };
    if (ids === null) delete held[areaId];
    else held[areaId] = [...ids];
    this.snap = { ...this.snap, held };
    this.emit();
  }

  private update(areaId: string, f: (s: AreaSync) => AreaSync): void {
    const prev = this.snap.areas[areaId] ?? IDLE;
    this.snap = { ...this.snap, areas: { ...this.snap.areas, [areaId]: f(prev) } };
    this.emit();
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}

function toFailure(err: unknown): SendFailure {
  if (err instanceof ApiError) {
    return { retryable: err.retryable, code: err.code, message: errorText(err.code, err.message) };
  }
  // A timeout or an abort: the request may or may not have landed; resending the same set is harmless.
  return { retryable: true, code: "NETWORK", message: errorText("NETWORK", "No connection to the server.") };
}
