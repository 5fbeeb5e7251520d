// A labelled text area with its character counter (the limits of shared/limits.ts), the counter
// tied to the field for screen readers and announced only when near the limit.
import { useT } from "../i18n/I18n";

export function CountedText(props: { id: string; label: string; value: string; max: number; rows: number; onChange: (v: string) => void; required?: boolean }) {
  const t = useT("drafting");
  const n = props.value.length;
  return (
    <div className="field counted">
      <label htmlFor={props.id}>{props.label}</label>
      <textarea id={props.id} rows={props.rows} value={props.value} maxLength={props.max} required={props.required} dir="auto"
        aria-describedby={`${props.id}-n`} onChange={(e) => props.onChange(e.currentTarget.value)} />
      <p className="hint counter" id={`${props.id}-n`} aria-live={n > props.max * 0.9 ? "polite" : "off"}>{t("editorCounter", { n, max: props.max })}</p>
    </div>
  );
}
