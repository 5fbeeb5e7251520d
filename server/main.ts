// Entry point: configuration from the environment, the database in DATA_DIR, the demo event on
// first start, graceful shutdown that lets in-flight ballots finish.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildApp } from "./app";
import { defaultPublicUrl, readConfig } from "./config";
import { createDemoEvent, eventLinks } from "./demo";

const config = readConfig();
const { app, ctx } = await buildApp({
  databaseFile: join(config.dataDir, "plenary.db"),
  organiserKey: config.organiserKey,
  publicUrl: config.publicUrl,
  resultsIntervalMs: config.resultsIntervalMs,
  logger: { level: config.logLevel },
});

await app.listen({ port: config.port, host: config.host });
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
  `Create an event: ${baseUrl}/`,
  existsSync(linksFile) ? readFileSync(linksFile, "utf8").trimEnd() : "",
  `API reference: ${baseUrl}/openapi.json`,
  "",
];
process.stdout.write(lines.filter((l) => l !== "").join("\n") + "\n\n");

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    // Fastify stops accepting, lets running requests finish, then the onClose hook closes SQLite.
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
