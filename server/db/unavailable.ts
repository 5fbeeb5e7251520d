// SQLite failures that are the machine's state, not the request's fault: a full disk, a lock held
// by another process, an I/O error, a read-only file. They answer 503 UNAVAILABLE (try again
// later, nothing was saved), never 500, and a full disk gets a WAL checkpoint to win space back.
import { AppError } from "../../shared/errors";
import type { Db } from "./open";

const MESSAGES: ReadonlyArray<[prefix: string, message: string]> = [
  ["SQLITE_FULL", "The server's disk is full: nothing was saved. Try again in a moment; the organiser needs to free disk space."],
  ["SQLITE_BUSY", "The database is locked by another program: nothing was saved. Try again in a moment."],
  ["SQLITE_LOCKED", "The database is locked: nothing was saved. Try again in a moment."],
  ["SQLITE_IOERR", "The server could not write to its disk: nothing was saved. Try again in a moment."],
  ["SQLITE_READONLY", "The database cannot be written to: nothing was saved. The organiser needs to check the data folder."],
  ["SQLITE_CANTOPEN", "The server could not open its database file: nothing was saved. Try again in a moment."],
];

function sqliteCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : null;
}

/** The 503 this SQLite error stands for, or null when it is something else (a bug: 500). */
export function unavailableError(err: unknown): AppError | null {
  if (err instanceof AppError) return null;
  const code = sqliteCode(err);
  if (!code) return null;
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED…) share the prefix.
  const hit = MESSAGES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  return hit ? new AppError("UNAVAILABLE", hit[1]) : null;
}

export function isDiskFull(err: unknown): boolean {
  return sqliteCode(err) === "SQLITE_FULL";
}

const lastCheckpoint = new WeakMap<Db, number>();

/**
 * After SQLITE_FULL: a TRUNCATE checkpoint copies the WAL into the database and shrinks the WAL
 * file to zero, which is often what filled the disk (it may grow to ~40 MB between checkpoints).
 * At most once a second, after the failed transaction has rolled back (hence setImmediate).
 */
export function relieveFullDisk(db: Db): void {
  const now = performance.now();
  if (now - (lastCheckpoint.get(db) ?? -Infinity) < 1000) return;
  lastCheckpoint.set(db, now);
  setImmediate(() => {
    try {
      if (db.open && !db.inTransaction) db.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      // Still full, or a reader holds the WAL: the next failure tries again.
    }
  });
}

/** Maps a write failure: the 503 for the machine's state (checkpointing on a full disk), else the error itself. */
export function mapWriteFailure(db: Db, err: unknown): unknown {
  const mapped = unavailableError(err);
  if (mapped && isDiskFull(err)) relieveFullDisk(db);
  return mapped ?? err;
}
