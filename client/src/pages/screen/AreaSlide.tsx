import type { Area, AreaResults, Event } from "../../../../shared/schemas";
import type { CSSProperties } from "react";
import { BarChart, type BarChartRow } from "../../components/BarChart";
import { HIDDEN_TEXT, MAX_BARS, areaDisplay, chartColumns, statusText, thresholdText, turnoutText } from "./screen-model";

export interface AreaSlideProps {
  event: Event;
  area: Area;
  results: AreaResults | undefined;
  participants: number;
  index: number;
  total: number;
}

export function StatusPill({ status }: { status: Area["status"] }) {
  return <span className={`status status-${status}`} data-testid="area-status">{statusText(status)}</span>;
}

export function AreaSlide({ event, area, results, participants, index, total }: AreaSlideProps) {
  const display = areaDisplay(event, results);
  const voters = results?.voters ?? 0;
  const turnout = turnoutText(voters, participants);
  return (
    <section className="slide area" aria-labelledby="area-heading" data-area-id={area.id}>
      <header className="slide-head">
        <div className="slide-titles">
          <p className="eyebrow">Area {index + 1} of {total}</p>
          <h1 id="area-heading">{area.title}</h1>
        </div>
        <div className="slide-meta">
          <StatusPill status={results?.status ?? area.status} />
          {display.mode === "shown" && <p className="area-turnout" data-testid="area-turnout">{turnout}</p>}
        </div>
      </header>
      {display.mode === "shown" ? (
        <Chart rows={display.rows} voters={voters} title={area.title} />
      ) : (
        <div className="withheld" data-testid="withheld">
          <p className="withheld-turnout" data-testid="area-turnout">{turnout}</p>
          <span className="turnout-meter" aria-hidden="true">
            <span style={{ width: `${participants > 0 ? Math.min(100, (100 * voters) / participants) : 0}%` }} />
          </span>
          <p className="withheld-note">{display.mode === "threshold" ? thresholdText(display.needed, display.have) : HIDDEN_TEXT}</p>
        </div>
      )}
    </section>
  );
}

function Chart({ rows, voters, title }: { rows: BarChartRow[]; voters: number; title: string }) {
  const shown = rows.slice(0, MAX_BARS);
  const columns = chartColumns(shown.length);
  const perColumn = Math.ceil(shown.length / columns);
  const leader = shown[0]?.votes ?? 0;
  return (
    <div className="chart-box" style={{ "--chart-rows": perColumn, "--chart-lines": perColumn <= 4 ? 3 : 2 } as CSSProperties}>
      <BarChart rows={shown} maxVotes={leader} columns={columns} showPlaces={voters > 0} label={`Votes in ${title}`} />
      {rows.length > shown.length && <p className="chart-more">Showing the top {shown.length} of {rows.length} proposals</p>}
    </div>
  );
}
