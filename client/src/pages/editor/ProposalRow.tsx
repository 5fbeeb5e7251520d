// One proposal on the rapporteur's page: read, edit (title and body, saved with the version the edit
// started from, so a concurrent save is refused rather than overwritten), move up or down, delete
// after a confirmation. On a refused save the text now stored is shown beside the rapporteur's own.
import { useId, useState } from "react";
import { LIMITS } from "../../../../shared/limits";
import type { Proposal } from "../../../../shared/schemas";
import type { DraftingApi } from "../../api/drafting";
import { ApiError } from "../../api/http";
import { useT } from "../../i18n/I18n";
import { CountedText } from "../../components/CountedText";
import { unless, useFocusNext } from "../../components/focusNext";

interface Props {
  api: DraftingApi;
  proposal: Proposal;
  index: number;
  count: number;
  readOnly: boolean;
  /** Re-reads the event; resolves to the proposal as stored now (null when it is gone). */
  refresh: () => Promise<Proposal | null>;
  announce: (message: string) => void;
}

export function ProposalRow({ api, proposal: p, index, count, readOnly, refresh, announce }: Props) {
  const t = useT("drafting");
  const id = useId();
  const [edit, setEdit] = useState<{ title: string; body: string; version: number } | null>(null);
  const [conflict, setConflict] = useState<Proposal | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Where the focus goes once the row has re-rendered: a button or field that replaced the focused
  // one (Edit → the form, Save → Edit, Delete → its "yes"), so a keyboard user is never dropped to
  // the page (components/focusNext.ts).
  const focusNext = useFocusNext();
  const focusTo = (suffix: string) => focusNext(`${id}-${suffix}`);

  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      announce(done);
      await refresh();
      return true;
    } catch (err) {
      setError(t("editorFailed", { reason: err instanceof ApiError ? err.message : String(err) }));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!edit) return;
    setBusy(true);
    setError(null);
    try {
      await api.patchProposal(p.id, { title: edit.title.trim(), body: edit.body.trim(), version: edit.version });
      setEdit(null);
      setConflict(null);
      focusTo("edit");
      announce(t("editorSaved"));
      await refresh();
    } catch (err) {
      const now = err instanceof ApiError && err.code === "NOT_ALLOWED" ? await refresh().catch(() => null) : null;
      if (now && now.version !== edit.version) {
        // Someone saved meanwhile: keep the rapporteur's text, show what is stored, and let the next
        // save start from the stored version (a deliberate overwrite after reading it).
        setConflict(now);
        setEdit({ ...edit, version: now.version });
        announce(t("editorConflict", { label: p.label }));
      } else {
        setError(t("editorFailed", { reason: err instanceof ApiError ? err.message : String(err) }));
      }
    } finally {
      setBusy(false);
    }
  };

  const editing = edit !== null && !readOnly;
  return (
    <li className="ed-item" aria-labelledby={`${id}-label`}>
      <p className="ed-label" id={`${id}-label`}>{p.label}</p>
      {editing ? (
        <form className="ed-form" onSubmit={(e) => { e.preventDefault(); if (!busy && edit.title.trim()) void save(); }}>
          {conflict && (
            <div className="ed-conflict" role="alert">
              <p>{t("editorConflict", { label: p.label })}</p>
              <p className="ed-conflict-heading">{t("editorCurrentText")}</p>
              <blockquote dir="auto"><p>{conflict.title}</p>{conflict.body && <p>{conflict.body}</p>}</blockquote>
            </div>
          )}
          <CountedText id={`${id}-t`} label={t("editorTitleLabel")} value={edit.title} max={LIMITS.proposalTitle} rows={3} onChange={(title) => setEdit({ ...edit, title })} />
          <CountedText id={`${id}-b`} label={t("editorBodyLabel")} value={edit.body} max={LIMITS.proposalBody} rows={4} onChange={(body) => setEdit({ ...edit, body })} />
          <div className="ed-actions">
            <button type="submit" className="btn" aria-disabled={busy || !edit.title.trim()}>{t("editorSave")}</button>
            <button type="button" className="btn secondary" aria-disabled={busy} onClick={unless(busy, () => { setEdit(null); setConflict(null); focusTo("edit"); })}>{t("editorCancel")}</button>
          </div>
        </form>
      ) : (
        <>
          <p className="ed-title" dir="auto">{p.title}</p>
          {p.body && <p className="ed-body" dir="auto">{p.body}</p>}
          {!readOnly && (
            confirming ? (
              <div className="ed-actions" role="group" aria-label={t("editorDeleteLabel", { label: p.label })}>
                <p className="ed-confirm">{t("editorDeleteConfirm", { label: p.label })}</p>
                <button type="button" id={`${id}-yes`} className="btn danger" aria-disabled={busy} onClick={unless(busy, () => void run(() => api.deleteProposal(p.id), t("editorDeleted")).then((ok) => { if (ok) document.getElementById("ed-list-heading")?.focus(); }))}>{t("editorDeleteYes")}</button>
                <button type="button" className="btn secondary" aria-disabled={busy} onClick={unless(busy, () => { setConfirming(false); focusTo("delete"); })}>{t("editorCancel")}</button>
              </div>
            ) : (
              <div className="ed-actions">
                <button type="button" id={`${id}-edit`} className="btn secondary" aria-disabled={busy} aria-label={t("editorEditLabel", { label: p.label })} onClick={unless(busy, () => { setEdit({ title: p.title, body: p.body, version: p.version }); focusTo("t"); })}>{t("editorEdit")}</button>
                <button type="button" className="btn secondary" aria-disabled={busy || index === 0} aria-label={t("editorUpLabel", { label: p.label })} onClick={unless(busy || index === 0, () => void run(() => api.patchProposal(p.id, { position: index - 1 }).then(() => undefined), t("editorMoved")))}>{t("editorUp")}</button>
                <button type="button" className="btn secondary" aria-disabled={busy || index === count - 1} aria-label={t("editorDownLabel", { label: p.label })} onClick={unless(busy || index === count - 1, () => void run(() => api.patchProposal(p.id, { position: index + 1 }).then(() => undefined), t("editorMoved")))}>{t("editorDown")}</button>
                <button type="button" id={`${id}-delete`} className="btn secondary" aria-disabled={busy} aria-label={t("editorDeleteLabel", { label: p.label })} onClick={unless(busy, () => { setConfirming(true); focusTo("yes"); })}>{t("editorDelete")}</button>
              </div>
            )
          )}
        </>
      )}
      {error && <p className="ed-error" role="alert">{error}</p>}
    </li>
  );
}
