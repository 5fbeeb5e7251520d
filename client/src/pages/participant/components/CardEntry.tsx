// "I have a ballot card", folded away on an open event's page: a person handed a printed card (the
// organiser counts cards) types its code here and votes as that card. Only while this phone has not
// joined: a phone that already voted is already counted, and a card would count it twice.
import { useState } from "react";
import { LIMITS } from "../../../../../shared/limits";
import { isInviteCode, normalizeCode } from "../../../../../shared/codes";
import { phoneErrorKey } from "../../../api/errors";
import type { PhoneKey } from "../text";
import { usePhoneText } from "../useText";
import { CodeForm } from "../../../components/CodeForm";

interface Props {
  /** Resolves to null once redeemed, or to the API error code of the refusal. */
  onRedeem: (invite: string) => Promise<string | null>;
}

export function CardEntry({ onRedeem }: Props) {
  const { t } = usePhoneText();
  // A key, not a sentence: the words follow the language if the participant switches it.
  const [error, setError] = useState<PhoneKey | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(value: string) {
    if (!isInviteCode(value, LIMITS.inviteLength)) {
      setError("cardFormat");
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await onRedeem(normalizeCode(value));
    setBusy(false);
    setError(failure === null ? null : phoneErrorKey(failure));
  }

  return (
    <details className="pp-card">
      <summary>{t("haveCard")}</summary>
      <CodeForm
        label={t("cardCode")}
        hint={t("cardHintOpen")}
        name="invite"
        maxLength={32}
        error={error ? t(error, { n: LIMITS.inviteLength }) : null}
        busy={busy}
        submitLabel={t("join")}
        busyLabel={t("joining")}
        onSubmit={(v) => void submit(v)}
      />
    </details>
  );
}
