// The rules of the vote, one copy. The phone calls these to explain a refusal before it happens;
// the server calls the same functions to enforce; the database holds the limit a third time.
import type { ErrorCode } from "./errors";

export interface AreaRuleInput {
  id: string;
  title: string;
  maxVotes: number;
  status: "draft" | "open" | "closed";
  proposals: ReadonlyArray<{ id: string }>;
}

export type BallotCheck = { ok: true; proposalIds: string[] } | { ok: false; code: ErrorCode; message: string };

export interface BallotOptions {
  /** A paper ballot, entered by the organiser: accepted for closed areas too (API 1.1), never for a draft. */
  paper?: boolean;
}

/** Checks one area ballot: distinct ids of that area, at most maxVotes, area open. Order is kept. */
export function checkAreaBallot(area: AreaRuleInput, proposalIds: readonly string[], options: BallotOptions = {}): BallotCheck {
  const accepting = area.status === "open" || (options.paper === true && area.status === "closed");
  if (!accepting) {
    return { ok: false, code: "VOTING_CLOSED", message: `Voting in “${area.title}” is ${area.status === "draft" ? "not open yet" : "closed"}.` };
  }
  const seen = new Set<string>();
  for (const id of proposalIds) {
    if (seen.has(id)) return { ok: false, code: "DUPLICATE_PROPOSAL", message: "The same proposal was chosen twice." };
    seen.add(id);
  }
  const known = new Set(area.proposals.map((p) => p.id));
  for (const id of proposalIds) {
    if (!known.has(id)) return { ok: false, code: "UNKNOWN_PROPOSAL", message: `A chosen proposal is not part of “${area.title}”.` };
  }
  if (proposalIds.length > area.maxVotes) {
    return { ok: false, code: "TOO_MANY_VOTES", message: `“${area.title}” allows ${area.maxVotes} ${plural(area.maxVotes, "vote")}.` };
  }
  return { ok: true, proposalIds: [...proposalIds] };
}

export function votesLeft(area: Pick<AreaRuleInput, "maxVotes">, chosen: readonly string[]): number {
  return Math.max(0, area.maxVotes - chosen.length);
}

/** "1 of 2 votes left" — the phone's counter, in one place so every screen says it the same way. */
export function votesLeftLabel(area: Pick<AreaRuleInput, "maxVotes">, chosen: readonly string[]): string {
  const left = votesLeft(area, chosen);
  return `${left} of ${area.maxVotes} ${plural(area.maxVotes, "vote")} left`;
}

export type ToggleResult =
  | { ok: true; proposalIds: string[] }
  | { ok: false; code: ErrorCode; message: string };

/**
 * What a tap on a proposal does: adds it, or removes it if chosen. At the limit it refuses with an
 * explanation rather than silently dropping an earlier choice (the participant decides which goes).
 */
export function toggleChoice(area: AreaRuleInput, chosen: readonly string[], proposalId: string): ToggleResult {
  if (chosen.includes(proposalId)) {
    const next = chosen.filter((id) => id !== proposalId);
    const check = checkAreaBallot(area, next);
    return check.ok ? { ok: true, proposalIds: next } : check;
  }
  if (area.status === "open" && chosen.length >= area.maxVotes) {
    const all = area.maxVotes === 1 ? "your vote" : area.maxVotes === 2 ? "both votes" : `all ${area.maxVotes} votes`;
    return {
      ok: false,
      code: "TOO_MANY_VOTES",
      message: `You have used ${all} in ${area.title} — remove one to choose another.`,
    };
  }
  return checkAreaBallot(area, [...chosen, proposalId]);
}

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
