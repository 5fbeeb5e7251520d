// Crash safety of the real entry point (server/main.ts in its own process, on a database file):
// SIGKILL at random moments under a ballot load, over and over, restarting on the same data each
// time. Every acknowledged ballot and join must survive, nothing may be half-written, and the
// file must pass SQLite's integrity check. SIGTERM must let in-flight requests finish and close
// the database cleanly.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CreateEventReply, Results } from "../../shared/schemas";
import { seededRandom } from "../../shared/shuffle";
import { api } from "../helpers/app";
import { killAll, killHard, launch } from "../helpers/process";

const KILLS = 22;
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);

// A seeded generator (the phone's own), so a failing run can be replayed with CRASH_SEED.
const random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

afterAll(killAll);

/** The positional form these tests read best in, over the shared test client. */
const send = (url: string, method: string, path: string, token?: string, body?: unknown) =>
  api(url, method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });

const sorted = (ids: readonly string[]) => [...ids].sort();
const key = (ids: readonly string[]) => JSON.stringify(sorted(ids));
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest();

interface Slot {
  /** The last acknowledged ballot of this participant in this area ([] before any). */
  acked: string[];
  /** Sent and not acknowledged (the request died with the server): any of these may be stored. */
  pending: string[][];
}

interface World {
  code: string;
  adminToken: string;
  areas: Array<{ id: string; maxVotes: number; proposals: string[] }>;
  tokens: string[];
  slots: Map<string, Slot>;
  /** Joins sent whose answer never came: the participant may or may not exist. */
  pendingJoins: number;
  /** Participants whose join committed but whose token never arrived (settled pending joins). */
  orphans: number;
}

const slotKey = (token: string, areaId: string) => `${token}|${areaId}`;
let unacknowledgedCommits = 0;

async function seed(url: string): Promise<World> {
  const created = await send(url, "POST", "/api/events", undefined, {
    title: "Crash test",
    areas: [
      { title: "A", maxVotes: 2, proposals: [1, 2, 3, 4, 5].map((i) => ({ title: `A${i}` })) },
      { title: "B", maxVotes: 3, proposals: [1, 2, 3, 4].map((i) => ({ title: `B${i}` })) },
      { title: "C", maxVotes: 1, proposals: [1, 2, 3].map((i) => ({ title: `C${i}` })) },
    ],
  });
  expect(created.status).toBe(201);
  const reply = created.body as CreateEventReply;
  expect((await send(url, "POST", `/api/events/${reply.event.code}/voting`, reply.adminToken, { status: "open" })).status).toBe(200);
  const world: World = {
    code: reply.event.code,
    adminToken: reply.adminToken,
    areas: reply.event.areas.map((a) => ({ id: a.id, maxVotes: a.maxVotes, proposals: a.proposals.map((p) => p.id) })),
    tokens: [],
    slots: new Map(),
    pendingJoins: 0,
    orphans: 0,
  };
  for (let i = 0; i < 36; i++) await joinOne(url, world);
  return world;
}

async function joinOne(url: string, world: World): Promise<void> {
  world.pendingJoins++;
  const res = await send(url, "POST", `/api/events/${world.code}/participants`, undefined, {});
  expect(res.status).toBe(201);
  world.pendingJoins--;
  const token = (res.body as { participantToken: string }).participantToken;
  world.tokens.push(token);
  for (const a of world.areas) world.slots.set(slotKey(token, a.id), { acked: [], pending: [] });
}

/** A ballot to send: mostly valid sets (new votes, changes, withdrawals), some the rules refuse. */
function nextBallot(world: World, areaIndex: number): { ids: string[]; valid: boolean } {
  const area = world.areas[areaIndex] as World["areas"][number];
  const shuffled = [...area.proposals].sort(() => random() - 0.5);
  const roll = random();
  if (roll < 0.08) return { ids: shuffled.slice(0, area.maxVotes + 1), valid: false };
  if (roll < 0.12) return { ids: [shuffled[0] ?? "", shuffled[0] ?? ""], valid: false };
  if (roll < 0.16) return { ids: [(world.areas[(areaIndex + 1) % world.areas.length]?.proposals[0]) ?? ""], valid: false };
  return { ids: shuffled.slice(0, Math.floor(random() * (area.maxVotes + 1))), valid: true };
}

/** One worker: its own participants, one request at a time, until the server goes away. */
async function worker(url: string, world: World, mine: string[], stop: { dead: boolean }, stats: { acked: number; refused: number; lost: number }): Promise<void> {
  while (!stop.dead) {
    const token = pick(mine);
    const areaIndex = Math.floor(random() * world.areas.length);
    const area = world.areas[areaIndex] as World["areas"][number];
    const slot = world.slots.get(slotKey(token, area.id)) as Slot;
    const ballot = nextBallot(world, areaIndex);
    slot.pending.push(ballot.ids);
    let res: { status: number; body: unknown };
    try {
      res = await send(url, "PUT", `/api/events/${world.code}/ballot/${area.id}`, token, { proposalIds: ballot.ids });
    } catch {
      stats.lost++;
      return; // the server is gone: this ballot stays pending (unacknowledged)
    }
    slot.pending.pop();
    if (res.status === 200) {
      expect(ballot.valid, `accepted an invalid ballot ${JSON.stringify(ballot.ids)}`).toBe(true);
      slot.acked = ballot.ids;
      slot.pending = [];
      stats.acked++;
    } else {
      expect(ballot.valid, `refused a valid ballot: ${res.status} ${JSON.stringify(res.body)}`).toBe(false);
      expect([409, 422], JSON.stringify(res.body)).toContain(res.status);
      stats.refused++;
    }
  }
}

async function joiner(url: string, world: World, stop: { dead: boolean }): Promise<void> {
  while (!stop.dead) {
    world.pendingJoins++;
    let res: { status: number; body: unknown };
    try {
      res = await send(url, "POST", `/api/events/${world.code}/participants`, undefined, {});
    } catch {
      return;
    }
    world.pendingJoins--;
    expect(res.status).toBe(201);
    const token = (res.body as { participantToken: string }).participantToken;
    world.tokens.push(token);
    for (const a of world.areas) world.slots.set(slotKey(token, a.id), { acked: [], pending: [] });
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Reads the file the restarted server is running on, through a second connection, and checks it
 * against what was acknowledged. Afterwards the stored state is the new truth.
 */
async function verify(dbFile: string, url: string, world: World): Promise<void> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    const participantOf = db.prepare<[Buffer], { participant_id: number }>("SELECT participant_id FROM participant_tokens WHERE token_hash = ?");
    const votesOf = db.prepare<[number, string], { proposal_id: string }>("SELECT proposal_id FROM votes WHERE participant_id = ? AND area_id = ?");
    for (const token of world.tokens) {
      const row = participantOf.get(sha256(token));
      expect(row, "an acknowledged join is missing").toBeDefined();
      for (const area of world.areas) {
        const slot = world.slots.get(slotKey(token, area.id)) as Slot;
        const stored = votesOf.all(row?.participant_id ?? -1, area.id).map((r) => r.proposal_id);
        expect(stored.length).toBeLessThanOrEqual(area.maxVotes);
        const allowed = [slot.acked, ...slot.pending].map(key);
        expect(allowed, `stored ${key(stored)} is neither the acknowledged ballot nor one in flight`).toContain(key(stored));
        // Committed, but the acknowledgement died with the server: allowed, and worth counting.
        if (key(stored) !== key(slot.acked)) unacknowledgedCommits++;
        slot.acked = stored;
        slot.pending = [];
      }
    }
    const over = db.prepare("SELECT v.participant_id, v.area_id, count(*) AS n, a.max_votes FROM votes v JOIN areas a ON a.id = v.area_id GROUP BY v.participant_id, v.area_id HAVING n > a.max_votes").all();
    expect(over).toEqual([]);
    const participants = (db.prepare("SELECT count(*) AS n FROM participants").get() as { n: number }).n;
    expect(participants).toBeGreaterThanOrEqual(world.tokens.length + world.orphans);
    expect(participants).toBeLessThanOrEqual(world.tokens.length + world.orphans + world.pendingJoins);
    world.orphans = participants - world.tokens.length;
    // The counts the server serves after the restart are a recount of the stored votes.
    const recount = new Map((db.prepare("SELECT proposal_id, count(*) AS n FROM votes GROUP BY proposal_id").all() as Array<{ proposal_id: string; n: number }>).map((r) => [r.proposal_id, r.n]));
    const results = (await send(url, "GET", `/api/events/${world.code}/results`, world.adminToken)).body as Results;
    for (const area of results.areas) for (const r of area.results) expect(r.votes, `${area.title}/${r.title}`).toBe(recount.get(r.proposalId) ?? 0);
    expect(results.participants).toBe(participants);
  } finally {
    db.close();
  }
  // Joins that never got an answer are settled (counted as orphans if they committed): their
  // tokens were never seen, so they can never be used.
  world.pendingJoins = 0;
}

describe("crash safety", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-crash-"));
  const dbFile = join(dataDir, "plenary.db");
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`keeps every acknowledged ballot through ${KILLS} SIGKILLs at random moments (seed ${SEED})`, async () => {
    let running = await launch(dataDir);
    const world = await seed(running.url);
    const stats = { acked: 0, refused: 0, lost: 0, kills: 0, duringStartup: 0 };
    for (let round = 0; round < KILLS; round++) {
      if (round % 7 === 6) {
        // Now and then the kill lands while the server is still starting (opening, migrating, listening).
        await killHard(running);
        const starting = await launch(dataDir, { waitReady: false });
        await new Promise((r) => setTimeout(r, random() * 800));
        await killHard(starting);
        stats.kills++;
        stats.duringStartup++;
        running = await launch(dataDir);
        await verify(dbFile, running.url, world);
        continue;
      }
      const stop = { dead: false };
      const workers = 6;
      const load = Array.from({ length: workers }, (_, w) => worker(running.url, world, world.tokens.filter((_, i) => i % workers === w), stop, stats));
      load.push(joiner(running.url, world, stop));
      await new Promise((r) => setTimeout(r, 30 + random() * 400));
      stop.dead = true;
      await killHard(running);
      stats.kills++;
      await Promise.all(load);
      running = await launch(dataDir);
      await verify(dbFile, running.url, world);
    }
    // Over HTTP too: every participant reads back exactly what the file holds.
    for (const token of world.tokens.slice(0, 12)) {
      const ballot = ((await send(running.url, "GET", `/api/events/${world.code}/ballot`, token)).body as { ballot: Record<string, string[]> }).ballot;
      for (const area of world.areas) expect(key(ballot[area.id] ?? [])).toBe(key((world.slots.get(slotKey(token, area.id)) as Slot).acked));
    }
    await killHard(running);
    expect(stats.kills).toBeGreaterThanOrEqual(20);
    expect(stats.acked).toBeGreaterThan(KILLS * 5);
    expect(stats.refused).toBeGreaterThan(0);
    expect(stats.lost).toBeGreaterThan(0);
    console.log(`crash test (seed ${SEED}): ${stats.kills} SIGKILLs (${stats.duringStartup} while starting), ${stats.acked} ballots acknowledged, ${stats.refused} refused, ${stats.lost} lost in flight (${unacknowledgedCommits} of them committed), ${world.tokens.length} participants`);
  }, 180_000);
});

describe("graceful shutdown", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-term-"));
  const dbFile = join(dataDir, "plenary.db");
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("SIGTERM finishes the request in flight, acknowledges it, checkpoints the WAL and exits 0", async () => {
    const running = await launch(dataDir);
    const world = await seed(running.url);
    const [area] = world.areas;
    const token = world.tokens[0] ?? "";
    const chosen = area?.proposals.slice(0, 2) ?? [];
    const body = JSON.stringify({ proposalIds: chosen });
    const { port } = new URL(running.url);

    // A ballot whose body is still arriving when SIGTERM lands: it must be finished, not dropped.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port: Number(port), method: "PUT", path: `/api/events/${world.code}/ballot/${area?.id}`, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          let text = "";
          res.on("data", (d: Buffer) => (text += d.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        running.child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    // More writes racing the signal: each is either acknowledged (and then stored) or refused before it started.
    const racing = world.tokens.slice(1, 11).map((t) =>
      new Promise((r) => setTimeout(r, 150 + random() * 100)).then(() =>
        send(running.url, "PUT", `/api/events/${world.code}/ballot/${world.areas[2]?.id}`, t, { proposalIds: [world.areas[2]?.proposals[0]] }).then((r) => ({ t, ok: r.status === 200 }), () => ({ t, ok: false })),
      ),
    );
    const reply = await answer;
    expect(reply.status, reply.text).toBe(200);
    const raced = await Promise.all(racing);
    const exit = await running.exited;
    expect(exit, running.output()).toEqual({ code: 0, signal: null });

    // Closed cleanly: the WAL was checkpointed into the main file and removed.
    expect(!existsSync(`${dbFile}-wal`) || statSync(`${dbFile}-wal`).size === 0).toBe(true);
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const votesOf = db.prepare<[Buffer, string], { proposal_id: string }>(
        "SELECT v.proposal_id FROM votes v JOIN participant_tokens t ON t.participant_id = v.participant_id WHERE t.token_hash = ? AND v.area_id = ?",
      );
      expect(key(votesOf.all(sha256(token), area?.id ?? "").map((r) => r.proposal_id))).toBe(key(chosen));
      for (const r of raced.filter((x) => x.ok)) expect(votesOf.all(sha256(r.t), world.areas[2]?.id ?? "").length).toBe(1);
    } finally {
      db.close();
    }
  }, 60_000);
});

// Issue 15: a pending auto-close is state on disk, not a timer in memory. SIGKILL in the middle of a
// dots and ranking load with the deadline still ahead; the restarted process keeps every acknowledged
// ballot, takes ballots until the deadline, closes the areas at it (closedAt = closesAt), refuses
// what comes after, and a second restart finds nothing left to do: the close happened once.
describe("a pending auto-close through a SIGKILL", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-clock-crash-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  interface AreaView { id: string; method: string; maxVotes: number; status: string; closesAt: string | null; closedAt: string | null; proposals: Array<{ id: string }> }
  const eventOf = async (url: string, code: string) => ((await send(url, "GET", `/api/events/${code}`)).body as { event: { areas: AreaView[] } }).event.areas;

  it("closes at its time, once, with every acknowledged dot and ranking kept", async () => {
    let running = await launch(dataDir);
    const created = await send(running.url, "POST", "/api/events", undefined, {
      title: "Clock crash",
      areas: [
        { title: "Dots", method: "dots", maxVotes: 4, maxPerProposal: 2, proposals: [1, 2, 3, 4].map((i) => ({ title: `D${i}` })) },
        { title: "Ranked", method: "ranking", maxVotes: 3, proposals: [1, 2, 3, 4].map((i) => ({ title: `R${i}` })) },
      ],
    });
    expect(created.status, created.text).toBe(201);
    const reply = created.body as CreateEventReply;
    const { code, adminToken } = { code: reply.event.code, adminToken: reply.adminToken };
    // 20 s: room for the load, the kill and a slow restart (tsx compiles the server) before the deadline.
    const opened = await send(running.url, "POST", `/api/events/${code}/voting`, adminToken, { status: "open", durationSeconds: 20 });
    expect(opened.status, opened.text).toBe(200);
    const areas = (opened.body as { event: { areas: AreaView[] } }).event.areas;
    const deadline = areas[0]?.closesAt ?? "";
    expect(areas.map((a) => a.closesAt)).toEqual([deadline, deadline]);
    const tokens: string[] = [];
    for (let i = 0; i < 10; i++) tokens.push(((await send(running.url, "POST", `/api/events/${code}/participants`, undefined, {})).body as { participantToken: string }).participantToken);

    const ballotOf = (area: AreaView): string[] => {
      const ids = area.proposals.map((p) => p.id);
      if (area.method === "ranking") return [...ids].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 3));
      const out: string[] = [];
      for (let n = 1 + Math.floor(random() * 4); out.length < n; ) {
        const id = pick(ids);
        if (out.filter((x) => x === id).length < 2) out.push(id);
      }
      return out;
    };
    const same = (area: AreaView, a: readonly string[], b: readonly string[]) => (area.method === "ranking" ? a.join() === b.join() : key(a) === key(b));
    const slots = new Map<string, Slot>();
    const cast = async (url: string, token: string, area: AreaView) => {
      const ids = ballotOf(area);
      const slot = slots.get(slotKey(token, area.id)) ?? { acked: [], pending: [] };
      slots.set(slotKey(token, area.id), slot);
      slot.pending.push(ids);
      const res = await send(url, "PUT", `/api/events/${code}/ballot/${area.id}`, token, { proposalIds: ids }).catch(() => null);
      if (res?.status === 200) {
        slot.acked = ids;
        slot.pending = [];
      }
      return res;
    };

    // Load, then SIGKILL while ballots are in flight.
    let killed = false;
    const url = running.url;
    // Each phone taps every 50–100 ms: a hall's pace, and under the ballot rate limit (300 a minute
    // per participant), so every refusal below is the clock's, never a 429.
    const pause = () => new Promise((r) => setTimeout(r, 50 + random() * 50));
    const loading = Promise.all(tokens.map(async (token) => {
      while (!killed) {
        await cast(url, token, pick(areas));
        await pause();
      }
    }));
    await new Promise((r) => setTimeout(r, 1000 + random() * 1500));
    await killHard(running);
    killed = true;
    await loading;
    const acked = [...slots.values()].filter((s) => s.acked.length > 0).length;
    expect(acked).toBeGreaterThan(5);

    running = await launch(dataDir);
    expect(Date.now(), "the restart came after the deadline: make the duration longer").toBeLessThan(Date.parse(deadline) - 2000);
    const afterKill = await eventOf(running.url, code);
    expect(afterKill.map((a) => [a.status, a.closesAt])).toEqual([["open", deadline], ["open", deadline]]);
    // Every acknowledged ballot survived the kill (or a later one whose answer the kill swallowed).
    for (const [k, slot] of slots) {
      const [token, areaId] = k.split("|") as [string, string];
      const area = areas.find((a) => a.id === areaId)!;
      const stored = ((await send(running.url, "GET", `/api/events/${code}/ballot`, token)).body as { ballot: Record<string, string[]> }).ballot[areaId] ?? [];
      expect([slot.acked, ...slot.pending].some((b) => same(area, b, stored)), `${k}: ${stored.join()}`).toBe(true);
      slot.acked = stored;
      slot.pending = [];
    }

    // The new process takes ballots up to the deadline, then refuses them: it closed at its time.
    const outcomes: Array<{ sentAt: number; doneAt: number; status: number }> = [];
    await Promise.all(tokens.map(async (token) => {
      while (Date.now() < Date.parse(deadline) + 1500) {
        const sentAt = Date.now();
        const res = await cast(running.url, token, pick(areas));
        outcomes.push({ sentAt, doneAt: Date.now(), status: res?.status ?? 0 });
        await pause();
      }
    }));
    const at = Date.parse(deadline);
    expect(outcomes.filter((o) => o.doneAt < at && o.status !== 200), "refused before the deadline").toEqual([]);
    expect(outcomes.filter((o) => o.sentAt > at + 50 && o.status !== 409), "taken after the deadline").toEqual([]);
    expect(outcomes.filter((o) => o.sentAt > at + 50).length).toBeGreaterThan(5);
    const closed = await eventOf(running.url, code);
    expect(closed.map((a) => [a.status, a.closedAt, a.closesAt])).toEqual([["closed", deadline, null], ["closed", deadline, null]]);

    // The published counts are the phones' own ballots, counted by each area's method.
    const results = (await send(running.url, "GET", `/api/events/${code}/results`, adminToken)).body as Results;
    for (const area of areas) {
      const votes = new Map<string, number>();
      const points = new Map<string, number>();
      for (const token of tokens) {
        const ballot = ((await send(running.url, "GET", `/api/events/${code}/ballot`, token)).body as { ballot: Record<string, string[]> }).ballot[area.id] ?? [];
        ballot.forEach((id, i) => {
          votes.set(id, (votes.get(id) ?? 0) + 1);
          points.set(id, (points.get(id) ?? 0) + (area.method === "ranking" ? area.maxVotes - i : 1));
        });
      }
      const got = results.areas.find((a) => a.id === area.id)!;
      for (const row of got.results) expect([row.votes, row.points]).toEqual([votes.get(row.proposalId) ?? 0, points.get(row.proposalId) ?? 0]);
    }
    await killHard(running);

    // Once: a second restart closes nothing again, so nothing moves — not the rows, not the event's seq.
    running = await launch(dataDir);
    const again = await eventOf(running.url, code);
    expect(again.map((a) => [a.status, a.closedAt])).toEqual([["closed", deadline], ["closed", deadline]]);
    expect(((await send(running.url, "GET", `/api/events/${code}/results`, adminToken)).body as Results).seq).toBe(results.seq);
    await killHard(running);
    const db = new Database(join(dataDir, "plenary.db"), { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      db.close();
    }
  }, 90_000);
});
