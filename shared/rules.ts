// The rules of the vote, one copy. The phone calls these to explain a refusal before it happens;
// the server calls the same functions to enforce; the database holds the limit a third time.
// The rules answer with a code, a message key and parameters (checkBallot, toggleBallot,
// votesLeftText); each side renders them in its reader's language (shared/i18n/rules-text.ts).
// The older functions below return English sentences, rendered from the `en` catalog, for the
// pages that have not moved to the catalogs yet.
import type { ErrorCode } from "./errors";
import type { AreaStatus } from "./schemas";
import en from "./i18n/catalogs/en/rules";
import { ruleText, type RuleText } from "./i18n/rules-text";

export interface AreaRuleInput {
  id: string;
  title: string;
  maxVotes: number;
  status: AreaStatus;
  proposals: ReadonlyArray<{ id: string }>;
}

/** Whether two ballots of an area name the same proposals, in any order. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((id) => s.has(id));
}

/** A refusal: the API's code, and what to say as a catalog key with its parameters. */
export type RuleProblem = { ok: false; code: ErrorCode } & RuleText;
export type RuleCheck = { ok: true; proposalIds: string[] } | RuleProblem;

export type BallotCheck = { ok: true; proposalIds: string[] } | { ok: false; code: ErrorCode; message: string };

export interface BallotOptions {
  /** A paper ballot, entered by the organiser: accepted for closed areas too (API 1.1), never for a draft. */
  paper?: boolean;
}

/** Checks one area ballot: distinct ids of that area, at most maxVotes, area open. Order is kept. */
export function checkBallot(area: AreaRuleInput, proposalIds: readonly string[], options: BallotOptions = {}): RuleCheck {
  const accepting = area.status === "open" || (options.paper === true && area.status === "closed");
  if (!accepting) {
    return { ok: false, code: "VOTING_CLOSED", key: area.status === "draft" ? "notOpenYet" : "closed", params: { area: area.title } };
  }
  const seen = new Set<string>();
  for (const id of proposalIds) {
    if (seen.has(id)) return { ok: false, code: "DUPLICATE_PROPOSAL", key: "duplicate", params: {} };
    seen.add(id);
  }
  const known = new Set(area.proposals.map((p) => p.id));
  for (const id of proposalIds) {
    if (!known.has(id)) return { ok: false, code: "UNKNOWN_PROPOSAL", key: "unknownProposal", params: { area: area.title } };
  }
  if (proposalIds.length > area.maxVotes) {
    return { ok: false, code: "TOO_MANY_VOTES", key: "tooMany", params: { area: area.title, max: area.maxVotes } };
  }
  return { ok: true, proposalIds: [...proposalIds] };
}

/** The English sentence of a refusal (the API's default message). */
export function englishRule(text: RuleText): string {
  return ruleText("en", en, text);
}

/** checkBallot with the refusal as an English sentence (the server's message; pages not yet on catalogs). */
export function checkAreaBallot(area: AreaRuleInput, proposalIds: readonly string[], options: BallotOptions = {}): BallotCheck {
  return withMessage(checkBallot(area, proposalIds, options));
}

function withMessage(r: RuleCheck): BallotCheck {
  return r.ok ? r : { ok: false, code: r.code, message: englishRule(r) };
}

export function votesLeft(area: Pick<AreaRuleInput, "maxVotes">, chosen: readonly string[]): number {
  return Math.max(0, area.maxVotes - chosen.length);
}

/** "1 of 2 votes left" — the phone's counter, in one place so every screen says it the same way. */
export function votesLeftText(area: Pick<AreaRuleInput, "maxVotes">, chosen: readonly string[]): RuleText {
  return { key: "votesLeft", params: { left: votesLeft(area, chosen), max: area.maxVotes } };
}

/** votesLeftText in English (pages not yet on catalogs). */
export function votesLeftLabel(area: Pick<AreaRuleInput, "maxVotes">, chosen: readonly string[]): string {
  return englishRule(votesLeftText(area, chosen));
}

export type ToggleResult =
  | { ok: true; proposalIds: string[] }
  | { ok: false; code: ErrorCode; message: string };

/**
 * What a tap on a proposal does: adds it, or removes it if chosen. At the limit it refuses with an
 * explanation rather than silently dropping an earlier choice (the participant decides which goes).
 */
export function toggleBallot(area: AreaRuleInput, chosen: readonly string[], proposalId: string): RuleCheck {
  if (chosen.includes(proposalId)) {
    const next = chosen.filter((id) => id !== proposalId);
    const check = checkBallot(area, next);
    return check.ok ? { ok: true, proposalIds: next } : check;
  }
  if (area.status === "open" && chosen.length >= area.maxVotes) {
    return { ok: false, code: "TOO_MANY_VOTES", key: "limitReached", params: { area: area.title, max: area.maxVotes } };
  }
  return checkBallot(area, [...chosen, proposalId]);
}

/** toggleBallot with the refusal as an English sentence (pages not yet on catalogs). */
export function toggleChoice(area: AreaRuleInput, chosen: readonly string[], proposalId: string): ToggleResult {
  return withMessage(toggleBallot(area, chosen, proposalId));
}

/** English only ("vote"/"votes"): for pages not yet on catalogs; a catalog message uses a plural form instead. */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
