// The security plugin: headers (CSP without inline scripts, no framing by other sites, no MIME
// sniffing), the rate limits of security/rate-limits.ts and the failed look-up budget of
// security/guess-guard.ts. docs/SECURITY.md explains each number; tests/integration/security-*.test.ts
// prove them.
import rateLimit from "@fastify/rate-limit";
import fp from "fastify-plugin";
import { AppError } from "../../shared/errors";
import { createGuessGuard, type GuessGuard } from "../security/guess-guard";
import { SECURITY_HEADERS } from "../security/headers";

// The rules live in security/; their callers and tests know them by this module too.
export { createGuessGuard, FailedLookup, GUESS_BUDGET, holdsValidToken, underGuessBudget, type GuessGuard } from "../security/guess-guard";
export { callerKey, RATE_LIMITS, routeRateLimit, type RateLimitKey, type RateLimitSpec } from "../security/rate-limits";
export { loggableUrl } from "../security/loggable-url";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Failed look-ups per address, shared by HTTP routes, the participant page and the socket
     * handshake, all through underGuessBudget: guessing codes over any of them spends the same
     * budget. Null when rate limits are off.
     */
    guessGuard: GuessGuard | null;
  }
}

export interface SecurityOptions {
  /** Off only for benchmarks that send a whole hall's traffic from one address. */
  rateLimits: boolean;
}

export const securityPlugin = fp<SecurityOptions>(
  async (app, options) => {
    // First of all hooks, as helmet's was: every answer carries them, errors and 404s included.
    app.addHook("onRequest", (_request, reply, done) => {
      for (const [name, value] of SECURITY_HEADERS) reply.raw.setHeader(name, value);
      done();
    });
    await app.register(rateLimit, {
      global: false,
      keyGenerator: (request) => `ip:${request.ip}`,
      errorResponseBuilder: () => new AppError("RATE_LIMITED", "Too many requests. Wait a moment and try again."),
      enableDraftSpec: false,
      ...(options.rateLimits ? {} : { allowList: () => true }),
    });
    // Checked and fed through underGuessBudget (security/guess-guard.ts) by each way in: routes,
    // the participant page, the socket handshake.
    app.decorate("guessGuard", options.rateLimits ? createGuessGuard() : null);
  },
  { name: "security", fastify: "5.x", dependencies: ["database"] },
);
