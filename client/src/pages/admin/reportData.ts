// The parts of the JSON export (server/exports/json.ts) the printable report reads. Parsed, so a
// report is never printed from a half-understood file.
import * as z from "zod/mini";
import { formatDateTime, formatPercent } from "../../../../shared/i18n/format";
import type { Language } from "../../../../shared/i18n/languages";
import type { Params } from "../../../../shared/i18n/message";
import { Event, FeedbackResults, InviteStats, Results } from "../../../../shared/schemas";

export const ReportExport = z.object({
  generatedAt: z.string(),
  event: Event,
  results: Results,
  areas: z.array(z.object({ id: z.string(), title: z.string(), openedAt: z.nullable(z.string()), closedAt: z.nullable(z.string()) })),
  turnout: z.object({ participants: z.int(), voters: z.int(), invites: z.nullable(InviteStats) }),
  // The evaluation form's counts (API 1.1). Its comments are in the file too, but not parsed: the
  // report never prints them.
  feedback: z.optional(z.object({ results: FeedbackResults })),
});
export type ReportExport = z.infer<typeof ReportExport>;

type T = (key: string, params?: Params) => string;

/** Each proposal's label and whole text, by id: results rows carry the title, the event the body. */
export function proposalTexts(event: Event): Map<string, { label: string; title: string; body: string }> {
  return new Map(event.areas.flatMap((a) => a.proposals.map((p) => [p.id, { label: p.label, title: p.title, body: p.body }])));
}

/** Turnout of people: "54 of 54 expected people voted in at least one area (54 participants joined)." */
export function turnoutSentence(t: T, expected: number, turnout: { participants: number; voters: number }): string {
  const params = { voters: turnout.voters, expected, participants: turnout.participants };
  return t(expected > 0 ? "reportTurnout" : "reportTurnoutNoExpected", params);
}

/** A date and time for the organiser's paper-ballot list (the browser's own locale; that page is not yet in catalogs). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "—" : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function openedClosed(t: T, lang: Language, openedAt: string | null, closedAt: string | null): string {
  if (!openedAt) return t("reportNeverOpened");
  const opened = formatDateTime(lang, openedAt);
  return closedAt ? t("reportOpenedClosed", { opened, closed: formatDateTime(lang, closedAt) }) : t("reportOpenedStill", { opened });
}

/** Votes as a share of the area's voters, as the Markdown report writes it. */
export function shareText(lang: Language, votes: number | null, voters: number): string {
  return votes === null || voters === 0 ? "—" : formatPercent(lang, votes / voters);
}
