// Opens the SQLite database with the durability the vote needs and applies pending migrations.
import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fromRoot } from "../paths";
import { assertSound } from "./integrity";

export type Db = Database.Database;

const MIGRATIONS_DIR = fromRoot("db", "migrations");

export const BUSY_TIMEOUT_MS = 100;

/** Opens (creating if new) the database; throws DamagedDatabaseError rather than open a damaged file. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") {
    mkdirSync(dirname(file), { recursive: true });
    // Before anything writes: serving a damaged file would answer reads and then fail writes, or
    // worse, count wrong (issue 11, finding 1).
    assertSound(file);
  }
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on a power cut, and an
  // acknowledged vote must survive one.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // Short: better-sqlite3 waits for a lock synchronously, so a lock held by another process (an
  // outside checkpoint, a tool) would freeze every phone's request for the whole timeout. After
  // 100 ms the write answers 503 UNAVAILABLE and the phone tries again.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Checkpoint every ~40 MB of WAL rather than every 4 MB: during a vote the same few hundred pages
  // (vote indexes, tallies, the event row) are rewritten thousands of times, and a rarer checkpoint
  // copies each back to the database once instead of again and again. Measured at 5,000 ballots/s:
  // p99 55 ms instead of 122 ms (docs/PERFORMANCE.md).
  db.pragma("wal_autocheckpoint = 10000");
  migrate(db);
  return db;
}

/** Migrations that cannot be ordered: two with one number, or a file named outside the pattern. */
export class MigrationNamingError extends Error {}

const MIGRATION_NAME = /^(\d+)_[a-z0-9_-]+\.sql$/;

/**
 * The migrations in order, checked before any is applied: each `.sql` file is named NNN_name.sql,
 * and no two share a number — `002_a.sql` and `002_b.sql` would otherwise both count as version 2,
 * and whichever was applied first would hide the other for good.
 */
export function migrationFiles(dir: string = MIGRATIONS_DIR): Array<{ version: number; name: string }> {
  const byVersion = new Map<number, string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
    const m = MIGRATION_NAME.exec(name);
    if (!m) throw new MigrationNamingError(`${join(dir, name)}: a migration is named NNN_name.sql (digits, an underscore, lower-case letters, digits, _ or -).`);
    const version = Number(m[1]);
    const other = byVersion.get(version);
    if (other) throw new MigrationNamingError(`${dir}: ${other} and ${name} share the number ${version}. Give the newer one the next free number; never renumber a released migration.`);
    byVersion.set(version, name);
  }
  return [...byVersion].sort(([a], [b]) => a - b).map(([version, name]) => ({ version, name }));
}

export function migrate(db: Db, dir: string = MIGRATIONS_DIR): void {
  const files = migrationFiles(dir);
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  for (const { version, name } of files) {
    if (applied.has(version)) continue;
    const sql = readFileSync(join(dir, name), "utf8");
    db.transaction(() => {
      db.exec(sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(version, name, new Date().toISOString());
    })();
  }
}
