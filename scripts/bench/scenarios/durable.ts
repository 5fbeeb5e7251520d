// Durable ballots per second: fixed-rate steps against the real ballot route (group commit, each
// batch synced to disk before its answers) and, in the same server and run, against a no-op route
// with the same parsing. Rates grow until a step is no longer sustained (a failure, or p99 over
// the SLO), then the knee is narrowed by bisection. Ballots are what a phone sends for one tap
// (one proposal added or removed); a second ramp replaces every vote of a ballot, the most one
// write can do.
import { HEAP_FLAGS } from "../../../server/heap";
import { withCluster, sleep } from "../cluster";
import { decode, summarize, type LatencySummary } from "../histogram";
import type { BenchOptions, Sizes } from "../options";
import { fmt, type ScenarioReport } from "../report";
import type { DriverApi, ServerApi, ServerStats, StepArgs, StepResult } from "../workers/protocol";

type Load = Pick<StepArgs, "target" | "pattern">;

export interface StepRow extends Load {
  offered: number;
  achieved: number;
  ok: number;
  fired: number;
  failures: Record<string, number>;
  skipped: number;
  latency: LatencySummary;
  sendLagP99: number;
  sustained: boolean;
  server: ServerStats;
  /** Ballots per COMMIT in this step (group commit). */
  batchMean: number | null;
}

export interface Ramp extends Load {
  steps: StepRow[];
  /** Highest offered rate that was sustained. */
  sustained: number;
  /** Most replies per second seen in any step, sustained or not (the saturation throughput). */
  peakAchieved: number;
}

const label = (l: Load) => (l.target === "noop" ? "no-op" : l.pattern === "tap" ? "ballot" : "replace");

export async function durable(o: BenchOptions, size: Sizes["durable"], log: (s: string) => void): Promise<ScenarioReport> {
  const budget = 12 * 60_000;
  return withCluster("durable", budget, async (cluster) => {
    const server = await cluster.start<ServerApi>("./workers/server.ts", "server", [...HEAP_FLAGS, ...o.serverFlags]);
    const { port } = await server.call("start", {});
    const driver = await cluster.start<DriverApi>("./workers/driver.ts", "driver");
    const setup = await driver.call("setup", { port, participants: size.participants });
    log(`durable: event ${setup.code}, ${size.participants} participants joined in ${setup.setupMs} ms`);

    const runStep = async (load: Load, rate: number, durationMs = size.stepMs): Promise<StepRow> => {
      const before = await server.call("reset", undefined);
      const r: StepResult = await driver.call("step", { ...load, rate, durationMs, connections: size.connections });
      const stats = await server.call("stats", undefined);
      const latency = summarize(decode(r.latency));
      const failed = Object.values(r.failures).reduce((a, b) => a + b, 0);
      const gc = stats.groupCommit;
      const batches = gc && before ? gc.batches - before.batches : 0;
      const row: StepRow = {
        ...load,
        offered: rate,
        achieved: r.achievedRate,
        ok: r.ok,
        fired: r.fired,
        failures: r.failures,
        skipped: r.skipped,
        latency,
        sendLagP99: summarize(decode(r.sendLag)).p99,
        sustained: failed === 0 && r.skipped === 0 && r.ok === r.fired && latency.p99 <= o.sloMs,
        server: stats,
        batchMean: load.target === "ballot" && batches > 0 && gc && before ? Math.round(((gc.writes - before.writes) / batches) * 10) / 10 : null,
      };
      log(
        `  ${label(load).padEnd(7)} ${fmt.rate(rate).padStart(9)} → ${fmt.rate(row.achieved).padStart(9)}  p50 ${fmt.ms(latency.p50)}  p99 ${fmt.ms(latency.p99)}  ` +
          `loop p99 ${fmt.ms(stats.eventLoopDelayMs.p99)}  ELU ${stats.eventLoopUtilization}` +
          (row.batchMean !== null ? `  ${row.batchMean}/commit` : "") +
          (failed ? `  failures ${JSON.stringify(r.failures)} ${r.firstFailure ?? ""}` : "") +
          (r.skipped ? `  ${r.skipped} not sent (every slot busy)` : "") +
          (row.sustained ? "" : "  (not sustained)"),
      );
      await sleep(300);
      return row;
    };

    const ramp = async (load: Load): Promise<Ramp> => {
      log(`durable: ${label(load)}`);
      await runStep(load, Math.min(1000, size.startRate), size.warmupMs);
      const steps: StepRow[] = [];
      // The machine may be shared: a step that misses is run once more before it counts as a miss,
      // so one stray pause elsewhere does not end the ramp.
      const sustains = async (rate: number) => {
        for (let attempt = 0; attempt < 2; attempt++) {
          const row = await runStep(load, rate);
          steps.push(row);
          if (row.sustained) return true;
        }
        return false;
      };
      let pass = 0;
      let fail: number | null = null;
      for (let rate = size.startRate; rate <= size.maxRate; rate = Math.round((rate * size.growth) / 100) * 100) {
        if (await sustains(rate)) pass = rate;
        else {
          fail = rate;
          break;
        }
        if (size.growth <= 1) break;
      }
      for (let i = 0; i < size.bisections && fail !== null && fail - pass > 200; i++) {
        const mid = Math.round((pass + fail) / 2 / 100) * 100;
        if (await sustains(mid)) pass = mid;
        else fail = mid;
      }
      return { ...load, steps, sustained: pass, peakAchieved: Math.max(...steps.map((s) => s.achieved)) };
    };

    const noop = await ramp({ target: "noop", pattern: "tap" });
    const ballot = await ramp({ target: "ballot", pattern: "tap" });
    const replace = await ramp({ target: "ballot", pattern: "replace" });
    const recount = await driver.call("recount", undefined);
    const all = [...noop.steps, ...ballot.steps, ...replace.steps];
    const failures = all.filter((s) => Object.keys(s.failures).length > 0);
    const problems = [
      ...recount.differences.map((d) => `recount: ${d}`),
      ...failures.map((s) => `${label(s)} at ${s.offered}/s: ${JSON.stringify(s.failures)}`),
    ];
    const ratio = (r: Ramp) => (noop.sustained > 0 ? r.sustained / noop.sustained : 0);
    const knee = (r: Ramp) => r.steps.filter((s) => s.sustained).sort((a, b) => b.offered - a.offered)[0];
    const atKnee = knee(ballot);
    return {
      name: "durable",
      correct: recount.matches && failures.length === 0,
      problems,
      targets: [
        { scenario: "durable", metric: `durable ballots/s, one tap each (synced before the answer, p99 ≤ ${o.sloMs} ms)`, target: "≥ 5,000/s", measured: fmt.rate(ballot.sustained), pass: ballot.sustained >= 5000 },
        { scenario: "durable", metric: "no-op route, same server and run", target: "", measured: fmt.rate(noop.sustained), pass: null },
        { scenario: "durable", metric: "ballots / no-op", target: "≥ 80%", measured: `${Math.round(ratio(ballot) * 100)}%`, pass: ratio(ballot) >= 0.8 },
        { scenario: "durable", metric: "ballot p50 / p99 at that rate", target: "", measured: atKnee ? `${fmt.ms(atKnee.latency.p50)} / ${fmt.ms(atKnee.latency.p99)}` : "-", pass: null },
        { scenario: "durable", metric: "ballots per COMMIT at that rate", target: "", measured: atKnee?.batchMean != null ? String(atKnee.batchMean) : "-", pass: null },
        { scenario: "durable", metric: "every vote replaced: ballots/s, / no-op", target: "", measured: `${fmt.rate(replace.sustained)}, ${Math.round(ratio(replace) * 100)}%`, pass: null },
        { scenario: "durable", metric: "saturation: ballots / replace / no-op", target: "", measured: `${fmt.rate(ballot.peakAchieved)} / ${fmt.rate(replace.peakAchieved)} / ${fmt.rate(noop.peakAchieved)}`, pass: null },
        { scenario: "durable", metric: "final tally equals recount", target: "yes", measured: recount.matches ? "yes" : "NO", pass: recount.matches },
      ],
      details: { participants: size.participants, connections: size.connections, sloMs: o.sloMs, noop, ballot, replace, recount },
    };
  });
}
