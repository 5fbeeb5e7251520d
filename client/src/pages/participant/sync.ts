// The save state of one area's ballot, as pure transitions. The phone keeps the latest choice the
// participant wants ("want") until the server acknowledges exactly that set; only one request per
// area is on the wire at a time, so the last one sent is always the last one wanted and the server's
// final state equals the screen's. "saved" is only ever entered from an acknowledgement.
import { phoneErrorKey } from "../../api/errors";
import type { PhoneText } from "./text";
import { sameBallot, sameSet } from "../../../../shared/rules";
import type { VotingMethod } from "../../../../shared/schemas";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  /** Will retry: no connection (code NETWORK), or the server was busy or failing (RATE_LIMITED, INTERNAL). */
  | { kind: "offline"; retryAt: number; code: string }
  | { kind: "refused"; code: string; message: string };

export interface AreaSync {
  /** Latest wanted set not yet acknowledged; persisted on the device so a reload resends it. */
  want: string[] | null;
  /** The set on the wire, if a request is outstanding. */
  inFlight: string[] | null;
  /** Consecutive retryable failures, for the backoff. */
  attempt: number;
  state: SaveState;
}

export const IDLE: AreaSync = { want: null, inFlight: null, attempt: 0, state: { kind: "idle" } };

// One copy, with the server's (shared/rules.ts); the phone's modules know them by these too.
// Ballots are compared under their area's method: a reordered ranking is a new ballot (it must be
// sent), and dots are a multiset ([a, a, b] is [a, b, a]); sameSet alone would call a reordered
// ranking "saved" while the server still held the old order.
export { sameBallot, sameSet };

/** The participant chose a new set for the area. */
export function desire(s: AreaSync, ids: readonly string[]): AreaSync {
  // A wish taken while offline keeps the offline state (and its retry time) so the screen stays honest.
  const state: SaveState = s.state.kind === "offline" ? s.state : { kind: "saving" };
  return { ...s, want: [...ids], state };
}

/** Whether a request should go out now. */
export function shouldSend(s: AreaSync, now: number): boolean {
  if (s.want === null || s.inFlight !== null) return false;
  return s.state.kind !== "offline" || now >= s.state.retryAt;
}

export function sending(s: AreaSync): AreaSync {
  return { ...s, inFlight: s.want, state: { kind: "saving" } };
}

/** The server acknowledged `sent` (200), a ballot of an area counted by `method`. */
export function acknowledged(s: AreaSync, sent: readonly string[], method: VotingMethod): AreaSync {
  if (s.want !== null && !sameBallot(method, s.want, sent)) {
    // The participant changed their mind while the request was out: the newer wish goes next.
    return { ...s, inFlight: null, attempt: 0, state: { kind: "saving" } };
  }
  return { want: null, inFlight: null, attempt: 0, state: { kind: "saved" } };
}

export interface SendFailure {
  retryable: boolean;
  code: string;
  message: string;
}

/** The request for `sent` failed; retryable failures wait `delay` ms, refusals drop the wish. */
export function failed(s: AreaSync, sent: readonly string[], err: SendFailure, now: number, delay: number, method: VotingMethod): AreaSync {
  if (err.retryable) {
    return { ...s, inFlight: null, attempt: s.attempt + 1, state: { kind: "offline", retryAt: now + delay, code: err.code } };
  }
  if (s.want !== null && !sameBallot(method, s.want, sent)) {
    // Refused, but a different wish is already waiting; let the server judge that one too.
    return { ...s, inFlight: null, attempt: 0, state: { kind: "saving" } };
  }
  return { want: null, inFlight: null, attempt: 0, state: { kind: "refused", code: err.code, message: err.message } };
}

/** Connection is back (browser `online`, socket reconnect, or a tap on "retry"): retry at once. */
export function retryNow(s: AreaSync): AreaSync {
  return s.state.kind === "offline" ? { ...s, state: { ...s.state, retryAt: 0 } } : s;
}

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 30 s, each scaled by 0.5–1.0 so a room
 * of phones coming back from the same Wi-Fi drop do not all retry in the same instant.
 */
export function retryDelay(attempt: number, random: number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + 0.5 * Math.min(1, Math.max(0, random))));
}

/** What the screen shows as chosen: the pending wish if there is one, else what the server holds. */
export function shownChoice(s: AreaSync | undefined, confirmed: readonly string[] | undefined): string[] {
  return [...(s?.want ?? confirmed ?? [])];
}

/** The words for a save state. "Saved" for an untouched area only when the server holds a choice there. */
export function saveText(state: SaveState, hasServerChoice: boolean, text: PhoneText): string {
  switch (state.kind) {
    case "saving":
      return text.t("saving");
    case "saved":
      return text.t("saved");
    case "offline":
      return text.t(state.code === "NETWORK" ? "offline" : "busy");
    case "refused":
      // Worded from the code in the phone's language (the message is the API's English).
      return text.t("notSaved", { reason: text.t(phoneErrorKey(state.code)) });
    case "idle":
      return hasServerChoice ? text.t("saved") : "";
  }
}
