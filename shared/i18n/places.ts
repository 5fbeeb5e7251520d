// A rank as the language writes a place: "1st"/"=2nd", "1er"/"=2e", "1.º", "1.", "1-е", "第1"/"并列第2",
// "الأول"/"الثاني مكرر". The forms live in each language's `common` catalog, so a translator fixes them there.
import type { TranslationOf } from "./catalog";
import type common from "./catalogs/en/common";
import type { Language } from "./languages";
import { formatMessage } from "./message";

export function placeIn(lang: Language, catalog: TranslationOf<typeof common>, rank: number, tied = false): string {
  const place = formatMessage(lang, catalog.place, { n: rank });
  return tied ? formatMessage(lang, catalog.placeTied, { place }) : place;
}
