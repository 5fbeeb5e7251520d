// Paste a whole programme (Markdown outline or CSV), see exactly what will be saved and every line
// that could not be read, and only then replace the event's content in one request.
import { useDeferredValue, useMemo, useRef, useState } from "react";
import { betterFormat, detectImportFormat, parseProgramme, type ImportFormat } from "../../../../shared/import/detect";
import type { Event } from "../../../../shared/schemas";
import { useT } from "../../i18n/I18n";
import { rich } from "../../i18n/rich";
import type { AdminApi } from "./api";
import { isolateParams } from "./isolate";
import { useAction } from "./useAction";

/** Parameters of import problems that quote the pasted text (titles, a column's name). */
const CONTENT_PARAMS = ["area", "title", "column", "detail"] as const;

/** The formats' names in the organiser catalog. */
const FORMAT_KEYS: Record<ImportFormat, string> = { markdown: "importMarkdownName", csv: "importCsvName" };

export function ImportPanel(props: { api: AdminApi; event: Event; refresh: () => Promise<void> }) {
  const { api, event } = props;
  const t = useT("organiser");
  const formatName = (f: ImportFormat) => t(FORMAT_KEYS[f]);
  const [text, setText] = useState("");
  const [format, setFormat] = useState<ImportFormat | "auto">("auto");
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run, explain } = useAction(props.refresh);
  // The confirm step goes away under the keyboard's focus: it moves to what follows from it (the
  // result said in the summary, or back to the save button), never dropped to the page (WCAG 2.4.3).
  const summaryRef = useRef<HTMLDivElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const refocus = (to: { current: HTMLElement | null }) => requestAnimationFrame(() => to.current?.focus());
  const deferred = useDeferredValue(text);
  const used = format === "auto" ? detectImportFormat(deferred) : format;
  const parsed = useMemo(() => (deferred.trim() ? parseProgramme(deferred, used) : null), [deferred, used]);
  const offer = useMemo(() => (parsed ? betterFormat(deferred, used, parsed) : null), [deferred, used, parsed]);
  const proposals = parsed?.areas.reduce((n, a) => n + (a.proposals?.length ?? 0), 0) ?? 0;
  const existing = event.areas.reduce((n, a) => n + a.proposals.length, 0);
  const ready = parsed !== null && parsed.errors.length === 0 && parsed.areas.length > 0 && deferred === text;

  const save = () => {
    if (!parsed) return;
    const summary = t("importDone", { areas: parsed.areas.length, proposals });
    void run(() => api.putContent(parsed.areas), (err) => explain(err, t("lockedReplaceContent"))).then((ok) => {
      setConfirming(false);
      if (ok) {
        setText("");
        setDone(summary);
      }
      refocus(summaryRef);
    });
  };

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    if (/\.csv$|\.tsv$/i.test(file.name)) setFormat("csv");
    else if (/\.(md|markdown|txt)$/i.test(file.name)) setFormat("markdown");
  };

  return (
    <section id="import" className="card admin-section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t("importHeading")}</h2>
      <details className="format-help">
        <summary>{t("importHowTo")}</summary>
        <div className="format-examples">
          <div>
            <h3>{t("importMarkdownName")}</h3>
            <pre>{t("importMarkdownExample")}</pre>
          </div>
          <div>
            <h3>{t("importCsvHeading")}</h3>
            <pre>{t("importCsvExample")}</pre>
            <p className="hint">{t("importCsvHint")}</p>
          </div>
        </div>
      </details>
      <div className="field">
        <label htmlFor="import-text">{t("importPaste")}</label>
        <textarea
          id="import-text"
          rows={10}
          spellCheck={false}
          dir="auto"
          value={text}
          onChange={(e) => { setText(e.target.value); setDone(null); setConfirming(false); }}
          aria-describedby="import-summary"
        />
      </div>
      <div className="import-options">
        <div className="field">
          <label htmlFor="import-file">{t("importFile")}</label>
          <input id="import-file" type="file" accept=".md,.markdown,.txt,.csv,.tsv,text/markdown,text/csv,text/plain" onChange={(e) => void loadFile(e.target.files?.[0])} />
        </div>
        <div className="field">
          <label htmlFor="import-format">{t("importFormat")}</label>
          <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | "auto")}>
            <option value="auto">{deferred.trim() && format === "auto" ? t("importAutoFound", { format: formatName(used) }) : t("importAuto")}</option>
            <option value="markdown">{formatName("markdown")}</option>
            <option value="csv">{formatName("csv")}</option>
          </select>
        </div>
      </div>

      <div id="import-summary" role="status" aria-live="polite" tabIndex={-1} ref={summaryRef}>
        {done && <p className="form-ok">{done}</p>}
        {parsed && (
          <p className="import-count">
            {parsed.errors.length > 0
              ? rich(t, "importReadAsProblems", { problems: <strong className="error-count">{t("importProblemCount", { n: parsed.errors.length })}</strong> }, { format: formatName(used), areas: parsed.areas.length, proposals })
              : t("importReadAs", { format: formatName(used), areas: parsed.areas.length, proposals })}
          </p>
        )}
      </div>
      {offer && (
        <p className="import-offer" role="note">
          {t("importOffer", { format: formatName(offer) })}{" "}
          <button type="button" className="btn secondary" onClick={() => setFormat(offer)}>{t("importReadAsButton", { format: formatName(offer) })}</button>
        </p>
      )}
      {parsed && parsed.errors.length > 0 && (
        <ul className="import-errors" aria-label={t("importProblemsLabel")}>
          {parsed.errors.map((e, i) => (
            <li key={i}><span className="line-no">{t("importLine", { line: e.line })}</span> {t(e.key, isolateParams(e.params, CONTENT_PARAMS))}</li>
          ))}
        </ul>
      )}
      {parsed && parsed.areas.length > 0 && (
        <ol className="import-preview" aria-label={t("importPreview")}>
          {parsed.areas.map((a, i) => (
            <li key={i}>
              <strong><bdi dir="auto">{a.title}</bdi></strong> <span className="hint">{t("importAreaProposals", { n: a.proposals?.length ?? 0 })}</span>
              <ul>
                {(a.proposals ?? []).map((p, j) => (
                  <li key={j}><bdi dir="auto">{p.title}</bdi>{p.body && <span className="hint"> — <bdi dir="auto">{p.body.length > 90 ? `${p.body.slice(0, 90)}…` : p.body}</bdi></span>}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="actions">
        {confirming ? (
          <span className="confirm" role="group" aria-label={t("importConfirmLabel")}>
            <span>{t("importReplaceQuestion", { areas: event.areas.length, proposals: existing })}</span>
            <button type="button" className="btn danger" disabled={busy} autoFocus onClick={save}>{t("importReplace")}</button>
            <button type="button" className="btn secondary" onClick={() => { setConfirming(false); refocus(saveRef); }}>{t("cancel")}</button>
          </span>
        ) : (
          <button type="button" className="btn" ref={saveRef} disabled={!ready || busy} onClick={() => (event.areas.length > 0 ? setConfirming(true) : save())}>
            {ready ? t("importSaveCount", { areas: parsed.areas.length, proposals }) : t("save")}
          </button>
        )}
      </div>
    </section>
  );
}
