// The projector's words come from the `screen` catalog and its places from `common` (placeIn), in
// the page's language. The model's functions take a translator; English is their default, for
// the tests and for the organiser page (LiveControls, HiddenCounts), which is not translated yet.
import { translator, type Translate } from "../../../../shared/i18n/catalog";
import commonEn from "../../../../shared/i18n/catalogs/en/common";
import screenEn from "../../../../shared/i18n/catalogs/en/screen";
import { placeIn } from "../../../../shared/i18n/places";

export type ScreenSay = Translate<typeof screenEn>;
export type ScreenKey = keyof typeof screenEn;
/** A rank as the language writes a place ("1st", "=2nd", "الثاني مكرر"). */
export type PlaceText = (rank: number, tied: boolean) => string;

export const englishSay: ScreenSay = translator("en", screenEn);
export const englishPlace: PlaceText = (rank, tied) => placeIn("en", commonEn, rank, tied);
