// Issue 18, "every fact once": where a fact must still be written twice (SQL cannot import
// TypeScript), this test holds the copies together. The database's CHECKs and DEFAULTs equal
// shared/limits.ts and the zod enums of shared/schemas.ts (tried on a migrated database, at each
// bound and one past it); the version every endpoint reports is package.json's; every client API
// path is a route of /openapi.json; the event-code pattern of the schemas is the one of
// shared/codes.ts; migrations that share a number are refused before any runs.
import Database from "better-sqlite3";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiPaths, participantPath } from "../../client/src/api/paths";
import { migrate, migrationFiles, MigrationNamingError, openDatabase, type Db } from "../../server/db/open";
import { fromRoot } from "../../server/paths";
import { CODE_ALPHABET, isEventCode } from "../../shared/codes";
import { DEFAULT_LANGUAGE, LANGUAGES } from "../../shared/i18n/languages";
import { EVENT_DEFAULTS, LIMITS } from "../../shared/limits";
import { Access, AreaStatus, EventCodeParam, ParticipantKind, ProposalOrder, ResultsVisibility, VotingMethod } from "../../shared/schemas";
import { api, startServer, type TestServer } from "../helpers/app";

const PACKAGE_VERSION = (JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version: string }).version;

let dir: string;
let db: Db;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "plenary-facts-"));
  db = openDatabase(join(dir, "plenary.db"));
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Whether the database takes an events row (and an area under it) with these values. */
function takes(table: "events" | "areas" | "participants", column: string, value: unknown): boolean {
  const sp = db.transaction(() => {
    const event = Number(db.prepare("INSERT INTO events (code, title, admin_token_hash, screen_key_hash, created_at) VALUES ('FACTS2', 't', x'00', x'01', 'now')").run().lastInsertRowid);
    if (table === "events") db.prepare(`UPDATE events SET ${column} = ? WHERE id = ?`).run(value, event);
    if (table === "areas") db.prepare(`INSERT INTO areas (id, event_id, title, position, max_votes, ${column === "max_votes" ? "status" : column}) VALUES ('a_facts', ?, 't', 0, ${column === "max_votes" ? "?, 'draft'" : "1, ?"})`).run(event, value);
    if (table === "participants") db.prepare(`INSERT INTO participants (event_id, ${column}) VALUES (?, ?)`).run(event, value);
    throw new Rollback();
  });
  try {
    sp();
  } catch (err) {
    if (err instanceof Rollback) return true;
    if (err instanceof Error && /CHECK constraint failed/.test(err.message)) return false;
    throw err;
  }
  throw new Error("unreachable");
}
class Rollback extends Error {}

/** Whether the database takes an area with these columns (the others as `takes` sets them). */
function takesArea(columns: Record<string, string | number>): boolean {
  const names = Object.keys(columns);
  const sp = db.transaction(() => {
    const event = Number(db.prepare("INSERT INTO events (code, title, admin_token_hash, screen_key_hash, created_at) VALUES ('FACTS3', 't', x'00', x'01', 'now')").run().lastInsertRowid);
    db.prepare(`INSERT INTO areas (id, event_id, title, position, ${names.join(", ")}) VALUES ('a_facts', ?, 't', 0, ${names.map(() => "?").join(", ")})`).run(event, ...Object.values(columns));
    throw new Rollback();
  });
  try {
    sp();
  } catch (err) {
    if (err instanceof Rollback) return true;
    if (err instanceof Error && /CHECK constraint failed/.test(err.message)) return false;
    throw err;
  }
  throw new Error("unreachable");
}

describe("the database's rules are shared/limits.ts and the schemas' enums", () => {
  const bounds: Array<[table: "events" | "areas", column: string, min: number, max: number]> = [
    ["events", "votes_per_area", LIMITS.votesMin, LIMITS.votesMax],
    ["areas", "max_votes", LIMITS.votesMin, LIMITS.votesMax],
    ["events", "privacy_threshold", LIMITS.privacyThresholdMin, LIMITS.privacyThresholdMax],
    ["events", "expected_participants", LIMITS.expectedParticipantsMin, LIMITS.expectedParticipantsMax],
  ];
  it.each(bounds)("%s.%s: CHECK BETWEEN %i AND %i", (table, column, min, max) => {
    expect(takes(table, column, min)).toBe(true);
    expect(takes(table, column, max)).toBe(true);
    expect(takes(table, column, min - 1)).toBe(false);
    expect(takes(table, column, max + 1)).toBe(false);
  });

  const enums: Array<[table: "events" | "areas" | "participants", column: string, options: readonly string[]]> = [
    ["events", "access", Access.options],
    ["events", "results_visibility", ResultsVisibility.options],
    ["events", "proposal_order", ProposalOrder.options],
    ["events", "language", LANGUAGES],
    ["areas", "status", AreaStatus.options],
    ["participants", "kind", ParticipantKind.options],
  ];
  it.each(enums)("%s.%s: CHECK IN the schema's options", (table, column, options) => {
    for (const option of options) expect(takes(table, column, option), option).toBe(true);
    for (const other of ["", "other", `${options[0]}x`, options[0]!.toUpperCase()]) expect(takes(table, column, other), other).toBe(false);
  });

  it("areas.method: CHECK IN VotingMethod; areas.max_per_proposal: CHECK BETWEEN the vote bounds (migration 011)", () => {
    for (const method of VotingMethod.options) expect(takes("areas", "method", method), method).toBe(true);
    for (const other of ["", "borda", "Dots", "approvalx"]) expect(takes("areas", "method", other), other).toBe(false);
    // A dots area of the largest limit takes every cap of the schema's range, and nothing outside it.
    const cap = (n: number) => takesArea({ method: "dots", max_votes: LIMITS.votesMax, max_per_proposal: n });
    expect([cap(LIMITS.votesMin), cap(LIMITS.votesMax), cap(LIMITS.votesMin - 1), cap(LIMITS.votesMax + 1)]).toEqual([true, true, false, false]);
    const dflt = db.prepare("SELECT name, dflt_value FROM pragma_table_info('areas') WHERE name IN ('method', 'max_per_proposal') ORDER BY name").all();
    expect(dflt).toEqual([{ name: "max_per_proposal", dflt_value: "1" }, { name: "method", dflt_value: "'approval'" }]);
  });

  it("the columns' DEFAULTs are EVENT_DEFAULTS (and DEFAULT_LANGUAGE)", () => {
    const defaults = new Map((db.prepare("SELECT name, dflt_value FROM pragma_table_info('events')").all() as Array<{ name: string; dflt_value: string | null }>).map((c) => [c.name, c.dflt_value]));
    const sql = (v: string | number) => (typeof v === "number" ? String(v) : `'${v}'`);
    expect({
      access: defaults.get("access"),
      votesPerArea: defaults.get("votes_per_area"),
      resultsVisibility: defaults.get("results_visibility"),
      privacyThreshold: defaults.get("privacy_threshold"),
      proposalOrder: defaults.get("proposal_order"),
      expectedParticipants: defaults.get("expected_participants"),
      language: defaults.get("language"),
    }).toEqual({ ...Object.fromEntries(Object.entries(EVENT_DEFAULTS).map(([k, v]) => [k, sql(v)])), language: sql(DEFAULT_LANGUAGE) });
  });
});

describe("one event-code pattern", () => {
  it("the schema accepts exactly what shared/codes.ts calls an event code", () => {
    const samples = ["K7XQ2M", "k7xq2m", "K7X-Q2M", "K7XQ2", "K7XQ2MM", "O0I1L5", "ABCDEF", "ABCDE0", "", " 2345 67", "ÄBCDEF"];
    for (let i = 0; i < 500; i++) {
      let s = "";
      for (let j = 0; j < 6; j++) s += (CODE_ALPHABET + "01OIL-")[Math.floor(Math.random() * (CODE_ALPHABET.length + 6))];
      samples.push(s);
    }
    for (const s of samples) expect(EventCodeParam.safeParse(s).success, s).toBe(isEventCode(s));
  });
});

describe("the server's version and paths", () => {
  let server: TestServer;
  let paths: string[];
  beforeAll(async () => {
    server = await startServer();
    const doc = (await api(server.url, "GET", "/openapi.json")).body as { info: { version: string }; paths: Record<string, unknown> };
    paths = Object.keys(doc.paths);
    expect(doc.info.version).toBe(PACKAGE_VERSION);
  });
  afterAll(async () => {
    await server.close();
  });

  it("is package.json's, wherever it is reported", async () => {
    expect(((await api(server.url, "GET", "/healthz")).body as { version: string }).version).toBe(PACKAGE_VERSION);
    expect(((await api(server.url, "GET", "/api/server-info")).body as { version: string }).version).toBe(PACKAGE_VERSION);
  });

  it("every client API path (client/src/api/paths.ts) is a route of /openapi.json", () => {
    // Called with OpenAPI placeholders; any name will do, only the shape is compared.
    const shape = (p: string) => decodeURIComponent(p.split("?")[0] ?? "").replace(/\{[^}]*\}/g, "{}");
    const served = new Set(paths.map(shape));
    for (const [name, path] of Object.entries(apiPaths)) {
      const args = Array.from({ length: path.length }, (_, i) => `{p${i}}`);
      // Every path builder takes only strings: called with as many placeholders as it has parameters.
      const filled = ((f: (...a: string[]) => string) => f(...args))(path);
      expect(served.has(shape(filled)), `${name}: ${filled}`).toBe(true);
    }
    // The participant page is the client's own route (client/src/routes.ts) under /e/.
    expect(participantPath("K7XQ2M")).toBe("/e/K7XQ2M");
  });
});

describe("migrations are numbered once", () => {
  it("the repository's migrations each have their own number, in order", () => {
    const files = migrationFiles();
    expect(files.map((f) => f.version)).toEqual(files.map((_, i) => i + 1));
  });

  it("two files with one number (002_a, 002_b) are a clear error before any migration runs", () => {
    const migrations = join(dir, "bad-migrations");
    mkdirSync(migrations);
    writeFileSync(join(migrations, "001_init.sql"), "CREATE TABLE one (x INTEGER);");
    writeFileSync(join(migrations, "002_a.sql"), "CREATE TABLE two_a (x INTEGER);");
    writeFileSync(join(migrations, "002_b.sql"), "CREATE TABLE two_b (x INTEGER);");
    const fresh = new Database(join(dir, "fresh.db"));
    try {
      expect(() => migrate(fresh, migrations)).toThrow(MigrationNamingError);
      expect(() => migrate(fresh, migrations)).toThrow(/002_a\.sql and 002_b\.sql share the number 2/);
      // Nothing was applied, not even 001: the start stops before touching the database.
      expect(fresh.prepare("SELECT name FROM sqlite_master").all()).toEqual([]);
      // Renumbered, they apply in order.
      rmSync(join(migrations, "002_b.sql"));
      writeFileSync(join(migrations, "003_b.sql"), "CREATE TABLE two_b (x INTEGER);");
      migrate(fresh, migrations);
      expect(fresh.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all()).toEqual([
        { version: 1, name: "001_init.sql" }, { version: 2, name: "002_a.sql" }, { version: 3, name: "003_b.sql" },
      ]);
      // A file outside the pattern is refused too, not silently skipped.
      writeFileSync(join(migrations, "4 more.sql"), "SELECT 1;");
      expect(() => migrate(fresh, migrations)).toThrow(/4 more\.sql: a migration is named NNN_name\.sql/);
    } finally {
      fresh.close();
    }
  });
});
