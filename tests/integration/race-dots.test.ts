// The dots race (issue 15): 8 writers at once, over real HTTP to the real server and real SQLite,
// never store a ballot past either cap — the dots in all (maxVotes) nor the dots on one proposal
// (maxPerProposal) — and the stored ballot is always one of the accepted requests, never a mix.
// Then the same without the server: 8 threads, each with its own connection to one database file,
// writing raw rows as fast as they can; the triggers alone keep both caps.
import Database from "better-sqlite3";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Area, Results } from "../../shared/schemas";
import { createEvent, join, openVoting, startServer, vote, type TestServer } from "../helpers/app";
import { getJson } from "./support";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const MAX_VOTES = 5;
const PER_PROPOSAL = 3;
const key = (ids: readonly string[]) => [...ids].sort().join(",");

/** Sum of dots and the largest stack of every participant-area ballot in the area, from the table. */
function caps(areaId: string): Array<{ total: number; top: number }> {
  return server.db.prepare("SELECT sum(dots) AS total, max(dots) AS top FROM votes WHERE area_id = ? GROUP BY participant_id").all(areaId) as Array<{ total: number; top: number }>;
}

describe("dots: 8 concurrent writers over HTTP", () => {
  it("150 rounds of valid and over-cap ballots: never past a cap, the stored ballot one of the accepted", async () => {
    const ev = await createEvent(server.url, {
      title: "Dots race",
      areas: [{ title: "Dots", method: "dots", maxVotes: MAX_VOTES, maxPerProposal: PER_PROPOSAL, proposals: Array.from({ length: 6 }, (_, i) => ({ title: `P${i}` })) }],
    });
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0] as Area;
    const p = area.proposals.map((x) => x.id);
    // Two people: each sends 8 ballots at once in every round (4 each way), overlapping so a mix of two would show.
    const tokens = [await join(server.url, ev.code), await join(server.url, ev.code)];
    const valid = [
      [p[0]!, p[0]!, p[0]!, p[1]!, p[1]!],
      [p[1]!, p[1]!, p[1]!, p[2]!, p[2]!],
      [p[2]!, p[3]!, p[4]!, p[5]!, p[0]!],
      [p[3]!, p[3]!, p[5]!],
      [p[4]!, p[4]!, p[4]!],
      [],
    ];
    const overStack = [[p[0]!, p[0]!, p[0]!, p[0]!], [p[5]!, p[5]!, p[5]!, p[5]!, p[1]!]];
    const overTotal = [[p[0]!, p[0]!, p[1]!, p[1]!, p[2]!, p[2]!], [p[0]!, p[0]!, p[0]!, p[1]!, p[1]!, p[1]!]];
    const all = [...valid, ...overStack, ...overTotal];
    const acceptedKeys = new Set(valid.map(key));
    let accepted = 0;
    let refused = 0;
    const seen = new Set<string>();
    for (let round = 0; round < 150; round++) {
      const sends = tokens.flatMap((token, t) =>
        Array.from({ length: 4 }, (_, i) => ({ token, ids: all[(round * 3 + i * 5 + t * 7) % all.length]! })),
      );
      const replies = await Promise.all(sends.map((s) => vote(server.url, ev.code, s.token, area.id, s.ids)));
      replies.forEach((res, i) => {
        const ids = sends[i]!.ids;
        if (acceptedKeys.has(key(ids))) {
          expect(res.status, res.text).toBe(200);
          expect(key((res.body as { proposalIds: string[] }).proposalIds)).toBe(key(ids));
          accepted += 1;
        } else {
          expect(res.status, res.text).toBe(422);
          const code = (res.body as { error: { code: string } }).error.code;
          expect(code).toBe(overStack.includes(ids) ? "TOO_MANY_DOTS" : "TOO_MANY_VOTES");
          refused += 1;
        }
      });
      for (const c of caps(area.id)) {
        expect(c.total).toBeLessThanOrEqual(MAX_VOTES);
        expect(c.top).toBeLessThanOrEqual(PER_PROPOSAL);
      }
      for (const token of tokens) {
        const ballot = (await getJson<{ ballot: Record<string, string[]> }>(server.url, `/api/events/${ev.code}/ballot`, token)).ballot[area.id] ?? [];
        expect(acceptedKeys.has(key(ballot)), `round ${round}: ${key(ballot)}`).toBe(true);
        seen.add(key(ballot));
      }
    }
    console.log(`HTTP dots race: ${accepted} ballots accepted, ${refused} refused, ${seen.size} different final ballots`);
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(300);
    // Which write lands last varies: the race really raced.
    expect(seen.size).toBeGreaterThan(2);
    // The published counts are those of the stored ballots.
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    const stored = server.db.prepare("SELECT proposal_id, sum(dots) AS votes FROM votes WHERE area_id = ? GROUP BY proposal_id").all(area.id) as Array<{ proposal_id: string; votes: number }>;
    const byId = new Map(stored.map((r) => [r.proposal_id, r.votes]));
    for (const row of results.areas[0]!.results) {
      expect(row.votes).toBe(byId.get(row.proposalId) ?? 0);
      expect(row.points).toBe(row.votes);
    }
  });
});

// A worker in plain JavaScript (no TypeScript loader in a thread): its own connection, raw SQL.
const WRITER = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 10000");
db.pragma("foreign_keys = ON");
const ins = db.prepare("INSERT INTO votes (participant_id, area_id, proposal_id, dots, place, points) VALUES (?, ?, ?, ?, NULL, ?)");
const del = db.prepare("DELETE FROM votes WHERE participant_id = ? AND proposal_id = ?");
let seed = workerData.seed;
// mulberry32: 32-bit integer steps, so the stream is exact (and differs per worker by its seed).
const rnd = (n) => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) % n; };
let ok = 0, refused = 0;
for (let i = 0; i < workerData.writes; i++) {
  const participant = workerData.participants[rnd(workerData.participants.length)];
  const proposal = workerData.proposals[rnd(workerData.proposals.length)];
  const dots = 1 + rnd(4);
  try {
    // Each write is its own IMMEDIATE transaction: take the dots off a proposal, put some back.
    db.transaction(() => { del.run(participant, proposal); ins.run(participant, workerData.area, proposal, dots, dots); }).immediate();
    ok++;
  } catch (err) {
    if (!["TOO_MANY_VOTES", "TOO_MANY_DOTS"].includes(err.message)) throw err;
    refused++;
  }
}
db.close();
parentPort.postMessage({ ok, refused });
`;

describe("dots: 8 threads with their own connections, raw SQL", () => {
  it("the triggers alone keep both caps and the totals", async () => {
    const ev = await createEvent(server.url, {
      title: "Raw race",
      areas: [{ title: "Dots", method: "dots", maxVotes: MAX_VOTES, maxPerProposal: PER_PROPOSAL, proposals: Array.from({ length: 4 }, (_, i) => ({ title: `P${i}` })) }],
    });
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0] as Area;
    for (let i = 0; i < 3; i++) await join(server.url, ev.code);
    const participants = server.db.prepare("SELECT id FROM participants").pluck().all() as number[];
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        new Promise<{ ok: number; refused: number }>((resolve, reject) => {
          const worker = new Worker(WRITER, {
            eval: true,
            workerData: { driver, file: server.databaseFile, area: area.id, participants, proposals: area.proposals.map((x) => x.id), writes: 400, seed: 17 + w * 7919 },
          });
          worker.once("message", resolve);
          worker.once("error", reject);
        }),
      ),
    );
    const ok = runs.reduce((s, r) => s + r.ok, 0);
    const refused = runs.reduce((s, r) => s + r.refused, 0);
    expect(ok + refused).toBe(3200);
    console.log(`raw race: ${ok} writes taken, ${refused} refused by the triggers`);
    expect(ok).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
    const db = new Database(server.databaseFile, { readonly: true });
    try {
      const ballots = db.prepare("SELECT sum(dots) AS total, max(dots) AS top FROM votes WHERE area_id = ? GROUP BY participant_id").all(area.id) as Array<{ total: number; top: number }>;
      expect(ballots.length).toBeGreaterThan(0);
      for (const b of ballots) {
        expect(b.total).toBeLessThanOrEqual(MAX_VOTES);
        expect(b.top).toBeLessThanOrEqual(PER_PROPOSAL);
      }
      const totals = db.prepare("SELECT t.proposal_id, t.votes, t.points FROM tally_proposals t JOIN proposals p ON p.id = t.proposal_id WHERE p.area_id = ? AND t.votes > 0 ORDER BY 1").all(area.id);
      const recount = db.prepare("SELECT proposal_id, sum(dots) AS votes, sum(points) AS points FROM votes WHERE area_id = ? GROUP BY proposal_id ORDER BY 1").all(area.id);
      expect(totals).toEqual(recount);
    } finally {
      db.close();
    }
  });
});
