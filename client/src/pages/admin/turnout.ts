// Turnout as the organiser reads it: people who voted, out of the people expected in the room when
// the organiser said how many (API 1.1 expectedParticipants), and — for the organiser only —
// devices that joined (a ballot card, a withdrawn vote) but have no vote now.
import type { Event, Results } from "../../../../shared/schemas";
import { counted } from "./words";

/** The denominator the room sees: the people expected, else those who joined. */
export function turnoutBase(event: Pick<Event, "expectedParticipants">, results: Pick<Results, "participants">): number {
  return event.expectedParticipants > 0 ? event.expectedParticipants : results.participants;
}

/** "54 of 54 expected have voted" or, with no expectation set, "12 have voted". */
export function votedOfExpected(event: Pick<Event, "expectedParticipants">, voters: number): string {
  const verb = voters === 1 ? "has" : "have";
  return event.expectedParticipants > 0 ? `${voters} of ${event.expectedParticipants} expected ${verb} voted` : `${voters} ${verb} voted`;
}

/** Joined devices without a vote: never a count the room sees (they may be people still deciding). */
export function silentDevices(results: Pick<Results, "participants" | "voters">): string {
  const n = Math.max(0, results.participants - results.voters);
  return n === 0 ? "every joined device has voted" : `${counted(n, "joined device")} ${n === 1 ? "has" : "have"} not voted`;
}
