// "Join an event" on the start page: one field for the event code, or the event code followed by
// the code of a ballot card, as the card prints them ("K7XQ2M ABCD-EF23"), or a pasted link. With
// a card it opens the event the way the card's QR code does (/e/CODE?invite=…), so the card is
// redeemed there; this path works whatever address the laptop has at the venue.
import { useState } from "react";
import { EVENT_CODE_LENGTH, formatInvite, parseJoinInput } from "../../../../shared/codes";
import { LIMITS } from "../../../../shared/limits";
import { ApiError, request } from "../../api/http";
import { apiPaths, participantPath } from "../../api/paths";
import { useI18n, useT } from "../../i18n/I18n";
import { CodeForm } from "../../components/CodeForm";

export function JoinEvent() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT("home");
  const { catalog } = useI18n();
  // The server's refusal in this page's language: the errors catalog's sentence for its code.
  const refusal = (err: ApiError) => (err.code === "NOT_FOUND" ? t("joinNotFound") : catalog("errors")[err.code] ?? err.message);

  async function join(value: string) {
    const parsed = parseJoinInput(value, LIMITS.inviteLength);
    if (!parsed) {
      setError(t("joinBadInput", { n: EVENT_CODE_LENGTH }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await request("GET", apiPaths.event(parsed.code), null);
      const invite = parsed.invite ? `?invite=${encodeURIComponent(formatInvite(parsed.invite))}` : "";
      window.location.assign(`${participantPath(parsed.code)}${invite}`);
    } catch (err) {
      setError(err instanceof ApiError ? refusal(err) : t("joinFailed"));
      setBusy(false);
    }
  }

  return (
    <CodeForm
      heading={t("joinHeading")}
      label={t("joinLabel")}
      hint={t("joinHint", { n: EVENT_CODE_LENGTH, example: "K7XQ2M", cardExample: "K7XQ2M ABCD-EF23" })}
      submitLabel={t("joinSubmit")}
      busyLabel={t("joinBusy")}
      name="code"
      maxLength={200}
      error={error}
      busy={busy}
      onSubmit={(v) => void join(v)}
    />
  );
}
