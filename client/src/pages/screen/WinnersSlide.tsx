// An area's top three with their full text, for announcing the result: ties at the cut are all
// shown ("=2nd"), and the type shrinks until every word is on screen (no clamp, no ellipsis).
import { useRef } from "react";
import type { Area, AreaResults, Event } from "../../../../shared/schemas";
import { areaTurnout, StatusPill } from "./AreaSlide";
import { HIDDEN_TEXT, areaWinners, roomTurnoutText, thresholdText, votesText, type SummaryRow } from "./screen-model";
import { useShrinkToFit } from "./useFitText";

export interface WinnersSlideProps {
  event: Event;
  area: Area;
  results: AreaResults | undefined;
  index: number;
  total: number;
}

export function WinnersSlide({ event, area, results, index, total }: WinnersSlideProps) {
  const winners = areaWinners(event, results);
  const turnout = areaTurnout(event, results);
  return (
    <section className="slide winners" aria-labelledby="winners-heading" data-area-id={area.id}>
      <header className="slide-head">
        <div className="slide-titles">
          <p className="eyebrow">Area {index + 1} of {total} · Top three</p>
          <h1 id="winners-heading">{area.title}</h1>
        </div>
        <div className="slide-meta">
          <StatusPill status={results?.status ?? area.status} />
          {winners.mode === "shown" && <p className="area-turnout" data-testid="area-turnout">{roomTurnoutText(turnout)}</p>}
        </div>
      </header>
      {winners.mode === "shown" ? (
        <WinnersList rows={winners.rows} />
      ) : (
        <div className="withheld" data-testid="withheld">
          <p className="withheld-turnout" data-testid="area-turnout">{roomTurnoutText(turnout)}</p>
          <p className="withheld-note">
            {winners.mode === "threshold" ? thresholdText(winners.needed, winners.have) : winners.mode === "no-votes" ? "No votes yet" : HIDDEN_TEXT}
          </p>
        </div>
      )}
    </section>
  );
}

function WinnersList({ rows }: { rows: SummaryRow[] }) {
  const ref = useRef<HTMLOListElement>(null);
  useShrinkToFit(ref, ".winner-text, .winner-side > *", rows.map((r) => `${r.id}=${r.votes}:${r.place}`).join("|"));
  return (
    <ol ref={ref} className="winners-list" aria-label="Top three">
      {rows.map((r) => (
        <li key={r.id} className={`winner${r.place.endsWith("1st") ? " first" : ""}`} data-testid="winner" data-place={r.place} data-votes={r.votes}>
          <p className="winner-side">
            <span className="winner-place">{r.place}</span>
            <span className="winner-label">{r.label}</span>
            <span className="winner-votes">{votesText(r.votes)}</span>
          </p>
          <p className="winner-text">{r.title}</p>
        </li>
      ))}
    </ol>
  );
}
