// A role's messages loaded on demand by the component that needs them, rather than with the page
// (I18nProvider's roles): the clock's words reach a phone only when an area has a deadline.
import { useEffect, useMemo, useState } from "react";
import type { Catalog, Role } from "../../../shared/i18n/catalog";
import type { Language } from "../../../shared/i18n/languages";
import { loadCatalog } from "../../../shared/i18n/load";
import { formatMessage, type Params } from "../../../shared/i18n/message";
import { useI18n } from "./I18n";

export type LazyT = (key: string, params?: Params) => string;

/** null until the page language's catalog of this role has arrived. */
export function useLazyT(role: Role): LazyT | null {
  const { lang } = useI18n();
  const [loaded, setLoaded] = useState<{ lang: Language; catalog: Catalog } | null>(null);
  useEffect(() => {
    let live = true;
    void loadCatalog(lang, role).then((catalog) => {
      if (live) setLoaded({ lang, catalog });
    });
    return () => {
      live = false;
    };
  }, [lang, role]);
  return useMemo(() => {
    if (!loaded) return null;
    return (key: string, params: Params = {}) => {
      const source = loaded.catalog[key];
      return source === undefined ? key : formatMessage(loaded.lang, source, params);
    };
  }, [loaded]);
}
