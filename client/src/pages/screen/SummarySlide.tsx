import { useRef } from "react";
import type { Area, Event, Results, VotingMethod } from "../../../../shared/schemas";
import { areaDisplay, hiddenText, restText, scoreText, summaryGrid, thresholdText, topThree, type SummaryRow } from "./screen-model";
import { useFitText } from "./useFitText";
import { useScreenWords } from "./useScreenWords";

/** Past this many rows a card would be unreadable; the tail of so long a tie is summed up. */
const MAX_ROWS_PER_CARD = 7;

export function SummarySlide({ event, results }: { event: Event; results: Results | null }) {
  const { say, place } = useScreenWords();
  const areas = [...event.areas].sort((a, b) => a.position - b.position);
  const cards = areas.map((area) => {
    const res = results?.areas.find((a) => a.id === area.id);
    const display = areaDisplay(event, res);
    const rows = display.mode === "shown" && (res?.voters ?? 0) > 0 ? topThree(display.rows, place) : null;
    const note = display.mode === "threshold" ? thresholdText(display.needed, display.have, say) : display.mode === "awaiting-reveal" ? hiddenText(say, res?.status ?? area.status) : rows ? null : say("noVotesYet");
    const method: VotingMethod = display.mode === "shown" ? display.method : area.method;
    return { area, res, rows, note, method };
  });
  const grid = summaryGrid(cards.map((c) => Math.min(c.rows?.length ?? 0, MAX_ROWS_PER_CARD)));
  const gridRef = useRef<HTMLDivElement>(null);
  const contentKey = cards.map((c) => `${c.area.id}:${c.res?.voters ?? 0}:${c.rows?.map((r) => `${r.id}=${r.points}:${r.place}`).join() ?? c.note}`).join("|");
  useFitText(gridRef, ".summary-card", contentKey);
  return (
    <section className="slide summary" aria-labelledby="summary-heading">
      <header className="slide-head">
        <div className="slide-titles">
          <p className="eyebrow"><bdi>{event.title}</bdi></p>
          <h1 id="summary-heading">{say("summaryHeading")}</h1>
        </div>
      </header>
      <div ref={gridRef} className="summary-grid" style={{ gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`, gridTemplateRows: grid.rows }}>
        {cards.map((c) => <SummaryCard key={c.area.id} {...c} />)}
      </div>
    </section>
  );
}

function SummaryCard({ area, rows, note, method }: { area: Area; rows: SummaryRow[] | null; note: string | null; method: VotingMethod }) {
  return (
    <article className="summary-card" data-area-id={area.id} aria-labelledby={`sum-${area.id}`}>
      <h2 id={`sum-${area.id}`}><bdi>{area.title}</bdi></h2>
      {rows ? <TopList rows={rows} method={method} /> : <p className="summary-note">{note}</p>}
    </article>
  );
}

function TopList({ rows, method }: { rows: SummaryRow[]; method: VotingMethod }) {
  const { say } = useScreenWords();
  const shown = rows.length > MAX_ROWS_PER_CARD ? rows.slice(0, MAX_ROWS_PER_CARD - 1) : rows;
  const rest = rows.slice(shown.length);
  return (
    <ol className="summary-list">
      {shown.map((r) => (
        <li key={r.id} className="summary-row" data-testid="summary-row" data-place={r.place} data-votes={r.votes} data-points={r.points}>
          <span className="summary-place">{r.place}</span>
          <span className="summary-label"><bdi>{r.label}</bdi></span>
          <span className="summary-title" dir="auto">{r.title}</span>
          <span className="summary-votes">{scoreText(method, r, say)}</span>
        </li>
      ))}
      {rest.length > 0 && (
        <li className="summary-row summary-rest">
          <span className="summary-place">{rest[0]?.place}</span>
          <span className="summary-label" />
          <span className="summary-title">{restText(method, rest.length, rest[0] ?? { votes: 0, points: 0 }, say)}</span>
        </li>
      )}
    </ol>
  );
}
