// Edits the server would refuse (EVENT_LOCKED, API.md), known beforehand from the organiser's own
// results (privileged: hidden counts included), so the button is disabled with its reason instead
// of failing after a click. Unknown counts (withheld below the threshold) block nothing: the
// server still decides, and explain.ts words its refusal.
import type { Area, AreaResults } from "../../../../shared/schemas";

export function areaDeleteBlocked(area: Pick<Area, "title">, tally: AreaResults | null): string | null {
  return tally && tally.voters > 0 ? `Cannot be deleted: people have voted in “${area.title}”. Close it or rename it instead.` : null;
}

export function proposalDeleteBlocked(proposalId: string, tally: AreaResults | null): string | null {
  const votes = tally?.results.find((r) => r.proposalId === proposalId)?.votes ?? 0;
  return votes > 0 ? `Cannot be deleted: it has ${votes === 1 ? "a vote" : `${votes} votes`}. Its text can still be corrected.` : null;
}

export function addProposalBlocked(area: Pick<Area, "status">, tally: AreaResults | null): string | null {
  if (area.status === "open") return "Proposals cannot be added while the area is open: close it first (phones would see different ballots).";
  if (tally && tally.voters > 0) return "Proposals cannot be added once people have voted here: the choice would change under those who already voted.";
  return null;
}
