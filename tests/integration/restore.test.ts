// Restoring a backup after a crash (issue 11, finding 1). Copying the backup over plenary.db by
// hand, as the README used to say, leaves the crashed server's plenary.db-wal beside it, and SQLite
// replays it onto the copy: a corrupt database the server then served (health 200, writes 500).
// Now the server refuses a damaged file at start with what to do, and `npm run restore` puts a
// backup back safely: real server processes, kill -9, the real scripts.
import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { closeSync, copyFileSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { CreateEventReply, Results } from "../../shared/schemas";
import { api } from "../helpers/app";
import { killAll, killHard, launch, ROOT } from "../helpers/process";
import { smallEvent } from "./support";

const run = promisify(execFile);
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const dirs: string[] = [];
afterAll(() => {
  killAll();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "plenary-restore-"));
  dirs.push(d);
  return d;
}

async function cli(script: string, args: string[], dataDir: string): Promise<{ out: string; code: number }> {
  try {
    const { stdout, stderr } = await run(TSX, [`scripts/${script}.ts`, ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } });
    return { out: stdout + stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    return { out: (e.stdout ?? "") + (e.stderr ?? ""), code: e.code ?? 1 };
  }
}

/** The positional form these tests read best in, over the shared test client. */
const send = (url: string, method: string, path: string, token?: string, body?: unknown) =>
  api(url, method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });

/** Every vote, as "participant|area|proposal" lines, sorted: equal snapshots mean equal ballots. */
function votesIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT participant_id || '|' || area_id || '|' || proposal_id FROM votes").pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

describe("npm run restore", () => {
  it("after kill -9: a backup copied by hand is refused at start, the tool restores a sound database equal to the backup", async () => {
    const dataDir = tempDir();
    const dbFile = join(dataDir, "plenary.db");
    let server = await launch(dataDir);

    const created = (await send(server.url, "POST", "/api/events", undefined, smallEvent())).body as CreateEventReply;
    const { code } = created.event;
    expect((await send(server.url, "POST", `/api/events/${code}/voting`, created.adminToken, { status: "open" })).status).toBe(200);
    const [health, law] = created.event.areas;
    if (!health || !law) throw new Error("areas missing");
    const tokens: string[] = [];
    const voteRound = async (joins: number, round: number, voters?: (all: string[]) => string[]) => {
      for (let i = 0; i < joins; i++) tokens.push(((await send(server.url, "POST", `/api/events/${code}/participants`, undefined, {})).body as { participantToken: string }).participantToken);
      await Promise.all((voters ? voters(tokens) : tokens).map(async (t, i) => {
        expect((await send(server.url, "PUT", `/api/events/${code}/ballot/${health.id}`, t, { proposalIds: [health.proposals[(i + round) % 4]?.id] })).status).toBe(200);
        expect((await send(server.url, "PUT", `/api/events/${code}/ballot/${law.id}`, t, { proposalIds: [law.proposals[(i + round) % 3]?.id] })).status).toBe(200);
      }));
    };
    await voteRound(40, 0);

    const backupFile = join(tempDir(), "backup.db");
    const backup = await cli("backup", ["--out", backupFile], dataDir);
    expect(backup.code, backup.out).toBe(0);
    const atBackup = votesIn(backupFile);
    expect(atBackup.length).toBe(80);

    // The vote goes on: many joins, then a WAL checkpoint (the server's own runs every ~40 MB of
    // WAL in a long vote; here an outside one, so the test does not have to write 40 MB): pages
    // written before it are now only in plenary.db. Then the first phones change their ballots:
    // pages that existed at the backup, rewritten after the checkpoint, only in the WAL.
    await voteRound(300, 1);
    const outside = new Database(dbFile);
    outside.pragma("wal_checkpoint(PASSIVE)");
    outside.close();
    await voteRound(0, 2, (all) => all.slice(0, 40));
    await killHard(server);
    expect(existsSync(`${dbFile}-wal`)).toBe(true);

    // The old way, on a copy of the crashed folder: the backup over plenary.db, the -wal left beside it.
    const manualDir = tempDir();
    cpSync(dataDir, manualDir, { recursive: true });
    rmSync(join(manualDir, "plenary.lock"), { force: true });
    copyFileSync(backupFile, join(manualDir, "plenary.db"));
    const refused = await launch(manualDir, { waitReady: false });
    // It must stop by itself, not start serving.
    const exit = await Promise.race([refused.exited, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    if (!exit) await killHard(refused);
    expect(exit?.code, refused.output()).toBe(4);
    expect(refused.output()).toMatch(/damaged/);
    expect(refused.output()).toMatch(/npm run restore -- /);
    // Refusing left the evidence as it was: the stray WAL is still there, not folded in.
    expect(existsSync(join(manualDir, "plenary.db-wal"))).toBe(true);

    // The tool refuses while a server runs on the folder, and changes nothing.
    server = await launch(dataDir);
    const whileRunning = await cli("restore", [backupFile], dataDir);
    expect(whileRunning.code).not.toBe(0);
    expect(whileRunning.out).toMatch(/server is running/);
    expect(existsSync(join(dataDir, "replaced"))).toBe(false);
    await killHard(server);

    // A damaged backup is refused before anything is touched.
    const badBackup = join(tempDir(), "bad.db");
    copyFileSync(backupFile, badBackup);
    const fd = openSync(badBackup, "r+");
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
    closeSync(fd);
    const bad = await cli("restore", [badBackup], dataDir);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/damaged, nothing was changed/);
    expect(existsSync(join(dataDir, "replaced"))).toBe(false);

    // The tool, on the crashed folder (its -wal still there from the kill).
    const restored = await cli("restore", [backupFile], dataDir);
    expect(restored.code, restored.out).toBe(0);
    // What it says it restored: the backup's events and its votes, as the results count them.
    expect(restored.out).toContain(`(1 event, ${atBackup.length} votes, integrity ok)`);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    const aside = readdirSync(join(dataDir, "replaced"));
    expect(aside.some((f) => /^plenary-.*\.db$/.test(f))).toBe(true);
    expect(aside.some((f) => /^plenary-.*\.db-wal$/.test(f))).toBe(true);
    // What was moved aside is still the crashed database, whole: its votes are the last round's.
    const replacedDb = join(dataDir, "replaced", aside.find((f) => f.endsWith(".db")) ?? "");
    expect(votesIn(replacedDb).length).toBe(tokens.length * 2);
    expect(tokens.length).toBe(340);

    server = await launch(dataDir);
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
    } finally {
      db.close();
    }
    expect(votesIn(dbFile)).toEqual(atBackup);
    // The tally the server serves is a recount of the restored votes.
    const results = (await send(server.url, "GET", `/api/events/${code}/results`, created.adminToken)).body as Results;
    const recount = new Map<string, number>();
    for (const line of atBackup) {
      const proposal = line.split("|")[2] ?? "";
      recount.set(proposal, (recount.get(proposal) ?? 0) + 1);
    }
    for (const area of results.areas) for (const r of area.results) expect(r.votes, r.title).toBe(recount.get(r.proposalId) ?? 0);
    // And it takes votes again.
    expect((await send(server.url, "PUT", `/api/events/${code}/ballot/${health.id}`, tokens[0], { proposalIds: [] })).status).toBe(200);
    await killHard(server);
  }, 120_000);
});
