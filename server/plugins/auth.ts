// The auth plugin: who is calling, from the bearer token only (http/auth.ts holds the rules).
// Routes (http/route.ts) and rate-limit keys (plugins/security.ts) ask it.
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { authorize, bearerToken, heldHolder, identify, type Access, type Caller } from "../http/auth";
import type { EventRow } from "../repos/events";

export interface Auth {
  /** The caller of a request about this event; UNAUTHORIZED for a token that names nobody in it. */
  callerOf(request: FastifyRequest, event: EventRow | undefined): Caller;
  /** Refuses (UNAUTHORIZED, FORBIDDEN) a caller the route's access does not admit. */
  authorize(caller: Caller, access: Access): void;
}

declare module "fastify" {
  interface FastifyInstance {
    auth: Auth;
  }
}

const ANONYMOUS: Caller = { role: "anonymous", participant: null };

export const authPlugin = fp(
  async (app) => {
    const { repos } = app.ctx;
    app.decorate("auth", {
      // Without an event no token can name anyone: routes without :code are for anyone.
      callerOf: (request, event) => {
        if (!event) return ANONYMOUS;
        // A participant's token already resolved for this request (its rate-limit key) names the
        // same participant now: participant tokens are never reassigned. Admin and projector
        // tokens are checked against the event just read (a new admin link replaces the old).
        const held = heldHolder(request)?.caller;
        if (held?.participant && held.participant.event_id === event.id) return held;
        return identify(repos, event, bearerToken(request));
      },
      authorize,
    } satisfies Auth);
  },
  { name: "auth", fastify: "5.x", dependencies: ["database"] },
);
