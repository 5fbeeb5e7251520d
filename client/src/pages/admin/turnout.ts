// Turnout as the organiser reads it: people who voted, out of the people expected in the room when
// the organiser said how many (API 1.1 expectedParticipants), and — for the organiser only —
// devices that joined (a ballot card, a withdrawn vote) but have no vote now. Sentences from the
// organiser catalog (`t`), so plurals follow the page's language.
import type { Params } from "../../../../shared/i18n/message";
import type { Event, Results } from "../../../../shared/schemas";

type Say = (key: string, params?: Params) => string;

/** The denominator the room sees: the people expected, else those who joined. */
export function turnoutBase(event: Pick<Event, "expectedParticipants">, results: Pick<Results, "participants">): number {
  return event.expectedParticipants > 0 ? event.expectedParticipants : results.participants;
}

/** "54 of 54 expected have voted" or, with no expectation set, "12 have voted". */
export function votedOfExpected(t: Say, event: Pick<Event, "expectedParticipants">, voters: number): string {
  return event.expectedParticipants > 0 ? t("liveVotedOfExpected", { voters, expected: event.expectedParticipants }) : t("liveVoted", { voters });
}

/** Joined devices without a vote: never a count the room sees (they may be people still deciding). */
export function silentDevices(t: Say, results: Pick<Results, "participants" | "voters">): string {
  const n = Math.max(0, results.participants - results.voters);
  return n === 0 ? t("liveSilentNone") : t("liveSilent", { n });
}

/** One area's turnout in the area table ("12 of 54 have voted"). */
export function areaTurnout(t: Say, voters: number, base: number): string {
  return base === 0 ? t("liveNoOneJoined") : t("liveAreaTurnout", { voters, base });
}
