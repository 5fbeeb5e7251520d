// The moderation queue's items (issue 13), for the organiser (every area) and a rapporteur (one area):
// accept as is, edit and accept, merge into one of the area's proposals, reject. Shows only the text:
// the server never says who sent a suggestion, and neither does this list.
import { useId, useLayoutEffect, useRef, useState } from "react";
import type { Area, Suggestion } from "../../../shared/schemas";
import { LIMITS } from "../../../shared/limits";
import type { AcceptChoice, DraftingApi } from "../api/drafting";
import { ApiError } from "../api/http";
import { useT } from "../i18n/I18n";
import { unless, useFocusNext } from "./focusNext";
import "./moderation.css";

interface Props {
  api: DraftingApi;
  suggestions: readonly Suggestion[];
  areas: readonly Area[];
  /** The organiser's queue spans areas: each item names its own. */
  showArea: boolean;
  /** After an action: re-read the queue and the event. */
  onDone: () => Promise<void>;
  /** Says what happened in the page's live region. */
  announce: (message: string) => void;
}

export function ModerationList(props: Props) {
  const t = useT("drafting");
  const pending = props.suggestions.filter((s) => s.status === "pending");
  // The item an action was pressed in leaves the list under the focus once it is done: the item now
  // in its place (else the last one, else the "none waiting" line) takes the focus, so a keyboard user
  // goes on with the next suggestion rather than from the top of the page (WCAG 2.4.3). Only when the
  // focus was dropped: if the user has moved on meanwhile, it stays where they put it.
  const acted = useRef<{ id: string; index: number } | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const empty = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const was = acted.current;
    if (!was || pending.some((s) => s.id === was.id)) return;
    acted.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const items = list.current?.children;
    const next = items?.length ? items[Math.min(was.index, items.length - 1)]?.querySelector("button") : empty.current;
    next?.focus();
  });
  const onActing = (id: string | null, index: number) => { acted.current = id ? { id, index } : null; };
  if (pending.length === 0) return <p className="mod-empty" tabIndex={-1} ref={empty}>{t("queueEmpty")}</p>;
  return (
    <ul className="mod-list" ref={list}>
      {pending.map((s, i) => (
        <ModerationItem key={s.id} {...props} suggestion={s} area={props.areas.find((a) => a.id === s.areaId) ?? null} onActing={(id) => onActing(id, i)} />
      ))}
    </ul>
  );
}

function ModerationItem(props: Props & { suggestion: Suggestion; area: Area | null; onActing: (id: string | null) => void }) {
  const { api, suggestion: s, area } = props;
  const t = useT("drafting");
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(s.title);
  const [body, setBody] = useState(s.body);
  const [mergeInto, setMergeInto] = useState("");
  const [error, setError] = useState<string | null>(null);
  const draft = area?.status === "draft";
  const proposals = area ? [...area.proposals].sort((a, b) => a.position - b.position) : [];

  // Where the focus goes once the item has re-rendered (Edit and accept → the text, Cancel → the
  // button that opened it): focusNext.ts.
  const focusNext = useFocusNext();

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    props.onActing(s.id);
    try {
      props.announce(await work());
      await props.onDone();
    } catch (err) {
      props.onActing(null);
      setError(t("queueFailed", { reason: err instanceof ApiError ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  const accept = (choice: AcceptChoice) => act(async () => {
    const p = await api.accept(s.id, choice);
    return choice.mergeInto ? t("queueMerged", { label: p.label }) : t("queueAccepted");
  });
  const trimmed = title.trim();

  return (
    <li className="mod-item" aria-labelledby={`${id}-title`}>
      {props.showArea && area && <p className="mod-area">{t("queueArea", { area: area.title })}</p>}
      <p className="mod-title" id={`${id}-title`} dir="auto">{s.title}</p>
      {s.body && <p className="mod-body" dir="auto">{s.body}</p>}
      {!draft ? <p className="hint">{t("queueAreaClosed")}</p> : editing ? (
        <div className="mod-edit">
          <label htmlFor={`${id}-t`}>{t("editorTitleLabel")}</label>
          <textarea id={`${id}-t`} rows={3} value={title} maxLength={LIMITS.proposalTitle} onChange={(e) => setTitle(e.currentTarget.value)} dir="auto" />
          <label htmlFor={`${id}-b`}>{t("editorBodyLabel")}</label>
          <textarea id={`${id}-b`} rows={3} value={body} maxLength={LIMITS.proposalBody} onChange={(e) => setBody(e.currentTarget.value)} dir="auto" />
          <div className="mod-actions">
            <button type="button" className="btn" aria-disabled={busy || !trimmed} onClick={unless(busy || !trimmed, () => void accept({ title: trimmed, body: body.trim() }))}>{t("queueAcceptEdited")}</button>
            <button type="button" className="btn secondary" aria-disabled={busy} onClick={unless(busy, () => { setEditing(false); focusNext(`${id}-edit`); })}>{t("editorCancel")}</button>
          </div>
        </div>
      ) : (
        <>
          <div className="mod-actions">
            <button type="button" className="btn" aria-disabled={busy} onClick={unless(busy, () => void accept({}))}>{t("queueAccept")}</button>
            <button type="button" className="btn secondary" id={`${id}-edit`} aria-disabled={busy} onClick={unless(busy, () => { setEditing(true); focusNext(`${id}-t`); })}>{t("queueEditAccept")}</button>
            <button type="button" className="btn danger" aria-disabled={busy} onClick={unless(busy, () => void act(async () => { await api.reject(s.id); return t("queueRejected"); }))}>{t("queueReject")}</button>
          </div>
          {proposals.length > 0 && (
            <div className="mod-merge">
              <label htmlFor={`${id}-m`}>{t("queueMergeLabel")}</label>
              <select id={`${id}-m`} value={mergeInto} onChange={(e) => setMergeInto(e.currentTarget.value)} aria-describedby={`${id}-mh`}>
                <option value="">{t("queueMergeChoose")}</option>
                {proposals.map((p) => <option key={p.id} value={p.id}>{`${p.label} — ${p.title.length > 80 ? `${p.title.slice(0, 79)}…` : p.title}`}</option>)}
              </select>
              <button type="button" className="btn secondary" aria-disabled={busy || !mergeInto} onClick={unless(busy || !mergeInto, () => void accept({ mergeInto }))}>{t("queueMerge")}</button>
              <p className="hint" id={`${id}-mh`}>{t("queueMergeHint")}</p>
            </div>
          )}
        </>
      )}
      {error && <p className="mod-error" role="alert">{error}</p>}
    </li>
  );
}
