// Ordinal places ("1st", "=2nd"): loaded by every page.
import type { TranslationOf } from "../../catalog";
import type en from "../en/common";

export default {
  place: "{n, selectordinal, other {#-е}}",
  placeTied: "={place}",
} satisfies TranslationOf<typeof en>;
