// JSON export (API.md): event, final results, per-area times, turnout, anonymised ballots.
import type { ReportData } from "../services/report";

export function toJson(data: ReportData): string {
  const { event, results, invites, ballots, generatedAt, feedback } = data;
  return JSON.stringify(
    {
      format: "plenary-results/1",
      generatedAt,
      event,
      results,
      areas: event.areas.map((a) => ({ id: a.id, title: a.title, openedAt: a.openedAt, closedAt: a.closedAt, roundOf: a.roundOf })),
      turnout: {
        participants: results.participants,
        voters: results.voters,
        invites: event.access === "invite" ? invites : null,
        areas: results.areas.map((a) => ({ areaId: a.id, voters: a.voters })),
      },
      ballots,
      // Comments only here (the admin's own file), shuffled: never on a screen nor in the other exports.
      feedback: { form: feedback.form, results: feedback.results, comments: feedback.comments },
    },
    null,
    2,
  );
}
