// Paper ballots follow the phone's rules (shared/rules.ts) with one difference the server makes too
// (checkAreaBallot's `paper` option): a closed area still takes them, because the paper was filled
// in while it was open and is typed in afterwards. A draft area never does.
import { toggleChoice, type ToggleResult } from "../../../../shared/rules";
import type { Area } from "../../../../shared/schemas";

export function takesPaper(area: Pick<Area, "status">): boolean {
  return area.status !== "draft";
}

/** A tick on the paper form: the phone's toggle, with a closed area read as open. */
export function togglePaper(area: Area, chosen: readonly string[], proposalId: string): ToggleResult {
  return toggleChoice({ ...area, status: takesPaper(area) ? "open" : area.status }, chosen, proposalId);
}

/** "tick at most 2" — the rule the printed ballot and the form state in the same words. */
export function tickRule(maxVotes: number): string {
  return maxVotes === 1 ? "tick at most 1" : `tick at most ${maxVotes}`;
}
