// The phone's words in the phone's language, as pure functions (the hook is useText.ts): typed keys of the phone catalog (the `en` catalog is
// imported for its type only, so no language's messages ride in the page's own chunk), the vote
// rules' sentences, lists of labels as the language writes them, and bidi isolation for content
// (a label "PH-3", an English area title) set inside a right-to-left sentence.
import type { Role } from "../../../../shared/i18n/catalog";
import type phone from "../../../../shared/i18n/catalogs/en/phone";
import { dir, intlLocale, type Language } from "../../../../shared/i18n/languages";
import type { Params } from "../../../../shared/i18n/message";
import type { RuleText } from "../../../../shared/i18n/rules-text";

export type PhoneKey = keyof typeof phone;

/** The catalogs the phone loads: ordinals, the vote's rules, its own words. */
export const PHONE_ROLES = ["common", "rules", "phone"] as const satisfies readonly Role[];

export interface PhoneText {
  lang: Language;
  t: (key: PhoneKey, params?: Params) => string;
  /** A rule's code and parameters (shared/rules.ts) as a sentence; the area's title isolated. */
  rule: (text: RuleText) => string;
  /** "PH-3 and PH-7", "PH-3 و PH-7", "PH-3和PH-7": each item isolated. */
  list: (items: readonly string[]) => string;
  /** Content inside a sentence, kept in its own direction on a right-to-left page (FSI … PDI). */
  iso: (s: string) => string;
}

export function phoneText(lang: Language, translate: (role: Role, key: string, params?: Params) => string): PhoneText {
  // Only a right-to-left page reorders a Latin label or title into the sentence around it; a
  // left-to-right page keeps plain text (what its readers and tests copy).
  const iso = dir(lang) === "rtl" ? (s: string) => `\u2068${s}\u2069` : (s: string) => s;
  const lists = new Intl.ListFormat(intlLocale(lang), { style: "long", type: "conjunction" });
  return {
    lang,
    iso,
    t: (key, params) => translate("phone", key, params),
    rule: (text) => {
      const area = text.params.area;
      return translate("rules", text.key, typeof area === "string" ? { ...text.params, area: iso(area) } : text.params);
    },
    list: (items) => lists.format(items.map(iso)),
  };
}
