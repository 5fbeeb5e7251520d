// Markdown report (API.md): per area 1st/2nd/3rd with counts (ties as =2nd), the full ranking as an
// annex, then turnout — the form a meeting report uses.
import { isTied, ordinal, topRanked } from "../../shared/ranking";
import { plural } from "../../shared/rules";
import { isolateBidi } from "../../shared/text";
import type { ReportData } from "../services/report";

/** Markdown-escape text from organisers, so a title cannot restructure the report nor reorder its line. */
export function mdText(s: string): string {
  // Only inline markup: titles never start a line of the report, so list and heading markers are harmless.
  return isolateBidi(s.replace(/([\\`*_[\]|<>])/g, "\\$1").replace(/\r?\n/g, " "));
}

export function toMarkdown(data: ReportData, top = 3): string {
  const { event, results, invites } = data;
  const bodies = new Map(event.areas.flatMap((a) => a.proposals.map((p) => [p.id, p.body])));
  // The whole proposal, never cut (API 1.1): the title is often the group's full paragraph.
  const whole = (row: { proposalId: string; title: string }) => {
    const body = bodies.get(row.proposalId);
    return body ? `${mdText(row.title)} — ${mdText(body)}` : mdText(row.title);
  };
  // In the top list the background goes under its proposal, so "— N votes" ends the proposal's own line.
  const background = (row: { proposalId: string }) => {
    const body = bodies.get(row.proposalId);
    return body ? [`  - ${mdText(body)}`] : [];
  };
  const out: string[] = [`# ${mdText(event.title)} — results`, ""];
  out.push(`Each participant could choose up to ${event.votesPerArea} ${plural(event.votesPerArea, "proposal")} per area` +
    `${event.areas.some((a) => a.maxVotes !== event.votesPerArea) ? " (some areas differ; see the annex)" : ""}. ` +
    "Equal votes share a rank (=2nd).", "");
  out.push(`## Top ${top} per area`, "");
  for (const area of results.areas) {
    out.push(`### ${mdText(area.title)}`, "");
    if (area.withheld) {
      out.push(`Results withheld (${area.voters} ${plural(area.voters, "voter")}, below the privacy threshold of ${event.privacyThreshold}).`, "");
      continue;
    }
    if (area.voters === 0) {
      out.push("No votes were cast.", "");
      continue;
    }
    for (const row of topRanked(area.results, top)) {
      out.push(`- **${ordinal(row.rank ?? 0, isTied(area.results, row.rank))}** (${row.label}) ${mdText(row.title)} — ${row.votes} ${plural(row.votes ?? 0, "vote")}`, ...background(row));
    }
    out.push("");
  }
  out.push("## Annex: full ranking", "");
  for (const area of results.areas) {
    out.push(`### ${mdText(area.title)}`, "", `Up to ${area.maxVotes} ${plural(area.maxVotes, "vote")} per participant; ${area.voters} ${plural(area.voters, "voter")}.`, "");
    if (area.withheld) {
      out.push("Withheld.", "");
      continue;
    }
    out.push("| Rank | Label | Proposal | Votes | Share of voters |", "| ---: | --- | --- | ---: | ---: |");
    for (const row of area.results) {
      const share = area.voters === 0 || row.votes === null ? "—" : `${Math.round((row.votes / area.voters) * 100)}%`;
      out.push(`| ${ordinal(row.rank ?? 0, isTied(area.results, row.rank))} | ${row.label} | ${whole(row)} | ${row.votes} | ${share} |`);
    }
    out.push("");
  }
  out.push("## Turnout", "");
  if (event.expectedParticipants > 0) out.push(`- Expected participants: ${event.expectedParticipants}`);
  out.push(`- Participants joined: ${results.participants}`);
  if (event.access === "invite") out.push(`- Ballot cards issued: ${invites.issued}, used: ${invites.used}`);
  out.push(`- Voted in at least one area: ${results.voters}${event.expectedParticipants > 0 ? ` of ${event.expectedParticipants} expected` : ""}`);
  for (const area of results.areas) out.push(`- ${mdText(area.title)}: ${area.voters} ${plural(area.voters, "voter")}`);
  out.push("", "_No names or identities were recorded (Chatham House Rule)._", "");
  return out.join("\n");
}
