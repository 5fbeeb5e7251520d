// The facilitator sees first (issue 10, item 7): with results on reveal, the counts the room does
// not see yet, on this page only and only after a deliberate click — a laptop mirrored to the
// projector by mistake shows nothing until someone asks. The projector page applies the room's
// rules itself (screen-model areaDisplay), so nothing here can reach it.
import { useState } from "react";
import { isTied, ordinal } from "../../../../shared/ranking";
import type { Event, Results } from "../../../../shared/schemas";
import { votesText } from "../screen/screen-model";
import { counted } from "./words";

export function HiddenCounts({ event, results }: { event: Event; results: Results | null }) {
  const [shown, setShown] = useState(false);
  if (event.resultsVisibility !== "on-reveal") return null;
  return (
    <div className="hidden-counts">
      <button type="button" className="btn secondary" aria-expanded={shown} aria-controls="hidden-counts-panel" onClick={() => setShown(!shown)}>
        {shown ? "Hide the counts" : "Show me the counts"}
      </button>
      <span className="hint"> Only on this page: the projector and phones keep them hidden until you reveal each area.</span>
      {shown && (
        <div id="hidden-counts-panel" className="hidden-counts-panel" role="region" aria-label="Counts only you see">
          {event.areas.map((area) => {
            const r = results?.areas.find((a) => a.id === area.id);
            return (
              <section key={area.id} className="hidden-area" aria-label={`Counts in ${area.title}`}>
                <h3>{area.title} <span className="hint">· {area.revealed ? "revealed to the room" : area.status === "draft" ? "not open yet" : "hidden from the room"}</span></h3>
                {area.status === "draft" && (!r || r.voters === 0) ? (
                  <p className="hint">Not open yet: no votes to show.</p>
                ) : !r ? (
                  <p className="hint">Counts are loading…</p>
                ) : r.withheld ? (
                  <p className="hint">Withheld from everyone: fewer than {event.privacyThreshold} people have voted here ({r.voters} so far).</p>
                ) : r.voters === 0 ? (
                  <p className="hint">No votes yet.</p>
                ) : (
                  <>
                    <p className="hint">{counted(r.voters, "voter")}</p>
                    <ol className="hidden-rows">
                      {r.results.map((row) => (
                        <li key={row.proposalId}>
                          <span className="place">{ordinal(row.rank ?? 0, isTied(r.results, row.rank))}</span>
                          <span className="label">{row.label}</span>
                          <span className="votes">{votesText(row.votes ?? 0)}</span>
                          <span className="text">{row.title}</span>
                        </li>
                      ))}
                    </ol>
                  </>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
