// Transport security: headers (CSP without inline scripts, no framing by other sites, no MIME
// sniffing), rate limits sized for a whole room behind one venue NAT, and a budget of failed
// look-ups per address so that guessing event codes or ballot-card codes only ever earns 429s.
// docs/SECURITY.md explains each number; tests/integration/security-*.test.ts prove them.
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../shared/errors";
import { EventCodeParam } from "../../shared/schemas";
import { bearerToken, identify } from "../http/auth";
import type { Ctx } from "../services/context";

/**
 * Who a limit counts: the client address, or the caller — a valid token's participant (not the
 * token: rejoining with a card mints new tokens for the same person), admin link or projector key,
 * so a phone with a token is never refused because a neighbour behind the venue NAT is noisy. An
 * invalid or missing token counts against its address, so made-up tokens buy no fresh budget.
 */
export type RateLimitKey = "ip" | "caller";

export interface RateLimitSpec {
  max: number;
  timeWindow: number;
  key?: RateLimitKey;
}

const MINUTE = 60_000;

/**
 * Every per-route limit, in one place. A room of 500 phones behind one NAT loads the event two or
 * three times per phone, joins once and votes a few times: per-address limits leave at least a
 * factor of two over that in one minute; ballot writes count per token, so the room's votes
 * never share one budget.
 */
export const RATE_LIMITS = {
  createEvent: { max: 60, timeWindow: MINUTE, key: "ip" },
  join: { max: 1200, timeWindow: MINUTE, key: "ip" },
  eventLookup: { max: 3000, timeWindow: MINUTE, key: "caller" },
  results: { max: 3000, timeWindow: MINUTE, key: "caller" },
  ballotWrite: { max: 300, timeWindow: MINUTE, key: "caller" },
  // An organiser edits a programme a few times a second at most; a script growing an event without
  // bound (issue 11) is stopped here and by the content quota (LIMITS.eventContentChars).
  adminWrite: { max: 600, timeWindow: MINUTE, key: "caller" },
} as const satisfies Record<string, RateLimitSpec>;

/**
 * Failed look-ups (an unknown event code, a wrong ballot-card code) an address may make per window
 * before every look-up from it that does not carry a valid token is answered 429. Typing mistakes
 * of a whole room stay far below it; a guesser gets about 0.03% of the event-code space a day.
 */
export const GUESS_BUDGET = { max: 200, windowMs: MINUTE } as const;

/**
 * The URL as it may be logged: the path only (a query may carry a ballot-card code, ?invite=…),
 * and any token pasted into the path masked (tokens carry a kind prefix, see server/crypto.ts).
 */
export function loggableUrl(url: string): string {
  return (url.split("?")[0] ?? "").replace(/\b(adm|scr|par|org)_[A-Za-z0-9_-]*/g, "$1_[redacted]");
}

/** The rate-limit key of a request's caller (RateLimitKey): never the token itself, only whom it names. */
export function callerKey(ctx: Ctx, request: FastifyRequest): string {
  const token = bearerToken(request);
  const code = (request.params as { code?: unknown } | undefined)?.code;
  if (token && code !== undefined) {
    const parsed = EventCodeParam.safeParse(code);
    const event = parsed.success ? ctx.repos.events.byCode(parsed.data) : undefined;
    if (event) {
      try {
        const caller = identify(ctx.repos, event, token);
        if (caller.participant) return `p:${caller.participant.id}`;
        if (caller.role !== "anonymous") return `${caller.role}:${event.id}`;
      } catch {
        // an invalid token: counted against its address below
      }
    }
  }
  return `ip:${request.ip}`;
}

/** The @fastify/rate-limit route config for one spec. */
export function routeRateLimit(spec: RateLimitSpec, ctx: Ctx): { max: number; timeWindow: number; keyGenerator: (request: FastifyRequest) => string } {
  return { max: spec.max, timeWindow: spec.timeWindow, keyGenerator: spec.key === "caller" ? (request) => callerKey(ctx, request) : (request) => `ip:${request.ip}` };
}

/** Counts failed look-ups per address in fixed windows. */
export interface GuessGuard {
  failed(ip: string): void;
  blocked(ip: string): boolean;
}

export function createGuessGuard(budget: { max: number; windowMs: number } = GUESS_BUDGET, clock: () => number = Date.now): GuessGuard {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (ip: string) => {
    const w = windows.get(ip);
    return w && w.resetAt > clock() ? w : null;
  };
  return {
    failed(ip) {
      const now = clock();
      // Expired windows are dropped in bulk so a scan from many addresses cannot grow the map for good.
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      const w = current(ip);
      if (w) w.count += 1;
      else windows.set(ip, { count: 1, resetAt: now + budget.windowMs });
    },
    blocked: (ip) => (current(ip)?.count ?? 0) >= budget.max,
  };
}

/** True when the token is valid for the event with this code (the only way through a spent budget). */
export function holdsValidToken(ctx: Ctx, code: unknown, token: string | null | undefined): boolean {
  if (!token) return false;
  const parsed = EventCodeParam.safeParse(code);
  const event = parsed.success ? ctx.repos.events.byCode(parsed.data) : undefined;
  if (!event) return false;
  try {
    return identify(ctx.repos, event, token).role !== "anonymous";
  } catch {
    return false;
  }
}

function isFailedLookup(ctx: Ctx, request: FastifyRequest, status: number, payload: unknown): boolean {
  if (status === 403) return typeof payload === "string" && payload.includes('"INVITE_INVALID"');
  if (status !== 404) return false;
  const code = (request.params as { code?: unknown } | undefined)?.code;
  if (code === undefined) return false;
  const parsed = EventCodeParam.safeParse(code);
  return !parsed.success || ctx.repos.events.byCode(parsed.data) === undefined;
}

export async function installSecurity(app: FastifyInstance, options: { rateLimits: boolean; ctx: Ctx; guard: GuessGuard }): Promise<void> {
  const { ctx, guard } = options;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        // The organiser page embeds the projector page as a live miniature: same origin only.
        frameAncestors: ["'self'"],
      },
    },
    // Plenary is served over plain HTTP on venue networks: HSTS and upgrades would break it.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "no-referrer" },
  });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => `ip:${request.ip}`,
    errorResponseBuilder: () => new AppError("RATE_LIMITED", "Too many requests. Wait a moment and try again."),
    enableDraftSpec: false,
    ...(options.rateLimits ? {} : { allowList: () => true }),
  });
  if (!options.rateLimits) return;

  app.addHook("preHandler", async (request) => {
    const params = request.params as { code?: unknown } | undefined;
    if (params?.code === undefined || !guard.blocked(request.ip)) return;
    // Over budget, the answer is the same 429 whether the code exists or not: no oracle is left.
    if (!holdsValidToken(ctx, params.code, bearerToken(request))) {
      throw new AppError("RATE_LIMITED", "Too many failed look-ups from this address. Wait a minute and try again.");
    }
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (isFailedLookup(ctx, request, reply.statusCode, payload)) guard.failed(request.ip);
    return payload;
  });
}
