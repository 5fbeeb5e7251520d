import type { Area, AreaResults, Event } from "../../../../shared/schemas";
import { useRef, type CSSProperties } from "react";
import { BarChart, labelEm, type BarChartRow } from "../../components/BarChart";
import { HIDDEN_TEXT, MAX_BARS, areaDisplay, roomTurnoutText, statusText, thresholdText, turnoutShare, type RoomTurnout } from "./screen-model";
import { useBarLayout } from "./useBarLayout";

export interface AreaSlideProps {
  event: Event;
  area: Area;
  results: AreaResults | undefined;
  index: number;
  total: number;
}

export function StatusPill({ status }: { status: Area["status"] }) {
  return <span className={`status status-${status}`} data-testid="area-status">{statusText(status)}</span>;
}

/** The area's turnout as the room sees it: voters of the people expected. */
export function areaTurnout(event: Event, results: AreaResults | undefined): RoomTurnout {
  return { voters: results?.voters ?? 0, expected: event.expectedParticipants };
}

export function AreaSlide({ event, area, results, index, total }: AreaSlideProps) {
  const display = areaDisplay(event, results);
  const turnout = areaTurnout(event, results);
  const share = turnoutShare(turnout);
  return (
    <section className="slide area" aria-labelledby="area-heading" data-area-id={area.id}>
      <header className="slide-head">
        <div className="slide-titles">
          <p className="eyebrow">Area {index + 1} of {total}</p>
          <h1 id="area-heading">{area.title}</h1>
        </div>
        <div className="slide-meta">
          <StatusPill status={results?.status ?? area.status} />
          {display.mode === "shown" && <p className="area-turnout" data-testid="area-turnout">{roomTurnoutText(turnout)}</p>}
        </div>
      </header>
      {display.mode === "shown" ? (
        <Chart rows={display.rows} voters={turnout.voters} title={area.title} />
      ) : (
        <div className="withheld" data-testid="withheld">
          <p className="withheld-turnout" data-testid="area-turnout">{roomTurnoutText(turnout)}</p>
          {share !== null && (
            <span className="turnout-meter" aria-hidden="true">
              <span style={{ width: `${100 * share}%` }} />
            </span>
          )}
          <p className="withheld-note">{display.mode === "threshold" ? thresholdText(display.needed, display.have) : HIDDEN_TEXT}</p>
        </div>
      )}
    </section>
  );
}

function Chart({ rows, voters, title }: { rows: BarChartRow[]; voters: number; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = rows.slice(0, MAX_BARS);
  const labels = labelEm(shown);
  const layout = useBarLayout(ref, shown.map((r) => r.title.length), labels);
  const leader = shown[0]?.votes ?? 0;
  const style = layout ? ({ "--chart-rows": layout.perColumn, "--chart-lines": layout.lines, "--chart-font": `${layout.font}px` } as CSSProperties) : undefined;
  return (
    <div ref={ref} className="chart-box" style={style}>
      {layout && <BarChart rows={shown} maxVotes={leader} columns={layout.columns} showPlaces={voters > 0} label={`Votes in ${title}`} />}
      {rows.length > shown.length && <p className="chart-more">Showing the top {shown.length} of {rows.length} proposals</p>}
    </div>
  );
}
