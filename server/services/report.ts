// Everything an export needs, read in one go: the event, its final (privileged) results, turnout
// and the anonymised ballots. Shared by the export route and the command-line export.
import type { Event, Feedback, FeedbackResults, InviteStats, Results } from "../../shared/schemas";
import type { EventRow } from "../repos/events";
import type { Ctx } from "./context";
import { eventView } from "./event-view";
import { results } from "./results";
import { shuffle } from "../crypto";
import { feedbackComments, feedbackResults, feedbackView } from "./feedback";

export interface ReportData {
  event: Event;
  results: Results;
  invites: InviteStats;
  /** One entry per participant-area ballot, shuffled, nothing that identifies the participant. */
  ballots: Array<{ areaId: string; proposalIds: string[] }>;
  generatedAt: string;
  /** The evaluation form (API 1.1): the form, its counts (privacy threshold applied), its comments shuffled. */
  feedback: { form: Feedback; results: FeedbackResults; comments: Array<{ questionId: string; text: string }> };
}

export function reportData(ctx: Ctx, row: EventRow): ReportData {
  return ctx.db.transaction(() => {
    const res = results(ctx, row, "privileged");
    const withheld = new Set(res.areas.filter((a) => a.withheld).map((a) => a.id));
    const grouped = new Map<string, { areaId: string; proposalIds: string[] }>();
    for (const v of ctx.repos.votes.ballotsOfEvent(row.id)) {
      // Ballots of a withheld area would give away the counts the threshold hides.
      if (withheld.has(v.area_id)) continue;
      const key = `${v.participant_id}/${v.area_id}`;
      const entry = grouped.get(key) ?? { areaId: v.area_id, proposalIds: [] };
      entry.proposalIds.push(v.proposal_id);
      grouped.set(key, entry);
    }
    return {
      event: eventView(ctx, row),
      results: res,
      invites: ctx.repos.invites.stats(row.id),
      ballots: shuffle([...grouped.values()]),
      generatedAt: ctx.now(),
      feedback: { form: feedbackView(ctx, row), results: feedbackResults(ctx, row, "privileged"), comments: feedbackComments(ctx, row) },
    };
  })();
}

/** A proposal as written, never cut: its title (often the whole paragraph), then its background if any. */
export function fullText(p: { title: string; body: string }): string {
  return p.body ? `${p.title}\n\n${p.body}` : p.title;
}
