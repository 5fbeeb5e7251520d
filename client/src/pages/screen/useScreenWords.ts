// The projector's words in the page's language (see words.ts), from the catalogs the provider loaded.
import { useMemo } from "react";
import type { TranslationOf } from "../../../../shared/i18n/catalog";
import type commonEn from "../../../../shared/i18n/catalogs/en/common";
import { formatNumber } from "../../../../shared/i18n/format";
import type { Language } from "../../../../shared/i18n/languages";
import { placeIn } from "../../../../shared/i18n/places";
import { useI18n } from "../../i18n/I18n";
import type { PlaceText, ScreenSay } from "./words";

export interface ScreenWords {
  lang: Language;
  dir: "ltr" | "rtl";
  say: ScreenSay;
  place: PlaceText;
  /** A count as the language writes numbers (Western digits in Arabic too: intlLocale). */
  num: (n: number) => string;
}

export function useScreenWords(): ScreenWords {
  const i18n = useI18n();
  return useMemo(() => {
    // The common catalog is typed against en's at its source (satisfies TranslationOf), so this only names its type.
    const common = i18n.catalog("common") as TranslationOf<typeof commonEn>;
    return {
      lang: i18n.lang,
      dir: i18n.dir,
      say: (key, params) => i18n.t("screen", key, params),
      place: (rank, tied) => placeIn(i18n.lang, common, rank, tied),
      num: (n) => formatNumber(i18n.lang, n),
    };
  }, [i18n]);
}
