// One way to declare a route: its zod schemas (from shared/), who may call it, and a handler.
// The same declaration validates the request, shapes the response and feeds the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type * as z from "zod/mini";
import { AppError } from "../../shared/errors";
import type { EventRow } from "../repos/events";
import { authorize, bearerToken, identify, type Access, type Caller } from "./auth";
import { RATE_LIMITS, routeRateLimit, type RateLimitSpec } from "../plugins/security";
import type { Services } from "../services/app-services";
import { requireEvent } from "../services/event-view";

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

export interface RouteDef<P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType, R extends z.ZodMiniType> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Status of success and the schema of its body (null: no body, e.g. 204). */
  status: number;
  response: R | null;
  /** Errors this route may answer with, for the document. */
  errors?: string[];
  /** Per-route rate limit: one of RATE_LIMITS in plugins/security.ts. */
  rateLimit?: RateLimitSpec;
  handler: (input: HandlerInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => z.input<R> | RawReply | undefined | Promise<z.input<R> | RawReply | undefined>;
}

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The event named by :code, when the path has one. */
  event: EventRow;
  caller: Caller;
  request: FastifyRequest;
  reply: FastifyReply;
}

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
  errors: string[];
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

export function defineRoute<P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType, R extends z.ZodMiniType>(
  def: RouteDef<P, Q, B, R>,
): RouteDef<P, Q, B, R> {
  return def;
}

export function registerRoutes(
  app: FastifyInstance,
  services: Services,
  registry: RegisteredRoute[],
  // eslint-style variance: each def has its own schema types, erased here.
  defs: ReadonlyArray<RouteDef<z.ZodMiniType, z.ZodMiniType, z.ZodMiniType, z.ZodMiniType>>,
): void {
  for (const def of defs) {
    // Every admin write is limited, so no route can be added without one.
    const rateLimit = def.rateLimit ?? (def.access === "admin" && def.method !== "GET" ? RATE_LIMITS.adminWrite : undefined);
    registry.push({
      method: def.method, url: def.url, summary: def.summary, tag: def.tag, access: def.access,
      params: def.params, query: def.query, body: def.body, status: def.status, response: def.response,
      errors: def.errors ?? [],
    });
    app.route({
      method: def.method,
      url: def.url,
      config: rateLimit ? { rateLimit: routeRateLimit(rateLimit, services.ctx) } : {},
      handler: async (request, reply) => {
        // Who before what: a caller without the right token learns nothing from validation messages.
        const params = parse(def.params, request.params, "params");
        const code = (params as { code?: unknown } | undefined)?.code;
        const event = typeof code === "string" ? requireEvent(services.ctx, code) : (undefined as unknown as EventRow);
        const caller: Caller = event ? identify(services.ctx.repos, event, bearerToken(request)) : { role: "anonymous", participant: null };
        authorize(caller, def.access);
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
      },
    });
  }
}
