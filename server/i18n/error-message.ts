// The `message` of an API error in the caller's language (API 1.1): the first supported language of
// Accept-Language, else the event's language when the request was found to name one, else English. The
// `code` never changes. English keeps each error's own sentence, byte for byte; other languages get
// the rule's sentence when the error carries one (LocalizedError), else the catalog's sentence for
// the code — never an English sentence inside a French answer.
import type { FastifyRequest } from "fastify";
import type { ErrorCode } from "../../shared/errors";
import { SERVER_CATALOGS } from "../../shared/i18n/catalogs";
import { LANGUAGES, parseAcceptLanguage, pickLanguage, type Language } from "../../shared/i18n/languages";
import { LocalizedError } from "../../shared/i18n/localized-error";
import { ruleText } from "../../shared/i18n/rules-text";

/**
 * The language of an error's message. `eventLanguage` is the language of the event the request was
 * found to name (http/request-event.ts), never looked up here: an error raised before the code's
 * look-up (a rate limit, a blocked address, a malformed body) must tell nothing about the code.
 */
export function errorLanguage(request: FastifyRequest, eventLanguage: Language | undefined): Language {
  return callerLanguage(request.headers["accept-language"], eventLanguage);
}

/**
 * The same choice for any caller: the Socket.IO handshake gives its Accept-Language header and, once
 * its code was found, the event's language — so a refused socket hears what a refused request would.
 */
export function callerLanguage(header: string | string[] | undefined, eventLanguage: Language | undefined): Language {
  const asked = pickLanguage<Language | "">(parseAcceptLanguage(Array.isArray(header) ? header[0] : header), LANGUAGES, "");
  return asked || (eventLanguage ?? "en");
}

export function localizedMessage(lang: Language, code: ErrorCode, english: string, err?: unknown): string {
  if (lang === "en") return english;
  const catalogs = SERVER_CATALOGS[lang];
  if (err instanceof LocalizedError) return ruleText(lang, catalogs.rules, err.text);
  return catalogs.errors[code];
}
