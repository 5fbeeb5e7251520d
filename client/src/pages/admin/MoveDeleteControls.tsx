// ↑ ↓ and Delete (with a confirm step) for one item of an ordered list: an area or a proposal.
// The focus never drops to the page (WCAG 2.4.3): the buttons are aria-disabled while busy or at an
// end of the list (a press does nothing), never disabled, which would drop it (a moved row keeps it:
// React gives the focus back to an element it re-inserts); Delete → "yes" → after the delete,
// whatever the list says comes next (onDeleted); Cancel → Delete.
import { useId, useState, type ReactNode } from "react";
import { useT } from "../../i18n/I18n";
import { unless, useFocusNext } from "../../components/focusNext";

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
  // The button that replaces the focused one (Delete ⇄ the confirmation's "yes" and Cancel) takes
  // the focus right after the DOM changes (components/focusNext.ts).
  const focusNext = useFocusNext();
  const atTop = busy || index === 0;
  const atEnd = busy || index === count - 1;
  return (
    <div className="actions">
      <button type="button" id={`${id}-up`} className="btn secondary small" aria-disabled={atTop} onClick={unless(atTop, () => onMove(index - 1))} aria-label={t("moveUp", { name })}>↑</button>
      <button type="button" id={`${id}-down`} className="btn secondary small" aria-disabled={atEnd} onClick={unless(atEnd, () => onMove(index + 1))} aria-label={t("moveDown", { name })}>↓</button>
      {confirming ? (
        <span className="confirm" role="group" aria-label={t("deleteConfirmLabel", { name })}>
          {question && <span>{question}</span>}
          <button type="button" id={`${id}-yes`} className="btn danger small" aria-disabled={busy}
            onClick={() => { if (!busy) void onDelete().then((gone) => { if (gone) onDeleted?.(); else { setConfirming(false); focusNext(`${id}-delete`); } }); }}>{t("deleteItem")}</button>
          <button type="button" className="btn secondary small" aria-disabled={busy} onClick={unless(busy, () => { setConfirming(false); focusNext(`${id}-delete`); })}>{t("cancel")}</button>
        </span>
      ) : (
        <button type="button" id={`${id}-delete`} className="btn secondary small" aria-disabled={busy} disabled={Boolean(deleteBlocked)} onClick={unless(busy, () => { setConfirming(true); focusNext(`${id}-yes`); })} aria-label={t("deleteItemAria", { name })} aria-describedby={deleteBlocked ? reasonId : undefined}>{t("deleteItem")}</button>
      )}
      {deleteBlocked && !confirming && <span className="reason" id={reasonId}>{deleteBlocked}</span>}
    </div>
  );
}
