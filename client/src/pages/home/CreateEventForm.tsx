// Creates an event and goes straight to its organiser page. The admin token and screen key travel
// only in the URL fragment of that page; nothing is written to browser storage.
import { useState, type FormEvent } from "react";
import { createAndOpen, createFailure } from "./createEvent";
import { useT } from "../../i18n/I18n";
import { DEFAULT_SETTINGS, EventSettingsFields, type EventSettings } from "../../components/EventSettingsFields";

export function CreateEventForm(props: { organiserKey: string; onKeyNeeded: () => void }) {
  const [settings, setSettings] = useState<EventSettings>(DEFAULT_SETTINGS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useT("home");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createAndOpen({ ...settings, title: settings.title.trim() }, props.organiserKey);
    } catch (err) {
      const failure = createFailure(err, t);
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
        <button className="btn" type="submit" disabled={busy}>{busy ? t("createBusy") : t("createSubmit")}</button>
        <span className="hint">{t("createNext")}</span>
      </div>
    </form>
  );
}
