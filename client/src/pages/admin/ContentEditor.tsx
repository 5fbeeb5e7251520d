// Areas and proposals, edited one at a time through the API, so an edit the server refuses once
// votes exist is explained where it was tried and everything else keeps working.
import { useState, type FormEvent } from "react";
import { LIMITS } from "../../../../shared/limits";
import type { Event, Results } from "../../../../shared/schemas";
import { useT } from "../../i18n/I18n";
import type { AdminApi } from "./api";
import { AreaEditor } from "./AreaEditor";
import { EditorLinks } from "./EditorLinks";
import { useAction } from "./useAction";

export function ContentEditor(props: { api: AdminApi; event: Event; results: Results | null; refresh: () => Promise<void> }) {
  const { api, event, refresh } = props;
  const t = useT("organiser");
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
      <h2 id="programme-heading">{t("adminNavProgramme")}</h2>
      <p className="hint">{t("programmeHint", { order: event.proposalOrder })}</p>
      {event.areas.length === 0 && <p>{t("programmeEmpty")}</p>}
      <ol className="area-list">
        {event.areas.map((area, i) => (
          <li key={area.id}>
            <AreaEditor api={api} area={area} tally={props.results?.areas.find((r) => r.id === area.id) ?? null} index={i} count={event.areas.length} refresh={refresh} />
            <EditorLinks api={api} area={area} refresh={refresh} />
          </li>
        ))}
      </ol>
      <form className="add-form" onSubmit={addArea}>
        <div className="field">
          <label htmlFor="new-area-title">{t("programmeNewArea")}</label>
          <input id="new-area-title" type="text" dir="auto" required maxLength={LIMITS.areaTitle} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t("programmeNewAreaExample")} />
        </div>
        <button className="btn" type="submit" disabled={busy || !title.trim() || event.areas.length >= LIMITS.areasPerEvent}>{t("programmeAddArea")}</button>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
