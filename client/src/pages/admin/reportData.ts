// The parts of the JSON export (server/exports/json.ts) the printable report reads. Parsed, so a
// report is never printed from a half-understood file.
import * as z from "zod/mini";
import { Event, InviteStats, Results } from "../../../../shared/schemas";

export const ReportExport = z.object({
  generatedAt: z.string(),
  event: Event,
  results: Results,
  areas: z.array(z.object({ id: z.string(), title: z.string(), openedAt: z.nullable(z.string()), closedAt: z.nullable(z.string()) })),
  turnout: z.object({ participants: z.int(), voters: z.int(), invites: z.nullable(InviteStats) }),
});
export type ReportExport = z.infer<typeof ReportExport>;

/** Each proposal's label and whole text, by id: results rows carry the title, the event the body. */
export function proposalTexts(event: Event): Map<string, { label: string; title: string; body: string }> {
  return new Map(event.areas.flatMap((a) => a.proposals.map((p) => [p.id, { label: p.label, title: p.title, body: p.body }])));
}

/** Turnout of people: "54 of 54 expected people voted in at least one area (54 participants joined)." */
export function turnoutSentence(expected: number, turnout: { participants: number; voters: number }): string {
  const joined = `${turnout.participants} ${turnout.participants === 1 ? "participant" : "participants"} joined`;
  const people = turnout.voters === 1 ? "person" : "people";
  return expected > 0
    ? `${turnout.voters} of ${expected} expected ${people} voted in at least one area (${joined}).`
    : `${turnout.voters} ${people} voted in at least one area (${joined}).`;
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "—" : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function openedClosed(openedAt: string | null, closedAt: string | null): string {
  if (!openedAt) return "never opened";
  return `opened ${formatTime(openedAt)} · ${closedAt ? `closed ${formatTime(closedAt)}` : "still open"}`;
}

/** Votes as a share of the area's voters, as the Markdown report writes it. */
export function shareText(votes: number | null, voters: number): string {
  return votes === null || voters === 0 ? "—" : `${Math.round((votes / voters) * 100)}%`;
}
