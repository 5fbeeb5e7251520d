// "Open an event file": an event prepared on another laptop (downloaded from its organiser page,
// or written by `npm run export -- CODE --format package`) becomes a new event here.
import { useState } from "react";
import { readEventPackage, type EventPackage, type EventPackageProblem } from "../../../../shared/event-package";
import { useT } from "../../i18n/I18n";
import { createAndOpen, createFailure } from "./createEvent";

function problemText(t: (key: string, params?: Record<string, string>) => string, p: EventPackageProblem): string {
  switch (p.reason) {
    case "notJson": return t("importNotJson");
    case "notPackage": return t("importNotPackage", { format: p.format });
    default: return p.path ? t("importDamaged", { path: p.path }) : t("importDamagedTop");
  }
}

export function ImportEventFile(props: { organiserKey: string; onKeyNeeded: () => void }) {
  const [pkg, setPkg] = useState<EventPackage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT("home");

  const load = async (file: File | undefined) => {
    setPkg(null);
    setError(null);
    if (!file) return;
    const read = readEventPackage(await file.text());
    if (read.ok) setPkg(read.pkg);
    else setError(problemText(t, read));
  };

  const create = async () => {
    if (!pkg) return;
    setBusy(true);
    try {
      await createAndOpen(pkg.event, props.organiserKey);
    } catch (err) {
      const failure = createFailure(err, t);
      if (failure.needsKey) props.onKeyNeeded();
      setError(failure.message);
      setBusy(false);
    }
  };

  const areas = pkg?.event.areas ?? [];
  const proposals = areas.reduce((n, a) => n + (a.proposals?.length ?? 0), 0);
  return (
    <details className="card home-import">
      <summary>{t("importSummary")}</summary>
      <div className="field">
        <label htmlFor="event-file">{t("importLabel")}</label>
        <input id="event-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void load(e.target.files?.[0])} />
        <p className="hint">{t("importHint")}</p>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {pkg && (
        <div role="status">
          <p className="form-ok">{t("importRead", { title: pkg.event.title, areas: areas.length, proposals })}</p>
          <button type="button" className="btn" disabled={busy} onClick={() => void create()}>{busy ? t("createBusy") : t("importCreate")}</button>
        </div>
      )}
    </details>
  );
}
