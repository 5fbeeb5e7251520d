// The server's database file, opened by a command-line tool: the same DATA_DIR rule as the server
// (server/config.ts), the same migrations and repositories, so a tool never reads a schema the
// server would not.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { openDatabase, type Db } from "../server/db/open";
import { readConfig } from "../server/config";
import { createRepos } from "../server/repos";
import type { Ctx } from "../server/services/context";

export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(readConfig(env).dataDir, "plenary.db");
}

/** Opens the database; `mustExist` guards read-only tools against creating an empty one by mistake. */
export function openDataDb(file: string, mustExist: boolean): { db: Db; ctx: Ctx } {
  if (mustExist && !existsSync(file)) throw new Error(`No database at ${file}. Set DATA_DIR to the folder that holds plenary.db.`);
  const db = openDatabase(file);
  return { db, ctx: { db, repos: createRepos(db), now: () => new Date().toISOString() } };
}

/** Runs main, printing a failure as one line (not a stack) and exiting non-zero. */
export function runCli(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
