// Is this database file sound? SQLite's own checks (page structure, and every reference between
// tables), run on a read-only connection so that checking a damaged file never changes it: a
// read-write connection would fold a stray WAL into it on close and make the damage permanent.
import Database from "better-sqlite3";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";

export class DamagedDatabaseError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(damagedMessage(file, problems));
    this.name = "DamagedDatabaseError";
  }
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB");
}

/**
 * Problems found in the file (none: sound). `thorough` runs integrity_check (also compares every
 * index with its table; for a backup about to be restored) instead of quick_check (structure
 * only, linear time; at every server start).
 */
export function checkDatabaseFile(file: string, thorough: boolean): string[] {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = (db.pragma(thorough ? "integrity_check(20)" : "quick_check(20)") as Array<Record<string, string>>).map((row) => Object.values(row)[0] ?? "");
    const problems = check.length === 1 && check[0] === "ok" ? [] : check;
    const orphans = db.pragma("foreign_key_check") as unknown[];
    if (orphans.length > 0) problems.push(`${orphans.length} ${orphans.length === 1 ? "row refers" : "rows refer"} to rows that do not exist (foreign_key_check)`);
    return problems;
  } catch (err) {
    if (isCorruption(err)) return [(err as Error).message];
    throw err;
  } finally {
    db?.close();
  }
}

/** Throws DamagedDatabaseError unless the existing file passes the start-up checks. */
export function assertSound(file: string): void {
  if (!existsSync(file)) return;
  const problems = checkDatabaseFile(file, false);
  if (problems.length > 0) throw new DamagedDatabaseError(file, problems);
}

function latestBackup(file: string): string | null {
  const dir = join(dirname(file), "backups");
  try {
    const names = readdirSync(dir).filter((n) => n.endsWith(".db")).sort();
    const last = names[names.length - 1];
    return last ? join(dir, last) : null;
  } catch {
    return null;
  }
}

function damagedMessage(file: string, problems: string[]): string {
  const backup = latestBackup(file);
  return [
    `The database ${file} is damaged, so Plenary will not serve it (votes read from it could be wrong, and new ones might not be stored).`,
    `SQLite's checks found: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}.`,
    "What to do:",
    "  - If a backup was copied over plenary.db by hand, the plenary.db-wal left beside it was replayed onto the copy. Restore with the tool instead: it moves the -wal aside.",
    `  - Restore the latest backup: npm run restore -- ${backup ?? "$DATA_DIR/backups/plenary-<time>.db"}`,
    "    (the damaged file is kept in $DATA_DIR/replaced/). Then start the server again.",
  ].join("\n");
}
