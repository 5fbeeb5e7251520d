// The ranking as files (CSV for spreadsheets, JSON for archives and audit, Markdown for the minutes)
// and as a printable report. Files are fetched with the admin token, which a plain link cannot send.
import { useState } from "react";
import { toEventPackage } from "../../../../shared/event-package";
import type { Event, ExportFormat } from "../../../../shared/schemas";
import { useT } from "../../i18n/I18n";
import { usePlace } from "../../i18n/place";
import { saveBlob, type AdminApi } from "./api";
import { useExplain } from "./explain";
import { reportPath } from "../../features/links/links";

/** The formats' own names stay as they are (CSV, JSON, Markdown); their hints come from the catalog. */
const FORMATS: Array<{ format: ExportFormat; label: string; hint: string }> = [
  { format: "csv", label: "CSV", hint: "exportCsvHint" },
  { format: "json", label: "JSON", hint: "exportJsonHint" },
  { format: "md", label: "Markdown", hint: "exportMdHint" },
];

export function Exports({ api, event }: { api: AdminApi; event: Event }) {
  const t = useT("organiser");
  const place = usePlace();
  const explain = useExplain();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setMessage(null);
    try {
      const { blob, filename } = await api.download(format);
      saveBlob(blob, filename);
      setMessage({ ok: true, text: t("exportDownloaded", { file: filename }) });
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
    setMessage({ ok: true, text: t("exportDownloaded", { file: filename }) });
  };

  return (
    <section id="exports" className="card admin-section" aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t("exportsHeading")}</h2>
      <p className="hint">{t("exportsHint")}</p>
      <ul className="export-list">
        {FORMATS.map((f) => (
          <li key={f.format}>
            {/* aria-disabled, not disabled, while a file is prepared: a disabled button drops the keyboard's focus to the page. */}
            <button type="button" className="btn secondary" aria-disabled={busy !== null || undefined} onClick={() => { if (busy === null) void download(f.format); }}>
              {busy === f.format ? t("exportPreparing") : t("exportDownload", { format: f.label })}
            </button>
            <span className="hint">{t(f.hint, { first: place(1), second: place(2), third: place(3) })}</span>
          </li>
        ))}
        <li>
          <a className="btn secondary" href={reportPath(api.code, api.token)} target="_blank" rel="noreferrer">{t("exportReport")}</a>
          <span className="hint">{t("exportReportHint")}</span>
        </li>
        <li>
          <button type="button" className="btn secondary" onClick={downloadEventFile}>{t("exportEventFile")}</button>
          <span className="hint">{t("exportEventFileHint")}</span>
        </li>
      </ul>
      <p role="status" className={message ? (message.ok ? "form-ok" : "form-error") : undefined}>{message?.text}</p>
    </section>
  );
}
