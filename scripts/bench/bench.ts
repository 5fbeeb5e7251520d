// runBench: the scenarios in order, one report. Used by `npm run bench` (run.ts) and by the smoke
// test in `npm test` (tests/integration/bench-smoke.test.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import type { BenchOptions } from "./options";
import { sizes } from "./options";
import { commit, machine, table, type Machine, type ScenarioReport, type TargetRow } from "./report";
import { REPO_ROOT } from "./rpc";
import { durable } from "./scenarios/durable";
import { live } from "./scenarios/live";
import { slowPhone } from "./scenarios/slow-phone";
import { storm } from "./scenarios/storm";
import { phones } from "./scenarios/phones";
import { weight } from "./scenarios/weight";

export interface BenchReport {
  date: string;
  command: string;
  mode: BenchOptions["mode"];
  commit: { sha: string; dirty: boolean };
  machine: Machine;
  serverFlags: string[];
  targets: TargetRow[];
  correct: boolean;
  problems: string[];
  scenarios: ScenarioReport[];
  jsonFile: string | null;
}

export async function runBench(o: BenchOptions, command = "npm run bench"): Promise<BenchReport> {
  const log = o.verbose ? (s: string) => process.stdout.write(`${s}\n`) : () => {};
  const size = sizes(o);
  const loadStart = loadavg();
  const date = new Date().toISOString();
  const scenarios: ScenarioReport[] = [];
  for (const name of o.scenarios) {
    const started = performance.now();
    if (name === "durable") scenarios.push(await durable(o, size.durable, log));
    if (name === "live") scenarios.push(await live("live", size.live, size.socketsPerProcess, { p50Ms: 75, p99Ms: 150, rssMb: null }, o, log));
    if (name === "hall") scenarios.push(await live("hall", size.hall, size.socketsPerProcess, { p50Ms: null, p99Ms: 300, rssMb: 400 }, o, log));
    if (name === "storm") scenarios.push(await storm(o.stormSockets ? { ...size.storm, sockets: o.stormSockets } : size.storm, size.socketsPerProcess, { reconnectMs: 5000, p99Ms: 500 }, o, log));
    if (name === "weight") scenarios.push(weight());
    if (name === "phones") scenarios.push(await phones(size.phones, size.socketsPerProcess, o, log));
    if (name === "slow-phone") scenarios.push(await slowPhone(o.mode === "full" ? 5 : 3, log));
    log(`${name}: done in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  const report: BenchReport = {
    date,
    command,
    mode: o.mode,
    commit: commit(),
    machine: machine(loadStart),
    serverFlags: o.serverFlags,
    targets: scenarios.flatMap((s) => s.targets),
    correct: scenarios.every((s) => s.correct),
    problems: scenarios.flatMap((s) => s.problems.map((p) => `${s.name}: ${p}`)),
    scenarios,
    jsonFile: null,
  };
  const file = o.out ?? join(REPO_ROOT, "bench-results", `bench-${date.replace(/[:.]/g, "-")}.json`);
  mkdirSync(dirname(file), { recursive: true });
  report.jsonFile = file;
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  return report;
}

export function printable(report: BenchReport): string {
  const m = report.machine;
  return [
    "",
    table(report.targets),
    "",
    report.problems.length ? `Problems:\n${report.problems.map((p) => `  - ${p}`).join("\n")}\n` : "Correctness: nothing lost or refused, every final tally equals its recount.",
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.os}, Node ${m.node}; load average ${m.loadAverageStart.join(" ")} at start, ${m.loadAverageEnd.join(" ")} at end`,
    `Commit ${report.commit.sha}${report.commit.dirty ? " (with uncommitted changes)" : ""}; mode ${report.mode}` +
      `${report.serverFlags.length ? `; server flags ${report.serverFlags.join(" ")}` : ""}; JSON: ${report.jsonFile ?? "-"}`,
    "",
  ].join("\n");
}
