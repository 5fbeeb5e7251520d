// The runoff (API 1.1): from a closed area, a new draft area holding the proposals ranked `top` or
// better, so the room can decide between entries the first round left tied at the cut.
import { AppError } from "../../shared/errors";
import { translator } from "../../shared/i18n/catalog";
import { SERVER_CATALOGS } from "../../shared/i18n/catalogs";
import { LIMITS } from "../../shared/limits";
import { topRanked } from "../../shared/ranking";
import type { EventRow } from "../repos/events";
import { enforceQuota, insertAreas, moveArea } from "./content";
import { committed, type Ctx } from "./context";
import { requireArea } from "./event-view";
import { tally } from "./results";

/**
 * Creates the runoff and returns its id. The proposals keep the first round's order (the organiser's
 * positions, not the ranking: a list in ranked order would tell the room how to vote again); the
 * method is the first round's, and so is the vote limit, but (approval, dots) it always leaves at
 * least one proposal out: a runoff where everyone may pick everything decides nothing. The first
 * round's rows are ranked by points (tally), so a ranking's runoff takes its top by Borda points. It goes right after its first round in the programme.
 */
export function createRunoff(ctx: Ctx, event: EventRow, areaId: string, top: number): string {
  const id = ctx.db.transaction(() => {
    const area = requireArea(ctx, event, areaId);
    if (area.status !== "closed") {
      throw new AppError("NOT_ALLOWED", `“${area.title}” is ${area.status}: a runoff starts from a closed area, once its first round is over.`);
    }
    if (ctx.repos.areas.countByEvent(event.id) >= LIMITS.areasPerEvent) throw new AppError("BAD_REQUEST", `An event has at most ${LIMITS.areasPerEvent} areas.`);
    const counted = tally(ctx, event).areas.find((a) => a.id === area.id);
    // Below the privacy threshold the counts are withheld from everyone: a runoff, which the room
    // sees, would tell which proposals those few people chose.
    if (counted?.underThreshold) {
      throw new AppError("NOT_ALLOWED", `“${area.title}” has ${counted.voters} voters, below the privacy threshold of ${event.privacy_threshold}: a runoff would reveal what they chose.`);
    }
    const rows = counted?.rows ?? [];
    // The same rule as the report's "top N": ties at the cut all go through, a proposal nobody chose never does.
    const through = new Set(topRanked(rows, top).map((r) => r.proposalId));
    if (through.size < 2) {
      throw new AppError("NOT_ALLOWED", through.size === 0
        ? `Nobody voted in “${area.title}”: there is nothing to hold a runoff of.`
        : `Only one proposal of “${area.title}” has votes in its top ${top}: it needs no runoff.`);
    }
    const proposals = ctx.repos.proposals.byArea(area.id).filter((p) => through.has(p.id));
    const t = translator(event.language, SERVER_CATALOGS[event.language].report);
    // A ranking may order every proposal of the runoff (a full ranking still decides, by points).
    const maxVotes = Math.max(1, Math.min(area.max_votes, area.method === "ranking" ? proposals.length : proposals.length - 1));
    const [runoffId] = insertAreas(ctx, event.id, event.votes_per_area, [{
      title: clip(t("runoffAreaTitle", { area: area.title }), area.title),
      maxVotes,
      // The first round's method, and its cap per proposal (within the runoff's limit).
      method: area.method,
      maxPerProposal: Math.min(area.max_per_proposal, maxVotes),
      proposals: proposals.map((p) => (p.body ? { title: p.title, body: p.body } : { title: p.title })),
    }], ctx.repos.areas.countByEvent(event.id));
    if (!runoffId) throw new Error("no runoff area inserted");
    ctx.repos.areas.setRoundOf(runoffId, area.id);
    const runoff = ctx.repos.areas.byId(runoffId, event.id);
    // Right after the first round, wherever it stands (by its place in the list, not its stored position).
    const after = ctx.repos.areas.byEvent(event.id).filter((a) => a.id !== runoffId).findIndex((a) => a.id === area.id) + 1;
    if (runoff) moveArea(ctx, event, runoff, after);
    enforceQuota(ctx, event.id);
    ctx.repos.events.bumpSeq(event.id);
    return runoffId;
  })();
  committed(ctx, "contentChanged", { eventId: event.id });
  return id;
}

/** The runoff's title within the area title limit: the first round's title is shortened, never the words around it. */
function clip(titled: string, original: string): string {
  if (titled.length <= LIMITS.areaTitle) return titled;
  const over = titled.length - LIMITS.areaTitle + 1;
  return titled.replace(original, `${original.slice(0, Math.max(1, original.length - over))}…`);
}
