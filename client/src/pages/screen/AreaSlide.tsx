import type { Area, AreaResults, Event } from "../../../../shared/schemas";
import { isTied } from "../../../../shared/ranking";
import { useRef, type CSSProperties } from "react";
import { BarChart, countEm, labelEm, placeEm, type BarChartRow } from "../../components/BarChart";
import { methodText } from "../../../../shared/rules";
import type { VotingMethod } from "../../../../shared/schemas";
import { useI18n } from "../../i18n/I18n";
import { MAX_BARS, areaDisplay, hiddenText, roomTurnoutText, scoreText, spokenScore, statusText, thresholdText, turnoutShare, type RankedRow, type RoomTurnout } from "./screen-model";
import { useBarLayout } from "./useBarLayout";
import { useScreenWords } from "./useScreenWords";
import { ScreenClock } from "./ScreenClock";

export interface AreaSlideProps {
  event: Event;
  area: Area;
  results: AreaResults | undefined;
  index: number;
  total: number;
}

export function StatusPill({ status }: { status: Area["status"] }) {
  const { say } = useScreenWords();
  return <span className={`status status-${status}`} data-testid="area-status">{statusText(status, say)}</span>;
}

/** The area's turnout as the room sees it: voters of the people expected. */
export function areaTurnout(event: Event, results: AreaResults | undefined): RoomTurnout {
  return { voters: results?.voters ?? 0, expected: event.expectedParticipants };
}

/** The area's method in one sentence ("Rank up to 3 proposals in order: …"), from the rules catalog the phone uses too. */
export function MethodLine({ area }: { area: Area }) {
  const i18n = useI18n();
  const how = methodText(area);
  return <p className="area-method" data-testid="area-method" data-method={area.method}>{i18n.t("rules", how.key, how.params)}</p>;
}

export function AreaSlide({ event, area, results, index, total }: AreaSlideProps) {
  const { say } = useScreenWords();
  const display = areaDisplay(event, results);
  const turnout = areaTurnout(event, results);
  const share = turnoutShare(turnout);
  return (
    <section className="slide area" aria-labelledby="area-heading" data-area-id={area.id}>
      <header className="slide-head">
        <div className="slide-titles">
          <p className="eyebrow">{say("areaOf", { n: index + 1, total })}</p>
          <h1 id="area-heading"><bdi>{area.title}</bdi></h1>
          <MethodLine area={area} />
        </div>
        <div className="slide-meta">
          <StatusPill status={results?.status ?? area.status} />
          {display.mode === "shown" && <p className="area-turnout" data-testid="area-turnout">{roomTurnoutText(turnout, say)}</p>}
          {/* Live bars in batches (issue 15): the room knows why the bars move in steps. Open areas
              only: a closed area's count is final and shown at once. */}
          {event.liveBatchSeconds > 0 && (results?.status ?? area.status) === "open" && (
            <p className="batch-note" data-testid="batch-note">{say("batchNote", { seconds: event.liveBatchSeconds })}</p>
          )}
          <ScreenClock area={area} />
        </div>
      </header>
      {display.mode === "shown" ? (
        <Chart rows={display.rows} method={display.method} voters={turnout.voters} title={area.title} />
      ) : (
        <div className="withheld" data-testid="withheld">
          <p className="withheld-turnout" data-testid="area-turnout">{roomTurnoutText(turnout, say)}</p>
          {share !== null && (
            <span className="turnout-meter" aria-hidden="true">
              <span style={{ inlineSize: `${100 * share}%` }} />
            </span>
          )}
          <p className="withheld-note">{display.mode === "threshold" ? thresholdText(display.needed, display.have, say) : hiddenText(say, results?.status ?? area.status)}</p>
        </div>
      )}
    </section>
  );
}

const CHART_LABEL = { approval: "chartLabel", dots: "chartLabelDots", ranking: "chartLabelPoints" } as const;

function Chart({ rows, method, voters, title }: { rows: RankedRow[]; method: VotingMethod; voters: number; title: string }) {
  const { say, place, num } = useScreenWords();
  const ref = useRef<HTMLDivElement>(null);
  const ranked = rows.slice(0, MAX_BARS);
  // Bars are as long as what the rows are ranked by (points; for approval and dots the same as votes).
  // Before any vote every row would read "=1st": no places then.
  const shown: BarChartRow[] = ranked.map((r) => ({ ...r, votes: r.points, spoken: spokenScore(method, r, say), place: voters > 0 ? place(r.rank, isTied(ranked, r.rank)) : "" }));
  // Approval shows the bare count (the chart's name says "votes"); dots and points name their unit on
  // every bar, so "12" is never read as 12 people.
  const count = method === "approval" ? num : (n: number) => scoreText(method, { votes: n, points: n }, say);
  const counts = method === "approval" ? undefined : countEm(shown.map((r) => scoreText(method, { votes: r.votes, points: r.votes }, say)));
  // The layout reserves the label, place and count columns; a long place ("الثاني مكرر") takes from the text.
  const reserved = labelEm(shown) + placeEm(shown) - placeEm([]) + (counts ? counts - countEm([]) : 0);
  const layout = useBarLayout(ref, shown.map((r) => r.title.length), reserved);
  const leader = shown[0]?.votes ?? 0;
  const style = layout ? ({ "--chart-rows": layout.perColumn, "--chart-lines": layout.lines, "--chart-font": `${layout.font}px` } as CSSProperties) : undefined;
  return (
    <div ref={ref} className="chart-box" style={style}>
      {layout && (
        <BarChart
          rows={shown}
          maxVotes={leader}
          columns={layout.columns}
          label={say(CHART_LABEL[method], { area: title })}
          count={count}
          countEm={counts}
          spoken={(votes) => say("barSpoken", { votes })}
        />
      )}
      {rows.length > shown.length && <p className="chart-more">{say("chartMore", { shown: shown.length, total: rows.length })}</p>}
    </div>
  );
}
