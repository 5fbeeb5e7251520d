// One way to declare a route: its zod schemas (from shared/), who may call it, and a handler.
// The same declaration validates the request, shapes the response and feeds the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type * as z from "zod/mini";
import { AppError, type ErrorCode } from "../../shared/errors";
import type { EventRow } from "../repos/events";
import type { Access, Caller } from "./auth";
import { RATE_LIMITS, routeRateLimit, type RateLimitSpec } from "../security/rate-limits";
import { underGuessBudget } from "../security/guess-guard";
import { bearerToken } from "./auth";
import { rememberEvent, requireRouteEvent } from "./request-event";
import type { Services } from "../services/app-services";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * An answer with its own status and body, sent as given (not through the response schema): for
 * the rare route whose failure has a documented body of its own (/healthz's 503). Returned, never
 * sent by the handler: with async onSend hooks a sent reply is not yet `sent` when the handler
 * returns, and the wrapper would answer a second time over it.
 */
export class RawReply {
  constructor(readonly status: number, readonly body: unknown) {}
}

/** A path with a `:code` segment names an event; only its handler is given one. */
type NamesEvent<U extends string> = U extends `${string}/:code` | `${string}/:code/${string}` ? true : false;

export interface RouteDef<U extends string, P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType, R extends z.ZodMiniType> {
  method: Method;
  url: U;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Status of success and the schema of its body (null: no body, e.g. 204). */
  status: number;
  response: R | null;
  /**
   * Errors of this route's own rules. Those its declaration implies (impliedErrors below: bad
   * requests, tokens, an unknown event, rate limits) are added for the document.
   */
  errors?: readonly ErrorCode[];
  /** Per-route rate limit: one of RATE_LIMITS in security/rate-limits.ts. */
  rateLimit?: RateLimitSpec;
  // A method, not a property: each def's handler takes its own input, and registerRoutes takes them all.
  handler(input: HandlerInput<U, z.infer<P>, z.infer<Q>, z.infer<B>>): z.input<R> | RawReply | undefined | Promise<z.input<R> | RawReply | undefined>;
}

interface BaseInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** The event named by :code, when the path has one; a route without :code cannot see one. */
export type HandlerInput<U extends string, P, Q, B> = BaseInput<P, Q, B> & (NamesEvent<U> extends true ? { event: EventRow } : { event?: never });

export interface RegisteredRoute {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  status: number;
  response: z.ZodMiniType | null;
  /** Every code the route can answer with: its own and those its declaration implies. */
  errors: ErrorCode[];
}

/** What registerRoutes sees of any def: each has its own schema types, erased here. */
interface AnyRouteDef extends Omit<RouteDef<string, z.ZodMiniType, z.ZodMiniType, z.ZodMiniType, z.ZodMiniType>, "handler"> {
  handler(input: BaseInput<unknown, unknown, unknown> & { event?: EventRow }): unknown;
}

/**
 * The codes any route answers with by the way it is declared, whatever its handler does:
 * - every route: UNAVAILABLE (shutting down, plugins/draining.ts; a database that cannot write,
 *   db/unavailable.ts);
 * - parameters, a query or a body it may read: BAD_REQUEST (malformed JSON, a stray body, bad values);
 * - a body it may read (any method but GET): PAYLOAD_TOO_LARGE;
 * - a :code: NOT_FOUND (no such event), UNAUTHORIZED (a token that names nobody in it),
 *   RATE_LIMITED (the failed look-up budget);
 * - a token needed: UNAUTHORIZED, FORBIDDEN;
 * - a rate limit: RATE_LIMITED.
 */
export function impliedErrors(def: { method: Method; url: string; access: Access; params?: unknown; query?: unknown; body?: unknown; rateLimit?: RateLimitSpec }): ErrorCode[] {
  const codes: ErrorCode[] = ["UNAVAILABLE"];
  if (def.params || def.query || def.body || def.method !== "GET") codes.push("BAD_REQUEST");
  if (def.method !== "GET") codes.push("PAYLOAD_TOO_LARGE");
  if (/\/:code(\/|$)/.test(def.url)) codes.push("NOT_FOUND", "UNAUTHORIZED", "RATE_LIMITED");
  if (def.access !== "anyone") codes.push("UNAUTHORIZED", "FORBIDDEN");
  if (def.rateLimit) codes.push("RATE_LIMITED");
  return codes;
}

function parse<T extends z.ZodMiniType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const result = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.length ? `${where}.${issue.path.join(".")}` : where;
    throw new AppError("BAD_REQUEST", `${path}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

export function defineRoute<U extends string, P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType, R extends z.ZodMiniType>(
  def: RouteDef<U, P, Q, B, R>,
): RouteDef<U, P, Q, B, R> {
  return def;
}

/** Needs the database, auth and security plugins registered (app.ctx, app.auth, app.guessGuard). */
export function registerRoutes(
  app: FastifyInstance,
  services: Services,
  registry: RegisteredRoute[],
  defs: readonly AnyRouteDef[],
): void {
  for (const def of defs) {
    // Every admin write is limited, so no route can be added without one.
    const rateLimit = def.rateLimit ?? (def.access === "admin" && def.method !== "GET" ? RATE_LIMITS.adminWrite : undefined);
    const implied = impliedErrors({ ...def, rateLimit });
    registry.push({
      method: def.method, url: def.url, summary: def.summary, tag: def.tag, access: def.access,
      params: def.params, query: def.query, body: def.body, status: def.status, response: def.response,
      errors: [...new Set([...implied, ...(def.errors ?? [])])],
    });
    app.route({
      method: def.method,
      url: def.url,
      config: rateLimit ? { rateLimit: routeRateLimit(rateLimit, services.ctx) } : {},
      // The failed look-up budget first (security/guess-guard.ts): a blocked address without a
      // valid token is refused before anything reads the event its code names.
      handler: (request, reply) => underGuessBudget(app.guessGuard, services.ctx, {
        ip: request.ip, code: (request.params as { code?: unknown } | undefined)?.code, token: bearerToken(request),
      }, async () => {
        // Who before what: a caller without the right token learns nothing from validation messages.
        const params = parse(def.params, request.params, "params");
        const code = (params as { code?: unknown } | undefined)?.code;
        const event = typeof code === "string" ? requireRouteEvent(services.ctx, request, code) : undefined;
        if (event) rememberEvent(request, event);
        const caller = app.auth.callerOf(request, event);
        app.auth.authorize(caller, def.access);
        const query = parse(def.query, request.query, "query");
        if (!def.body && request.body !== undefined && request.body !== null) {
          throw new AppError("BAD_REQUEST", "This request takes no body.");
        }
        const body = parse(def.body, request.body, "body");
        const out = await def.handler({ params, query, body, event, caller, request, reply });
        if (reply.sent) return reply;
        if (out instanceof RawReply) return reply.code(out.status).send(out.body);
        reply.code(def.status);
        if (def.response === null || out === undefined) return reply.send();
        // Parsing the reply through its schema strips any field the contract does not name: a
        // last guard against a hash or id slipping into a response.
        return def.response.parse(out);
      }),
    });
  }
}
