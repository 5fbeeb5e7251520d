// Every per-route rate limit and whom it counts. docs/SECURITY.md explains each number;
// tests/integration/security-ratelimit.test.ts proves them. Wired by plugins/security.ts.
import type { FastifyRequest } from "fastify";
import { EventCodeParam } from "../../shared/schemas";
import { bearerToken, holderOfRequest } from "../http/auth";
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
  // A person writes a suggestion in a minute or two: this only stops a burst from a script; what one
  // phone can store in all is LIMITS.suggestionsPerParticipant.
  suggestion: { max: 60, timeWindow: MINUTE, key: "caller" },
} as const satisfies Record<string, RateLimitSpec>;

/** The rate-limit key of a request's caller (RateLimitKey): never the token itself, only whom it names. */
export function callerKey(ctx: Ctx, request: FastifyRequest): string {
  const code = (request.params as { code?: unknown } | undefined)?.code;
  if (bearerToken(request) && code !== undefined) {
    const parsed = EventCodeParam.safeParse(code);
    // From the token alone, then compared with the code: this runs before the failed look-up
    // budget is checked (security/guess-guard.ts), so it must not read the event the code names.
    // Remembered for the request: the route takes its participant from it (plugins/auth.ts).
    const holder = parsed.success ? holderOfRequest(ctx.repos, request) : null;
    if (holder && holder.event.code === parsed.data) {
      if (holder.caller.participant) return `p:${holder.caller.participant.id}`;
      return holder.caller.editorAreaId ? `e:${holder.caller.editorAreaId}` : `${holder.caller.role}:${holder.event.id}`;
    }
  }
  // No token, or one that names nobody in this event: counted against its address.
  return `ip:${request.ip}`;
}

/** The @fastify/rate-limit route config for one spec. */
export function routeRateLimit(spec: RateLimitSpec, ctx: Ctx): { max: number; timeWindow: number; keyGenerator: (request: FastifyRequest) => string } {
  return { max: spec.max, timeWindow: spec.timeWindow, keyGenerator: spec.key === "caller" ? (request) => callerKey(ctx, request) : (request) => `ip:${request.ip}` };
}

