// The vote's rules (shared/rules.ts) answer with a code, a message key and parameters; this turns
// them into a sentence of one language. Every side renders them with its own loaded catalog.
import type { TranslationOf } from "./catalog";
import type rules from "./catalogs/en/rules";
import type { Language } from "./languages";
import { formatMessage, type Params } from "./message";

export type RulesCatalog = TranslationOf<typeof rules>;
export type RuleKey = keyof typeof rules;

export interface RuleText {
  key: RuleKey;
  params: Params;
}

export function ruleText(lang: Language, catalog: RulesCatalog, text: RuleText): string {
  return formatMessage(lang, catalog[text.key], text.params);
}
