// Entry point: configuration from the environment, the database in DATA_DIR (one server per
// folder, a damaged file refused), the demo event on first start, and a shutdown that answers the
// requests in flight and is over within SHUTDOWN_MS.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildApp } from "./app";
import { defaultPublicUrl, LISTEN_BACKLOG, readConfig } from "./config";
import { createDemoEvent, eventLinks } from "./demo";
import { resolveOrganiserKey } from "./organiser-key";
import { claimDataDir, refuseDamaged } from "./startup";

/** However a shutdown goes, the process is gone by then (a restart at the venue must be quick). */
const SHUTDOWN_MS = 5000;
/**
 * Between the signal and closing the listening socket, requests already sent (in the kernel's
 * queue, or on a connection accepted a moment ago) are read and answered (200, or 503
 * UNAVAILABLE) instead of being reset when the socket closes: until no connection has come in for
 * DRAIN_QUIET_MS, at most DRAIN_MAX_MS, which leaves the rest of SHUTDOWN_MS to what is in flight.
 */
const DRAIN_QUIET_MS = 100;
const DRAIN_MAX_MS = 2000;

const config = readConfig();
const releaseDataDir = claimDataDir(config.dataDir);
const organiser = resolveOrganiserKey({ envKey: config.organiserKey, host: config.host, dataDir: config.dataDir, openCreate: process.env.PLENARY_OPEN_CREATE === "1" });
const { app, ctx, draining } = await refuseDamaged(() => buildApp({
  databaseFile: join(config.dataDir, "plenary.db"),
  organiserKey: organiser.key,
  publicUrl: config.publicUrl,
  resultsIntervalMs: config.resultsIntervalMs,
  logger: { level: config.logLevel },
}));

await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
// PORT=0 asks the system for a free port: links must name the one actually bound.
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : config.port;
const baseUrl = config.port === 0 ? defaultPublicUrl(config.host, port) : config.publicUrl ?? `http://localhost:${port}`;

const linksFile = join(config.dataDir, "demo-event.txt");
if (ctx.repos.events.count() === 0 && process.env.PLENARY_NO_DEMO !== "1") {
  const demo = createDemoEvent(ctx);
  const links = eventLinks(baseUrl, demo.event.code, demo.adminToken, demo.screenKey);
  // The admin and projector links hold secrets that exist nowhere else (only hashes are stored):
  // keep them in the data folder, readable by this user only, so a restart can show them again.
  writeFileSync(linksFile, `Demo event ${demo.event.code}\nParticipants: ${links.participant}\nProjector:    ${links.projector}\nOrganiser:    ${links.organiser}\n`, { mode: 0o600 });
}

const lines = [
  "",
  `Plenary is running at ${baseUrl}  (listening on ${config.host}:${port})`,
  // The key travels in the fragment, which browsers never send: the start page reads it from there.
  organiser.key ? `Create an event: ${baseUrl}/#organiser-key=${organiser.key}` : `Create an event: ${baseUrl}/`,
  organiser.source === "created" ? `Organiser key (kept in ${organiser.file}; needed to create events): ${organiser.key}` : "",
  organiser.source === "file" ? `Organiser key: in ${organiser.file}` : "",
  existsSync(linksFile) ? readFileSync(linksFile, "utf8").trimEnd() : "",
  `API reference: ${baseUrl}/openapi.json`,
  "",
];
process.stdout.write(lines.filter((l) => l !== "").join("\n") + "\n\n");

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (closing) {
      // A second Ctrl-C: the operator does not want to wait. Every acknowledged write is already
      // durable (synced to disk before it was answered), so stopping now loses only answers not yet sent.
      app.log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, "shutting down: answering in-flight requests");
    const hardStop = setTimeout(() => {
      app.log.error(`shutdown took over ${SHUTDOWN_MS} ms: exiting anyway`);
      try {
        ctx.db.close();
      } finally {
        process.exit(1);
      }
    }, SHUTDOWN_MS);
    // Idle keep-alive connections close at once and newcomers get 503 (plugins/draining.ts); after
    // draining, Fastify stops accepting, waits for what is in flight, and the onClose hook closes SQLite.
    draining.start();
    const close = () => app.close();
    draining.settled(DRAIN_QUIET_MS, DRAIN_MAX_MS).then(close).then(
      () => {
        clearTimeout(hardStop);
        releaseDataDir();
        process.exit(0);
      },
      (err: unknown) => {
        app.log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
