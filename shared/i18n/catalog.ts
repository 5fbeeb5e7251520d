// Message catalogs: one small dictionary per language and per role, so a phone loads only its own
// language's phone messages. `en` is the source: every other language has exactly its keys
// (checked by the type below and by tests/unit/i18n-catalogs.test.ts).
import type { Language } from "./languages";
import { formatMessage, type Params } from "./message";

/** The roles a catalog serves. common: ordinals; rules: the vote's rules (phone, organiser, server). */
export const ROLES = ["common", "rules", "errors", "report", "phone", "screen", "organiser", "cards", "home", "feedback", "clock", "drafting", "methods"] as const;
export type Role = (typeof ROLES)[number];

export type Catalog = Readonly<Record<string, string>>;
/** A translation of an `en` catalog: the same keys, no more, no fewer. */
export type TranslationOf<C extends Catalog> = { readonly [K in keyof C]: string };

export type Translate<C extends Catalog> = (key: keyof C & string, params?: Params) => string;

/** `t("votes", { votes: 3 })` in one language; an unknown key shows itself rather than crashing. */
export function translator<C extends Catalog>(lang: Language, catalog: TranslationOf<C>): Translate<C> {
  return (key, params = {}) => {
    const source = catalog[key];
    return source === undefined ? key : formatMessage(lang, source, params);
  };
}
