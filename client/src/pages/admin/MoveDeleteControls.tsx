// ↑ ↓ and Delete (with a confirm step) for one item of an ordered list: an area or a proposal.
import { useId, useState, type ReactNode } from "react";
import { useT } from "../../i18n/I18n";

interface Props {
  /** The item's title, for the buttons' accessible names. */
  name: string;
  index: number;
  count: number;
  busy: boolean;
  /** Moves the item to this position (0-based). */
  onMove: (position: number) => void;
  /** Resolves once the delete was tried, refused or not. */
  onDelete: () => Promise<unknown>;
  /** Said beside the confirm button, e.g. what else goes with the item. */
  question?: ReactNode;
  /** Why the server would refuse the delete now (votes exist): the button is disabled and says so. */
  deleteBlocked?: ReactNode;
}

export function MoveDeleteControls({ name, index, count, busy, onMove, onDelete, question, deleteBlocked }: Props) {
  const t = useT("organiser");
  const [confirming, setConfirming] = useState(false);
  const reasonId = useId();
  return (
    <div className="actions">
      <button type="button" className="btn secondary small" disabled={busy || index === 0} onClick={() => onMove(index - 1)} aria-label={t("moveUp", { name })}>↑</button>
      <button type="button" className="btn secondary small" disabled={busy || index === count - 1} onClick={() => onMove(index + 1)} aria-label={t("moveDown", { name })}>↓</button>
      {confirming ? (
        <span className="confirm" role="group" aria-label={t("deleteConfirmLabel", { name })}>
          {question && <span>{question}</span>}
          <button type="button" className="btn danger small" disabled={busy} autoFocus onClick={() => void onDelete().then(() => setConfirming(false))}>{t("deleteItem")}</button>
          <button type="button" className="btn secondary small" onClick={() => setConfirming(false)}>{t("cancel")}</button>
        </span>
      ) : (
        <button type="button" className="btn secondary small" disabled={busy || Boolean(deleteBlocked)} onClick={() => setConfirming(true)} aria-label={t("deleteItemAria", { name })} aria-describedby={deleteBlocked ? reasonId : undefined}>{t("deleteItem")}</button>
      )}
      {deleteBlocked && !confirming && <span className="reason" id={reasonId}>{deleteBlocked}</span>}
    </div>
  );
}
