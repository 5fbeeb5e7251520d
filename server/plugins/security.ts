// Transport security: headers (CSP without inline scripts, no framing by other sites, no MIME
// sniffing) and rate limits sized for a whole room behind one venue NAT.
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../shared/errors";

export async function installSecurity(app: FastifyInstance, options: { rateLimits: boolean }): Promise<void> {
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
    // Counted per address; a venue NAT puts hundreds of phones behind one, so per-route limits are generous.
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: () => new AppError("RATE_LIMITED", "Too many requests. Wait a moment and try again."),
    enableDraftSpec: false,
    ...(options.rateLimits ? {} : { allowList: () => true }),
  });
}
