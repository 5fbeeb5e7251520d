// The paper ballots entered so far, as their ticks' labels and the time they were typed in, each
// with an undo: a mistyped ballot is taken out whole (its person and votes), then typed again.
import { useLayoutEffect, useRef, useState } from "react";
import type { Event, PaperBallot } from "../../../../shared/schemas";
import { formatDateTime } from "../../../../shared/i18n/format";
import { useI18n, useT } from "../../i18n/I18n";

/** "AD-1, AD-3 · DR-2": the labels ticked, area by area and in the paper's order (the event's); "" for none. */
export function tickedLabels(event: Event, ballot: PaperBallot["ballot"]): string {
  const parts = event.areas.flatMap((area) => {
    const ids = new Set(ballot[area.id] ?? []);
    if (ids.size === 0) return [];
    return [area.proposals.filter((p) => ids.has(p.id)).map((p) => p.label).join(", ")];
  });
  return parts.join(" · ");
}

const ballotLabels = (event: Event, b: PaperBallot) => tickedLabels(event, b.ballot);

interface Props {
  event: Event;
  ballots: PaperBallot[] | null;
  busy: boolean;
  onUndo: (id: string) => void;
}

export function PaperBallotList({ event, ballots, busy, onUndo }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const t = useT("cards");
  const { lang } = useI18n();
  // `autoFocus` is not applied to an element added after load: the confirm step's "Undo ballot" is
  // focused here, and after the undo (its row gone) the list's heading takes the focus, not the page.
  const undoYes = useRef<HTMLButtonElement>(null);
  const back = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (confirming) undoYes.current?.focus();
    else if (back.current) document.getElementById(back.current)?.focus();
    back.current = null;
  }, [confirming]);
  if (ballots === null) return <p className="hint" role="status">{t("paperReading")}</p>;
  if (ballots.length === 0) return <p className="hint">{t("paperNone")}</p>;
  return (
    <ol className="paper-list" aria-label={t("paperListLabel")}>
      {ballots.map((b, i) => (
        <li key={b.id}>
          <span className="paper-no">{t("paperNo", { n: i + 1 })}</span>
          {ballotLabels(event, b) ? <bdi className="paper-ticks" dir="ltr">{ballotLabels(event, b)}</bdi> : <span className="paper-ticks">{t("paperNoTicks")}</span>}
          <span className="hint">{t("paperEnteredAt", { time: formatDateTime(lang, b.enteredAt) })}</span>
          {confirming === b.id ? (
            <span className="confirm" role="group" aria-label={t("paperConfirmLabel", { n: i + 1 })}>
              <span>{t("paperConfirm")}</span>
              <button type="button" ref={undoYes} className="btn danger small" aria-disabled={busy} onClick={() => { if (busy) return; document.getElementById("paper-list-heading")?.focus(); setConfirming(null); onUndo(b.id); }}>{t("paperUndoBallot")}</button>
              <button type="button" className="btn secondary small" onClick={() => { back.current = `paper-undo-${b.id}`; setConfirming(null); }}>{t("paperKeep")}</button>
            </span>
          ) : (
            <button type="button" id={`paper-undo-${b.id}`} className="btn secondary small" aria-disabled={busy} onClick={() => { if (!busy) setConfirming(b.id); }} aria-label={t("paperUndoLabel", { n: i + 1 })}>{t("paperUndo")}</button>
          )}
        </li>
      ))}
    </ol>
  );
}
