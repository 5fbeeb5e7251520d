// Ordinal places ("1st", "=2nd"): loaded by every page.
import type { Catalog } from "../../catalog";

export default {
  place: "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
  placeTied: "={place}",
} satisfies Catalog;
