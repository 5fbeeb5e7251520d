// A reconnect storm: the hall connected and voting, then the venue's access point restarts — every
// participant socket drops at the same moment and comes back after the phone's own reconnection
// delay — while ballots keep arriving at the hall's rate from phones whose HTTP still works (or
// that retry). Measured: the time from the drop until every socket is connected again and welcomed
// with the current state, and vote → projector latency over a window around the storm. Checked:
// every socket reconnected, every ballot acknowledged and counted once, every socket ends on the
// final results snapshot, the last snapshot equals the recount.
import { setPriority } from "node:os";
import { HEAP_FLAGS } from "../../../server/heap";
import { withCluster, sleep } from "../cluster";
import { decode, summarize } from "../histogram";
import type { BenchOptions, Sizes } from "../options";
import { fmt, type ScenarioReport, type TargetRow } from "../report";
import type { DriverApi, ServerApi, SocketsApi, StormResult } from "../workers/protocol";
import { totals } from "./live";
import { listenOverflows, somaxconn } from "../kernel-counters";

export interface StormTargets {
  reconnectMs: number;
  p99Ms: number;
}

export async function storm(size: Sizes["storm"], socketsPerProcess: number, targets: StormTargets, o: Pick<BenchOptions, "serverFlags" | "stormDrop">, log: (s: string) => void): Promise<ScenarioReport> {
  const drop = o.stormDrop ?? "silent";
  return withCluster("storm", size.windowMs + 5 * 60_000, async (cluster) => {
    const server = await cluster.start<ServerApi>("./workers/server.ts", "server", [...HEAP_FLAGS, ...o.serverFlags]);
    const { port } = await server.call("start", { seqHeader: true });
    const driver = await cluster.start<DriverApi>("./workers/driver.ts", "driver");
    const setup = await driver.call("setup", { port, participants: size.sockets });
    log(`storm: event ${setup.code}, ${size.sockets} participants joined in ${setup.setupMs} ms`);

    const processes = Math.ceil(size.sockets / socketsPerProcess);
    const holders = await Promise.all(Array.from({ length: processes }, (_, i) => cluster.start<SocketsApi>("./workers/sockets.ts", `sockets-${i}`)));
    for (const h of holders) setPriority(h.pid, 10);
    const per = Math.ceil(size.sockets / processes);
    const connectStarted = performance.now();
    // As a hall mid-vote: the phones still voting ask for no results and send the event version they
    // hold (a ballot-only welcome, ~1 KB); one in ten wants the room's results (~13 K chars each).
    await Promise.all(holders.map((h, i) => h.call("connect", { port, code: setup.code, tokens: setup.tokens.slice(i * per, (i + 1) * per), concurrency: 25, resultsShare: size.resultsShare })));
    const connectMs = Math.round(performance.now() - connectStarted);
    const atConnect = await totals(holders);
    log(`storm: ${atConnect.connected} sockets connected in ${connectMs} ms (25 at a time per process)`);
    await driver.call("projector", undefined);
    await sleep(2000);
    const warm = await driver.call("live", { rate: size.rate, durationMs: size.warmupMs, connections: 128 });

    // The measured window: ballots at the hall's rate throughout, the drop a second in.
    await server.call("reset", undefined);
    const ballots = driver.call("live", { rate: size.rate, durationMs: size.windowMs, connections: 128 });
    await sleep(size.dropAtMs);
    const overflowsBefore = listenOverflows();
    const storms: StormResult[] = await Promise.all(holders.map((h) => h.call("storm", { jitterMs: size.jitterMs, timeoutMs: 60_000, drop })));
    const overflows = overflowsBefore === null ? null : (listenOverflows() ?? overflowsBefore) - overflowsBefore;
    const backlogCap = somaxconn();
    const r = await ballots;
    const stats = await server.call("stats", undefined);
    const reconnected = storms.reduce((n, s) => n + s.reconnected, 0);
    const lastMs = Math.max(...storms.map((s) => s.lastMs));
    const p99Ms = Math.max(...storms.map((s) => s.p99Ms));
    const retries = storms.reduce((n, s) => n + s.retries, 0);
    const v2p = summarize(decode(r.voteToProjector));
    const put = summarize(decode(r.putLatency));
    log(
      `storm: ${reconnected}/${size.sockets} back in ${lastMs} ms (p99 ${p99Ms} ms, ${retries} attempts retried${retries ? `: ${storms.find((s) => s.firstError)?.firstError}` : ""}); ${r.ok}/${r.fired} ballots, vote→projector p50 ${fmt.ms(v2p.p50)} ` +
        `p99 ${fmt.ms(v2p.p99)} max ${fmt.ms(v2p.max)}; loop p99 ${fmt.ms(stats.eventLoopDelayMs.p99)} max ${fmt.ms(stats.eventLoopDelayMs.max)}`,
    );

    // Every socket must end on the final snapshot: the room's paced passes reach each one.
    // The voting phones must all hold the one current event (no update lost in the storm).
    let final = { sockets: 0, reached: 0, lowest: -1, quiet: 0, versions: [] as Array<string | null> };
    for (let waited = 0; waited <= 15_000; waited += 250) {
      const all = await Promise.all(holders.map((h) => h.call("seqs", { seq: r.seqFinal })));
      final = all.reduce(
        (t, c) => ({ sockets: t.sockets + c.sockets, reached: t.reached + c.reached, lowest: Math.min(t.lowest, c.lowest), quiet: t.quiet + c.quiet, versions: [...new Set([...t.versions, ...c.versions])] }),
        { sockets: 0, reached: 0, lowest: Infinity, quiet: 0, versions: [] as Array<string | null> },
      );
      if (final.reached === final.sockets) break;
      await sleep(250);
    }
    const after = await totals(holders);

    const problems: string[] = [];
    if (atConnect.connected !== size.sockets) problems.push(`${atConnect.connected} of ${size.sockets} sockets connected before the storm (${atConnect.firstError ?? "?"})`);
    if (warm.ok !== warm.fired || !warm.finalSnapshot.matches) problems.push(`warm-up: ${warm.fired - warm.ok} of ${warm.fired} ballots not acknowledged`);
    if (reconnected !== size.sockets || after.connected !== size.sockets) problems.push(`${reconnected} of ${size.sockets} sockets reconnected and welcomed (${after.connected} connected at the end; ${after.firstError ?? ""})`);
    if (r.ok !== r.fired) problems.push(`${r.fired - r.ok} of ${r.fired} ballots not acknowledged: ${JSON.stringify(r.failures)} ${r.firstFailure ?? ""}`);
    if (r.seqFinal !== r.seqExpected) problems.push(`final seq ${r.seqFinal}, expected ${r.seqExpected}: a ballot was lost or counted twice`);
    problems.push(...r.finalSnapshot.differences.map((d) => `final snapshot: ${d}`));
    if (final.reached !== final.sockets) problems.push(`${final.sockets - final.reached} sockets never got the final snapshot (seq ${r.seqFinal}; lowest held ${final.lowest})`);
    if (final.quiet > 0 && (final.versions.length !== 1 || final.versions[0] === null)) problems.push(`the voting phones hold ${final.versions.length} event versions (${final.versions.join(", ")}), not the one current`);
    if (after.disconnects > 0) problems.push(`${after.disconnects} sockets dropped outside the storm (${after.firstError ?? "?"})`);

    const how = drop === "silent" ? "dropped at once without a word (an access point restart)" : "closed at once by the phones";
    const label = `${size.sockets.toLocaleString("en-GB")} sockets (${Math.round(size.resultsShare * 100)}% with results, the others as voting phones) ${how}, back after ${size.jitterMs[0]}–${size.jitterMs[1]} ms each; ${fmt.rate(size.rate)} throughout`;
    const rows: TargetRow[] = [
      { scenario: "storm", metric: `load: ${label}`, target: "", measured: `${r.ok.toLocaleString("en-GB")} ballots in ${Math.round(size.windowMs / 1000)} s`, pass: null },
      { scenario: "storm", metric: "drop → every socket back with the current state", target: `≤ ${targets.reconnectMs / 1000} s`, measured: fmt.ms(lastMs), pass: lastMs <= targets.reconnectMs },
      { scenario: "storm", metric: "drop → welcomed, p99 of sockets", target: "", measured: fmt.ms(p99Ms), pass: null },
      { scenario: "storm", metric: "vote → projector p99 around the storm", target: `≤ ${targets.p99Ms} ms`, measured: fmt.ms(v2p.p99), pass: v2p.p99 <= targets.p99Ms },
      { scenario: "storm", metric: "vote → projector p50 / max", target: "", measured: `${fmt.ms(v2p.p50)} / ${fmt.ms(v2p.max)}`, pass: null },
      { scenario: "storm", metric: "ballot PUT p50 / p99", target: "", measured: `${fmt.ms(put.p50)} / ${fmt.ms(put.p99)}`, pass: null },
      {
        scenario: "storm",
        metric: `connections the kernel dropped, its listen queue full (net.core.somaxconn ${backlogCap ?? "?"})`,
        target: "",
        measured: overflows === null ? "not on Linux" : overflows.toLocaleString("en-GB"),
        pass: null,
      },
      { scenario: "storm", metric: "server event-loop delay p99 / max", target: "", measured: `${fmt.ms(stats.eventLoopDelayMs.p99)} / ${fmt.ms(stats.eventLoopDelayMs.max)}`, pass: null },
      // On one machine the load generators share the cores with the server: when the socket holders
      // run near a full core each, the reconnect time is theirs as much as the server's.
      { scenario: "storm", metric: "CPU during the storm: server / socket holders (cores)", target: "", measured: `${stats.cpuCores.toFixed(2)} / ${storms.map((s) => s.cpuCores.toFixed(2)).join(" + ")}`, pass: null },
      { scenario: "storm", metric: "all back; every socket ends on the final snapshot; nothing lost", target: "yes", measured: problems.length === 0 ? "yes" : "NO", pass: problems.length === 0 },
    ];
    return {
      name: "storm",
      correct: problems.length === 0,
      problems,
      targets: rows,
      details: { sockets: size.sockets, drop, listenOverflows: overflows, somaxconn: backlogCap, socketProcesses: processes, connectMs, storms, reconnectLastMs: lastMs, reconnectP99Ms: p99Ms, voteToProjector: v2p, putLatency: put, server: stats, timeline: r.timeline, ballots: { fired: r.fired, ok: r.ok, seqStart: r.seqStart, seqFinal: r.seqFinal, seqExpected: r.seqExpected }, finalSnapshot: r.finalSnapshot, finalSeqs: final, participantSockets: after },
    };
  });
}
