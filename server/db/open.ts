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

export function migrate(db: Db): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
  for (const name of files) {
    const version = Number.parseInt(name, 10);
    if (applied.has(version)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, name), "utf8");
    db.transaction(() => {
      db.exec(sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(version, name, new Date().toISOString());
    })();
  }
}
