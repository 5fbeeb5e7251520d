// The phone's words in one language outside a browser: the same catalogs the page loads
// (loadCatalog), behind the same PhoneText the components use.
import type { Catalog, Role } from "../../shared/i18n/catalog";
import type { Language } from "../../shared/i18n/languages";
import { loadCatalog } from "../../shared/i18n/load";
import { formatMessage } from "../../shared/i18n/message";
import { PHONE_ROLES, phoneText, type PhoneText } from "../../client/src/pages/participant/text";

export async function phoneTextIn(lang: Language): Promise<PhoneText> {
  const catalogs = new Map<Role, Catalog>();
  for (const role of PHONE_ROLES) catalogs.set(role, await loadCatalog(lang, role));
  return phoneText(lang, (role, key, params) => {
    const source = catalogs.get(role)?.[key];
    return source === undefined ? key : formatMessage(lang, source, params);
  });
}
