// The ranking as files (CSV for spreadsheets, JSON for archives and audit, Markdown for the minutes)
// and as a printable report. Files are fetched with the admin token, which a plain link cannot send.
import { useState } from "react";
import { toEventPackage } from "../../../../shared/event-package";
import type { Event, ExportFormat } from "../../../../shared/schemas";
import { saveBlob, type AdminApi } from "./api";
import { explain } from "./explain";
import { reportPath } from "./links";

const FORMATS: Array<{ format: ExportFormat; label: string; hint: string }> = [
  { format: "csv", label: "CSV", hint: "ranking for spreadsheets" },
  { format: "json", label: "JSON", hint: "results, times and anonymous ballots, for the record" },
  { format: "md", label: "Markdown", hint: "1st / 2nd / 3rd per area, for the minutes" },
];

export function Exports({ api, event }: { api: AdminApi; event: Event }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setMessage(null);
    try {
      const { blob, filename } = await api.download(format);
      saveBlob(blob, filename);
      setMessage({ ok: true, text: `Downloaded ${filename}.` });
    } catch (err) {
      setMessage({ ok: false, text: explain(err) });
    } finally {
      setBusy(null);
    }
  };

  const downloadEventFile = () => {
    const pkg = toEventPackage(event, new Date().toISOString());
    const filename = `plenary-event-${event.code.toLowerCase()}.json`;
    saveBlob(new Blob([`${JSON.stringify(pkg, null, 2)}\n`], { type: "application/json" }), filename);
    setMessage({ ok: true, text: `Downloaded ${filename}.` });
  };

  return (
    <section id="exports" className="card admin-section" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Results and report</h2>
      <p className="hint">Exports hold counts and rankings only — never who voted for what.</p>
      <ul className="export-list">
        {FORMATS.map((f) => (
          <li key={f.format}>
            <button type="button" className="btn secondary" disabled={busy !== null} onClick={() => void download(f.format)}>
              {busy === f.format ? "Preparing…" : `Download ${f.label}`}
            </button>
            <span className="hint">{f.hint}</span>
          </li>
        ))}
        <li>
          <a className="btn secondary" href={reportPath(api.code, api.token)} target="_blank" rel="noreferrer">Printable report</a>
          <span className="hint">charts per area, full ranking, turnout — print it or save as PDF</span>
        </li>
        <li>
          <button type="button" className="btn secondary" onClick={downloadEventFile}>Download event file</button>
          <span className="hint">settings and programme, to run this event on another laptop (open it on that laptop's start page)</span>
        </li>
      </ul>
      <p role="status" className={message ? (message.ok ? "form-ok" : "form-error") : undefined}>{message?.text}</p>
    </section>
  );
}
