// The phone's words inside its I18nProvider (text.ts says how they are made).
import { useMemo } from "react";
import { useI18n } from "../../i18n/I18n";
import { phoneText, type PhoneText } from "./text";

export function usePhoneText(): PhoneText {
  const { lang, t } = useI18n();
  return useMemo(() => phoneText(lang, t), [lang, t]);
}
