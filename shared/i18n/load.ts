// Pages load one language's catalog of one role when they need it: a phone set to Arabic fetches
// the Arabic phone messages and nothing else (a separate chunk per language and role).
import type { Catalog, Role } from "./catalog";
import type { Language } from "./languages";

const loaded = new Map<string, Promise<Catalog>>();

export function loadCatalog(lang: Language, role: Role): Promise<Catalog> {
  const key = `${lang}/${role}`;
  let hit = loaded.get(key);
  if (!hit) {
    // One pattern the bundler can see, so every catalogs/<lang>/<role>.ts becomes its own chunk.
    hit = (import(`./catalogs/${lang}/${role}.ts`) as Promise<{ default: Catalog }>).then((m) => m.default);
    loaded.set(key, hit);
  }
  return hit;
}
