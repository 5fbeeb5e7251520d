// `npm run backup [-- --out FILE]`: an online copy of $DATA_DIR/plenary.db, safe while the server
// runs and takes votes. SQLite's backup API copies a consistent snapshot page by page (restarting
// if the server writes in between), which copying the file (and its WAL) by hand would not.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { databasePath, runCli } from "./data-db";

export interface BackupResult {
  file: string;
  bytes: number;
  events: number;
}

export async function backupDatabase(source: string, out: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`No database at ${source}. Set DATA_DIR to the folder that holds plenary.db.`);
  if (existsSync(out)) throw new Error(`${out} already exists; choose another --out file.`);
  mkdirSync(dirname(out), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(out);
  } finally {
    db.close();
  }
  // A backup is one self-contained file: no WAL beside it, and checked before anyone relies on it.
  const copy = new Database(out);
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup at ${out} failed its integrity check: ${String(check)}`);
    const events = copy.prepare("SELECT count(*) FROM events").pluck().get() as number;
    return { file: out, bytes: statSync(out).size, events };
  } finally {
    copy.close();
  }
}

export function defaultBackupPath(source: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return join(dirname(source), "backups", `plenary-${stamp}.db`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const source = databasePath();
  const out = values.out ? resolve(values.out) : defaultBackupPath(source);
  const result = await backupDatabase(source, out);
  process.stdout.write(`Backed up ${source}\n     to ${result.file} (${result.bytes} bytes, ${result.events} ${result.events === 1 ? "event" : "events"}, integrity ok)\n`);
  process.stdout.write(`To restore: stop the server, run npm run restore -- ${result.file}, start the server.\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) runCli(main);
