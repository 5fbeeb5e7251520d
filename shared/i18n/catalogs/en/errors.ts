// The server's error messages, one per API error code (shared/errors.ts), for callers in this language.
import type { ErrorCode } from "../../../errors";

export default {
  BAD_REQUEST: "The request is not valid.",
  UNAUTHORIZED: "This needs a valid link or token.",
  FORBIDDEN: "This link may not do this.",
  NOT_FOUND: "Nothing was found here.",
  VOTING_CLOSED: "Voting is not open.",
  EVENT_LOCKED: "Votes have been cast, so this can no longer be changed.",
  INVITE_REQUIRED: "This event needs the code from a ballot card.",
  INVITE_INVALID: "This ballot-card code is not valid for this event.",
  TOO_MANY_VOTES: "Too many votes for this area.",
  DUPLICATE_PROPOSAL: "The same proposal was chosen twice.",
  UNKNOWN_PROPOSAL: "A chosen proposal is not part of this area.",
  PAYLOAD_TOO_LARGE: "The request is too large.",
  RATE_LIMITED: "Too many requests. Wait a moment and try again.",
  NOT_ALLOWED: "This is not possible in the current state.",
  FORM_CLOSED: "This form is closed.",
  TOO_MANY_DOTS: "Too many dots for this area.",
  UNAVAILABLE: "The server cannot save right now. Try again in a moment.",
  INTERNAL: "Internal error.",
} satisfies Record<ErrorCode, string>;
