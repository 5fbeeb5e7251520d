// buildApp: the whole server as a Fastify instance, without listening — tests drive it on a
// random port or with inject(), the entry point listens.
import Fastify, { type FastifyInstance } from "fastify";
import { LIMITS } from "../shared/limits";
import type { Db } from "./db/open";
import { registerRoutes, type RegisteredRoute } from "./http/route";
import { watchConnections } from "./http/connections";
import { authPlugin } from "./plugins/auth";
import { clockPlugin } from "./plugins/clock";
import { staticClientPlugin } from "./plugins/client";
import { jsonCompressionPlugin } from "./plugins/compress-json";
import { databasePlugin } from "./plugins/database";
import { drainingPlugin, type Draining } from "./plugins/draining";
import { errorsPlugin, frameworkError } from "./plugins/errors";
import { realtimePlugin } from "./plugins/realtime";
import { loggableUrl, securityPlugin } from "./plugins/security";
import type { Realtime } from "./realtime/realtime";
import { fromRoot } from "./paths";
import { areaRoutes } from "./routes/areas";
import { draftingRoutes } from "./routes/drafting";
import { eventRoutes } from "./routes/events";
import { feedbackRoutes } from "./routes/feedback";
import { inviteRoutes } from "./routes/invites";
import { participationRoutes } from "./routes/participation";
import { resultRoutes } from "./routes/results";
import { systemRoutes } from "./routes/system";
import type { Services } from "./services/app-services";
import type { Ctx } from "./services/context";
import { VERSION } from "./version";

// Read from package.json (version.ts); exported here for the callers that know it by this module.
export { VERSION } from "./version";

export interface AppOptions {
  /** SQLite file (":memory:" for throwaway tests). */
  databaseFile: string;
  organiserKey?: string | null;
  publicUrl?: string | null;
  resultsIntervalMs?: number;
  publicResultsIntervalMs?: number;
  maxSocketsPerIp?: number;
  /** How often sockets that stopped reading are looked for and dropped (realtime/send-buffer.ts). */
  sendBufferSweepMs?: number;
  /** Off only for benchmarks that send a whole hall's traffic from one address. */
  rateLimits?: boolean;
  /** Built client to serve; null to serve the API only. */
  clientDir?: string | null;
  /** stream: where log lines go (tests capture them to scan for leaked secrets); stdout by default. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  now?: () => string;
  /** Connection timeouts (CONNECTION_TIMEOUTS below); tests shorten them. */
  timeouts?: Partial<ConnectionTimeouts>;
  /** Open TCP connections one address may hold (HTTP and WebSocket); default 1,000, off without rate limits. */
  maxConnectionsPerIp?: number;
}

export interface ConnectionTimeouts {
  /** Whole request (headers and body) received: 2 MB at 20 KB/s is 100 s. */
  requestMs: number;
  /** Headers received: a few KB, even a slow phone needs well under a second. */
  headersMs: number;
  /** Nothing sent either way: longer than Socket.IO's long poll (25 s) and ping interval. */
  idleMs: number;
  /** Between two requests on a keep-alive connection. */
  keepAliveMs: number;
}

/** Why these numbers: docs/SECURITY.md, "Connections". */
export const CONNECTION_TIMEOUTS: ConnectionTimeouts = { requestMs: 120_000, headersMs: 20_000, idleMs: 60_000, keepAliveMs: 10_000 };

export interface PlenaryApp {
  app: FastifyInstance;
  db: Db;
  ctx: Ctx;
  realtime: Realtime;
  /** The first step of a shutdown (server/main.ts): 503 for newcomers, idle connections closed. */
  draining: Draining;
}

export const DEFAULT_CLIENT_DIR = fromRoot("dist", "client");

export async function buildApp(options: AppOptions): Promise<PlenaryApp> {
  const timeouts = { ...CONNECTION_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: options.logger === undefined ? false : options.logger === false ? false : {
      ...(typeof options.logger === "object" ? options.logger : { level: "info" }),
      // Tokens travel only in the Authorization header: never let it reach a log line.
      redact: { paths: ["req.headers.authorization", "req.headers.cookie"], censor: "[redacted]" },
      serializers: {
        // Query strings may carry an invite (?invite=…): log the path only, tokens masked.
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: loggableUrl(req.url) }),
      },
    },
    bodyLimit: LIMITS.bodyBytes,
    // Proxies are not expected on a venue laptop; trusting X-Forwarded-For would let anyone dodge rate limits.
    trustProxy: false,
    // Shutting down, plugins/draining.ts answers newcomers 503 in the API's shape instead.
    return503OnClosing: false,
    forceCloseConnections: "idle",
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: timeouts.requestMs,
    // Node checks the header and request deadlines on this interval (30 s by default).
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.min(1000, timeouts.headersMs) },
    routerOptions: { maxParamLength: 100, ignoreTrailingSlash: true },
    frameworkErrors: frameworkError,
  });
  const rateLimits = options.rateLimits ?? true;
  const connections = watchConnections(app.server, options.maxConnectionsPerIp ?? (rateLimits ? 1000 : Infinity));

  // The plugins, in order; each names the ones it needs (fastify-plugin checks).
  await app.register(drainingPlugin, { connections }); // first: its hooks run before the others
  await app.register(databasePlugin, { databaseFile: options.databaseFile, now: options.now });
  await app.register(authPlugin);
  await app.register(securityPlugin, { rateLimits });
  await app.register(jsonCompressionPlugin);
  await app.register(realtimePlugin, {
    resultsIntervalMs: options.resultsIntervalMs ?? 100,
    publicResultsIntervalMs: options.publicResultsIntervalMs ?? 1000,
    maxSocketsPerIp: options.maxSocketsPerIp ?? 3000,
    sendBufferSweepMs: options.sendBufferSweepMs ?? 1000,
  });
  // After realtime: a close by the clock reaches the sockets like a manual one.
  await app.register(clockPlugin);
  await app.register(staticClientPlugin, { clientDir: options.clientDir === undefined ? DEFAULT_CLIENT_DIR : options.clientDir });
  // Before the routes: a route keeps the error handler in force when it was added.
  await app.register(errorsPlugin);

  const { ctx, realtime, draining } = app;
  const services: Services = {
    ctx,
    results: (event, role) => realtime.resultsFor(event, role),
    settings: { organiserKey: options.organiserKey ?? null, publicUrl: options.publicUrl ?? null },
  };
  const registry: RegisteredRoute[] = [];
  registerRoutes(app, services, registry, [
    ...eventRoutes(services),
    ...areaRoutes(services),
    ...draftingRoutes(services),
    ...inviteRoutes(services),
    ...participationRoutes(services),
    ...resultRoutes(services),
    ...feedbackRoutes(services),
    ...systemRoutes(services, registry, VERSION),
  ]);
  return { app, db: ctx.db, ctx, realtime, draining };
}
