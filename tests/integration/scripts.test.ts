// The command-line tools against a real server's database file: an online backup taken while votes
// are being written (and restored into a new server), exports read from the file without the
// server that equal the server's own exports, and an event moved to another machine as one file.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { EventPackage, toEventPackage } from "../../shared/event-package";
import type { Event, Results } from "../../shared/schemas";
import { api, createEvent, join as joinEvent, openVoting, startServer, vote, type TestServer } from "../helpers/app";
import { backupDatabase } from "../../scripts/backup";
import { getJson, smallEvent } from "./support";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const servers: TestServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function serve(databaseFile?: string): Promise<TestServer> {
  const s = await startServer(databaseFile ? { databaseFile } : {});
  servers.push(s);
  return s;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "plenary-scripts-"));
  dirs.push(d);
  return d;
}

/** Runs a script as `npm run …` would, against DATA_DIR; asynchronous, so the in-process server keeps answering. */
async function cli(script: string, args: string[], dataDir: string): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(TSX, [`scripts/${script}.ts`, ...args], { env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: "http://192.0.2.1:3000" }, maxBuffer: 16 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? "", stderr: e.stderr ?? "", code: e.code ?? 1 };
  }
}

/** An event with votes in both areas, cast by `voters` phones. */
async function votedEvent(server: TestServer, voters: number) {
  const created = await createEvent(server.url, smallEvent());
  await openVoting(server.url, created.code, created.adminToken);
  const [health, law] = created.event.areas;
  if (!health || !law) throw new Error("areas missing");
  for (let i = 0; i < voters; i++) {
    const token = await joinEvent(server.url, created.code);
    await vote(server.url, created.code, token, health.id, [health.proposals[i % 4]!.id, health.proposals[(i + 1) % 4]!.id]);
    await vote(server.url, created.code, token, law.id, [law.proposals[i % 3]!.id]);
  }
  return created;
}

function countVotes(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM votes").pluck().get() as number;
  } finally {
    db.close();
  }
}

describe("npm run backup", () => {
  it("copies the database while votes are being written, and the copy runs as a server with the same results", async () => {
    const server = await serve();
    const created = await votedEvent(server, 5);
    const [health] = created.event.areas;
    const out = join(tempDir(), "during.db");

    // Phones keep voting while the backup runs.
    const tokens = await Promise.all(Array.from({ length: 40 }, () => joinEvent(server.url, created.code)));
    const writing = Promise.all(tokens.map((t, i) => vote(server.url, created.code, t, health!.id, [health!.proposals[i % 4]!.id])));
    const during = await backupDatabase(server.databaseFile, out);
    const statuses = (await writing).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(during.events).toBe(1);
    const liveVotes = countVotes(server.databaseFile);
    expect(liveVotes).toBe(5 * 3 + 40);
    const copied = countVotes(out);
    expect(copied).toBeGreaterThanOrEqual(5 * 3);
    expect(copied).toBeLessThanOrEqual(liveVotes);
    // One self-contained file: no write-ahead log left beside it.
    expect(existsSync(`${out}-wal`)).toBe(false);

    // Once writing has stopped, the command-line backup holds exactly what the server holds.
    const after = join(tempDir(), "after.db");
    const res = await cli("backup", ["--out", after], server.dataDir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("integrity ok");
    expect(countVotes(after)).toBe(liveVotes);

    const results = await getJson<Results>(server.url, `/api/events/${created.code}/results`, created.adminToken);
    const restored = await serve(after);
    const restoredResults = await getJson<Results>(restored.url, `/api/events/${created.code}/results`, created.adminToken);
    expect({ ...restoredResults, seq: 0 }).toEqual({ ...results, seq: 0 });
  });

  it("refuses to overwrite an existing file and explains a missing database", async () => {
    const server = await serve();
    const out = join(tempDir(), "exists.db");
    writeFileSync(out, "keep me");
    await expect(backupDatabase(server.databaseFile, out)).rejects.toThrow(/already exists/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const res = await cli("backup", [], join(tempDir(), "empty"));
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/^No database at .*plenary\.db\. Set DATA_DIR/);
  });
});

describe("npm run export", () => {
  it("writes from the database file the same CSV, Markdown and JSON as the server's export", async () => {
    const server = await serve();
    const created = await votedEvent(server, 7);
    for (const format of ["csv", "md"] as const) {
      // Raw bytes: a text decoder would drop the CSV's byte-order mark, which both must carry.
      const http = await fetch(`${server.url}/api/events/${created.code}/export?format=${format}`, { headers: { authorization: `Bearer ${created.adminToken}` } });
      expect(http.status).toBe(200);
      const served = Buffer.from(await http.arrayBuffer()).toString("utf8");
      const res = await cli("export", [created.code.toLowerCase(), "--format", format], server.dataDir);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toBe(served);
      if (format === "csv") expect(res.stdout.startsWith("\uFEFFarea,rank,proposal,votes,share_of_voters,label,text,method,points\r\n")).toBe(true);
    }
    const http = await api(server.url, "GET", `/api/events/${created.code}/export?format=json`, { token: created.adminToken });
    const outFile = join(tempDir(), "results.json");
    const res = await cli("export", [created.code, "--format", "json", "--out", outFile], server.dataDir);
    expect(res.code, res.stderr).toBe(0);
    // Ballots are shuffled on every export and the timestamp differs; everything else is equal.
    const normalise = (text: string) => {
      const data = JSON.parse(text) as { generatedAt: string; ballots: Array<{ areaId: string; proposalIds: string[] }> };
      return { ...data, generatedAt: "", ballots: data.ballots.map((b) => JSON.stringify(b)).sort() };
    };
    expect(normalise(readFileSync(outFile, "utf8"))).toEqual(normalise(http.text));
    expect(normalise(http.text).ballots).toHaveLength(14);
  });

  it("names a wrong code or format instead of writing a file", async () => {
    const server = await serve();
    await createEvent(server.url, smallEvent());
    const unknown = await cli("export", ["ZZZZZZ", "--format", "csv"], server.dataDir);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("No event with the code ZZZZZZ");
    const bad = await cli("export", ["ZZZZZZ", "--format", "xlsx"], server.dataDir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Usage: npm run export -- CODE --format csv|json|md|package");
    expect(bad.stdout).toBe("");
  });
});

describe("moving an event to another machine", () => {
  const content = (e: Event) => ({
    title: e.title,
    settings: [e.access, e.votesPerArea, e.resultsVisibility, e.privacyThreshold, e.proposalOrder],
    areas: e.areas.map((a) => ({ title: a.title, maxVotes: a.maxVotes, status: a.status, proposals: a.proposals.map((p) => [p.title, p.body]) })),
  });

  it("exports the event as one file and imports it into another database, without its votes", async () => {
    const source = await serve();
    const body = smallEvent({ access: "invite", resultsVisibility: "on-reveal", privacyThreshold: 3, proposalOrder: "organiser", votesPerArea: 3 });
    body.areas![0]!.proposals![1] = { title: "H1", body: "A body with \"quotes\", commas,\nand a line break." };
    const created = await createEvent(source.url, body);
    await openVoting(source.url, created.code, created.adminToken);
    const original = (await getJson<{ event: Event }>(source.url, `/api/events/${created.code}`)).event;

    const pkgFile = join(tempDir(), "event.json");
    const exported = await cli("export", [created.code, "--format", "package", "--out", pkgFile], source.dataDir);
    expect(exported.code, exported.stderr).toBe(0);
    const pkg = EventPackage.parse(JSON.parse(readFileSync(pkgFile, "utf8")));
    expect(pkg.sourceCode).toBe(created.code);
    // The file is the event as its own page shows it, nothing more: no keys, no ids.
    expect(pkg).toEqual(toEventPackage(original, pkg.exportedAt));
    const text = readFileSync(pkgFile, "utf8");
    for (const secret of [created.adminToken, created.screenKey, ...original.areas.map((a) => a.id)]) expect(text).not.toContain(secret);

    const targetDir = tempDir();
    const imported = await cli("import-event", [pkgFile], targetDir);
    expect(imported.code, imported.stderr).toBe(0);
    const links = /Organiser: +http:\/\/192\.0\.2\.1:3000\/e\/([A-Z0-9]{6})\/admin#key=(adm_[\w-]+)&screen=scr_[\w-]+/.exec(imported.stdout);
    expect(links, imported.stdout).not.toBeNull();
    const [, newCode, newAdmin] = links as RegExpExecArray;

    const target = await serve(join(targetDir, "plenary.db"));
    const copy = (await getJson<{ event: Event }>(target.url, `/api/events/${newCode}`)).event;
    // Areas arrive as drafts: voting is opened on the machine that runs it.
    expect(content(copy)).toEqual({ ...content(original), areas: content(original).areas.map((a) => ({ ...a, status: "draft" })) });
    expect((await api(target.url, "GET", `/api/events/${newCode}/invites`, { token: newAdmin })).status).toBe(200);

    // The organiser page's path does the same over HTTP: the package's event is a create body.
    const viaHttp = await api(target.url, "POST", "/api/events", { body: pkg.event });
    expect(viaHttp.status).toBe(201);
    expect(content((viaHttp.body as { event: Event }).event)).toEqual(content(copy));
  });

  it("refuses a results export or a damaged file, and creates nothing", async () => {
    const source = await serve();
    const created = await votedEvent(source, 1);
    const resultsFile = join(tempDir(), "results.json");
    await cli("export", [created.code, "--format", "json", "--out", resultsFile], source.dataDir);
    const targetDir = tempDir();
    const res = await cli("import-event", [resultsFile], targetDir);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain("This is not a Plenary event file");

    const damaged = join(tempDir(), "damaged.json");
    writeFileSync(damaged, JSON.stringify({ format: "plenary-event/1", exportedAt: "", sourceCode: "X", event: { title: "", areas: [] } }));
    const res2 = await cli("import-event", [damaged], targetDir);
    expect(res2.code).not.toBe(0);
    expect(res2.stderr).toMatch(/damaged at event\.title/);
    expect(existsSync(join(targetDir, "plenary.db"))).toBe(false);
  });
});
