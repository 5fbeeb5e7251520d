// A visible language switcher: each language named in itself, the choice remembered on this device.
import { useId } from "react";
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from "../../../shared/i18n/languages";
import { useI18n } from "./I18n";

export function LanguageSwitcher(props: { label: string; className?: string }) {
  const { lang, setLanguage } = useI18n();
  const id = useId();
  return (
    <span className={props.className ?? "language-switcher"}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={lang} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
