// A form for one short code typed off a screen or a card (event code, ballot-card code): large
// upper-case field, hint and error tied to it for screen readers, and a Join button beside it.
import { useId, useState, type FormEvent } from "react";
import "./join.css";

interface Props {
  heading?: string;
  label: string;
  hint: string;
  name: string;
  maxLength: number;
  error: string | null;
  busy: boolean;
  /** The button's words (the phone passes its language's; the home page keeps the English default). */
  submitLabel?: string;
  busyLabel?: string;
  onSubmit: (value: string) => void;
}

export function CodeForm({ heading, label, hint, name, maxLength, error, busy, submitLabel = "Join", busyLabel = "Joining…", onSubmit }: Props) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [value, setValue] = useState("");

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onSubmit(value);
  }

  return (
    <form className="join-form" onSubmit={submit} noValidate>
      {heading ? <h2 className="join-heading">{heading}</h2> : null}
      <label htmlFor={inputId}>{label}</label>
      <p id={hintId} className="join-hint">{hint}</p>
      <div className="join-row">
        <input
          id={inputId}
          name={name}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={maxLength}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="btn" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
      <p id={errorId} className="join-error" role="alert">{error ?? ""}</p>
    </form>
  );
}
