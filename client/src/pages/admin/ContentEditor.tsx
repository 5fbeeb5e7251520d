// Areas and proposals, edited one at a time through the API, so an edit the server refuses once
// votes exist is explained where it was tried and everything else keeps working.
import { useState, type FormEvent } from "react";
import { LIMITS } from "../../../../shared/limits";
import type { Event, Results } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { AreaEditor } from "./AreaEditor";
import { useAction } from "./useAction";

export function ContentEditor(props: { api: AdminApi; event: Event; results: Results | null; refresh: () => Promise<void> }) {
  const { api, event, refresh } = props;
  const [title, setTitle] = useState("");
  const { busy, error, run } = useAction(refresh);

  const addArea = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.createArea({ title: title.trim() });
      setTitle("");
    });
  };

  return (
    <section id="programme" className="card admin-section" aria-labelledby="programme-heading">
      <h2 id="programme-heading">Programme</h2>
      <p className="hint">
        Areas and their proposals, in the order phones list them{event.proposalOrder === "random" ? " (each phone shuffles proposals within an area)" : ""}.
        Titles and texts can be corrected at any time; adding or removing proposals stops once people have voted.
      </p>
      {event.areas.length === 0 && <p>No areas yet. Add one below, or paste a whole programme under “Import”.</p>}
      <ol className="area-list">
        {event.areas.map((area, i) => (
          <li key={area.id}>
            <AreaEditor api={api} area={area} tally={props.results?.areas.find((r) => r.id === area.id) ?? null} index={i} count={event.areas.length} refresh={refresh} />
          </li>
        ))}
      </ol>
      <form className="add-form" onSubmit={addArea}>
        <div className="field">
          <label htmlFor="new-area-title">New area</label>
          <input id="new-area-title" type="text" required maxLength={LIMITS.areaTitle} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Public health" />
        </div>
        <button className="btn" type="submit" disabled={busy || !title.trim() || event.areas.length >= LIMITS.areasPerEvent}>Add area</button>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
