// The report's bar chart, drawn as SVG so it prints crisp at any scale and survives "save as PDF"
// as vectors. Black on white with grey bars (a greyscale printer loses nothing), one bar per
// proposal in ranked order, keyed by its label ("PH-3") with the count at the bar's end. Proposals
// are paragraphs (API 1.1): a chart cannot hold them without cutting them, so the chart says only
// the labels and the podium and annex beside it carry the full texts. Drawn once, never animated:
// the projector's live chart is components/BarChart. In a right-to-left language the chart is
// mirrored (places on the right, bars growing leftwards), as a reader of Arabic scans a row.
import { isTied, topRanked } from "../../../../shared/ranking";
import { useI18n, useT } from "../../i18n/I18n";
import { usePlace } from "../../i18n/place";
import "./ReportChart.css";

// Geometry in SVG user units. The chart is 720 units wide and scales to the column, which on A4
// portrait is 180 mm, so a unit is a quarter of a millimetre and the 14-unit text prints near 10 pt.
const WIDTH = 720;
const FONT = 14;
const ROW = 26;
const PLACE_MIN = 44;
const LABEL_W = 74;
const COUNT_W = 48;
const BAR_H = 16;
const TOP_PAD = 4;

export interface ReportChartRow {
  id: string;
  label: string;
  title: string;
  /** What the bar is as long as: the votes, or for dots and ranking what the row is ranked by (points). */
  votes: number;
  rank: number;
  /** The count in words when it is not votes ("8 dots", "12 points (5 ballots)"), for the chart's summary. */
  score?: string;
}

export interface ReportChartProps {
  /** Rows in ranked order, as Results gives them (withheld rows left out by the caller). */
  rows: readonly ReportChartRow[];
  /** The area's title, for the chart's accessible name. */
  areaTitle: string;
}

export function ReportChart({ rows, areaTitle }: ReportChartProps) {
  const { dir } = useI18n();
  const t = useT("organiser");
  const r = useT("report");
  const place = usePlace();
  const placeOf = (row: ReportChartRow) => place(row.rank, isTied(rows, row.rank));
  const scale = Math.max(1, ...rows.map((row) => row.votes));
  const height = TOP_PAD * 2 + rows.length * ROW;
  const summary = chartSummary(rows, areaTitle, (row) => t("reportChartItem", { place: placeOf(row), label: row.label, title: row.title, votes: row.score ?? r("votes", { votes: row.votes }) }), t);
  // Places are words in some languages ("الثاني مكرر"): their column is as wide as the longest one.
  const placeRight = Math.max(PLACE_MIN, Math.ceil(Math.max(0, ...rows.map((row) => placeOf(row).length)) * FONT * 0.62));
  const labelX = placeRight + 12;
  const barX = labelX + LABEL_W;
  const rtl = dir === "rtl";
  // x measured from the reading start: from the left in LTR, from the right in RTL.
  const x = (fromStart: number) => (rtl ? WIDTH - fromStart : fromStart);
  const [start, end] = rtl ? (["end", "start"] as const) : (["start", "end"] as const);

  return (
    // direction="ltr": the anchors above are physical (mirrored by hand), not relative to the page.
    <svg className="report-chart" direction="ltr" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} fontSize={FONT}>
      <title>{summary}</title>
      {rows.map((row, i) => {
        const top = TOP_PAD + i * ROW;
        const baseline = top + ROW / 2 + FONT * 0.35;
        const podium = row.votes > 0 && row.rank <= 3;
        const barW = (Math.max(0, row.votes) / scale) * (WIDTH - barX - COUNT_W);
        return (
          <g key={row.id} className={`report-chart-row${podium ? " podium-row" : ""}`} data-proposal-id={row.id}>
            {i > 0 && <line className="report-chart-rule" x1={0} x2={WIDTH} y1={top} y2={top} />}
            <text className="report-chart-place" x={x(placeRight)} y={baseline} textAnchor={end}>{placeOf(row)}</text>
            <text className="report-chart-label" x={x(labelX)} y={baseline} textAnchor={start}>{row.label}</text>
            <rect className="report-chart-bar" x={rtl ? WIDTH - barX - barW : barX} y={top + (ROW - BAR_H) / 2} width={barW} height={BAR_H} />
            <text className="report-chart-count" x={x(barX + barW + 6)} y={baseline} textAnchor={start}>{row.votes}</text>
          </g>
        );
      })}
      <line className="report-chart-axis" x1={x(barX)} x2={x(barX)} y1={TOP_PAD} y2={height - TOP_PAD} />
    </svg>
  );
}

/** "Votes in Mobility. 1st M-2 Safe cycle lanes, 2 votes; =2nd M-1 Night buses, 1 vote." — the top three, ties and texts in full. */
function chartSummary(rows: readonly ReportChartRow[], areaTitle: string, item: (row: ReportChartRow) => string, t: (key: string, params?: Record<string, string | number>) => string): string {
  const top = topRanked(rows, 3);
  if (top.length === 0) return t("reportChartEmpty", { area: areaTitle });
  return t("reportChartSummary", { area: areaTitle, items: top.map(item).join(t("reportListSeparator")) });
}
