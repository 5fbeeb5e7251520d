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
