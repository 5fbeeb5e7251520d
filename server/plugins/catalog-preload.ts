// The phone's words come in a catalog chunk per language (shared/i18n/load.ts), fetched once the
// page's code runs: on a poor link that is one more round trip (~0.4 s) before the ballot shows.
// The participant page's HTML names, as modulepreload links, the catalogs of the language the phone
// will most likely pick — `?lang=`, else the browser's Accept-Language, else the event's — so they
// arrive with the page's own chunks. (A choice remembered on the phone is not known here: that
// phone fetches its catalog as before.)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGES, parseAcceptLanguage, pickLanguage, type Language } from "../../shared/i18n/languages";

/** The roles the phone page loads (client/src/pages/participant/ParticipantPage.tsx). */
const PHONE_ROLES = ["common", "rules", "phone"] as const;

export type CatalogPreloads = (lang: Language) => string;

/** Reads the build manifest once; without one (a dev server, a test without a build) nothing is preloaded. */
export function catalogPreloads(clientDir: string): CatalogPreloads {
  const file = join(clientDir, ".vite", "manifest.json");
  const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, { file?: string; dynamicImports?: string[] }>) : {};
  const byKey = new Map<string, string>();
  for (const [source, entry] of Object.entries(manifest)) {
    const m = /shared\/i18n\/catalogs\/([a-z]+)\/([a-z]+)\.ts$/.exec(source);
    if (m && entry.file) byKey.set(`${m[1]}/${m[2]}`, entry.file);
  }
  // English common and rules are imported statically too (shared/ranking.ts, shared/rules.ts), so
  // the bundler folds them into shared chunks with no source key of their own: they are the loader's
  // dynamic imports that are not catalog files, named after their module ("_rules-….js").
  for (const entry of Object.values(manifest)) {
    const imports = entry.dynamicImports ?? [];
    if (!imports.some((k) => k.includes("i18n/catalogs/"))) continue;
    for (const key of imports) {
      const m = /^_([a-z]+)-[\w-]+\.js$/.exec(key);
      const chunk = manifest[key]?.file;
      if (m && chunk && !byKey.has(`en/${m[1]}`)) byKey.set(`en/${m[1]}`, chunk);
    }
  }
  const links = new Map<Language, string>(
    LANGUAGES.map((lang) => [
      lang,
      PHONE_ROLES.map((role) => byKey.get(`${lang}/${role}`))
        .filter((f): f is string => f !== undefined)
        .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`)
        .join(""),
    ]),
  );
  return (lang) => links.get(lang) ?? "";
}

/** The language a phone opening this page will most likely show (client/src/i18n/choose.ts, without its memory). */
export function likelyLanguage(query: string | undefined, acceptLanguage: string | undefined, eventLanguage: Language): Language {
  const asked = new URLSearchParams(query ?? "").get("lang");
  const requested = [...(asked ? [asked] : []), ...parseAcceptLanguage(acceptLanguage)];
  return pickLanguage(requested, LANGUAGES, eventLanguage);
}
