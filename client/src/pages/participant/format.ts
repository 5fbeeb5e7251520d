// Small wording helpers of the phone page. Proposal texts are whole paragraphs that end with their
// own punctuation, so sentences that name proposals name them by label ("PH-3 and PH-7"), never by
// text glued together with extra separators.
import type { Proposal } from "../../../../shared/schemas";

const list = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/** "PH-3", "PH-3 and PH-7", "AD-1, AD-4, and AD-6". */
export function listOf(items: readonly string[]): string {
  return list.format(items);
}

/** How a proposal is named in a sentence: its label, or its text without a trailing full stop. */
export function shortName(p: Pick<Proposal, "label" | "title">): string {
  return p.label || p.title.replace(/[\s.;,:]+$/u, "");
}

/** The proposals of `ids`, in the area's own order (labels read in sequence). */
export function namesOf(proposals: readonly Proposal[], ids: readonly string[]): string[] {
  const chosen = new Set(ids);
  return [...proposals].sort((a, b) => a.position - b.position).filter((p) => chosen.has(p.id)).map(shortName);
}

/** "Your choices: PH-3 and PH-7." */
export function choicesSentence(names: readonly string[]): string {
  if (names.length === 0) return "You did not vote in this area.";
  return `${names.length === 1 ? "Your choice" : "Your choices"}: ${listOf(names)}.`;
}
