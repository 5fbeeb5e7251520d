// For events that use printed ballot cards: the participant types the code from their card (or
// scans the card's QR code, which carries it in the link and skips this form).
import { useState } from "react";
import type { Event } from "../../../../../shared/schemas";
import { LIMITS } from "../../../../../shared/limits";
import { isInviteCode, normalizeCode } from "../../../../../shared/codes";
import { phoneErrorKey } from "../../../api/errors";
import { usePhoneText } from "../useText";
import { CodeForm } from "../../../components/CodeForm";

interface Props {
  event: Event;
  /** The API error code of the last refusal. */
  error: string | null;
  busy: boolean;
  onSubmit: (invite: string) => void;
}

export function InviteForm({ event, error, busy, onSubmit }: Props) {
  const { t } = usePhoneText();
  const [badFormat, setBadFormat] = useState(false);

  function submit(value: string) {
    if (!isInviteCode(value, LIMITS.inviteLength)) {
      setBadFormat(true);
      return;
    }
    setBadFormat(false);
    onSubmit(normalizeCode(value));
  }

  return (
    <main className="page participant narrow">
      <header className="pp-head">
        <p className="pp-kicker">{t("kicker")}</p>
        <h1 dir="auto">{event.title}</h1>
      </header>
      <CodeForm
        heading={t("cardHeading")}
        label={t("cardCode")}
        hint={t("cardHintInvite")}
        name="invite"
        maxLength={LIMITS.inviteInputLength}
        error={badFormat ? t("cardFormat", { n: LIMITS.inviteLength }) : error ? t(phoneErrorKey(error)) : null}
        busy={busy}
        submitLabel={t("join")}
        busyLabel={t("joining")}
        onSubmit={submit}
      />
    </main>
  );
}
