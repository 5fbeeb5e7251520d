// A pseudo-locale for tests (issue 12): every catalog sentence with its letters accented and its
// words about 40% longer, placeholders and ICU plural/select syntax untouched. A page rendered with
// it shows at once a word that did not come from a catalog (it stays plain ASCII) and a layout that
// breaks when a translation runs longer than English. Never offered to users: a test turns it on
// (load.ts), and it is built from `en` at run time, so it can never fall out of step.
import type { Catalog } from "./catalog";
import { parseMessage } from "./message";

type Parts = ReturnType<typeof parseMessage>;

const LOWER = "áƀçďéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýž";
const UPPER = "ÁƁÇĎÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ";

/** Each ASCII letter as an accented look-alike; anything else as it is. */
export function accent(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 97 && c <= 122) out += LOWER[c - 97];
    else if (c >= 65 && c <= 90) out += UPPER[c - 65];
    else out += ch;
  }
  return out;
}

/** A run of literal text: each word accented and lengthened by 40% (its own first letters repeated). */
function stretch(text: string): string {
  return text.replace(/[A-Za-z]+/g, (word) => accent(word + word.slice(0, Math.ceil(word.length * 0.4)).toLowerCase()));
}

function serialise(parts: Parts): string {
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") out += stretch(p);
    else if ("pound" in p) out += "#";
    else if (!("kind" in p)) out += `{${p.arg}}`;
    else {
      const options = Object.entries(p.options).map(([key, body]) => `${key} {${serialise(body)}}`);
      out += `{${p.arg}, ${p.kind}, ${options.join(" ")}}`;
    }
  }
  return out;
}

/** One ICU message in the pseudo-locale: same placeholders, same plural and select forms. */
export function pseudoMessage(source: string): string {
  return serialise(parseMessage(source));
}

export function pseudoCatalog(catalog: Catalog): Catalog {
  return Object.fromEntries(Object.entries(catalog).map(([key, source]) => [key, pseudoMessage(source)]));
}
