// "Join an event by code": the form the home page shows (and the participant page, after a mistyped
// link). Accepts the code as read off the screen — any case, with spaces or a dash — or a pasted link.
import { useState } from "react";
import { EVENT_CODE_LENGTH, isEventCode, normalizeCode } from "../../../../shared/codes";
import { ApiError, request } from "../../api/http";
import { phoneErrorKey } from "../../api/errors";
import type { PhoneKey } from "./text";
import { usePhoneText } from "./useText";
import { CodeForm } from "../../components/CodeForm";
import { apiPaths, participantPath } from "../../api/paths";

/** The event code in what was typed: a bare code, or a link such as https://host/e/K7XQ2M?invite=…. */
export function codeFromInput(input: string): string {
  const link = /\/e\/([A-Za-z0-9-]{4,16})/.exec(input);
  return normalizeCode(link?.[1] ?? input);
}

/** On the phone page, after a mistyped link: in the phone's language (inside its I18nProvider). */
export function JoinByCode({ heading }: { heading?: string }) {
  const { t } = usePhoneText();
  const [error, setError] = useState<PhoneKey | null>(null);
  const [busy, setBusy] = useState(false);

  async function join(value: string) {
    const code = codeFromInput(value);
    if (!isEventCode(code)) {
      setError("eventCodeFormat");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await request("GET", apiPaths.event(code), null);
      window.location.assign(participantPath(code));
    } catch (err) {
      setError(phoneErrorKey(err instanceof ApiError ? err.code : "INTERNAL"));
      setBusy(false);
    }
  }

  return (
    <CodeForm
      heading={heading}
      label={t("eventCode")}
      hint={t("eventCodeHint", { n: EVENT_CODE_LENGTH })}
      name="code"
      maxLength={200}
      error={error ? t(error, { n: EVENT_CODE_LENGTH }) : null}
      busy={busy}
      submitLabel={t("join")}
      busyLabel={t("joining")}
      onSubmit={(v) => void join(v)}
    />
  );
}

export default JoinByCode;
