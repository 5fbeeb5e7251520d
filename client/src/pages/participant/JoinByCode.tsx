// "Join an event by code": the form the home page shows (and the participant page, after a mistyped
// link). Accepts the code as read off the screen — any case, with spaces or a dash — or a pasted link.
import { useId, useState, type FormEvent } from "react";
import { isEventCode, normalizeCode } from "../../../../shared/codes";
import { ApiError, request } from "../../api/http";
import { errorText } from "../../api/errors";
import "./join.css";

/** The event code in what was typed: a bare code, or a link such as https://host/e/K7XQ2M?invite=…. */
export function codeFromInput(input: string): string {
  const link = /\/e\/([A-Za-z0-9-]{4,16})/.exec(input);
  return normalizeCode(link?.[1] ?? input);
}

interface Props {
  /** Shown above the field; the home page may use its own heading instead. */
  heading?: string;
  initialCode?: string;
}

export function JoinByCode({ heading = "Join a vote", initialCode = "" }: Props) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [value, setValue] = useState(initialCode);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = codeFromInput(value);
    if (!isEventCode(code)) {
      setError("An event code has 6 letters and digits, as shown on the screen.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await request("GET", `/api/events/${code}`, null);
      window.location.assign(`/e/${code}`);
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err.code, err.message) : errorText("INTERNAL"));
      setBusy(false);
    }
  }

  return (
    <form className="join-form" onSubmit={submit} noValidate>
      {heading ? <h2 className="join-heading">{heading}</h2> : null}
      <label htmlFor={inputId}>Event code</label>
      <p id={hintId} className="join-hint">The 6 characters shown on the screen, for example K7XQ2M.</p>
      <div className="join-row">
        <input
          id={inputId}
          name="code"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={200}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="btn" disabled={busy}>
          {busy ? "Joining…" : "Join"}
        </button>
      </div>
      <p id={errorId} className="join-error" role="alert">{error ?? ""}</p>
    </form>
  );
}

export default JoinByCode;
