// The one place that turns the API's machine codes into words for people.
import type { ErrorCode } from "../../../shared/errors";

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
  NOT_ALLOWED: "That is not allowed here.",
  FORM_CLOSED: "This form is closed.",
  TOO_MANY_DOTS: "That is more dots than you have.",
  UNAVAILABLE: "The server cannot save right now. Your choice was not saved: try again in a moment.",
  INTERNAL: "The server had a problem. Try again.",
};

export function errorText(code: string, fallback?: string): string {
  return (TEXT as Record<string, string | undefined>)[code] ?? fallback ?? "Something went wrong.";
}
