// The report's bar chart, drawn as SVG so it prints crisp at any scale and survives "save as PDF"
// as vectors. Black on white with grey bars (a greyscale printer loses nothing), one bar per
// proposal in ranked order, the count written at the bar's end. It is drawn once, never animated:
// the projector's live chart is components/BarChart.
import { isTied, ordinal, topRanked } from "../../../../shared/ranking";
import { plural } from "../../../../shared/rules";
import type { BarChartRow } from "../../components/BarChart";
import "./ReportChart.css";

// Geometry in SVG user units. The chart is 720 units wide and scales to the column, which on A4
// portrait is 180 mm, so a unit is a quarter of a millimetre and the 14-unit text prints near 10 pt.
const WIDTH = 720;
const FONT = 14;
const LINE = 17;
const ROW = 44;
const PLACE_RIGHT = 44;
const TITLE_X = 56;
const TITLE_W = 330;
const BAR_X = 400;
const COUNT_W = 48;
const BAR_H = 22;
const TOP_PAD = 4;
/** The top three's titles are bold, and bold glyphs are wider. */
const BOLD = 1.1;

export interface ReportChartProps {
  /** Rows in ranked order, as Results gives them (withheld rows left out by the caller). */
  rows: readonly BarChartRow[];
  /** The area's title, for the chart's accessible name. */
  areaTitle: string;
}

export function ReportChart({ rows, areaTitle }: ReportChartProps) {
  const scale = Math.max(1, ...rows.map((r) => r.votes));
  const height = TOP_PAD * 2 + rows.length * ROW;
  const summary = chartSummary(rows, areaTitle);

  return (
    <svg
      className="report-chart"
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      fontSize={FONT}
    >
      <title>{summary}</title>
      {rows.map((row, i) => {
        const top = TOP_PAD + i * ROW;
        const mid = top + ROW / 2;
        const podium = row.votes > 0 && row.rank <= 3;
        const lines = wrapTitle(row.title, TITLE_W, FONT * (podium ? BOLD : 1));
        const first = mid - ((lines.length - 1) * LINE) / 2 + FONT * 0.35;
        const barW = (Math.max(0, row.votes) / scale) * (WIDTH - BAR_X - COUNT_W);
        return (
          <g key={row.id} className={`report-chart-row${podium ? " podium-row" : ""}`} data-proposal-id={row.id}>
            {i > 0 && <line className="report-chart-rule" x1={0} x2={WIDTH} y1={top} y2={top} />}
            <text className="report-chart-place" x={PLACE_RIGHT} y={mid + FONT * 0.35} textAnchor="end">
              {ordinal(row.rank, isTied(rows, row.rank))}
            </text>
            <text className="report-chart-title" x={TITLE_X} y={first}>
              {lines.map((line, n) => (
                <tspan key={n} x={TITLE_X} dy={n === 0 ? 0 : LINE}>{line}</tspan>
              ))}
            </text>
            <rect className="report-chart-bar" x={BAR_X} y={mid - BAR_H / 2} width={barW} height={BAR_H} />
            <text className="report-chart-count" x={BAR_X + barW + 6} y={mid + FONT * 0.35}>{row.votes}</text>
          </g>
        );
      })}
      <line className="report-chart-axis" x1={BAR_X} x2={BAR_X} y1={TOP_PAD} y2={height - TOP_PAD} />
    </svg>
  );
}

/** "Votes in Mobility. 1st Safe cycle lanes, 2 votes; =2nd Night buses, 1 vote." — the top three, ties in full. */
function chartSummary(rows: readonly BarChartRow[], areaTitle: string): string {
  const top = topRanked(rows, 3);
  if (top.length === 0) return `Votes in ${areaTitle}: no proposal received a vote.`;
  const items = top.map((r) => `${ordinal(r.rank, isTied(rows, r.rank))} ${r.title}, ${r.votes} ${plural(r.votes, "vote")}`);
  return `Votes in ${areaTitle}. ${items.join("; ")}.`;
}

// SVG text does not wrap, and the chart is laid out before any font metrics are known, so widths
// are estimated from the characters. The figures are those of the widest common system sans-serif
// (DejaVu Sans, what "system-ui" is on many Linux laptops), so a title never runs into its bar; in
// narrower fonts (Segoe UI, San Francisco) the lines just end a little short.
const NARROW = /[ijlI.,:;'’!|\s]/;
const SEMI = /[ftr\-()[\]/]/;
const WIDEST = /[mwMW@%]/;
const CAPITAL = /[A-Z&]/;

function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += NARROW.test(ch) ? 0.3 : SEMI.test(ch) ? 0.42 : WIDEST.test(ch) ? 0.98 : CAPITAL.test(ch) ? 0.76 : 0.64;
  return em * fontSize;
}

/** At most two lines that fit `width`; what does not fit ends the second line with "…". */
function wrapTitle(title: string, width: number, fontSize: number): string[] {
  const words = title.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  while (words.length > 0) {
    const word = words[0] ?? "";
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, fontSize) <= width) {
      current = candidate;
      words.shift();
    } else if (lines.length === 1) {
      return [...lines, ellipsis(candidate, width, fontSize)];
    } else if (current) {
      lines.push(current);
      current = "";
    } else {
      // One word longer than a whole line: break it after its last hyphen that fits, else where the line is full.
      const full = fit(word, width, fontSize);
      const hyphen = full.lastIndexOf("-");
      const head = hyphen > 0 ? full.slice(0, hyphen + 1) : full;
      lines.push(head);
      words[0] = word.slice(head.length);
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [""];
}

function fit(text: string, width: number, fontSize: number): string {
  let out = "";
  for (const ch of text) {
    if (textWidth(out + ch, fontSize) > width) break;
    out += ch;
  }
  return out || [...text][0] || "";
}

function ellipsis(text: string, width: number, fontSize: number): string {
  return `${fit(text, width - textWidth("…", fontSize), fontSize).trimEnd()}…`;
}
