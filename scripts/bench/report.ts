// The benchmark's report: targets next to measured figures, printed as a table and kept as JSON.
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem, release, platform } from "node:os";
import { REPO_ROOT } from "./rpc";

export interface TargetRow {
  scenario: string;
  metric: string;
  target: string;
  measured: string;
  /** null: reported, no target. */
  pass: boolean | null;
}

export interface ScenarioReport {
  name: string;
  targets: TargetRow[];
  /** Correctness: nothing lost or refused, final state equals the recount. */
  correct: boolean;
  problems: string[];
  details: unknown;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  loadAverageStart: number[];
  loadAverageEnd: number[];
}

export function machine(loadStart: number[]): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? "unknown",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAverageStart: loadStart.map((l) => Math.round(l * 100) / 100),
    loadAverageEnd: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function commit(): { sha: string; dirty: boolean } {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
    const status = execFileSync("git", ["status", "--porcelain", "--", "server", "shared", "scripts/bench"], { cwd: REPO_ROOT, encoding: "utf8" });
    return { sha, dirty: status.trim() !== "" };
  } catch {
    return { sha: "unknown", dirty: true };
  }
}

const mark = (pass: boolean | null) => (pass === null ? "" : pass ? "ok" : "MISSED");

export function table(rows: readonly TargetRow[]): string {
  const head: TargetRow = { scenario: "scenario", metric: "metric", target: "target", measured: "measured", pass: null };
  const cells = [head, ...rows].map((r, i) => [r.scenario, r.metric, r.target, r.measured, i === 0 ? "" : mark(r.pass)]);
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...cells.map((row) => (row[c] ?? "").length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join("\n");
}

export const fmt = {
  ms: (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`,
  rate: (v: number) => `${Math.round(v).toLocaleString("en-GB")}/s`,
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
};
