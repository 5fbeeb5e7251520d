// CSV export (API.md): RFC 4180, UTF-8 with BOM for spreadsheet programs, formula injection defused.
import { isolateBidi } from "../../shared/text";
import type { ReportData } from "../services/report";

export function csvCell(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  // A cell a spreadsheet would evaluate as a formula is prefixed so it stays text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  // Right-to-left text is isolated so a row read as a line keeps its cells in order (shared/text.ts).
  s = isolateBidi(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(data: ReportData): string {
  const lines = [["area", "rank", "proposal", "votes", "share_of_voters"].join(",")];
  for (const area of data.results.areas) {
    for (const row of area.results) {
      const share = row.votes === null ? null : area.voters === 0 ? 0 : Math.round((row.votes / area.voters) * 10000) / 10000;
      lines.push([csvCell(area.title), csvCell(row.rank), csvCell(row.title), csvCell(row.votes), csvCell(share)].join(","));
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
