// `npm run restore -- FILE`: puts a backup back as $DATA_DIR/plenary.db, safely.
//
// Copying a backup over plenary.db by hand is not safe after a crash: the plenary.db-wal left
// beside it holds pages of the old database, and SQLite replays them onto the copy at the next
// open, which corrupts it (issue 11, finding 1). This tool:
//   1. refuses while a server runs on DATA_DIR (it holds $DATA_DIR/plenary.lock, server/db/lock.ts);
//   2. copies the backup into DATA_DIR and checks the copy (integrity_check, foreign_key_check)
//      before touching anything, so a bad backup changes nothing;
//   3. moves the current plenary.db, -wal and -shm aside to $DATA_DIR/replaced/plenary-<time>.db*
//      (together they are still the old database: open the .db there to look at it);
//   4. renames the checked copy to plenary.db (one atomic rename, with no -wal beside it).
import Database from "better-sqlite3";
import { copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, closeSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { checkDatabaseFile } from "../server/db/integrity";
import { dataDirInUse } from "../server/db/lock";
import { databasePath, runCli } from "./data-db";

export interface RestoreResult {
  restored: string;
  /** Where the previous database went (null: there was none). */
  replaced: string | null;
  events: number;
  votes: number;
}

const SIDE_FILES = ["-wal", "-shm", "-journal"] as const;

function syncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
}

/** Counts what the backup holds, and makes it a single self-contained file (no WAL needed). */
function prepareCopy(file: string): { events: number; votes: number } {
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has("events") || !tables.has("schema_migrations")) throw new Error("is not a Plenary database (no events table)");
    // DELETE mode: the file on disk is the whole database; the server turns WAL back on when it opens it.
    db.pragma("journal_mode = DELETE");
    // Votes as the results count them: a dots row holds several (migration 011); a backup taken
    // before that migration has one vote a row.
    const dots = tables.has("votes") && (db.prepare("SELECT name FROM pragma_table_info('votes')").pluck().all() as string[]).includes("dots");
    const votes = !tables.has("votes") ? 0 : (db.prepare(dots ? "SELECT coalesce(sum(dots), 0) FROM votes" : "SELECT count(*) FROM votes").pluck().get() as number);
    return { events: db.prepare("SELECT count(*) FROM events").pluck().get() as number, votes };
  } finally {
    db.close();
  }
}

export function restoreDatabase(backup: string, target: string, now = new Date()): RestoreResult {
  const dataDir = dirname(target);
  if (!existsSync(backup)) throw new Error(`No backup at ${backup}.`);
  if (resolve(backup) === resolve(target)) throw new Error(`${backup} is the database itself; name a backup file.`);
  mkdirSync(dataDir, { recursive: true });
  if (dataDirInUse(dataDir)) {
    throw new Error(`A Plenary server is running on ${dataDir}. Stop it first (Ctrl-C in its terminal, or stop its service), then run the restore again.`);
  }

  // Only the backup's main file is copied: a -wal beside it (a backup copied by hand from a live
  // folder) would belong to some other state.
  const incoming = `${target}.restoring`;
  for (const f of [incoming, ...SIDE_FILES.map((s) => incoming + s)]) rmSync(f, { force: true });
  copyFileSync(backup, incoming);
  let counts: { events: number; votes: number };
  try {
    const problems = checkDatabaseFile(incoming, true);
    if (problems.length > 0) throw new Error(`The backup ${backup} is damaged, nothing was changed. SQLite's checks found: ${problems.slice(0, 3).join("; ")}`);
    counts = prepareCopy(incoming);
    syncPath(incoming);
  } catch (err) {
    for (const f of [incoming, ...SIDE_FILES.map((s) => incoming + s)]) rmSync(f, { force: true });
    throw err instanceof Error && !err.message.startsWith("The backup") ? new Error(`The backup ${backup} ${err.message}; nothing was changed.`) : err;
  }

  let replaced: string | null = null;
  if (existsSync(target)) {
    const aside = join(dataDir, "replaced");
    mkdirSync(aside, { recursive: true });
    replaced = join(aside, `${basename(target, ".db")}-${stamp(now)}.db`);
    // A hard link first, so plenary.db never goes missing: a crash between here and the final
    // rename leaves the old database in place (the server's start-up check covers the rest).
    try {
      linkSync(target, replaced);
    } catch {
      copyFileSync(target, replaced);
    }
    for (const side of SIDE_FILES) if (existsSync(target + side)) renameSync(target + side, replaced + side);
  }
  renameSync(incoming, target);
  syncPath(dataDir);
  return { restored: target, replaced, ...counts };
}

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error("Usage: npm run restore -- BACKUP_FILE   (the server must be stopped; DATA_DIR names the data folder)");
  const result = restoreDatabase(resolve(file), databasePath());
  process.stdout.write(`Restored ${resolve(file)}\n      as ${result.restored} (${result.events} ${result.events === 1 ? "event" : "events"}, ${result.votes} votes, integrity ok)\n`);
  if (result.replaced) process.stdout.write(`The database it replaced is kept as ${result.replaced}\n`);
  process.stdout.write("Start the server again: npm start\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) runCli(main);
