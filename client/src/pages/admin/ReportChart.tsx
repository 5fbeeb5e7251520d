// The report's bar chart, drawn as SVG so it prints crisp at any scale and survives "save as PDF"
// as vectors. Black on white with grey bars (a greyscale printer loses nothing), one bar per
// proposal in ranked order, keyed by its label ("PH-3") with the count at the bar's end. Proposals
// are paragraphs (API 1.1): a chart cannot hold them without cutting them, so the chart says only
// the labels and the podium and annex beside it carry the full texts. Drawn once, never animated:
// the projector's live chart is components/BarChart.
import { isTied, ordinal, topRanked } from "../../../../shared/ranking";
import { plural } from "../../../../shared/rules";
import "./ReportChart.css";

// Geometry in SVG user units. The chart is 720 units wide and scales to the column, which on A4
// portrait is 180 mm, so a unit is a quarter of a millimetre and the 14-unit text prints near 10 pt.
const WIDTH = 720;
const FONT = 14;
const ROW = 26;
const PLACE_RIGHT = 44;
const LABEL_X = 56;
const BAR_X = 130;
const COUNT_W = 48;
const BAR_H = 16;
const TOP_PAD = 4;

export interface ReportChartRow {
  id: string;
  label: string;
  title: string;
  votes: number;
  rank: number;
}

export interface ReportChartProps {
  /** Rows in ranked order, as Results gives them (withheld rows left out by the caller). */
  rows: readonly ReportChartRow[];
  /** The area's title, for the chart's accessible name. */
  areaTitle: string;
}

export function ReportChart({ rows, areaTitle }: ReportChartProps) {
  const scale = Math.max(1, ...rows.map((r) => r.votes));
  const height = TOP_PAD * 2 + rows.length * ROW;
  const summary = chartSummary(rows, areaTitle);

  return (
    <svg className="report-chart" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} fontSize={FONT}>
      <title>{summary}</title>
      {rows.map((row, i) => {
        const top = TOP_PAD + i * ROW;
        const baseline = top + ROW / 2 + FONT * 0.35;
        const podium = row.votes > 0 && row.rank <= 3;
        const barW = (Math.max(0, row.votes) / scale) * (WIDTH - BAR_X - COUNT_W);
        return (
          <g key={row.id} className={`report-chart-row${podium ? " podium-row" : ""}`} data-proposal-id={row.id}>
            {i > 0 && <line className="report-chart-rule" x1={0} x2={WIDTH} y1={top} y2={top} />}
            <text className="report-chart-place" x={PLACE_RIGHT} y={baseline} textAnchor="end">{ordinal(row.rank, isTied(rows, row.rank))}</text>
            <text className="report-chart-label" x={LABEL_X} y={baseline}>{row.label}</text>
            <rect className="report-chart-bar" x={BAR_X} y={top + (ROW - BAR_H) / 2} width={barW} height={BAR_H} />
            <text className="report-chart-count" x={BAR_X + barW + 6} y={baseline}>{row.votes}</text>
          </g>
        );
      })}
      <line className="report-chart-axis" x1={BAR_X} x2={BAR_X} y1={TOP_PAD} y2={height - TOP_PAD} />
    </svg>
  );
}

/** "Votes in Mobility. 1st M-2 Safe cycle lanes, 2 votes; =2nd M-1 Night buses, 1 vote." — the top three, ties and texts in full. */
function chartSummary(rows: readonly ReportChartRow[], areaTitle: string): string {
  const top = topRanked(rows, 3);
  if (top.length === 0) return `Votes in ${areaTitle}: no proposal received a vote.`;
  const items = top.map((r) => `${ordinal(r.rank, isTied(rows, r.rank))} ${r.label} ${r.title}, ${r.votes} ${plural(r.votes, "vote")}`);
  return `Votes in ${areaTitle}. ${items.join("; ")}.`;
}
