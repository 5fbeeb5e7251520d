// The one place that turns the API's machine codes into words for people. The phone words them in
// its reader's language (phoneErrorKey → the phone catalog); the other pages still use English.
import type { ErrorCode } from "../../../shared/errors";
import type phone from "../../../shared/i18n/catalogs/en/phone";

const TEXT: Record<ErrorCode, string> = {
  BAD_REQUEST: "Something in that request was not valid.",
  UNAUTHORIZED: "This link is missing its key or the key is no longer valid.",
  FORBIDDEN: "This link does not allow that.",
  NOT_FOUND: "There is no event with that code. Check the code on the screen.",
  VOTING_CLOSED: "Voting in this area is closed.",
  EVENT_LOCKED: "Votes have been cast, so this can no longer be changed.",
  INVITE_REQUIRED: "This event needs the code from your ballot card.",
  INVITE_INVALID: "That ballot-card code is not valid for this event.",
  TOO_MANY_VOTES: "That is more votes than this area allows.",
  DUPLICATE_PROPOSAL: "The same proposal was chosen twice.",
  UNKNOWN_PROPOSAL: "That proposal is not part of this area any more. Reload the page.",
  PAYLOAD_TOO_LARGE: "That is too much text to send at once.",
  RATE_LIMITED: "Too many attempts. Wait a moment and try again.",
  NOT_ALLOWED: "That is not possible right now.",
  FORM_CLOSED: "The evaluation form is closed.",
  TOO_MANY_DOTS: "That is more dots on one proposal than this area allows.",
  UNAVAILABLE: "The server cannot save right now. Your choice is kept; it will be sent again.",
  INTERNAL: "The server had a problem. Try again.",
};

export function errorText(code: string, fallback?: string): string {
  return (TEXT as Record<string, string | undefined>)[code] ?? fallback ?? "Something went wrong.";
}

type PhoneKey = keyof typeof phone;

/** The phone catalog's key for each code, plus NETWORK (no answer at all); typed, so none is missed. */
const PHONE_KEYS: Record<ErrorCode | "NETWORK", PhoneKey> = {
  BAD_REQUEST: "error.BAD_REQUEST",
  UNAUTHORIZED: "error.UNAUTHORIZED",
  FORBIDDEN: "error.FORBIDDEN",
  NOT_FOUND: "error.NOT_FOUND",
  VOTING_CLOSED: "error.VOTING_CLOSED",
  EVENT_LOCKED: "error.EVENT_LOCKED",
  INVITE_REQUIRED: "error.INVITE_REQUIRED",
  INVITE_INVALID: "error.INVITE_INVALID",
  TOO_MANY_VOTES: "error.TOO_MANY_VOTES",
  DUPLICATE_PROPOSAL: "error.DUPLICATE_PROPOSAL",
  UNKNOWN_PROPOSAL: "error.UNKNOWN_PROPOSAL",
  PAYLOAD_TOO_LARGE: "error.PAYLOAD_TOO_LARGE",
  RATE_LIMITED: "error.RATE_LIMITED",
  NOT_ALLOWED: "error.NOT_ALLOWED",
  FORM_CLOSED: "error.FORM_CLOSED",
  TOO_MANY_DOTS: "error.TOO_MANY_DOTS",
  UNAVAILABLE: "error.UNAVAILABLE",
  INTERNAL: "error.INTERNAL",
  NETWORK: "error.NETWORK",
};

/** The phone's words for an error code; a code this build does not know gets a general sentence. */
export function phoneErrorKey(code: string): PhoneKey {
  return (PHONE_KEYS as Record<string, PhoneKey | undefined>)[code] ?? "error.other";
}
