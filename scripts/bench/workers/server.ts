// The server under test, in a process of its own: the real app (buildApp) on 127.0.0.1 with a
// fresh database file, plus what only a benchmark needs — a no-op route through the same route
// machinery, and its own vital signs (event-loop delay, CPU, RSS, group commits) over IPC.
// None of this exists in the production server: it is added here, before listen.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import * as z from "zod/mini";
import { buildApp, DEFAULT_CLIENT_DIR, type PlenaryApp } from "../../../server/app";
import { LISTEN_BACKLOG } from "../../../server/config";
import { registerRoutes, defineRoute, type RegisteredRoute } from "../../../server/http/route";
import { groupCommitFor, type GroupCommitStats } from "../../../server/services/group-commit";
import { Id, PutBallotBody, PutBallotReply } from "../../../shared/schemas";
import { serveWorker } from "../rpc";
import type { ServerApi, ServerStats, ServerStartArgs } from "./protocol";

// As `npm start` runs it: compiled JavaScript, no source maps. tsx turns Node's source-mapped stack
// traces on, and ws and engine.io read an error's stack for every write to a closing socket: under
// tsx a reconnect storm spent ~0.3 s per 10,000 closes formatting stacks production never formats.
process.setSourceMapsEnabled(false);

const BALLOT_ROUTE = "/api/events/:code/ballot/:areaId";

let plenary: PlenaryApp | null = null;
let dataDir: string | null = null;

const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
let elu = performance.eventLoopUtilization();
let cpu = process.cpuUsage();
let since = performance.now();
let peakRss = process.memoryUsage.rss();
const rssSampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 100);
rssSampler.unref();

async function start(args: ServerStartArgs): Promise<{ port: number }> {
  dataDir = mkdtempSync(join(tmpdir(), "plenary-bench-"));
  plenary = await buildApp({
    databaseFile: join(dataDir, "plenary.db"),
    // The built client only for the phones scenario (Chromium pages open the participant link).
    clientDir: args.clientDir ? DEFAULT_CLIENT_DIR : null,
    // One address sends the whole hall's traffic here; a venue's NAT would get the same exemption
    // only in part (docs/PERFORMANCE.md says what this leaves out).
    rateLimits: false,
    maxSocketsPerIp: 1_000_000,
    ...(args.resultsIntervalMs ? { resultsIntervalMs: args.resultsIntervalMs } : {}),
    ...(args.publicResultsIntervalMs ? { publicResultsIntervalMs: args.publicResultsIntervalMs } : {}),
  });
  const { app, ctx, realtime } = plenary;
  // The ballot route minus the ballot: same parsing, same schemas, same hooks, no look-up, no write.
  registerRoutes(app, { ctx, results: (event, role) => realtime.resultsFor(event, role), settings: { organiserKey: null, publicUrl: null } }, [] as RegisteredRoute[], [
    defineRoute({
      method: "PUT", url: "/__bench/noop/:areaId", tag: "bench", access: "anyone", status: 200,
      summary: "Benchmark baseline: parses a ballot and answers it, touching nothing.",
      params: z.strictObject({ areaId: Id }), body: PutBallotBody, response: PutBallotReply,
      handler: ({ params, body }) => ({ areaId: params.areaId, proposalIds: body.proposalIds }),
    }),
  ]);
  if (args.seqHeader) {
    // Read in the reply's own microtasks, before any other write can run: the seq right after the
    // COMMIT of this ballot's batch, which a projector snapshot must reach to include the ballot.
    app.addHook("onSend", async (request, reply, payload) => {
      if (request.method === "PUT" && reply.statusCode === 200 && request.routeOptions.url === BALLOT_ROUTE) {
        const { code } = request.params as { code: string };
        const event = ctx.repos.events.byCode(code);
        if (event) void reply.header("x-bench-seq", String(event.seq));
      }
      return payload;
    });
  }
  await app.listen({ port: 0, host: "127.0.0.1", backlog: LISTEN_BACKLOG });
  return { port: (app.server.address() as AddressInfo).port };
}

// BENCH_CPU_PROF=<dir>: a V8 CPU profile of each measurement window (reset → stats), written there
// as a .cpuprofile file (Chrome DevTools, Performance tab, can open it).
const profileDir = process.env.BENCH_CPU_PROF || null;
let profiler: Session | null = null;
const post = (method: string) =>
  new Promise<unknown>((resolve, reject) => profiler?.post(method, (err, result) => (err ? reject(err) : resolve(result))));

async function reset(): Promise<GroupCommitStats | null> {
  loopDelay.reset();
  elu = performance.eventLoopUtilization();
  cpu = process.cpuUsage();
  since = performance.now();
  peakRss = process.memoryUsage.rss();
  if (profileDir) {
    if (!profiler) {
      profiler = new Session();
      profiler.connect();
      await post("Profiler.enable");
    }
    await post("Profiler.start");
  }
  return plenary ? groupCommitFor(plenary.db).stats() : null;
}

async function stats(): Promise<ServerStats> {
  if (profileDir && profiler) {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `server-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`), JSON.stringify(profile));
  }
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - since;
  const mem = process.memoryUsage();
  peakRss = Math.max(peakRss, mem.rss);
  const ns = (v: number) => Math.round(v / 10_000) / 100;
  return {
    eventLoopDelayMs: {
      p50: ns(loopDelay.percentile(50)),
      p99: ns(loopDelay.percentile(99)),
      max: ns(loopDelay.max),
      mean: ns(loopDelay.mean),
    },
    eventLoopUtilization: Math.round(performance.eventLoopUtilization(elu).utilization * 1000) / 1000,
    cpuCores: Math.round(((used.user + used.system) / 1000 / wall) * 100) / 100,
    rssMb: Math.round(mem.rss / 1048576),
    peakRssMb: Math.round(peakRss / 1048576),
    heapUsedMb: Math.round(mem.heapUsed / 1048576),
    heapTotalMb: Math.round(mem.heapTotal / 1048576),
    externalMb: Math.round(mem.external / 1048576),
    sockets: plenary?.realtime.io.engine.clientsCount ?? 0,
    groupCommit: plenary ? groupCommitFor(plenary.db).stats() : null,
    wallMs: Math.round(wall),
  };
}

async function stop(): Promise<void> {
  await plenary?.app.close();
  plenary = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
}

serveWorker<ServerApi>({ start, reset, stats, stop }, stop);
