// The `message` of an API error in the caller's language (API 1.1): the first supported language of
// Accept-Language, else the event's language when the path names an event, else English. The
// `code` never changes. English keeps each error's own sentence, byte for byte; other languages get
// the rule's sentence when the error carries one (LocalizedError), else the catalog's sentence for
// the code — never an English sentence inside a French answer.
import type { FastifyRequest } from "fastify";
import { normalizeCode } from "../../shared/codes";
import type { ErrorCode } from "../../shared/errors";
import { SERVER_CATALOGS } from "../../shared/i18n/catalogs";
import { LANGUAGES, parseAcceptLanguage, pickLanguage, type Language } from "../../shared/i18n/languages";
import { LocalizedError } from "../../shared/i18n/localized-error";
import { ruleText } from "../../shared/i18n/rules-text";

/** How the handler learns an event's language without knowing about repos. */
export type EventLanguageOf = (code: string) => Language | undefined;

export function errorLanguage(request: FastifyRequest, eventLanguage: EventLanguageOf): Language {
  const header = request.headers["accept-language"] as string | string[] | undefined; // an injected request may carry a list
  const asked = pickLanguage<Language | "">(parseAcceptLanguage(Array.isArray(header) ? header[0] : header), LANGUAGES, "");
  if (asked) return asked;
  const m = /^\/api\/events\/([^/?#]{1,16})/.exec(request.url);
  if (m?.[1]) {
    try {
      return eventLanguage(normalizeCode(decodeURIComponent(m[1]))) ?? "en";
    } catch {
      return "en"; // a malformed escape or an unreadable database: the error itself matters more
    }
  }
  return "en";
}

export function localizedMessage(lang: Language, code: ErrorCode, english: string, err?: unknown): string {
  if (lang === "en") return english;
  const catalogs = SERVER_CATALOGS[lang];
  if (err instanceof LocalizedError) return ruleText(lang, catalogs.rules, err.text);
  return catalogs.errors[code];
}
