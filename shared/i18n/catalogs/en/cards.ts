// Printed ballot cards and paper ballots (to be filled when the pages move to catalogs).
import type { Catalog } from "../../catalog";

export default {} satisfies Catalog;
