// A second step for an action the room feels at once (closing an area, revealing an open one): the
// question beside the button that asked it, "yes" focused, and a way out.
import { useEffect, useRef, type ReactNode } from "react";
import { useT } from "../../i18n/I18n";

export function ConfirmStep(props: { label: string; question: ReactNode; yes: string; busy: boolean; onYes: () => void; onNo: () => void }) {
  const t = useT("organiser");
  // The button that asked is gone under the focus: "yes" takes it, on mount (autoFocus alone is
  // not applied to an element added after the page loaded, so the focus fell to the page).
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <span className="confirm" role="group" aria-label={props.label}>
      <span>{props.question}</span>
      <button type="button" className="btn danger" disabled={props.busy} onClick={props.onYes} ref={yes}>{props.yes}</button>
      <button type="button" className="btn secondary" disabled={props.busy} onClick={props.onNo}>{t("cancel")}</button>
    </span>
  );
}
