// An area's top three with their full text, for announcing the result: ties at the cut are all
// shown ("=2nd"), and the type shrinks until every word is on screen (no clamp, no ellipsis).
import { useRef } from "react";
import type { Area, AreaResults, Event, VotingMethod } from "../../../../shared/schemas";
import { areaTurnout, MethodLine, StatusPill } from "./AreaSlide";
import { areaWinners, hiddenText, roomTurnoutText, scoreText, thresholdText, type SummaryRow } from "./screen-model";
import { useShrinkToFit } from "./useFitText";
import { useScreenWords } from "./useScreenWords";

export interface WinnersSlideProps {
  event: Event;
  area: Area;
  results: AreaResults | undefined;
  index: number;
  total: number;
}

export function WinnersSlide({ event, area, results, index, total }: WinnersSlideProps) {
  const { say, place } = useScreenWords();
  const winners = areaWinners(event, results, place);
  const turnout = areaTurnout(event, results);
  return (
    <section className="slide winners" aria-labelledby="winners-heading" data-area-id={area.id}>
      <header className="slide-head">
        <div className="slide-titles">
          <p className="eyebrow">{say("winnersWhere", { n: index + 1, total })}</p>
          <h1 id="winners-heading"><bdi>{area.title}</bdi></h1>
          <MethodLine area={area} />
        </div>
        <div className="slide-meta">
          <StatusPill status={results?.status ?? area.status} />
          {winners.mode === "shown" && <p className="area-turnout" data-testid="area-turnout">{roomTurnoutText(turnout, say)}</p>}
        </div>
      </header>
      {winners.mode === "shown" ? (
        <WinnersList rows={winners.rows} method={winners.method} />
      ) : (
        <div className="withheld" data-testid="withheld">
          <p className="withheld-turnout" data-testid="area-turnout">{roomTurnoutText(turnout, say)}</p>
          <p className="withheld-note">
            {winners.mode === "threshold" ? thresholdText(winners.needed, winners.have, say) : winners.mode === "no-votes" ? say("noVotesYet") : hiddenText(say, results?.status ?? area.status)}
          </p>
        </div>
      )}
    </section>
  );
}

function WinnersList({ rows, method }: { rows: SummaryRow[]; method: VotingMethod }) {
  const { say } = useScreenWords();
  const ref = useRef<HTMLOListElement>(null);
  useShrinkToFit(ref, ".winner-text, .winner-side > *", rows.map((r) => `${r.id}=${r.points}/${r.votes}:${r.place}`).join("|"));
  return (
    <ol ref={ref} className="winners-list" aria-label={say("topThree")}>
      {rows.map((r) => (
        <li key={r.id} className={`winner${r.rank === 1 ? " first" : ""}`} data-testid="winner" data-place={r.place} data-votes={r.votes} data-points={r.points}>
          <p className="winner-side">
            <span className="winner-place">{r.place}</span>
            <span className="winner-label"><bdi>{r.label}</bdi></span>
            <span className="winner-votes">{scoreText(method, r, say)}</span>
            {method === "ranking" && <span className="winner-votes winner-ballots">{say("fromBallots", { votes: r.votes })}</span>}
          </p>
          <p className="winner-text" dir="auto">{r.title}</p>
        </li>
      ))}
    </ol>
  );
}
