// The words that tell a participant whether the server has their choice. "Saved" appears only after
// the server answered: a 200 to this phone's write, or the ballot read back from the server.
import { saveText, type SaveState } from "../sync";
import { usePhoneText } from "../useText";

interface Props {
  state: SaveState;
  hasServerChoice: boolean;
}

export function SaveStatus({ state, hasServerChoice }: Props) {
  const text = saveText(state, hasServerChoice, usePhoneText());
  const kind = state.kind === "idle" ? (text ? "saved" : "idle") : state.kind;
  // The live region stays mounted while its words change, so screen readers announce each change.
  return (
    <span className={`save save-${kind}`} role="status" data-save={kind}>
      {kind === "saved" ? <span aria-hidden="true">✓ </span> : null}
      {text}
    </span>
  );
}
