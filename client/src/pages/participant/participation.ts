// Whether this phone is a participant of the event yet, and becoming one. A phone that only looks
// is not counted: it joins (POST /participants) at its first vote — when the write queue first needs
// a token — or when a ballot card is redeemed. The token, once obtained, is kept on the device.
import { JoinReply } from "../../../../shared/schemas";
import { request } from "../../api/http";
import { forgetParticipant, loadToken, saveToken, type KeyValueStore } from "./deviceStore";

/** A join that hangs on crowded Wi-Fi is treated as failed and retried, like a ballot write. */
const JOIN_TIMEOUT_MS = 10_000;

// One join per event code (and card) at a time across the page: React's development double-run of
// effects, two areas tapped at once, or a double tap must not create two participants.
const joining = new Map<string, Promise<string>>();

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
    return this.tokenNow ? Promise.resolve(this.tokenNow) : this.join(null);
  }

  /** Redeems a ballot card: the phone becomes that card's participant (its ballot comes with it). */
  redeem(invite: string): Promise<string> {
    return this.join(invite);
  }

  /** The server no longer knows the token (a reset database): back to looking, unsent wishes dropped. */
  forget(): void {
    forgetParticipant(this.store, this.code);
    this.set(null);
  }

  private join(invite: string | null): Promise<string> {
    const key = `${this.code}\u0000${invite ?? ""}`;
    let p = joining.get(key);
    if (!p) {
      p = request("POST", `/api/events/${this.code}/participants`, JoinReply, {
        body: invite ? { invite } : {},
        signal: AbortSignal.timeout(JOIN_TIMEOUT_MS),
      })
        .then((r) => r.participantToken)
        .finally(() => joining.delete(key));
      joining.set(key, p);
    }
    return p.then((token) => {
      saveToken(this.store, this.code, token);
      this.set(token);
      return token;
    });
  }

  private set(token: string | null): void {
    if (token === this.tokenNow) return;
    this.tokenNow = token;
    for (const fn of this.listeners) fn();
  }
}
