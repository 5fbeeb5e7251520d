// One server per data folder, and tools that must not run beside one (restore) can tell.
//
// The server holds an exclusive SQLite lock on $DATA_DIR/plenary.lock for as long as it runs
// (locking_mode=EXCLUSIVE keeps the lock after the first write). The operating system drops the
// lock when the process ends, however it ends — kill -9 and power cuts included — so there is no
// stale pid file to clean up and no pid that could have been reused by another program.
import Database from "better-sqlite3";
import { join } from "node:path";

export const LOCK_FILE = "plenary.lock";

export interface DataDirLock {
  release(): void;
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

/** Takes the data folder for this process; null if another process (a running server) has it. */
export function lockDataDir(dir: string): DataDirLock | null {
  const db = new Database(join(dir, LOCK_FILE));
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)");
    db.exec("DELETE FROM holder");
    db.prepare("INSERT INTO holder (pid, since) VALUES (?, ?)").run(process.pid, new Date().toISOString());
    db.exec("COMMIT");
  } catch (err) {
    db.close();
    if (isBusy(err)) return null;
    throw err;
  }
  return { release: () => db.close() };
}

/** True while a server runs on this data folder (it holds the lock). */
export function dataDirInUse(dir: string): boolean {
  const lock = lockDataDir(dir);
  if (!lock) return true;
  lock.release();
  return false;
}
