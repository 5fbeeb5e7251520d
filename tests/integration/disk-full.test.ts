// A full disk and a lock held by another process (findings 4 and 12 of issue 11): writes answer
// 503 UNAVAILABLE, never 500, /healthz says the database is not writable, and once space or the
// lock comes back everything works again with nothing acknowledged lost.
//
// The disk is a real 6 MB tmpfs when this process may mount one (root), filled with a file; where
// it may not, SQLite's own size limit (PRAGMA max_page_count on the server's connection) gives the
// same SQLITE_FULL from the same code paths.
import Database from "better-sqlite3";
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { api, createEvent, join, openVoting, startServer, vote, type TestServer } from "../helpers/app";
import { expectError, smallEvent } from "./support";

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A 6 MB tmpfs, or null where mounting is not allowed. */
function smallDisk(): string | null {
  const dir = mkdtempSync(joinPath(tmpdir(), "plenary-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=6m", "tmpfs", dir], { stdio: "ignore" });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  cleanups.push(() => {
    execFileSync("umount", [dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Fills the file system of dir with one file; returns a function that frees the space again. */
function fillDisk(dir: string): () => void {
  const file = joinPath(dir, "filler");
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
  }
  // Smaller pieces until not even 512 bytes fit.
  for (const size of [4096, 512]) {
    try {
      for (;;) writeSync(fd, chunk.subarray(0, size));
    } catch {
      // full at this size
    }
  }
  closeSync(fd);
  return () => unlinkSync(file);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** /healthz probes at most once a second: wait past that so the next answer is fresh. */
const freshHealth = () => sleep(1100);

function checkStored(file: string, acked: Map<string, string[]>, voteOf: (db: Database.Database, token: string) => string[]): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    for (const [token, ids] of acked) expect(voteOf(db, token).sort()).toEqual([...ids].sort());
    const recount = db.prepare("SELECT p.id, (SELECT count(*) FROM votes v WHERE v.proposal_id = p.id) AS n, coalesce(t.votes, 0) AS tally FROM proposals p LEFT JOIN tally_proposals t ON t.proposal_id = p.id").all() as Array<{ n: number; tally: number }>;
    for (const r of recount) expect(r.tally).toBe(r.n);
  } finally {
    db.close();
  }
}

describe("a full disk", () => {
  it("answers 503 UNAVAILABLE (never 500), health says not writable, and recovers with nothing lost", async () => {
    const disk = smallDisk();
    const server: TestServer = await startServer(disk ? { databaseFile: joinPath(disk, "plenary.db") } : {});
    cleanups.push(() => server.close());
    const { url } = server;
    const mode = disk ? "tmpfs" : "max_page_count";

    const created = await createEvent(url, smallEvent());
    await openVoting(url, created.code, created.adminToken);
    const area = created.event.areas[0];
    if (!area) throw new Error("no area");
    const acked = new Map<string, string[]>();
    const castAndRecord = async (token: string, i: number) => {
      const ids = [area.proposals[i % area.proposals.length]?.id ?? ""];
      const res = await vote(url, created.code, token, area.id, ids);
      if (res.status === 200) acked.set(token, ids);
      return res;
    };
    for (let i = 0; i < 20; i++) expect((await castAndRecord(await join(url, created.code), i)).status).toBe(200);
    const health = await api(url, "GET", "/healthz");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, writable: true, diskFreeBytes: expect.any(Number) });

    // The disk fills up.
    let freeSpace: () => void;
    if (disk) {
      freeSpace = fillDisk(disk);
    } else {
      server.db.pragma(`max_page_count = ${Number(server.db.pragma("page_count", { simple: true }))}`);
      freeSpace = () => server.db.pragma("max_page_count = 1073741823");
    }

    // Joins and ballots until the first refusal: every answer is 201/200 or 503, never a 500.
    let refused = null;
    for (let i = 0; i < 3000 && !refused; i++) {
      const joined = await api(url, "POST", `/api/events/${created.code}/participants`, { body: {} });
      if (joined.status === 503) refused = joined;
      else {
        expect(joined.status, joined.text).toBe(201);
        const token = (joined.body as { participantToken: string }).participantToken;
        const res = await castAndRecord(token, i);
        if (res.status === 503) refused = res;
        else expect(res.status, res.text).toBe(200);
      }
    }
    expect(refused, `no write was refused (${mode})`).not.toBeNull();
    if (refused) expectError(refused, 503, "UNAVAILABLE");
    expect((refused?.body as { error: { message: string } }).error.message).toMatch(/disk is full/);

    // A ballot change by someone already in: refused the same way, the old ballot kept.
    const [someone, theirs] = [...acked.entries()][0] ?? ["", []];
    const change = await vote(url, created.code, someone, area.id, [area.proposals.find((p) => p.id !== theirs[0])?.id ?? ""]);
    if (change.status === 200) acked.set(someone, [area.proposals.find((p) => p.id !== theirs[0])?.id ?? ""]);
    else expectError(change, 503, "UNAVAILABLE");

    await freshHealth();
    const full = await api(url, "GET", "/healthz");
    expect(full.status, `${mode}: ${full.text}`).toBe(503);
    expect(full.body).toMatchObject({ ok: false, writable: false, error: { code: "UNAVAILABLE" } });
    // Reads still work while writes cannot.
    expect((await api(url, "GET", `/api/events/${created.code}`)).status).toBe(200);

    // Space comes back: health and writes recover without a restart.
    freeSpace();
    await freshHealth();
    const back = await api(url, "GET", "/healthz");
    expect(back.status, back.text).toBe(200);
    expect(back.body).toMatchObject({ ok: true, writable: true });
    for (let i = 0; i < 5; i++) expect((await castAndRecord(await join(url, created.code), i)).status).toBe(200);

    checkStored(server.db.name, acked, (db, token) => {
      const hash = db.prepare("SELECT participant_id FROM participant_tokens WHERE token_hash = ?").pluck().get(sha256(token)) as number;
      return db.prepare("SELECT proposal_id FROM votes WHERE participant_id = ? AND area_id = ?").pluck().all(hash, area.id) as string[];
    });
    console.log(`disk full (${mode}): ${acked.size} ballots acknowledged, all stored; first refusal ${refused?.status}`);
  }, 60_000);
});

describe("a write lock held by another process", () => {
  it("answers 503 UNAVAILABLE quickly (not 500, not a 5 s freeze), and writes resume once it is released", async () => {
    const server = await startServer();
    cleanups.push(() => server.close());
    const { url } = server;
    const created = await createEvent(url, smallEvent());
    await openVoting(url, created.code, created.adminToken);
    const area = created.event.areas[0];
    const token = await join(url, created.code);
    const ids = [area?.proposals[0]?.id ?? ""];

    // Another program takes the write lock and keeps it until told to stop.
    const holder = spawn(process.execPath, ["-e", `
      const db = new (require("better-sqlite3"))(process.argv[1]);
      db.exec("BEGIN IMMEDIATE");
      process.stdout.write("locked\\n");
      process.stdin.on("data", () => { db.exec("ROLLBACK"); db.close(); process.exit(0); });
    `, server.databaseFile], { stdio: ["pipe", "pipe", "inherit"] });
    cleanups.push(() => void holder.kill("SIGKILL"));
    await new Promise<void>((resolve) => holder.stdout?.once("data", () => resolve()));

    const started = performance.now();
    const res = await vote(url, created.code, token, area?.id ?? "", ids);
    const elapsed = performance.now() - started;
    expectError(res, 503, "UNAVAILABLE");
    expect((res.body as { error: { message: string } }).error.message).toMatch(/locked/);
    // The old busy timeout held the event loop (and this answer) for 5 s.
    expect(elapsed).toBeLessThan(2000);
    await freshHealth();
    const locked = await api(url, "GET", "/healthz");
    expect(locked.status).toBe(503);
    expect(locked.body).toMatchObject({ ok: false, writable: false });

    holder.stdin?.write("go\n");
    await new Promise((r) => holder.once("exit", r));
    const after = await vote(url, created.code, token, area?.id ?? "", ids);
    expect(after.status, after.text).toBe(200);
    await freshHealth();
    expect((await api(url, "GET", "/healthz")).status).toBe(200);
    console.log(`lock held elsewhere: 503 after ${elapsed.toFixed(0)} ms`);
  }, 30_000);
});

function sha256(s: string): Buffer {
  return createHash("sha256").update(s, "utf8").digest();
}
