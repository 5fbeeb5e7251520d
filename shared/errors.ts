// Stable machine codes of the public API (API.md). The HTTP status of each code is fixed here,
// once, so the server's error handler and the client's error text agree on the same list.
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VOTING_CLOSED: 409,
  EVENT_LOCKED: 409,
  INVITE_REQUIRED: 403,
  INVITE_INVALID: 403,
  TOO_MANY_VOTES: 422,
  DUPLICATE_PROPOSAL: 422,
  UNKNOWN_PROPOSAL: 422,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  NOT_ALLOWED: 409,
  FORM_CLOSED: 409,
  TOO_MANY_DOTS: 422,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);
}

/** An expected refusal: carries its code, so every layer can throw it and one handler answers. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}
