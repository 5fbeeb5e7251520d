// For events that use printed ballot cards: the participant types the code from their card (or
// scans the card's QR code, which carries it in the link and skips this form).
import { useState } from "react";
import type { Event } from "../../../../../shared/schemas";
import { LIMITS } from "../../../../../shared/limits";
import { isInviteCode, normalizeCode } from "../../../../../shared/codes";
import { CodeForm } from "./CodeForm";

interface Props {
  event: Event;
  error: string | null;
  busy: boolean;
  onSubmit: (invite: string) => void;
}

export function InviteForm({ event, error, busy, onSubmit }: Props) {
  const [local, setLocal] = useState<string | null>(null);

  function submit(value: string) {
    if (!isInviteCode(value, LIMITS.inviteLength)) {
      setLocal(`The code on your ballot card has ${LIMITS.inviteLength} letters and digits, like ABCD-EF23.`);
      return;
    }
    setLocal(null);
    onSubmit(normalizeCode(value));
  }

  return (
    <main className="page participant narrow">
      <header className="pp-head">
        <p className="pp-kicker">Prioritisation vote</p>
        <h1>{event.title}</h1>
      </header>
      <CodeForm
        heading="Enter your ballot card"
        label="Code on your ballot card"
        hint="This vote uses printed ballot cards. Type the code from your card; it lets you vote once, and your choices stay anonymous."
        name="invite"
        maxLength={32}
        error={local ?? error}
        busy={busy}
        onSubmit={submit}
      />
    </main>
  );
}
