// Edits the server would refuse (EVENT_LOCKED, API.md), known beforehand from the organiser's own
// results (privileged: hidden counts included), so the button is disabled with its reason instead
// of failing after a click. Unknown counts (withheld below the threshold) block nothing: the
// server still decides, and explain.ts words its refusal. Each answers with its sentence in the
// page's language (`t` of the organiser catalog).
import type { Params } from "../../../../shared/i18n/message";
import type { Area, AreaResults } from "../../../../shared/schemas";

type Say = (key: string, params?: Params) => string;

/** Whether people have voted in the area (its sentence names the area: AreaEditor words it, the title isolated). */
export function areaDeleteBlocked(tally: AreaResults | null): boolean {
  return Boolean(tally && tally.voters > 0);
}

export function proposalDeleteBlocked(t: Say, proposalId: string, tally: AreaResults | null): string | null {
  const votes = tally?.results.find((r) => r.proposalId === proposalId)?.votes ?? 0;
  return votes > 0 ? t("blockedDeleteProposal", { votes }) : null;
}

export function addProposalBlocked(t: Say, area: Pick<Area, "status">, tally: AreaResults | null): string | null {
  if (area.status === "open") return t("blockedAddOpen");
  if (tally && tally.voters > 0) return t("blockedAddVoted");
  return null;
}

/** Whether the area's method (and a dots area's cap) is fixed: people have voted, the server would answer EVENT_LOCKED. */
export function methodBlocked(tally: AreaResults | null): boolean {
  return Boolean(tally && tally.voters > 0);
}
