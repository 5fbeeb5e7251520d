// A few seconds of the benchmark (scripts/bench) at toy sizes: the same processes, open-loop load,
// sockets and checks as `npm run bench`. It asserts correctness only — no ballot lost or refused,
// every final tally equal to its recount — never speed, which belongs to the benchmark itself.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBench } from "../../scripts/bench/bench";

const dir = mkdtempSync(join(tmpdir(), "plenary-bench-smoke-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LiveDetails {
  sockets: number;
  socketProcesses: number;
  warmup: { ok: number };
  ballots: { fired: number; ok: number; seqStart: number; seqFinal: number; seqExpected: number };
  finalSnapshot: { matches: boolean };
  participantSockets: { connected: number; ballot: number; disconnects: number };
}

describe("bench smoke run", () => {
  it("durable steps and a small hall: every ballot acknowledged, final snapshot equals the recount", async () => {
    const report = await runBench({ scenarios: ["durable", "hall"], mode: "smoke", durationS: 2, sloMs: 1000, out: join(dir, "smoke.json"), verbose: false, serverFlags: [] });
    expect(report.problems).toEqual([]);
    expect(report.correct).toBe(true);

    const durable = report.scenarios.find((s) => s.name === "durable");
    expect(durable?.targets.find((t) => t.metric === "final tally equals recount")?.pass).toBe(true);

    const hall = report.scenarios.find((s) => s.name === "hall");
    const d = hall?.details as LiveDetails;
    // Two load processes hold the sockets, as in the real large-hall run.
    expect(d.socketProcesses).toBeGreaterThan(1);
    expect(d.participantSockets.connected).toBe(d.sockets);
    expect(d.participantSockets.disconnects).toBe(0);
    expect(d.ballots.fired).toBeGreaterThan(0);
    expect(d.ballots.ok).toBe(d.ballots.fired);
    expect(d.ballots.seqFinal).toBe(d.ballots.seqExpected);
    expect(d.ballots.seqExpected - d.ballots.seqStart).toBe(d.ballots.ok);
    expect(d.finalSnapshot.matches).toBe(true);
    // Each participant's socket followed its own ballot: one on connect, one per change.
    expect(d.participantSockets.ballot).toBe(d.sockets + d.warmup.ok + d.ballots.ok);
  }, 120_000);

  // silent: an access point restart (the old connections go quiet); close: every phone says goodbye.
  it.each(["silent", "close"] as const)("a reconnect storm at toy size (%s drop): every socket back, welcomed, and ending on the final snapshot", async (stormDrop) => {
    const report = await runBench({ scenarios: ["storm"], mode: "smoke", durationS: null, sloMs: 1000, out: join(dir, `storm-${stormDrop}.json`), verbose: false, serverFlags: [], stormDrop });
    expect(report.problems).toEqual([]);
    const d = report.scenarios.find((s) => s.name === "storm")?.details as {
      sockets: number;
      drop: string;
      storms: Array<{ sockets: number; reconnected: number }>;
      finalSeqs: { sockets: number; reached: number; lowest: number; quiet: number; versions: Array<string | null> };
      ballots: { fired: number; ok: number; seqFinal: number; seqExpected: number };
      finalSnapshot: { matches: boolean };
    };
    expect(d.drop).toBe(stormDrop);
    expect(d.storms.reduce((n, s) => n + s.reconnected, 0)).toBe(d.sockets);
    // One socket in ten wants results (a phone showing them): each ends on the final snapshot. The
    // others reconnect as voting phones (results: false, since): each holds the one current event.
    const withResults = Math.ceil(d.sockets / 10);
    expect(d.finalSeqs).toMatchObject({ sockets: withResults, reached: withResults, lowest: d.ballots.seqFinal, quiet: d.sockets - withResults });
    expect(d.finalSeqs.versions).toHaveLength(1);
    expect(d.finalSeqs.versions[0]).toMatch(/\S/);
    expect(d.ballots.ok).toBe(d.ballots.fired);
    expect(d.ballots.seqFinal).toBe(d.ballots.seqExpected);
    expect(d.finalSnapshot.matches).toBe(true);
  }, 120_000);
});
