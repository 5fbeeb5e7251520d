// "Join an event" on the start page: one field for the event code, or the event code followed by
// the code of a ballot card, as the card prints them ("K7XQ2M ABCD-EF23"), or a pasted link. With
// a card it opens the event the way the card's QR code does (/e/CODE?invite=…), so the card is
// redeemed there; this path works whatever address the laptop has at the venue.
import { useState } from "react";
import { EVENT_CODE_LENGTH, formatInvite, parseJoinInput } from "../../../../shared/codes";
import { LIMITS } from "../../../../shared/limits";
import { ApiError, request } from "../../api/http";
import { errorText } from "../../api/errors";
import { apiPaths, participantPath } from "../../api/paths";
import { CodeForm } from "../participant/components/CodeForm";

export function JoinEvent() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function join(value: string) {
    const parsed = parseJoinInput(value, LIMITS.inviteLength);
    if (!parsed) {
      setError(
        `Type the event code (${EVENT_CODE_LENGTH} letters and digits, shown on the screen) — or, with a ballot card, the event code and then the card code, as printed on the card.`,
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await request("GET", apiPaths.event(parsed.code), null);
      const invite = parsed.invite ? `?invite=${encodeURIComponent(formatInvite(parsed.invite))}` : "";
      window.location.assign(`${participantPath(parsed.code)}${invite}`);
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err.code, err.message) : errorText("INTERNAL"));
      setBusy(false);
    }
  }

  return (
    <CodeForm
      heading="Join an event"
      label="Event code"
      hint={`The ${EVENT_CODE_LENGTH} characters shown on the screen, for example K7XQ2M. With a ballot card: the event code, then the card code (K7XQ2M ABCD-EF23).`}
      name="code"
      maxLength={200}
      error={error}
      busy={busy}
      onSubmit={(v) => void join(v)}
    />
  );
}
