// The organiser's pages (to be filled when the pages move to catalogs).
import type { TranslationOf } from "../../catalog";
import type en from "../en/organiser";

export default {} satisfies TranslationOf<typeof en>;
