// "Open an event file": an event prepared on another laptop (downloaded from its organiser page,
// or written by `npm run export -- CODE --format package`) becomes a new event here.
import { useState } from "react";
import { readEventPackage, type EventPackage } from "../../../../shared/event-package";
import { createAndOpen, createFailure } from "./createEvent";
import { counted } from "../admin/words";

export function ImportEventFile(props: { organiserKey: string; onKeyNeeded: () => void }) {
  const [pkg, setPkg] = useState<EventPackage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (file: File | undefined) => {
    setPkg(null);
    setError(null);
    if (!file) return;
    const read = readEventPackage(await file.text());
    if (read.ok) setPkg(read.pkg);
    else setError(read.message);
  };

  const create = async () => {
    if (!pkg) return;
    setBusy(true);
    try {
      await createAndOpen(pkg.event, props.organiserKey);
    } catch (err) {
      const failure = createFailure(err);
      if (failure.needsKey) props.onKeyNeeded();
      setError(failure.message);
      setBusy(false);
    }
  };

  const areas = pkg?.event.areas ?? [];
  const proposals = areas.reduce((n, a) => n + (a.proposals?.length ?? 0), 0);
  return (
    <details className="card home-import">
      <summary>Open an event file from another laptop</summary>
      <div className="field">
        <label htmlFor="event-file">Event file (.json)</label>
        <input id="event-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void load(e.target.files?.[0])} />
        <p className="hint">Made with “Download event file” on an organiser page. It holds the settings and the programme; votes and ballot cards stay on the laptop they were made on.</p>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {pkg && (
        <div role="status">
          <p className="form-ok">
            “{pkg.event.title}”: {counted(areas.length, "area")}, {counted(proposals, "proposal")}.
          </p>
          <button type="button" className="btn" disabled={busy} onClick={() => void create()}>{busy ? "Creating…" : "Create this event here"}</button>
        </div>
      )}
    </details>
  );
}
