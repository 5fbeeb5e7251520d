// A ranked bar chart, purely presentational, for the projector's live bars: each row is the
// proposal's label and text with its bar drawn behind it (a tint with a solid foot, as long as the
// share of the leader's votes), so the text gets the row's whole width. Rows sit in a stable DOM
// order (by id) and move by transform, so a change of rank glides rather than jumps. A screen reader
// reads in DOM order, so the drawn chart is hidden from it and a visually hidden list says the same
// in ranked order ("1st, AD-3, text: 30 votes"): what a blind facilitator follows on the laptop.
// It knows no language: the caller gives each row its place ("1st", "الأول") and the words for a
// count. Bars grow from the inline-start side and columns flow in reading order, so in a
// right-to-left page (Arabic) the chart is mirrored by the CSS alone.
import type { CSSProperties } from "react";
import "./BarChart.css";

export interface BarChartRow {
  id: string;
  /** "PH-3", shown before the text when given. */
  label?: string;
  title: string;
  votes: number;
  rank: number;
  /** The place as the page's language writes it ("1st", "=2nd"); empty before any vote. */
  place?: string;
  /** What a screen reader hears after the title, when the row says more than its count (": 12 points from 5 ballots"). */
  spoken?: string;
}

export interface BarChartProps {
  /** Rows in ranked order (as Results gives them). */
  rows: readonly BarChartRow[];
  /** The count that fills a bar; the leader's count keeps the chart's full width in use. */
  maxVotes: number;
  /** Columns the rows flow into, top to bottom then in reading order. */
  columns?: number;
  /** Ranks up to this (with at least one vote) are drawn in the accent colour. */
  highlightTop?: number;
  /** A count as shown on the bar (the page language's digits and grouping). */
  count?: (votes: number) => string;
  /** A count as a screen reader says it after the title (": 30 votes"). */
  spoken?: (votes: number) => string;
  label?: string;
  className?: string;
  /** The count column's width in em, for a count with its unit ("12 points"); a bare number fits the default. */
  countEm?: number;
}

/** The count column's width for counts as shown: a bare number fits the default 2.1em. */
export function countEm(counts: readonly string[]): number {
  const longest = Math.max(0, ...counts.map((c) => c.length));
  // 0.64em a character: wide enough for bold Arabic letters too, measured at 1080p ("132 نقطة").
  return Math.max(2.1, Number((longest * 0.64 + 0.2).toFixed(2)));
}

/** The label column's width: the longest label's, so every row's text starts at the same place. */
export function labelEm(rows: ReadonlyArray<{ label?: string }>): number {
  const longest = Math.max(0, ...rows.map((r) => r.label?.length ?? 0));
  return longest === 0 ? 0 : Number((longest * 0.66 + 0.2).toFixed(2));
}

/** The place column's width: "=10th" fits the default; "الثاني مكرر" (tied 2nd in Arabic) needs more. */
export function placeEm(rows: ReadonlyArray<{ place?: string }>): number {
  const longest = Math.max(0, ...rows.map((r) => r.place?.length ?? 0));
  return Math.max(3.1, Number((longest * 0.58).toFixed(2)));
}

export function BarChart({ rows, maxVotes, columns = 1, highlightTop = 3, count = String, spoken, label, className, countEm: countW }: BarChartProps) {
  const cols = Math.max(1, Math.min(columns, rows.length || 1));
  const perColumn = Math.max(1, Math.ceil(rows.length / cols));
  const scale = Math.max(1, maxVotes);
  const slot = new Map(rows.map((r, i) => [r.id, i]));
  const stable = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const style = { "--bar-rows": perColumn, "--bar-cols": cols, "--bar-label-w": `${labelEm(rows)}em`, "--bar-place-w": `${placeEm(rows)}em`, ...(countW ? { "--bar-count-w": `${countW}em` } : {}) } as CSSProperties;

  return (
    <>
    <ol className="visually-hidden" aria-label={label} data-testid="bars-spoken">
      {rows.map((row) => (
        <li key={row.id}>
          {row.place ? `${row.place} ` : ""}
          {row.label ? <><bdi>{row.label}</bdi>{" "}</> : null}
          <span dir="auto">{row.title}</span>
          {row.spoken ?? (spoken ? spoken(row.votes) : ` ${count(row.votes)}`)}
        </li>
      ))}
    </ol>
    <ol className={`bar-chart${className ? ` ${className}` : ""}`} aria-hidden="true" style={style}>
      {stable.map((row) => {
        const i = slot.get(row.id) ?? 0;
        const share = Math.min(1, Math.max(0, row.votes) / scale);
        const top = row.votes > 0 && row.rank <= highlightTop;
        // The column and line are custom properties: the CSS turns them into a move in reading order.
        const rowStyle = { "--bar-col": Math.floor(i / perColumn), "--bar-line": i % perColumn } as CSSProperties;
        return (
          <li key={row.id} className={`bar-row${top ? " top" : ""}`} style={rowStyle} aria-posinset={i + 1} aria-setsize={rows.length}>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ inlineSize: `${(100 * share).toFixed(2)}%` }} />
            </span>
            <span className="bar-place">{row.place ?? ""}</span>
            <span className="bar-label"><bdi>{row.label ?? ""}</bdi></span>
            <span className="bar-title" dir="auto">{row.title}</span>
            <span className="bar-count">{count(row.votes)}</span>
          </li>
        );
      })}
    </ol>
    </>
  );
}
