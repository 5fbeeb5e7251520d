// Paper ballots follow the phone's rules (shared/rules.ts) with one difference the server makes too
// (checkAreaBallot's `paper` option): a closed area still takes them, because the paper was filled
// in while it was open and is typed in afterwards. A draft area never does.
import { toggleBallot, type RuleCheck } from "../../../../shared/rules";
import type { Area } from "../../../../shared/schemas";

export function takesPaper(area: Pick<Area, "status">): boolean {
  return area.status !== "draft";
}

/** A tick on the paper form: the phone's toggle, with a closed area read as open; a refusal is a `rules` key. */
export function togglePaper(area: Area, chosen: readonly string[], proposalId: string): RuleCheck {
  return toggleBallot({ ...area, status: takesPaper(area) ? "open" : area.status }, chosen, proposalId);
}
