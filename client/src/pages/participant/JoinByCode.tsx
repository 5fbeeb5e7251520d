// "Join an event by code": the form the home page shows (and the participant page, after a mistyped
// link). Accepts the code as read off the screen — any case, with spaces or a dash — or a pasted link.
import { useState } from "react";
import { EVENT_CODE_LENGTH, isEventCode, normalizeCode } from "../../../../shared/codes";
import { ApiError, request } from "../../api/http";
import { errorText } from "../../api/errors";
import { CodeForm } from "./components/CodeForm";

/** The event code in what was typed: a bare code, or a link such as https://host/e/K7XQ2M?invite=…. */
export function codeFromInput(input: string): string {
  const link = /\/e\/([A-Za-z0-9-]{4,16})/.exec(input);
  return normalizeCode(link?.[1] ?? input);
}

export function JoinByCode({ heading = "Join a vote" }: { heading?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function join(value: string) {
    const code = codeFromInput(value);
    if (!isEventCode(code)) {
      setError(`An event code has ${EVENT_CODE_LENGTH} letters and digits, as shown on the screen.`);
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
    <CodeForm
      heading={heading}
      label="Event code"
      hint={`The ${EVENT_CODE_LENGTH} characters shown on the screen, for example K7XQ2M.`}
      name="code"
      maxLength={200}
      error={error}
      busy={busy}
      onSubmit={(v) => void join(v)}
    />
  );
}

export default JoinByCode;
