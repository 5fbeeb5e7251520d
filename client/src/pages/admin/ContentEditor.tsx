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
  const [message, setMessage] = useState("");
  const { busy, error, run } = useAction(refresh);
  const full = event.areas.length >= LIMITS.areasPerEvent;
  const idle = busy || !title.trim() || full;
  // Each change said in the section's live region (WCAG 4.1.3); the same words twice in a row (two
  // moves) still change its text, so they are said again.
  const announce = (m: string) => setMessage((cur) => (cur === m ? `${m}\u00a0` : m));

  const addArea = (e: FormEvent) => {
    e.preventDefault();
    if (idle) return;
    const name = title.trim();
    void run(async () => {
      await api.createArea({ title: name });
      setTitle("");
      // Ready for the next one: the emptied field takes the focus from the button, idle until
      // something is typed (aria-disabled: a disabled button drops the focus to the page).
      document.getElementById("new-area-title")?.focus();
    }).then((ok) => { if (ok) announce(t("programmeAreaAdded", { area: name })); });
  };

  return (
    <section id="programme" className="card admin-section" aria-labelledby="programme-heading">
      <h2 id="programme-heading" tabIndex={-1}>{t("adminNavProgramme")}</h2>
      <p className="hint">{t("programmeHint", { order: event.proposalOrder })}</p>
      <p className="programme-live" role="status" aria-live="polite">{message}</p>
      {event.areas.length === 0 && <p>{t("programmeEmpty")}</p>}
      <ol className="area-list">
        {event.areas.map((area, i) => (
          <li key={area.id}>
            <AreaEditor api={api} area={area} tally={props.results?.areas.find((r) => r.id === area.id) ?? null} index={i} count={event.areas.length} refresh={refresh} announce={announce} />
            <EditorLinks api={api} area={area} refresh={refresh} />
          </li>
        ))}
      </ol>
      <form className="add-form" onSubmit={addArea}>
        <div className="field">
          <label htmlFor="new-area-title">{t("programmeNewArea")}</label>
          <input id="new-area-title" type="text" dir="auto" required maxLength={LIMITS.areaTitle} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t("programmeNewAreaExample")} />
        </div>
        <button className="btn" type="submit" aria-disabled={idle}>{t("programmeAddArea")}</button>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
