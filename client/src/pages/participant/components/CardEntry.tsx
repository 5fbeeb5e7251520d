// "I have a ballot card", folded away on an open event's page: a person handed a printed card (the
// organiser counts cards) types its code here and votes as that card. Only while this phone has not
// joined: a phone that already voted is already counted, and a card would count it twice.
import { useState } from "react";
import { LIMITS } from "../../../../../shared/limits";
import { isInviteCode, normalizeCode } from "../../../../../shared/codes";
import { CodeForm } from "./CodeForm";

interface Props {
  onRedeem: (invite: string) => Promise<string | null>;
}

export function CardEntry({ onRedeem }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(value: string) {
    if (!isInviteCode(value, LIMITS.inviteLength)) {
      setError(`The code on your ballot card has ${LIMITS.inviteLength} letters and digits, like ABCD-EF23.`);
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await onRedeem(normalizeCode(value));
    setBusy(false);
    setError(failure);
  }

  return (
    <details className="pp-card">
      <summary>I have a ballot card</summary>
      <CodeForm
        label="Code on your ballot card"
        hint="Type the code printed on your card to vote with it. Without a card, just tick your choices below."
        name="invite"
        maxLength={32}
        error={error}
        busy={busy}
        onSubmit={(v) => void submit(v)}
      />
    </details>
  );
}
