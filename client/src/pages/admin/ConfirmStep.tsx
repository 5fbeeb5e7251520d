// A second step for an action the room feels at once (closing an area, revealing an open one): the
// question beside the button that asked it, "yes" focused, and a way out.
import type { ReactNode } from "react";
import { useT } from "../../i18n/I18n";

export function ConfirmStep(props: { label: string; question: ReactNode; yes: string; busy: boolean; onYes: () => void; onNo: () => void }) {
  const t = useT("organiser");
  return (
    <span className="confirm" role="group" aria-label={props.label}>
      <span>{props.question}</span>
      <button type="button" className="btn danger" disabled={props.busy} onClick={props.onYes} autoFocus>{props.yes}</button>
      <button type="button" className="btn secondary" disabled={props.busy} onClick={props.onNo}>{t("cancel")}</button>
    </span>
  );
}
