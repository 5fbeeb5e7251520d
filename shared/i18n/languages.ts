// The languages Plenary speaks (API.md 1.1, `Event.language`): the UN's six plus German and
// Portuguese. One list, used by the schema, the server's negotiation and the client's switcher.
export const LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh", "de", "pt"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** Each language's name in itself, for a switcher (a reader looks for their own language's name). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  ar: "العربية",
  ru: "Русский",
  zh: "中文（简体）",
  de: "Deutsch",
  pt: "Português",
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Text direction of the language, for `<html dir>` and the exports' isolation. */
export function dir(lang: Language): "ltr" | "rtl" {
  return lang === "ar" ? "rtl" : "ltr";
}

/**
 * The locale handed to Intl. Arabic is written with Western digits ("12", not "١٢"): engines
 * disagree on the default for plain "ar", and our labels ("PH-3") and codes use Western digits, so
 * one digit system keeps a page, a projector and an export reading the same.
 */
export function intlLocale(lang: Language): string {
  return lang === "ar" ? "ar-u-nu-latn" : lang === "zh" ? "zh-Hans" : lang;
}

/**
 * The first requested language we support, by primary subtag ("fr-CA" → fr, "zh-Hans-CN" → zh,
 * "pt-BR" → pt); anything unknown or malformed is skipped quietly, and `fallback` answers when
 * nothing matches. Requests come in preference order (see parseAcceptLanguage).
 */
export function pickLanguage<L extends string = Language>(
  requested: readonly string[],
  supported: readonly L[] = LANGUAGES as unknown as readonly L[],
  fallback: L = (supported[0] ?? DEFAULT_LANGUAGE) as L,
): L {
  for (const tag of requested) {
    if (typeof tag !== "string") continue;
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
    const hit = supported.find((s) => s.toLowerCase() === primary);
    if (hit !== undefined) return hit;
  }
  return fallback;
}

/**
 * An Accept-Language header as tags in preference order (q-values honoured, q=0 dropped, stable
 * for equal q). Bounded: a header longer than a browser would send is cut, never parsed at length.
 */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  const entries: Array<{ tag: string; q: number; i: number }> = [];
  header.slice(0, 512).split(",").slice(0, 32).forEach((part, i) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = (rawTag ?? "").trim();
    if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    if (q > 0) entries.push({ tag, q, i });
  });
  return entries.sort((a, b) => b.q - a.q || a.i - b.i).map((e) => e.tag);
}
