// Which language a page speaks (API.md 1.1): `?lang=` if given and supported (a projector link can
// pin one), else the visitor's own choice from the switcher (remembered on this device), else the
// browser's preferred languages when supported, else the event's language. The projector skips the
// remembered choice and the browser's preference: it shows the room the event's language unless its
// link says otherwise (whoever last used the laptop's switcher does not decide for the room).
import { DEFAULT_LANGUAGE, isLanguage, pickLanguage, type Language } from "../../../shared/i18n/languages";

const STORE_KEY = "plenary:lang";

export function rememberedLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function queryLanguage(search = window.location.search): Language | null {
  const asked = new URLSearchParams(search).get("lang");
  if (!asked) return null;
  const picked = pickLanguage([asked], undefined, "" as Language);
  return isLanguage(picked) ? picked : null;
}

export function chooseLanguage(opts: { eventLanguage?: Language | null; followBrowser?: boolean } = {}): Language {
  const fromQuery = queryLanguage();
  if (fromQuery) return fromQuery;
  if (opts.followBrowser !== false) {
    const remembered = rememberedLanguage();
    if (remembered) return remembered;
    const browser = pickLanguage(navigator.languages ?? [navigator.language], undefined, "" as Language);
    if (isLanguage(browser)) return browser;
  }
  return opts.eventLanguage ?? DEFAULT_LANGUAGE;
}
