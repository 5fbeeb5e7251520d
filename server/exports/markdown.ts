// Markdown report (API.md): per area 1st/2nd/3rd with counts (ties as =2nd), the full ranking as an
// annex, then turnout — the form a meeting report uses, in the event's language (API 1.1): every
// sentence from the `report` catalog, places from `common`, numbers and shares through Intl.
import { SERVER_CATALOGS } from "../../shared/i18n/catalogs";
import { translator } from "../../shared/i18n/catalog";
import { formatNumber, formatPercent } from "../../shared/i18n/format";
import { dir, type Language } from "../../shared/i18n/languages";
import { placeIn } from "../../shared/i18n/places";
import { isTied, topRanked } from "../../shared/ranking";
import { isolateBidi } from "../../shared/text";
import type { ReportData } from "../services/report";
import { evaluationText } from "../../shared/feedback-report";
import { methodSentence, scoreSentence } from "../../shared/method-report";
import { methodOf } from "../../shared/rules";

const FSI = "\u2068";
const PDI = "\u2069";

/** Markdown-escape text from organisers, so a title cannot restructure the report nor reorder its line. */
export function mdText(s: string): string {
  // Only inline markup: titles never start a line of the report, so list and heading markers are harmless.
  return isolateBidi(s.replace(/([\\`*_[\]|<>])/g, "\\$1").replace(/\r?\n/g, " "));
}

/**
 * In a right-to-left report every piece of organisers' text and every label is isolated, not only
 * right-to-left text: an English title or "PH-3" inside an Arabic line would otherwise take the
 * punctuation next to it into its own direction ("3-PH"). isolateBidi left the text unwrapped only
 * when it holds no right-to-left letter and no bidi control, so wrapping it here is safe.
 */
function isolated(rtl: boolean, s: string): string {
  const out = isolateBidi(s);
  return rtl && out === s ? `${FSI}${s}${PDI}` : out;
}

export function toMarkdown(data: ReportData, top = 3, lang: Language = data.event.language): string {
  const { event, results, invites } = data;
  const catalogs = SERVER_CATALOGS[lang];
  const t = translator(lang, catalogs.report);
  const rtl = dir(lang) === "rtl";
  const text = (s: string) => (rtl ? isolated(true, mdText(s)) : mdText(s));
  const label = (s: string) => isolated(rtl, s);
  const num = (n: number) => formatNumber(lang, n);
  const place = (rank: number, tied: boolean) => placeIn(lang, catalogs.common, rank, tied);
  const bodies = new Map(event.areas.flatMap((a) => a.proposals.map((p) => [p.id, p.body])));
  // The whole proposal, never cut (API 1.1): the title is often the group's full paragraph.
  // Where a proposal came from (issue 13): marked in the annex when it was the room's suggestion.
  const fromRoom = new Set(event.areas.flatMap((a) => a.proposals.filter((p) => p.origin === "suggestion").map((p) => p.id)));
  const whole = (row: { proposalId: string; title: string }) => {
    const body = bodies.get(row.proposalId);
    const own = body ? `${text(row.title)} — ${text(body)}` : text(row.title);
    return fromRoom.has(row.proposalId) ? `${own} ${t("fromRoom")}` : own;
  };
  // In the top list the background goes under its proposal, so "— N votes" ends the proposal's own line.
  const background = (row: { proposalId: string }) => {
    const body = bodies.get(row.proposalId);
    return body ? [`  - ${text(body)}`] : [];
  };
  // Rounds (API 1.1): a runoff says which area's first round it decides, so the report reads as two rounds.
  const titles = new Map(event.areas.map((a) => [a.id, a.title]));
  const roundOf = new Map(event.areas.flatMap((a) => (a.roundOf && titles.has(a.roundOf) ? [[a.id, titles.get(a.roundOf) ?? ""] as const] : [])));
  const round = (areaId: string) => {
    const first = roundOf.get(areaId);
    return first === undefined ? [] : [`_${t("runoffOf", { area: text(first) })}_`, ""];
  };
  // Each area says how it was counted (API 1.1): its method, and for a ranking the points per place.
  const howCounted = (area: (typeof results.areas)[number]) => methodSentence(t, area, (rank) => place(rank, false));
  const anyMethod = results.areas.some((a) => methodOf(a) !== "approval");
  const intro = anyMethod ? "introMethods" : event.areas.some((a) => a.maxVotes !== event.votesPerArea) ? "introMixed" : "intro";
  const out: string[] = [`# ${t("title", { event: text(event.title) })}`, ""];
  out.push(t(intro, { n: event.votesPerArea, tie: place(2, true) }), "");
  out.push(`## ${t("topHeading", { n: top })}`, "");
  for (const area of results.areas) {
    out.push(`### ${text(area.title)}`, "", ...round(area.id));
    // Approval reads as the intro says; another method is named where its numbers are.
    if (methodOf(area) !== "approval") out.push(`_${howCounted(area)}_`, "");
    if (area.withheld) {
      out.push(t("withheld", { voters: area.voters, threshold: event.privacyThreshold }), "");
      continue;
    }
    if (area.voters === 0) {
      out.push(t("noVotes"), "");
      continue;
    }
    for (const row of topRanked(area.results, top)) {
      const votes = scoreSentence(t, methodOf(area), row);
      out.push(`- **${place(row.rank ?? 0, isTied(area.results, row.rank))}** (${label(row.label)}) ${text(row.title)} — ${votes}`, ...background(row));
    }
    out.push("");
  }
  out.push(`## ${t("annexHeading")}`, "");
  for (const area of results.areas) {
    out.push(`### ${text(area.title)}`, "", ...round(area.id), howCounted(area), "");
    if (area.withheld) {
      out.push(t("withheldShort"), "");
      continue;
    }
    const method = methodOf(area);
    const count = (n: number | null) => (n === null ? "—" : num(n));
    const share = (n: number | null, of: number) => (of === 0 || n === null ? "—" : formatPercent(lang, n / of));
    const head = (cols: string[]) => [`| ${cols.join(" | ")} |`, `| ---: | --- | --- |${" ---: |".repeat(cols.length - 3)}`];
    const placeOf = (row: (typeof area.results)[number]) => place(row.rank ?? 0, isTied(area.results, row.rank));
    // Points beside the ballots where they differ (ranking); dots as a share of every dot placed,
    // since one voter's dots may all be on one proposal and a share of voters would mislead.
    if (method === "ranking") {
      out.push(...head([t("colRank"), t("colLabel"), t("colProposal"), t("colPoints"), t("colBallots"), t("colShare")]));
      for (const row of area.results) out.push(`| ${placeOf(row)} | ${label(row.label)} | ${whole(row)} | ${count(row.points ?? row.votes)} | ${count(row.votes)} | ${share(row.votes, area.voters)} |`);
    } else if (method === "dots") {
      const dots = area.results.reduce((n, r) => n + (r.votes ?? 0), 0);
      out.push(...head([t("colRank"), t("colLabel"), t("colProposal"), t("colDots"), t("colShareDots")]));
      for (const row of area.results) out.push(`| ${placeOf(row)} | ${label(row.label)} | ${whole(row)} | ${count(row.votes)} | ${share(row.votes, dots)} |`);
    } else {
      out.push(...head([t("colRank"), t("colLabel"), t("colProposal"), t("colVotes"), t("colShare")]));
      for (const row of area.results) out.push(`| ${placeOf(row)} | ${label(row.label)} | ${whole(row)} | ${count(row.votes)} | ${share(row.votes, area.voters)} |`);
    }
    out.push("");
  }
  out.push(`## ${t("turnoutHeading")}`, "");
  if (event.expectedParticipants > 0) out.push(`- ${t("expected", { n: event.expectedParticipants })}`);
  out.push(`- ${t("joined", { n: results.participants })}`);
  if (event.access === "invite") out.push(`- ${t("cards", { issued: invites.issued, used: invites.used })}`);
  out.push(`- ${event.expectedParticipants > 0 ? t("votedAnyOf", { voters: results.voters, expected: event.expectedParticipants }) : t("votedAny", { voters: results.voters })}`);
  for (const area of results.areas) out.push(`- ${t("areaVoters", { area: text(area.title), voters: area.voters })}`);
  // Counts only, never whose: said only when the room suggested anything that became part of the vote.
  const all = event.areas.flatMap((a) => a.proposals);
  const merged = all.reduce((n, p) => n + p.merged, 0);
  if (fromRoom.size > 0 || merged > 0) out.push(`- ${t("origins", { groups: all.length - fromRoom.size, room: fromRoom.size, merged })}`);
  // The report ends with the evaluation, as the forum's own report does (API 1.1).
  const evaluation = evaluationText(lang, t, data.feedback.results, event.privacyThreshold, text);
  if (evaluation) {
    out.push("", `## ${evaluation.heading}`, "", evaluation.summary, "");
    for (const line of evaluation.lines) out.push(`- ${line}`);
  }
  out.push("", `_${t("chatham")}_`, "");
  return out.join("\n");
}
