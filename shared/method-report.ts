// How the report (the Markdown export and the printable report page) says which method an area used
// and how its numbers were counted (API 1.1, issue 15), in the report catalog's words: one copy for
// both, so the file and the page never explain a count differently.
import type { Params } from "./i18n/message";
import { methodOf, perProposalCap, rankPoints } from "./rules";
import type { VotingMethod } from "./schemas";

type Say = (key: string, params?: Params) => string;

export interface MethodArea {
  method?: VotingMethod;
  maxVotes: number;
  maxPerProposal?: number;
  voters: number;
}

/**
 * "Ranking (Borda): each participant could rank up to 3 proposals …; points per place: 1st 3
 * points, 2nd 2 points, 3rd 1 point. …": the method, what a proposal's number is, and the voters.
 * `place` writes a place as the report's language does (placeIn of the common catalog).
 */
export function methodSentence(t: Say, area: MethodArea, place: (rank: number) => string): string {
  const method = methodOf(area);
  if (method === "dots") return t("methodDots", { max: area.maxVotes, per: perProposalCap(area), voters: area.voters });
  if (method === "ranking") {
    const scale = Array.from({ length: area.maxVotes }, (_, i) => t("rankingPlace", { place: place(i + 1), n: rankPoints(area.maxVotes, i + 1) })).join(t("listSeparator"));
    return t("methodRanking", { max: area.maxVotes, scale, voters: area.voters });
  }
  return t("methodApproval", { max: area.maxVotes, voters: area.voters });
}

/** A row's count named for the method: "3 votes", "8 dots", "12 points (5 ballots)". */
export function scoreSentence(t: Say, method: VotingMethod, row: { votes: number | null; points?: number | null }): string {
  const votes = row.votes ?? 0;
  const points = row.points ?? votes;
  if (method === "ranking") return t("scorePoints", { points, votes });
  if (method === "dots") return t("scoreDots", { dots: points });
  return t("votes", { votes });
}
