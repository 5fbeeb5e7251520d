// For events that use printed ballot cards: the participant types the code from their card (or
// scans the card's QR code, which carries it in the link and skips this form).
import { useId, useState, type FormEvent } from "react";
import type { Event } from "../../../../../shared/schemas";
import { LIMITS } from "../../../../../shared/limits";
import { isInviteCode, normalizeCode } from "../../../../../shared/codes";

interface Props {
  event: Event;
  error: string | null;
  busy: boolean;
  onSubmit: (invite: string) => void;
}

export function InviteForm({ event, error, busy, onSubmit }: Props) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [value, setValue] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const shown = local ?? error;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!isInviteCode(value, LIMITS.inviteLength)) {
      setLocal(`The code on your ballot card has ${LIMITS.inviteLength} letters and digits, like ABCD-EF23.`);
      return;
    }
    setLocal(null);
    onSubmit(normalizeCode(value));
  }

  return (
    <main className="page participant narrow">
      <header className="pp-head">
        <p className="pp-kicker">Prioritisation vote</p>
        <h1>{event.title}</h1>
      </header>
      <form className="join-form" onSubmit={submit} noValidate>
        <h2 className="join-heading">Enter your ballot card</h2>
        <label htmlFor={inputId}>Code on your ballot card</label>
        <p id={hintId} className="join-hint">
          This vote uses printed ballot cards. Type the code from your card; it lets you vote once, and your choices
          stay anonymous.
        </p>
        <div className="join-row">
          <input
            id={inputId}
            name="invite"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
            maxLength={32}
            aria-describedby={shown ? `${hintId} ${errorId}` : hintId}
            aria-invalid={shown ? true : undefined}
          />
          <button type="submit" className="btn" disabled={busy}>
            {busy ? "Joining…" : "Join"}
          </button>
        </div>
        <p id={errorId} className="join-error" role="alert">{shown ?? ""}</p>
      </form>
    </main>
  );
}
