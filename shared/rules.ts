// The rules of the vote, one copy. The phone calls these to explain a refusal before it happens;
// the server calls the same functions to enforce; the database holds the limit a third time.
// The rules answer with a code, a message key and parameters (checkBallot, toggleBallot,
// votesLeftText); each side renders them in its reader's language (shared/i18n/rules-text.ts).
// The older functions below return English sentences, rendered from the `en` catalog, for the
// pages that have not moved to the catalogs yet.
import type { ErrorCode } from "./errors";
import type { AreaStatus, VotingMethod } from "./schemas";
import en from "./i18n/catalogs/en/rules";
import { ruleText, type RuleText } from "./i18n/rules-text";

export interface AreaRuleInput {
  id: string;
  title: string;
  maxVotes: number;
  status: AreaStatus;
  proposals: ReadonlyArray<{ id: string }>;
  /** Left out: approval, the version-1 method. */
  method?: VotingMethod;
  /** Dots only: how many of the maxVotes dots one proposal may take. */
  maxPerProposal?: number;
}

/** An area's method, approval when not given (rule inputs written before methods existed). */
export function methodOf(area: Pick<AreaRuleInput, "method">): VotingMethod {
  return area.method ?? "approval";
}

/** Dots one proposal may take: maxPerProposal for dots (never above maxVotes), 1 otherwise. */
export function perProposalCap(area: Pick<AreaRuleInput, "method" | "maxVotes" | "maxPerProposal">): number {
  return methodOf(area) === "dots" ? Math.min(area.maxVotes, area.maxPerProposal ?? area.maxVotes) : 1;
}

/**
 * Whether two ballots of an area are the same ballot under its method: approval compares the set,
 * dots the multiset (how many dots on each), ranking the order itself (a reordering is a new ballot).
 */
export function sameBallot(method: VotingMethod, a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (method === "ranking") return a.every((id, i) => id === b[i]);
  if (method === "dots") {
    const count = dotsOf(a);
    for (const [id, n] of dotsOf(b)) if (count.get(id) !== n) return false;
    return true;
  }
  return sameSet(a, b);
}

/** Dots per proposal of a ballot (a proposal named n times holds n dots), in first-named order. */
export function dotsOf(proposalIds: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of proposalIds) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/**
 * What one ballot gives each proposal it names: `votes` (ballots naming it; dots: its dots) and
 * `points`, what the results are ranked by — approval and dots: the votes; ranking (Borda): the
 * first gets maxVotes points, the next one fewer, and so on.
 */
export function ballotScores(area: Pick<AreaRuleInput, "method" | "maxVotes">, proposalIds: readonly string[]): Map<string, { votes: number; points: number }> {
  const out = new Map<string, { votes: number; points: number }>();
  if (methodOf(area) === "ranking") {
    proposalIds.forEach((id, i) => out.set(id, { votes: 1, points: rankPoints(area.maxVotes, i + 1) }));
    return out;
  }
  for (const [id, n] of dotsOf(proposalIds)) out.set(id, { votes: n, points: n });
  return out;
}

/** Borda points of the proposal ranked `place` (1-based) in an area of maxVotes places. */
export function rankPoints(maxVotes: number, place: number): number {
  return Math.max(0, maxVotes + 1 - place);
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

/**
 * Checks one area ballot under its method. Approval and ranking: distinct ids, at most maxVotes
 * (ranking: in order of preference). Dots: an id may repeat up to maxPerProposal times, at most
 * maxVotes dots in all. Every id of that area, the area open. The order is kept.
 */
export function checkBallot(area: AreaRuleInput, proposalIds: readonly string[], options: BallotOptions = {}): RuleCheck {
  const accepting = area.status === "open" || (options.paper === true && area.status === "closed");
  if (!accepting) {
    return { ok: false, code: "VOTING_CLOSED", key: area.status === "draft" ? "notOpenYet" : "closed", params: { area: area.title } };
  }
  const known = new Set(area.proposals.map((p) => p.id));
  for (const id of proposalIds) {
    if (!known.has(id)) return { ok: false, code: "UNKNOWN_PROPOSAL", key: "unknownProposal", params: { area: area.title } };
  }
  const cap = perProposalCap(area);
  for (const n of dotsOf(proposalIds).values()) {
    if (n <= cap) continue;
    if (methodOf(area) === "dots") return { ok: false, code: "TOO_MANY_DOTS", key: "tooManyDots", params: { area: area.title, max: cap } };
    return { ok: false, code: "DUPLICATE_PROPOSAL", key: "duplicate", params: {} };
  }
  if (proposalIds.length > area.maxVotes) {
    const key = methodOf(area) === "dots" ? "tooManyDotsInAll" : methodOf(area) === "ranking" ? "tooManyRanked" : "tooMany";
    return { ok: false, code: "TOO_MANY_VOTES", key, params: { area: area.title, max: area.maxVotes } };
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

/** "1 of 2 votes left" (dots: "3 of 5 dots left", ranking: "1 of 3 places left") — the phone's counter, in one place so every screen says it the same way. */
export function votesLeftText(area: Pick<AreaRuleInput, "maxVotes" | "method">, chosen: readonly string[]): RuleText {
  const key = methodOf(area) === "dots" ? "dotsLeft" : methodOf(area) === "ranking" ? "placesLeft" : "votesLeft";
  return { key, params: { left: votesLeft(area, chosen), max: area.maxVotes } };
}

/**
 * How the area counts, in one sentence for the phone's header, the paper ballot and the report:
 * "Choose up to 2 proposals.", "Place up to 5 dots, at most 3 on one proposal.", "Rank up to 3
 * proposals: your first gets 3 points, the next one fewer."
 */
export function methodText(area: Pick<AreaRuleInput, "maxVotes" | "method" | "maxPerProposal">): RuleText {
  const method = methodOf(area);
  if (method === "dots") return { key: "howDots", params: { max: area.maxVotes, per: perProposalCap(area) } };
  if (method === "ranking") return { key: "howRanking", params: { max: area.maxVotes } };
  return { key: "howApproval", params: { max: area.maxVotes } };
}

/** votesLeftText in English (pages not yet on catalogs). */
export function votesLeftLabel(area: Pick<AreaRuleInput, "maxVotes">, chosen: readonly string[]): string {
  return englishRule(votesLeftText(area, chosen));
}

export type ToggleResult =
  | { ok: true; proposalIds: string[] }
  | { ok: false; code: ErrorCode; message: string };

/**
 * What a tap on a proposal does (approval, and ranking: a tap ranks it next, a second tap takes it
 * out and the ones after it move up): adds it, or removes it if chosen. At the limit it refuses with an
 * explanation rather than silently dropping an earlier choice (the participant decides which goes).
 * Dots: addDot and removeDot instead.
 */
export function toggleBallot(area: AreaRuleInput, chosen: readonly string[], proposalId: string): RuleCheck {
  if (chosen.includes(proposalId)) {
    const next = chosen.filter((id) => id !== proposalId);
    const check = checkBallot(area, next);
    return check.ok ? { ok: true, proposalIds: next } : check;
  }
  if (area.status === "open" && chosen.length >= area.maxVotes) return limitReached(area);
  return checkBallot(area, [...chosen, proposalId]);
}

function limitReached(area: AreaRuleInput): RuleProblem {
  const key = methodOf(area) === "dots" ? "dotsLimitReached" : methodOf(area) === "ranking" ? "rankingFull" : "limitReached";
  return { ok: false, code: "TOO_MANY_VOTES", key, params: { area: area.title, max: area.maxVotes } };
}

/** Dots: one more dot on a proposal (the stepper's +). Refused with the reason at either cap. */
export function addDot(area: AreaRuleInput, chosen: readonly string[], proposalId: string): RuleCheck {
  if (area.status === "open" && chosen.length >= area.maxVotes) return limitReached(area);
  return checkBallot(area, [...chosen, proposalId]);
}

/** Dots: one dot fewer on a proposal (the stepper's −); a proposal without dots stays as it is. */
export function removeDot(area: AreaRuleInput, chosen: readonly string[], proposalId: string): RuleCheck {
  const at = chosen.lastIndexOf(proposalId);
  const next = at < 0 ? [...chosen] : [...chosen.slice(0, at), ...chosen.slice(at + 1)];
  return checkBallot(area, next);
}

/** Ranking: moves a ranked proposal one place up (-1) or down (+1); at either end nothing moves. */
export function moveRank(area: AreaRuleInput, chosen: readonly string[], proposalId: string, by: -1 | 1): RuleCheck {
  const at = chosen.indexOf(proposalId);
  const to = at + by;
  if (at < 0 || to < 0 || to >= chosen.length) return checkBallot(area, chosen);
  const next = [...chosen];
  next[at] = chosen[to] as string;
  next[to] = proposalId;
  return checkBallot(area, next);
}

/** toggleBallot with the refusal as an English sentence (pages not yet on catalogs). */
export function toggleChoice(area: AreaRuleInput, chosen: readonly string[], proposalId: string): ToggleResult {
  return withMessage(toggleBallot(area, chosen, proposalId));
}

/** English only ("vote"/"votes"): for pages not yet on catalogs; a catalog message uses a plural form instead. */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
