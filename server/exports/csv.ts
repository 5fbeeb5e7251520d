// CSV export (API.md): RFC 4180, UTF-8 with BOM for spreadsheet programs, formula injection defused.
import { isolateBidi } from "../../shared/text";
import type { ReportData } from "../services/report";
import { fullText } from "../services/report";

export function csvCell(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  // A cell a spreadsheet would evaluate as a formula is prefixed so it stays text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  // Right-to-left text is isolated so a row read as a line keeps its cells in order (shared/text.ts).
  s = isolateBidi(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(data: ReportData): string {
  // API 1.1 adds label and text after the five columns of version 1, so version-1 readers still work.
  const lines = [["area", "rank", "proposal", "votes", "share_of_voters", "label", "text"].join(",")];
  const proposals = new Map(data.event.areas.flatMap((a) => a.proposals.map((p) => [p.id, p])));
  for (const area of data.results.areas) {
    for (const row of area.results) {
      const share = row.votes === null ? null : area.voters === 0 ? 0 : Math.round((row.votes / area.voters) * 10000) / 10000;
      const proposal = proposals.get(row.proposalId);
      const text = proposal ? fullText(proposal) : row.title;
      lines.push([csvCell(area.title), csvCell(row.rank), csvCell(row.title), csvCell(row.votes), csvCell(share), csvCell(row.label), csvCell(text)].join(","));
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
