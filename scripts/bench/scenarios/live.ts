// The live room and the large hall: N participant sockets (several load processes when one cannot
// hold them all) and one projector, ballots at a fixed rate over HTTP, each timed from its due time
// to the first projector snapshot that includes it; the last snapshot is checked against a recount.
import { HEAP_FLAGS } from "../../../server/heap";
import { withCluster, sleep } from "../cluster";
import { decode, summarize } from "../histogram";
import type { BenchOptions, Sizes } from "../options";
import { fmt, type ScenarioReport, type TargetRow } from "../report";
import type { Worker } from "../rpc";
import type { DriverApi, ServerApi, SocketCounts, SocketsApi } from "../workers/protocol";

export interface LiveTargets {
  p50Ms: number | null;
  p99Ms: number;
  rssMb: number | null;
}

export async function totals(workers: ReadonlyArray<Worker<SocketsApi>>): Promise<SocketCounts> {
  const all = await Promise.all(workers.map((w) => w.call("counts", undefined)));
  return all.reduce(
    (t, c) => ({
      connected: t.connected + c.connected,
      ballot: t.ballot + c.ballot,
      results: t.results + c.results,
      event: t.event + c.event,
      disconnects: t.disconnects + c.disconnects,
      connectErrors: t.connectErrors + c.connectErrors,
      firstError: t.firstError ?? c.firstError,
    }),
    { connected: 0, ballot: 0, results: 0, event: 0, disconnects: 0, connectErrors: 0, firstError: null },
  );
}

export async function live(
  name: "live" | "hall",
  size: Sizes["live"],
  socketsPerProcess: number,
  targets: LiveTargets,
  o: Pick<BenchOptions, "serverFlags">,
  log: (s: string) => void,
): Promise<ScenarioReport> {
  const budget = size.durationMs + 5 * 60_000;
  return withCluster(name, budget, async (cluster) => {
    const server = await cluster.start<ServerApi>("./workers/server.ts", "server", [...HEAP_FLAGS, ...o.serverFlags]);
    const { port } = await server.call("start", { seqHeader: true });
    const driver = await cluster.start<DriverApi>("./workers/driver.ts", "driver");
    const setup = await driver.call("setup", { port, participants: size.sockets });
    log(`${name}: event ${setup.code}, ${size.sockets} participants joined in ${setup.setupMs} ms`);

    const processes = Math.ceil(size.sockets / socketsPerProcess);
    const holders = await Promise.all(Array.from({ length: processes }, (_, i) => cluster.start<SocketsApi>("./workers/sockets.ts", `sockets-${i}`)));
    const per = Math.ceil(size.sockets / processes);
    const connectStarted = performance.now();
    const connected = await Promise.all(
      holders.map((h, i) => h.call("connect", { port, code: setup.code, tokens: setup.tokens.slice(i * per, (i + 1) * per), concurrency: 25 })),
    );
    const connectMs = Math.round(performance.now() - connectStarted);
    const atConnect = await totals(holders);
    log(`${name}: ${atConnect.connected} sockets connected in ${connectMs} ms by ${processes} process(es)${atConnect.firstError ? ` (first error: ${atConnect.firstError})` : ""}`);
    await driver.call("projector", undefined);
    // Let the connection storm's snapshots and garbage settle before measuring.
    await sleep(2000);
    const idle = await server.call("stats", undefined);
    log(`${name}: server RSS ${idle.rssMb} MB with ${idle.sockets} sockets, idle`);

    // Warm-up at the same rate (open connections, compiled code paths), checked but not measured.
    const warm = await driver.call("live", { rate: size.rate, durationMs: size.warmupMs, connections: 128 });
    await server.call("reset", undefined);
    const r = await driver.call("live", { rate: size.rate, durationMs: size.durationMs, connections: 128 });
    const stats = await server.call("stats", undefined);
    // Each participant socket gets its ballot on connect, then one per changed ballot of theirs.
    const expectedBallots = atConnect.connected + warm.ok + r.ok;
    let after = await totals(holders);
    for (let waited = 0; after.ballot < expectedBallots && waited < 10_000; waited += 200) {
      await sleep(200);
      after = await totals(holders);
    }
    const putLatency = summarize(decode(r.putLatency));
    const v2p = summarize(decode(r.voteToProjector));
    const failures = Object.values(r.failures).reduce((a, b) => a + b, 0);
    log(
      `${name}: ${r.ok}/${r.fired} ballots acknowledged, vote→projector p50 ${fmt.ms(v2p.p50)} p99 ${fmt.ms(v2p.p99)} max ${fmt.ms(v2p.max)}, ` +
        `PUT p99 ${fmt.ms(putLatency.p99)}, loop p99 ${fmt.ms(stats.eventLoopDelayMs.p99)} max ${fmt.ms(stats.eventLoopDelayMs.max)}, peak RSS ${stats.peakRssMb} MB`,
    );

    const problems: string[] = [];
    if (atConnect.connected !== size.sockets) problems.push(`${atConnect.connected} of ${size.sockets} sockets connected (${atConnect.firstError ?? "?"})`);
    const warmFailures = Object.values(warm.failures).reduce((a, b) => a + b, 0) + warm.skipped + (warm.fired - warm.ok);
    if (warmFailures > 0 || !warm.finalSnapshot.matches) problems.push(`warm-up: ${warm.fired - warm.ok} of ${warm.fired} ballots not acknowledged ${warm.firstFailure ?? ""} ${warm.finalSnapshot.differences.join("; ")}`);
    if (failures > 0) problems.push(`${failures} ballots failed: ${JSON.stringify(r.failures)} ${r.firstFailure ?? ""}`);
    if (r.skipped > 0) problems.push(`${r.skipped} ballots skipped: every slot busy`);
    if (r.ok !== r.fired) problems.push(`${r.fired - r.ok} of ${r.fired} ballots not acknowledged`);
    if (r.seqFinal !== r.seqExpected) problems.push(`final seq ${r.seqFinal}, expected ${r.seqExpected}: a ballot was lost or counted twice`);
    if (r.unseen > 0) problems.push(`${r.unseen} acknowledged ballots never appeared in a projector snapshot`);
    problems.push(...r.finalSnapshot.differences.map((d) => `final snapshot: ${d}`));
    if (after.ballot !== expectedBallots) problems.push(`participant sockets got ${after.ballot} ballot events, expected ${expectedBallots}`);
    if (after.disconnects > 0) problems.push(`${after.disconnects} participant sockets dropped (${after.firstError ?? "?"})`);

    const rows: TargetRow[] = [];
    const label = `${size.sockets.toLocaleString("en-GB")} sockets, ${fmt.rate(size.rate)} for ${Math.round(size.durationMs / 1000)} s`;
    rows.push({ scenario: name, metric: `load: ${label}`, target: "", measured: `${r.ok.toLocaleString("en-GB")} ballots acknowledged`, pass: null });
    if (targets.p50Ms !== null) rows.push({ scenario: name, metric: "vote → projector p50", target: `≤ ${targets.p50Ms} ms`, measured: fmt.ms(v2p.p50), pass: v2p.p50 <= targets.p50Ms });
    else rows.push({ scenario: name, metric: "vote → projector p50", target: "", measured: fmt.ms(v2p.p50), pass: null });
    rows.push({ scenario: name, metric: "vote → projector p99", target: `≤ ${targets.p99Ms} ms`, measured: fmt.ms(v2p.p99), pass: v2p.p99 <= targets.p99Ms });
    rows.push({ scenario: name, metric: "vote → projector max", target: "", measured: fmt.ms(v2p.max), pass: null });
    rows.push({ scenario: name, metric: "ballot PUT p50 / p99", target: "", measured: `${fmt.ms(putLatency.p50)} / ${fmt.ms(putLatency.p99)}`, pass: null });
    rows.push({ scenario: name, metric: "server event-loop delay p99 / max", target: "", measured: `${fmt.ms(stats.eventLoopDelayMs.p99)} / ${fmt.ms(stats.eventLoopDelayMs.max)}`, pass: null });
    if (targets.rssMb !== null) rows.push({ scenario: name, metric: "server peak RSS", target: `≤ ${targets.rssMb} MB`, measured: `${stats.peakRssMb} MB`, pass: stats.peakRssMb <= targets.rssMb });
    else rows.push({ scenario: name, metric: "server peak RSS", target: "", measured: `${stats.peakRssMb} MB`, pass: null });
    rows.push({ scenario: name, metric: "nothing lost or refused; final snapshot equals recount", target: "yes", measured: problems.length === 0 ? "yes" : "NO", pass: problems.length === 0 });

    return {
      name,
      correct: problems.length === 0,
      problems,
      targets: rows,
      details: {
        sockets: size.sockets,
        socketProcesses: processes,
        serverFlags: o.serverFlags,
        rate: size.rate,
        durationMs: size.durationMs,
        connectMs,
        connectWorkers: connected.map((c) => c.ms),
        idleServer: idle,
        server: stats,
        warmup: { fired: warm.fired, ok: warm.ok, durationMs: size.warmupMs },
        ballots: { fired: r.fired, ok: r.ok, failures: r.failures, skipped: r.skipped, seqStart: r.seqStart, seqFinal: r.seqFinal, seqExpected: r.seqExpected },
        voteToProjector: v2p,
        putLatency,
        sendLag: summarize(decode(r.sendLag)),
        projectorSnapshots: r.snapshots,
        timeline: r.timeline,
        participantSockets: after,
        finalSnapshot: r.finalSnapshot,
      },
    };
  });
}
