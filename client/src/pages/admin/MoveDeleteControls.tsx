// ↑ ↓ and Delete (with a confirm step) for one item of an ordered list: an area or a proposal.
// The focus never drops to the page (WCAG 2.4.3): the buttons are aria-disabled while busy or at an
// end of the list (a press does nothing), never disabled, which would drop it; a moved item's
// button keeps it through the move (React re-inserting the moved row blurs it); Delete → "yes" →
// after the delete, whatever the list says comes next (onDeleted); Cancel → Delete.
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "../../i18n/I18n";

interface Props {
  /** The item's title, for the buttons' accessible names. */
  name: string;
  index: number;
  count: number;
  busy: boolean;
  /** Moves the item to this position (0-based). */
  onMove: (position: number) => void;
  /** Resolves once the delete was tried, refused or not: true when the item is gone. */
  onDelete: () => Promise<boolean>;
  /** After a delete: say so and put the focus where the item was (this control goes with it). */
  onDeleted?: () => void;
  /** Said beside the confirm button, e.g. what else goes with the item. */
  question?: ReactNode;
  /** Why the server would refuse the delete now (votes exist): the button is disabled and says so. */
  deleteBlocked?: ReactNode;
}

export function MoveDeleteControls({ name, index, count, busy, onMove, onDelete, onDeleted, question, deleteBlocked }: Props) {
  const t = useT("organiser");
  const [confirming, setConfirming] = useState(false);
  const reasonId = useId();
  const id = useId();
  // The button to give the focus back to once the DOM has changed: set by a press, kept while the
  // press is being saved (the moved row may be re-inserted, and blurred, by the server's answer or
  // its push), given back only when the focus was dropped to the page, then forgotten.
  const keep = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = keep.current ? document.getElementById(keep.current) : null;
    if (!el) return;
    const active = document.activeElement;
    if (active !== el && (!active || active === document.body || !active.isConnected)) el.focus();
    if (!busy) keep.current = null;
  });
  const press = (suffix: string, off: boolean, act: () => void) => () => {
    if (off) return;
    keep.current = `${id}-${suffix}`;
    act();
  };
  const atTop = busy || index === 0;
  const atEnd = busy || index === count - 1;
  return (
    <div className="actions">
      <button type="button" id={`${id}-up`} className="btn secondary small" aria-disabled={atTop} onClick={press("up", atTop, () => onMove(index - 1))} aria-label={t("moveUp", { name })}>↑</button>
      <button type="button" id={`${id}-down`} className="btn secondary small" aria-disabled={atEnd} onClick={press("down", atEnd, () => onMove(index + 1))} aria-label={t("moveDown", { name })}>↓</button>
      {confirming ? (
        <span className="confirm" role="group" aria-label={t("deleteConfirmLabel", { name })}>
          {question && <span>{question}</span>}
          <button type="button" id={`${id}-yes`} className="btn danger small" aria-disabled={busy}
            onClick={() => { if (!busy) void onDelete().then((gone) => { if (gone) onDeleted?.(); else { setConfirming(false); keep.current = `${id}-delete`; } }); }}>{t("deleteItem")}</button>
          <button type="button" className="btn secondary small" aria-disabled={busy} onClick={press("delete", busy, () => setConfirming(false))}>{t("cancel")}</button>
        </span>
      ) : (
        <button type="button" id={`${id}-delete`} className="btn secondary small" aria-disabled={busy} disabled={Boolean(deleteBlocked)} onClick={press("yes", busy, () => setConfirming(true))} aria-label={t("deleteItemAria", { name })} aria-describedby={deleteBlocked ? reasonId : undefined}>{t("deleteItem")}</button>
      )}
      {deleteBlocked && !confirming && <span className="reason" id={reasonId}>{deleteBlocked}</span>}
    </div>
  );
}
