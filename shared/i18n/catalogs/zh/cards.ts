// Printed ballot cards and paper ballots (to be filled when the pages move to catalogs).
import type { TranslationOf } from "../../catalog";
import type en from "../en/cards";

export default {} satisfies TranslationOf<typeof en>;
