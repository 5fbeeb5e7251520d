// CSV export (API.md): RFC 4180, UTF-8 with BOM for spreadsheet programs, formula injection defused.
import { isolateBidi } from "../../shared/text";
import type { ReportData } from "../services/report";
import { fullText } from "../services/report";
import { SERVER_CATALOGS } from "../../shared/i18n/catalogs";
import { SLOT_KEYS } from "../../shared/feedback";

export function csvCell(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  // A cell a spreadsheet would evaluate as a formula is prefixed so it stays text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  // Right-to-left text is isolated so a row read as a line keeps its cells in order (shared/text.ts).
  s = isolateBidi(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(data: ReportData): string {
  // API 1.1 adds label and text after the five columns of version 1, then (issue 15) the area's
  // method and the row's points, what it is ranked by — always after, so earlier readers still work.
  const lines = [["area", "rank", "proposal", "votes", "share_of_voters", "label", "text", "method", "points"].join(",")];
  const proposals = new Map(data.event.areas.flatMap((a) => a.proposals.map((p) => [p.id, p])));
  for (const area of data.results.areas) {
    for (const row of area.results) {
      const share = row.votes === null ? null : area.voters === 0 ? 0 : Math.round((row.votes / area.voters) * 10000) / 10000;
      const proposal = proposals.get(row.proposalId);
      const text = proposal ? fullText(proposal) : row.title;
      lines.push([csvCell(area.title), csvCell(row.rank), csvCell(row.title), csvCell(row.votes), csvCell(share), csvCell(row.label), csvCell(text), csvCell(area.method), csvCell(row.points)].join(","));
    }
  }
  lines.push(...feedbackRows(data));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * The evaluation form's aggregate rows, after the areas, in the same columns (method and points
 * empty: an answer is no vote): `area` is
 * "feedback", `rank` the answer's place on its scale (1 = the negative end), `proposal` the question,
 * `votes` the count, `share_of_voters` its share of those who answered the question, `label`
 * kind:value as the API writes answers, `text` the answer in the event's language. Then a row
 * `kind:agreed` with the share that agreed. Comments are counted, never written. Nothing when withheld.
 */
function feedbackRows(data: ReportData): string[] {
  const { results } = data.feedback;
  if (results.withheld) return [];
  const words = SERVER_CATALOGS[data.event.language].feedback;
  const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 10000) / 10000);
  const row = (rank: number | null, prompt: string, count: number | null, s: number | null, label: string, text: string) =>
    ["feedback", csvCell(rank), csvCell(prompt), csvCell(count), csvCell(s), csvCell(label), csvCell(text), "", ""].join(",");
  const out: string[] = [];
  for (const q of results.questions) {
    const counts = q.counts ?? [];
    const answered = q.answered ?? 0;
    if (q.kind === "text") {
      out.push(row(null, q.prompt, answered, null, "text:comments", ""));
      continue;
    }
    const keys = q.kind === "choice" ? null : SLOT_KEYS[q.kind];
    counts.forEach((n, slot) => {
      const value = q.kind === "yesno" ? (slot === 1 ? "yes" : "no") : q.kind === "choice" ? String(slot) : String(slot + 1);
      const key = keys?.[slot];
      const text = key ? words[key] : (q.options?.[slot] ?? "");
      out.push(row(slot + 1, q.prompt, n, share(n, answered), `${q.kind}:${value}`, text));
    });
    if (q.agreedShare !== null) {
      const agreed = Math.round(q.agreedShare * answered);
      out.push(row(null, q.prompt, agreed, share(agreed, answered), `${q.kind}:agreed`, ""));
    }
  }
  return out;
}
