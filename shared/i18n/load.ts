// Pages load one language's catalog of one role when they need it: a phone set to Arabic fetches
// the Arabic phone messages and nothing else (a separate chunk per language and role).
import type { Catalog, Role } from "./catalog";
import type { Language } from "./languages";

const loaded = new Map<string, Promise<Catalog>>();

/**
 * The pseudo-locale of the e2e tests (pseudo.ts): a test sets this flag before the page's scripts
 * run, and the English catalogs arrive accented and 40% longer. No user is offered it; the code that
 * makes it is a chunk of its own, fetched only then.
 */
const PSEUDO_FLAG = "__plenaryPseudoLocale";

export function loadCatalog(lang: Language, role: Role): Promise<Catalog> {
  const key = `${lang}/${role}`;
  let hit = loaded.get(key);
  if (!hit) {
    // One pattern the bundler can see, so every catalogs/<lang>/<role>.ts becomes its own chunk.
    hit = (import(`./catalogs/${lang}/${role}.ts`) as Promise<{ default: Catalog }>).then((m) => m.default);
    if (lang === "en" && (globalThis as Record<string, unknown>)[PSEUDO_FLAG] === true) {
      hit = Promise.all([hit, import("./pseudo")]).then(([catalog, pseudo]) => pseudo.pseudoCatalog(catalog));
    }
    loaded.set(key, hit);
  }
  return hit;
}
