// Small wording helpers of the phone page. Proposal texts are whole paragraphs that end with their
// own punctuation, so sentences that name proposals name them by label ("PH-3 and PH-7"), never by
// text glued together with extra separators.
import type { Proposal, ResultRow, VotingMethod } from "../../../../shared/schemas";
import type { PhoneText } from "./text";

/** How a proposal is named in a sentence: its label, or its text without a trailing full stop. */
export function shortName(p: Pick<Proposal, "label" | "title">): string {
  return p.label || p.title.replace(/[\s.;,:]+$/u, "");
}

/** The proposals of `ids`, in the area's own order (labels read in sequence). */
export function namesOf(proposals: readonly Proposal[], ids: readonly string[]): string[] {
  const chosen = new Set(ids);
  return [...proposals].sort((a, b) => a.position - b.position).filter((p) => chosen.has(p.id)).map(shortName);
}

/** The proposals of a ballot as it reads: a ranking in its order of preference, else as namesOf. */
export function ballotNames(area: { method?: string; proposals: readonly Proposal[] }, ids: readonly string[]): string[] {
  if (area.method !== "ranking") return namesOf(area.proposals, ids);
  const byId = new Map(area.proposals.map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const p = byId.get(id);
    return p ? [shortName(p)] : [];
  });
}

/** "Your choices: PH-3 and PH-7." in the phone's language (the list as the language writes one). */
export function choicesSentence(text: PhoneText, names: readonly string[]): string {
  return text.t("choices", { n: names.length, list: text.list(names) });
}

/** What a row is ranked by, labelled for the method: "12 points" (ranking), "8 dots", "30 votes". */
export function scoreText(text: PhoneText, method: VotingMethod, row: Pick<ResultRow, "votes" | "points">): string {
  if (method === "ranking") return text.t("resultPoints", { points: row.points ?? 0 });
  if (method === "dots") return text.t("resultDots", { dots: row.points ?? row.votes ?? 0 });
  return text.t("votes", { votes: row.votes ?? 0 });
}
