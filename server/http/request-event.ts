// The event a request was found to name, remembered for the error handler (the language of its
// messages): set by the route wrapper once the code's look-up succeeded, never looked up again.
// An error raised before that look-up (a rate limit, a blocked address, a malformed body) must not
// read the event the code names: its answer would then tell a real code from a made-up one, by its
// language or its timing, without spending the failed look-up budget (docs/SECURITY.md, finding 9).
import type { FastifyRequest } from "fastify";
import type { EventRow } from "../repos/events";

const named = new WeakMap<FastifyRequest, EventRow>();

export function rememberEvent(request: FastifyRequest, event: EventRow): void {
  named.set(request, event);
}

export function eventOfRequest(request: FastifyRequest): EventRow | undefined {
  return named.get(request);
}
