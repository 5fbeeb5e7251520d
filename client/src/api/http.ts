// Typed HTTP client. Every reply is parsed with the shared zod schema, so a client built against an
// older server fails loudly instead of rendering half a page.
import { isErrorCode } from "../../../shared/errors";
import { errorText } from "./errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
  /** Whether retrying the same request later can succeed (network trouble, overload, server error). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface RequestOptions {
  token?: string | null;
  /** The page's language, for the server's error messages (API 1.1): the switcher may differ from the browser's. */
  language?: string;
  body?: unknown;
  signal?: AbortSignal;
}

/** What `request` needs of a schema: its parse (the shared schemas are zod/mini objects, not classic ZodTypes). */
export interface ReplySchema<T> {
  parse(data: unknown): T;
}

export async function request<T = unknown>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  schema: ReplySchema<T> | null,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.language) headers["accept-language"] = opts.language;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      cache: "no-store",
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "NETWORK", "No connection to the server.");
  }
  if (!res.ok) throw await apiErrorFrom(res);
  if (res.status === 204 || schema === null) return undefined as T;
  return schema.parse(await res.json());
}

/** The ApiError a failed response stands for; also used by callers that fetch files rather than JSON. */
export async function apiErrorFrom(res: Response): Promise<ApiError> {
  let code = "INTERNAL";
  let message = "";
  try {
    const data = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    if (isErrorCode(data.error?.code)) code = data.error.code;
    if (typeof data.error?.message === "string") message = data.error.message;
  } catch {
    // not JSON: a proxy or a dying server; the status says enough
  }
  return new ApiError(res.status, code, message || errorText(code));
}
