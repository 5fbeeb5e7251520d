// The import parsers answer with catalog keys and parameters (shared/import/validate.ts); the tests
// read them as the English organiser page shows them, so a sentence that changes is still noticed.
import { translator } from "../../shared/i18n/catalog";
import en from "../../shared/i18n/catalogs/en/organiser";
import type { ImportError } from "../../shared/import/validate";

const say = translator("en", en);

export function worded(errors: readonly ImportError[]): Array<{ line: number; message: string }> {
  return errors.map((e) => ({ line: e.line, message: say(e.key, e.params) }));
}
