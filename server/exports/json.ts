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
      // How each area counted (issue 15), beside its times, so the file can be recounted on its own.
      areas: event.areas.map((a) => ({ id: a.id, title: a.title, method: a.method, maxVotes: a.maxVotes, maxPerProposal: a.maxPerProposal, openedAt: a.openedAt, closedAt: a.closedAt, roundOf: a.roundOf })),
      turnout: {
        participants: results.participants,
        voters: results.voters,
        invites: event.access === "invite" ? invites : null,
        areas: results.areas.map((a) => ({ areaId: a.id, voters: a.voters })),
      },
      // A dots ballot names a proposal once per dot; a ranking lists its proposals in order (first = place 1).
      ballots,
      // Comments only here (the admin's own file), shuffled: never on a screen nor in the other exports.
      feedback: { form: feedback.form, results: feedback.results, comments: feedback.comments },
    },
    null,
    2,
  );
}
