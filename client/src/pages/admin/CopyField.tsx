// A link shown in full (so it can be read or selected by hand) with a copy button. The clipboard
// API exists only on secure origins; over plain http on the venue LAN the selection is copied instead.
import { useId, useRef, useState } from "react";
import { useT } from "../../i18n/I18n";

/** `wrap`: show a long link in full over several lines, e.g. a key the organiser must be able to read. */
export function CopyField(props: { label: string; value: string; hint?: string; wrap?: boolean }) {
  const t = useT("organiser");
  const id = useId();
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard API");
      await navigator.clipboard.writeText(props.value);
      setCopied("yes");
    } catch {
      input.current?.select();
      // Deprecated, but the only way to copy without a secure origin.
      setCopied(document.execCommand("copy") ? "yes" : "no");
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{props.label}</label>
      <div className="copy-row">
        {props.wrap ? (
          <textarea id={id} ref={input} readOnly rows={3} value={props.value} onFocus={(e) => e.currentTarget.select()} aria-describedby={props.hint ? `${id}-hint` : undefined} />
        ) : (
          <input id={id} ref={input} type="text" readOnly value={props.value} onFocus={(e) => e.currentTarget.select()} aria-describedby={props.hint ? `${id}-hint` : undefined} />
        )}
        <button type="button" className="btn secondary" onClick={() => void copy()}>{t("copy")}</button>
      </div>
      {props.hint && <p className="hint" id={`${id}-hint`}>{props.hint}</p>}
      <p className="hint" role="status">{copied === "yes" ? t("copied") : copied === "no" ? t("copyByHand") : ""}</p>
    </div>
  );
}
