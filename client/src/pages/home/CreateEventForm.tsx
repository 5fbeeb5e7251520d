// Creates an event and goes straight to its organiser page. The admin token and screen key travel
// only in the URL fragment of that page; nothing is written to browser storage.
import { useState, type FormEvent } from "react";
import { createAndOpen, createFailure } from "./createEvent";
import { DEFAULT_SETTINGS, EventSettingsFields, type EventSettings } from "./EventSettingsFields";

export function CreateEventForm(props: { organiserKey: string; onKeyNeeded: () => void }) {
  const [settings, setSettings] = useState<EventSettings>(DEFAULT_SETTINGS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createAndOpen({ ...settings, title: settings.title.trim() }, props.organiserKey);
    } catch (err) {
      const failure = createFailure(err);
      if (failure.needsKey) props.onKeyNeeded();
      setError(failure.message);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="create-heading">
      <EventSettingsFields value={settings} onChange={setSettings} disabled={busy} />
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="actions">
        <button className="btn" type="submit" disabled={busy}>{busy ? "Creating…" : "Create event"}</button>
        <span className="hint">Areas and proposals come next, on the organiser page.</span>
      </div>
    </form>
  );
}
