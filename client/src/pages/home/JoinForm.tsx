// "Join an event" by its six-character code: checked against the code alphabet here, so a typo
// like O for 0 is explained before any request is made.
import { useState, type FormEvent } from "react";
import { EVENT_CODE_LENGTH, isEventCode, normalizeCode } from "../../../../shared/codes";

export function JoinForm() {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isEventCode(code)) {
      setError(`An event code has ${EVENT_CODE_LENGTH} letters and digits, as shown on the screen.`);
      return;
    }
    window.location.assign(`/e/${normalizeCode(code)}`);
  };

  return (
    <form onSubmit={submit} className="join-form" noValidate>
      <div className="field">
        <label htmlFor="join-code">Event code</label>
        <input
          id="join-code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={16}
          value={code}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "join-error" : undefined}
          placeholder="e.g. K7PQ2M"
          onChange={(e) => { setCode(e.target.value); setError(null); }}
        />
      </div>
      {error && <p className="form-error" id="join-error" role="alert">{error}</p>}
      <button className="btn" type="submit">Join</button>
    </form>
  );
}
