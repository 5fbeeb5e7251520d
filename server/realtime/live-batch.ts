// Live bars in batches (issue 15, API 1.1 Event.liveBatchSeconds/liveBatchBallots). In a room of
// 54, a neighbour who watches the projector while you tap can read your ballot off the one bar that
// moves. With batching on, what the ROOM sees — public sockets, phones showing results, the
// projector's screen key, and GET …/results for those callers — is a frozen count: it moves only
// when at least `liveBatchSeconds` passed since the room's last update AND at least
// `liveBatchBallots` ballots changed since then. Only the organiser (admin) follows every ballot.
//
// What publishes at once, whatever the batch: a change of the settings that decide what the
// results show (visibility, threshold, votes per area and the batch itself must apply now; a new
// title or language waits for the batch like a content change), an area's status change (open, close, the clock's close: a closed
// area's final count is exact at once) and a reveal. A change of content keeps the frozen counts
// unless nothing is pending (then the room's counts are the current ones anyway).
// Joins are no ballot: they do not count towards the batch. While no ballot is held back, a join
// shows at once (nothing else differs from the room's count); once one is, the turnout waits for
// the batch like the bars (voters and participants would tell a tap too).
//
// One frozen tally per batching event, read by every path (socket push, welcome snapshot, HTTP),
// so a reload or a poll can never show a fresher count than the last batch. One timer per event at
// most, armed only once enough ballots are pending; all cleared by close().
import type { EventRow } from "../repos/events";
import type { Ctx } from "../services/context";
import { resultsFor, tally, type Audience, type Tally } from "../services/results";
import type { Encode, ResultsSnapshot, SnapshotCache } from "./snapshot-cache";

interface Batch {
  /** The counts the room last saw. */
  tally: Tally;
  /** Encoded once per audience, shared by every socket and request until the next batch. */
  snapshots: Map<Audience, ResultsSnapshot>;
  /** Ballots changed since `tally` was read (a change and its undo count twice: both were taps). */
  pending: number;
  /** When the room last got an update (performance.now()). */
  at: number;
  timer: NodeJS.Timeout | null;
}

export class LiveBatch {
  private readonly batches = new Map<number, Batch>();
  private closed = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly cache: SnapshotCache,
    private readonly encode: Encode,
    /** The room's results changed: push them to the room and the projector. */
    private readonly publish: (eventId: number) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The results the room sees now (the last batch, or the current count when batching is off). */
  roomResults(row: EventRow, audience: Audience): ResultsSnapshot {
    if (row.live_batch_seconds === 0) return this.cache.resultsAt(row, audience);
    const batch = this.batches.get(row.id) ?? this.start(row);
    let snapshot = batch.snapshots.get(audience);
    if (!snapshot) {
      const results = resultsFor(batch.tally, audience);
      snapshot = { seq: batch.tally.event.seq, results, encoded: this.encode("results", results) };
      batch.snapshots.set(audience, snapshot);
    }
    return snapshot;
  }

  /** Counts changed: a ballot (phone or paper) or something else (a join). */
  countsChanged(eventId: number, ballots: number): void {
    const row = this.ctx.repos.events.byId(eventId);
    if (!row || row.live_batch_seconds === 0) return this.publishNow(eventId);
    const batch = this.batches.get(eventId) ?? this.start(row);
    batch.pending += ballots;
    if (batch.timer) return;
    if (batch.pending === 0) {
      // A join while no ballot is held back: the turnout may move at once (the lobby fills up on
      // the screen), but only after this turn of the loop, once every event of the same write has
      // been told — a join and its first ballot share one request (services/participants.ts).
      batch.timer = setTimeout(() => {
        batch.timer = null;
        if (batch.pending === 0) this.publishNow(eventId);
        else this.arm(eventId, batch);
      }, 0);
      return;
    }
    this.arm(eventId, batch);
  }

  /** Arms the batch's timer once enough ballots are pending: due N seconds after the last update. */
  private arm(eventId: number, batch: Batch): void {
    const row = this.ctx.repos.events.byId(eventId);
    if (!row || batch.timer || batch.pending < row.live_batch_ballots) return;
    const wait = Math.max(0, batch.at + row.live_batch_seconds * 1000 - this.now());
    batch.timer = setTimeout(() => {
      batch.timer = null;
      this.publishNow(eventId);
    }, wait);
  }

  /**
   * The event changed. `immediate` (settings, area status): publish now. Otherwise (content) now
   * only if no ballot is pending or an area's status or reveal differs from the room's.
   */
  eventChanged(eventId: number, immediate: boolean): void {
    const batch = this.batches.get(eventId);
    if (!batch || immediate || batch.pending === 0 || this.areasMoved(batch.tally, eventId)) this.publishNow(eventId);
  }

  close(): void {
    this.closed = true;
    for (const batch of this.batches.values()) if (batch.timer) clearTimeout(batch.timer);
    this.batches.clear();
  }

  /** For tests: timers armed now (at most one per event). */
  timers(): number {
    return [...this.batches.values()].filter((b) => b.timer !== null).length;
  }

  private start(row: EventRow): Batch {
    const batch: Batch = { tally: tally(this.ctx, row), snapshots: new Map(), pending: 0, at: this.now(), timer: null };
    this.batches.set(row.id, batch);
    return batch;
  }

  /** The room gets the current count now, and the next batch is counted from here. */
  private publishNow(eventId: number): void {
    if (this.closed) return;
    const old = this.batches.get(eventId);
    if (old?.timer) clearTimeout(old.timer);
    this.batches.delete(eventId);
    const row = this.ctx.repos.events.byId(eventId);
    // A vanished event leaves nothing behind; one that batches starts its next batch here.
    if (!row) return;
    if (row.live_batch_seconds > 0) this.start(row);
    this.publish(eventId);
  }

  private areasMoved(t: Tally, eventId: number): boolean {
    const now = this.ctx.repos.areas.byEvent(eventId);
    if (now.length !== t.areas.length) return true;
    const seen = new Map(t.areas.map((a) => [a.id, a]));
    return now.some((a) => {
      const was = seen.get(a.id);
      return !was || was.status !== a.status || was.revealed !== (a.revealed === 1);
    });
  }
}
