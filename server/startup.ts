// What the entry point does before it builds the app: take the data folder (one server per
// folder), and turn the refusals that stop a start into a clear message and a non-zero exit.
import { lockDataDir, LOCK_FILE } from "./db/lock";
import { DamagedDatabaseError } from "./db/integrity";
import { MigrationNamingError } from "./db/open";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** Exit codes of `npm start` that mean "will not start", for scripts and service managers. */
export const EXIT = { dataDirInUse: 3, damagedDatabase: 4, badMigrations: 5 } as const;

export function claimDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  if (!lock) {
    process.stderr.write(`Another Plenary server is already running on ${dataDir} (it holds ${join(dataDir, LOCK_FILE)}). Stop it first, or set DATA_DIR to another folder.\n`);
    process.exit(EXIT.dataDirInUse);
  }
  return () => lock.release();
}

/**
 * Runs build; a damaged database, or migrations that cannot be ordered (db/open.ts), end the
 * process with their message instead of a stack trace.
 */
export async function refuseDamaged<T>(build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (err) {
    if (!(err instanceof DamagedDatabaseError) && !(err instanceof MigrationNamingError)) throw err;
    process.stderr.write(`\n${err.message}\n\n`);
    process.exit(err instanceof DamagedDatabaseError ? EXIT.damagedDatabase : EXIT.badMigrations);
  }
}
