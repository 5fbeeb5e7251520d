// The participant's phone page (to be filled when the page moves to catalogs).
import type { Catalog } from "../../catalog";

export default {} satisfies Catalog;
