// Paste a whole programme (Markdown outline or CSV), see exactly what will be saved and every line
// that could not be read, and only then replace the event's content in one request.
import { useDeferredValue, useMemo, useState } from "react";
import { betterFormat, detectImportFormat, parseProgramme, type ImportFormat } from "../../../../shared/import/detect";
import type { Event } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { explain, LOCKED } from "./explain";
import { useAction } from "./useAction";
import { counted } from "./words";
import { plural } from "../../../../shared/rules";

const FORMAT_NAMES: Record<ImportFormat, string> = { markdown: "Markdown outline", csv: "CSV" };

export function ImportPanel(props: { api: AdminApi; event: Event; refresh: () => Promise<void> }) {
  const { api, event } = props;
  const [text, setText] = useState("");
  const [format, setFormat] = useState<ImportFormat | "auto">("auto");
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction(props.refresh);
  const deferred = useDeferredValue(text);
  const used = format === "auto" ? detectImportFormat(deferred) : format;
  const parsed = useMemo(() => (deferred.trim() ? parseProgramme(deferred, used) : null), [deferred, used]);
  const offer = useMemo(() => (parsed ? betterFormat(deferred, used, parsed) : null), [deferred, used, parsed]);
  const proposals = parsed?.areas.reduce((n, a) => n + (a.proposals?.length ?? 0), 0) ?? 0;
  const existing = event.areas.reduce((n, a) => n + a.proposals.length, 0);
  const ready = parsed !== null && parsed.errors.length === 0 && parsed.areas.length > 0 && deferred === text;

  const save = () => {
    if (!parsed) return;
    const summary = `Imported ${counted(parsed.areas.length, "area")} with ${counted(proposals, "proposal")}.`;
    void run(() => api.putContent(parsed.areas), (err) => explain(err, LOCKED.replaceContent)).then((ok) => {
      setConfirming(false);
      if (ok) {
        setText("");
        setDone(summary);
      }
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
      <h2 id="import-heading">Import a programme</h2>
      <details className="format-help">
        <summary>How to write it</summary>
        <div className="format-examples">
          <div>
            <h3>Markdown outline</h3>
            <pre>{"# Public health\n- Review cannabis markets\n  Indented lines that start a sentence\n  are the proposal's background.\n- Grow harm reduction, a proposal as long\n  as a paragraph, wrapped or on one line\n\n# Human rights\n- A special event"}</pre>
          </div>
          <div>
            <h3>CSV (or cells copied from a spreadsheet)</h3>
            <pre>{"area;title;body\nPublic health;Review cannabis markets;\"Text; with semicolons\"\nPublic health;Grow harm reduction;\nHuman rights;A special event;"}</pre>
            <p className="hint">Separated by commas, semicolons or tabs (one of them throughout). A header may name the columns area, title (or text, for a paragraph) and body.</p>
          </div>
        </div>
      </details>
      <div className="field">
        <label htmlFor="import-text">Paste the programme</label>
        <textarea
          id="import-text"
          rows={10}
          spellCheck={false}
          value={text}
          onChange={(e) => { setText(e.target.value); setDone(null); setConfirming(false); }}
          aria-describedby="import-summary"
        />
      </div>
      <div className="import-options">
        <div className="field">
          <label htmlFor="import-file">Or load a file (.md, .csv)</label>
          <input id="import-file" type="file" accept=".md,.markdown,.txt,.csv,.tsv,text/markdown,text/csv,text/plain" onChange={(e) => void loadFile(e.target.files?.[0])} />
        </div>
        <div className="field">
          <label htmlFor="import-format">Format</label>
          <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | "auto")}>
            <option value="auto">Recognise automatically{deferred.trim() && format === "auto" ? ` (${FORMAT_NAMES[used]})` : ""}</option>
            <option value="markdown">{FORMAT_NAMES.markdown}</option>
            <option value="csv">{FORMAT_NAMES.csv}</option>
          </select>
        </div>
      </div>

      <div id="import-summary" role="status" aria-live="polite">
        {done && <p className="form-ok">{done}</p>}
        {parsed && (
          <p className="import-count">
            Read as {FORMAT_NAMES[used]}: <strong>{parsed.areas.length}</strong> {plural(parsed.areas.length, "area")}, <strong>{proposals}</strong> {plural(proposals, "proposal")}
            {parsed.errors.length > 0 && <>, <strong className="error-count">{counted(parsed.errors.length, "problem")}</strong> to fix first</>}.
          </p>
        )}
      </div>
      {offer && (
        <p className="import-offer" role="note">
          This reads without a problem as {FORMAT_NAMES[offer]}.{" "}
          <button type="button" className="btn secondary" onClick={() => setFormat(offer)}>Read it as {FORMAT_NAMES[offer]}</button>
        </p>
      )}
      {parsed && parsed.errors.length > 0 && (
        <ul className="import-errors" aria-label="Problems in the pasted text">
          {parsed.errors.map((e, i) => (
            <li key={i}><span className="line-no">Line {e.line}</span> {e.message}</li>
          ))}
        </ul>
      )}
      {parsed && parsed.areas.length > 0 && (
        <ol className="import-preview" aria-label="Preview">
          {parsed.areas.map((a, i) => (
            <li key={i}>
              <strong>{a.title}</strong> <span className="hint">({counted(a.proposals?.length ?? 0, "proposal")})</span>
              <ul>
                {(a.proposals ?? []).map((p, j) => (
                  <li key={j}>{p.title}{p.body && <span className="hint"> — {p.body.length > 90 ? `${p.body.slice(0, 90)}…` : p.body}</span>}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="actions">
        {confirming ? (
          <span className="confirm" role="group" aria-label="Confirm replacing the programme">
            <span>This replaces the {counted(event.areas.length, "area")} and {counted(existing, "proposal")} now in the event.</span>
            <button type="button" className="btn danger" disabled={busy} autoFocus onClick={save}>Replace programme</button>
            <button type="button" className="btn secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </span>
        ) : (
          <button type="button" className="btn" disabled={!ready || busy} onClick={() => (event.areas.length > 0 ? setConfirming(true) : save())}>
            {ready ? `Save ${counted(parsed.areas.length, "area")} and ${counted(proposals, "proposal")}` : "Save"}
          </button>
        )}
      </div>
    </section>
  );
}
