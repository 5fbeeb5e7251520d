// A proposal's text as the working groups write it: a paragraph (up to LIMITS.proposalTitle
// characters), so a textarea that grows with it, and a counter that says how much room is left
// before the browser stops the typing.
import { useId } from "react";
import { useT } from "../../i18n/I18n";

interface Props {
  label: string;
  value: string;
  max: number;
  onChange: (v: string) => void;
  required?: boolean;
  rows?: number;
  id?: string;
}

export function LongTextField({ label, value, max, onChange, required, rows = 3, id }: Props) {
  const t = useT("organiser");
  const own = useId();
  const fieldId = id ?? own;
  const near = value.length > max * 0.9;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea id={fieldId} dir="auto" className="long-text" required={required} maxLength={max} rows={rows} value={value} aria-describedby={`${fieldId}-count`} onChange={(e) => onChange(e.target.value)} />
      <p className={`hint char-count${near ? " near" : ""}`} id={`${fieldId}-count`} aria-live={near ? "polite" : "off"}>
        {t("charCount", { length: value.length, max })}
      </p>
    </div>
  );
}
