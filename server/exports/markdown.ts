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
      out.push(`- **${ordinal(row.rank ?? 0, isTied(area.results, row.rank))}** ${mdText(row.title)} — ${row.votes} ${plural(row.votes ?? 0, "vote")}`);
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
    out.push("| Rank | Proposal | Votes | Share of voters |", "| ---: | --- | ---: | ---: |");
    for (const row of area.results) {
      const share = area.voters === 0 || row.votes === null ? "—" : `${Math.round((row.votes / area.voters) * 100)}%`;
      out.push(`| ${ordinal(row.rank ?? 0, isTied(area.results, row.rank))} | ${mdText(row.title)} | ${row.votes} | ${share} |`);
    }
    out.push("");
  }
  out.push("## Turnout", "");
  out.push(`- Participants joined: ${results.participants}`);
  if (event.access === "invite") out.push(`- Ballot cards issued: ${invites.issued}, used: ${invites.used}`);
  out.push(`- Voted in at least one area: ${results.voters}`);
  for (const area of results.areas) out.push(`- ${mdText(area.title)}: ${area.voters} ${plural(area.voters, "voter")}`);
  out.push("", "_No names or identities were recorded (Chatham House Rule)._", "");
  return out.join("\n");
}
