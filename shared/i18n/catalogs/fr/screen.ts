// The projector page (to be filled when the page moves to catalogs).
import type { TranslationOf } from "../../catalog";
import type en from "../en/screen";

export default {} satisfies TranslationOf<typeof en>;
