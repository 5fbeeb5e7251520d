// The page's language at run time: the catalogs of its roles, loaded on demand (one chunk per
// language and role), `<html lang dir>` kept in step, and `t()` for every word a page shows.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Catalog, Role } from "../../../shared/i18n/catalog";
import { dir, type Language } from "../../../shared/i18n/languages";
import { loadCatalog } from "../../../shared/i18n/load";
import { formatMessage, type Params } from "../../../shared/i18n/message";
import { rememberLanguage } from "./choose";

export interface I18n {
  lang: Language;
  dir: "ltr" | "rtl";
  /** A message of one role's catalog; an unknown key shows itself rather than crashing the page. */
  t: (role: Role, key: string, params?: Params) => string;
  /** One role's loaded catalog itself, for helpers that take a catalog (placeIn with `common`). */
  catalog: (role: Role) => Catalog;
  /** Switches the page's language and remembers the choice on this device. */
  setLanguage: (lang: Language) => void;
}

const Context = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error("useI18n outside <I18nProvider>");
  return value;
}

/** `const t = useT("screen")`: the messages of one role. */
export function useT(role: Role): (key: string, params?: Params) => string {
  const { t } = useI18n();
  return useCallback((key: string, params?: Params) => t(role, key, params), [t, role]);
}

export function I18nProvider(props: {
  lang: Language;
  roles: readonly Role[];
  children: ReactNode;
  fallback?: ReactNode;
  /** False for a part of a page in another language (printed cards): it sets its own `lang`, not `<html>`'s. */
  ownsDocument?: boolean;
}) {
  const [lang, setLang] = useState(props.lang);
  const [catalogs, setCatalogs] = useState<{ lang: Language; byRole: Map<Role, Catalog> } | null>(null);
  const rolesKey = props.roles.join(",");

  useEffect(() => setLang(props.lang), [props.lang]);
  useEffect(() => {
    let live = true;
    const roles = rolesKey.split(",") as Role[];
    void Promise.all(roles.map((r) => loadCatalog(lang, r).then((c) => [r, c] as const))).then((pairs) => {
      if (live) setCatalogs({ lang, byRole: new Map(pairs) });
    });
    return () => {
      live = false;
    };
  }, [lang, rolesKey]);
  const ownsDocument = props.ownsDocument !== false;
  useEffect(() => {
    if (!ownsDocument) return;
    document.documentElement.lang = lang;
    document.documentElement.dir = dir(lang);
  }, [lang, ownsDocument]);

  const value = useMemo<I18n | null>(() => {
    if (!catalogs) return null;
    const shown = catalogs.lang;
    return {
      lang: shown,
      dir: dir(shown),
      t: (role, key, params = {}) => {
        const source = catalogs.byRole.get(role)?.[key];
        return source === undefined ? key : formatMessage(shown, source, params);
      },
      catalog: (role) => catalogs.byRole.get(role) ?? {},
      setLanguage: (next) => {
        rememberLanguage(next);
        setLang(next);
      },
    };
  }, [catalogs]);

  // Until the first catalog arrives there is nothing to say in the right language.
  if (!value) return <>{props.fallback ?? null}</>;
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}
