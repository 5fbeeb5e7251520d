// The paper ballots entered so far, as their ticks' labels and the time they were typed in, each
// with an undo: a mistyped ballot is taken out whole (its person and votes), then typed again.
import { useState } from "react";
import type { Event, PaperBallot } from "../../../../shared/schemas";
import { formatTime } from "./reportData";

/** "AD-1, AD-3 · DR-2": the labels ticked, area by area and in the paper's order (the event's). */
export function tickedLabels(event: Event, ballot: PaperBallot["ballot"]): string {
  const parts = event.areas.flatMap((area) => {
    const ids = new Set(ballot[area.id] ?? []);
    if (ids.size === 0) return [];
    return [area.proposals.filter((p) => ids.has(p.id)).map((p) => p.label).join(", ")];
  });
  return parts.length > 0 ? parts.join(" · ") : "no ticks";
}

interface Props {
  event: Event;
  ballots: PaperBallot[] | null;
  busy: boolean;
  onUndo: (id: string) => void;
}

export function PaperBallotList({ event, ballots, busy, onUndo }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (ballots === null) return <p className="hint" role="status">Reading the paper ballots…</p>;
  if (ballots.length === 0) return <p className="hint">No paper ballot entered yet.</p>;
  return (
    <ol className="paper-list" aria-label="Entered paper ballots">
      {ballots.map((b, i) => (
        <li key={b.id}>
          <span className="paper-no">{i + 1}.</span>
          <span className="paper-ticks">{tickedLabels(event, b.ballot)}</span>
          <span className="hint">entered {formatTime(b.enteredAt)}</span>
          {confirming === b.id ? (
            <span className="confirm" role="group" aria-label={`Confirm undoing paper ballot ${i + 1}`}>
              <span>Take this ballot out? Its votes leave every count.</span>
              <button type="button" className="btn danger small" disabled={busy} autoFocus onClick={() => { setConfirming(null); onUndo(b.id); }}>Undo ballot</button>
              <button type="button" className="btn secondary small" onClick={() => setConfirming(null)}>Keep</button>
            </span>
          ) : (
            <button type="button" className="btn secondary small" disabled={busy} onClick={() => setConfirming(b.id)} aria-label={`Undo paper ballot ${i + 1}`}>Undo</button>
          )}
        </li>
      ))}
    </ol>
  );
}
