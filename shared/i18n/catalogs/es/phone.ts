// The participant's phone page (to be filled when the page moves to catalogs).
import type { TranslationOf } from "../../catalog";
import type en from "../en/phone";

export default {} satisfies TranslationOf<typeof en>;
