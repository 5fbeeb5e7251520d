// Whether this phone is a participant of the event yet, and becoming one. A phone that only looks
// is not counted: it joins (POST /participants) at its first vote — when the write queue first needs
// a token — or when a ballot card is redeemed. The token, once obtained, is kept on the device.
import { JoinReply, type PutBallotReply } from "../../../../shared/schemas";
import { request } from "../../api/http";
import { forgetParticipant, joinKeyFor, loadToken, saveToken, type KeyValueStore } from "./deviceStore";
import { apiPaths } from "../../api/paths";

/** A join that hangs on crowded Wi-Fi is treated as failed and retried, like a ballot write. */
const JOIN_TIMEOUT_MS = 10_000;

// One join per event code (and card) at a time across the page: React's development double-run of
// effects, two areas tapped at once, or a double tap must not create two participants.
const joining = new Map<string, Promise<JoinReply>>();

export class Participation {
  private tokenNow: string | null;
  private listeners = new Set<() => void>();

  constructor(
    readonly code: string,
    private readonly store: KeyValueStore | null,
  ) {
    this.tokenNow = loadToken(store, code);
  }

  /** The participant token, or null while the phone has only looked. */
  get token(): string | null {
    return this.tokenNow;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getToken = (): string | null => this.tokenNow;

  /** The token, joining the event first if this phone has none (an open event's first vote). */
  ensure(): Promise<string> {
    if (this.tokenNow) return Promise.resolve(this.tokenNow);
    // A card being redeemed (its link just opened) makes this phone that card's participant: wait
    // for it rather than join a second time without the card.
    const pending = this.pendingJoin();
    return (pending ?? this.join(null)).then((r) => r.participantToken);
  }

  /**
   * The token for sending this area ballot, and — when this phone had none and no join is under way
   * — the ballot's answer too: the join carries the first vote (one round trip on a poor link, API
   * 1.1). `ballot` is null when the caller still has to send the vote itself.
   */
  async ensureWith(areaId: string, proposalIds: readonly string[]): Promise<{ token: string; ballot: PutBallotReply | null }> {
    if (this.tokenNow) return { token: this.tokenNow, ballot: null };
    if (this.pendingJoin()) return { token: await this.ensure(), ballot: null };
    const reply = await this.join(null, { areaId, proposalIds: [...proposalIds] });
    return { token: reply.participantToken, ballot: reply.ballot ?? null };
  }

  /** Redeems a ballot card: the phone becomes that card's participant (its ballot comes with it). */
  redeem(invite: string): Promise<string> {
    return this.join(invite).then((r) => r.participantToken);
  }

  /** The server no longer knows the token (a reset database): back to looking, unsent wishes dropped. */
  forget(): void {
    forgetParticipant(this.store, this.code);
    this.set(null);
  }

  /** A join of this event already under way (with or without a card), if any. */
  private pendingJoin(): Promise<JoinReply> | undefined {
    for (const [key, p] of joining) if (key.startsWith(`${this.code}\u0000`)) return p;
    return undefined;
  }

  private key(invite: string | null): string {
    return `${this.code}\u0000${invite ?? ""}`;
  }

  private join(invite: string | null, ballot?: { areaId: string; proposalIds: string[] }): Promise<JoinReply> {
    const key = this.key(invite);
    let p = joining.get(key);
    if (!p) {
      p = request("POST", apiPaths.participants(this.code), JoinReply, {
        // A card names its participant itself; without one, the join key makes a retry the same person.
        body: invite ? { invite, ...(ballot ? { ballot } : {}) } : { joinKey: joinKeyFor(this.store, this.code), ...(ballot ? { ballot } : {}) },
        signal: AbortSignal.timeout(JOIN_TIMEOUT_MS),
      }).finally(() => joining.delete(key));
      joining.set(key, p);
    }
    return p.then((reply) => {
      saveToken(this.store, this.code, reply.participantToken);
      this.set(reply.participantToken);
      return reply;
    });
  }

  private set(token: string | null): void {
    if (token === this.tokenNow) return;
    this.tokenNow = token;
    for (const fn of this.listeners) fn();
  }
}
