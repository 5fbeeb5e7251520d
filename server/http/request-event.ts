// The event a request was found to name, remembered for the error handler (the language of its
// messages): set by the route wrapper once the code's look-up succeeded, never looked up again.
// An error raised before that look-up (a rate limit, a blocked address, a malformed body) must not
// read the event the code names: its answer would then tell a real code from a made-up one, by its
// language or its timing, without spending the failed look-up budget (docs/SECURITY.md, finding 9).
import type { FastifyRequest } from "fastify";
import type { EventRow } from "../repos/events";
import type { Ctx } from "../services/context";
import { requireEvent } from "../services/event-view";
import { heldHolder } from "./auth";

const named = new WeakMap<FastifyRequest, EventRow>();

export function rememberEvent(request: FastifyRequest, event: EventRow): void {
  named.set(request, event);
}

export function eventOfRequest(request: FastifyRequest): EventRow | undefined {
  return named.get(request);
}

/**
 * The event a route's `:code` names. A participant's token already named its event for this
 * request (holderOfRequest, http/auth.ts): the same event by id is a kept row (repos/events.ts), not
 * a second read by code. Any other caller's code is read as it comes (services/event-view.ts).
 */
export function requireRouteEvent(ctx: Ctx, request: FastifyRequest, code: string): EventRow {
  const held = heldHolder(request);
  const own = held?.caller.participant && held.event.code === code ? ctx.repos.events.byId(held.event.id) : undefined;
  return own ?? requireEvent(ctx, code);
}
