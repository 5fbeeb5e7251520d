import type { Event, Results } from "../../../../shared/schemas";
import { HIDDEN_TEXT, areaDisplay, thresholdText, topThree, votesText } from "./screen-model";

/** Past this many rows a card would overflow; a tie that long is summed up instead. */
const MAX_ROWS_PER_CARD = 6;

export function SummarySlide({ event, results }: { event: Event; results: Results | null }) {
  const areas = [...event.areas].sort((a, b) => a.position - b.position);
  const cols = areas.length <= 3 ? Math.max(1, areas.length) : areas.length === 4 ? 2 : 3;
  return (
    <section className="slide summary" aria-labelledby="summary-heading">
      <header className="slide-head">
        <div className="slide-titles">
          <p className="eyebrow">{event.title}</p>
          <h1 id="summary-heading">Top three per area</h1>
        </div>
      </header>
      <div className="summary-grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }} data-cards={areas.length}>
        {areas.map((area) => {
          const res = results?.areas.find((a) => a.id === area.id);
          const display = areaDisplay(event, res);
          return (
            <article key={area.id} className="summary-card" data-area-id={area.id} aria-labelledby={`sum-${area.id}`}>
              <h2 id={`sum-${area.id}`}>{area.title}</h2>
              {display.mode !== "shown" ? (
                <p className="summary-note">{display.mode === "threshold" ? thresholdText(display.needed, display.have) : HIDDEN_TEXT}</p>
              ) : (res?.voters ?? 0) === 0 ? (
                <p className="summary-note">No votes yet</p>
              ) : (
                <TopList rows={topThree(display.rows)} />
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

function TopList({ rows }: { rows: ReturnType<typeof topThree> }) {
  const shown = rows.length > MAX_ROWS_PER_CARD ? rows.slice(0, MAX_ROWS_PER_CARD - 1) : rows;
  const rest = rows.slice(shown.length);
  return (
    <ol className="summary-list">
      {shown.map((r) => (
        <li key={r.id} className="summary-row" data-testid="summary-row">
          <span className="summary-place">{r.place}</span>
          <span className="summary-title">{r.title}</span>
          <span className="summary-votes">{votesText(r.votes)}</span>
        </li>
      ))}
      {rest.length > 0 && (
        <li className="summary-row summary-rest">
          <span className="summary-place">{rest[0]?.place}</span>
          <span className="summary-title">and {rest.length} more tied with {votesText(rest[0]?.votes ?? 0)}</span>
        </li>
      )}
    </ol>
  );
}
