// Whether the database can take a write right now, for /healthz: a tiny real write, at most once a
// second however often health is asked (a monitor polling it costs one small commit a second).
import { statfsSync } from "node:fs";
import { dirname } from "node:path";
import type { Db } from "./open";
import { unavailableError } from "./unavailable";

export interface WriteHealth {
  writable: boolean;
  /** Why not, in words for the operator (null when writable). */
  problem: string | null;
  /** Space left for this user on the data folder's file system; null for an in-memory database. */
  diskFreeBytes: number | null;
}

const PROBE_MS = 1000;
/** Pages the probe claims: a ballot or a join needs a page or two, so this much room is a real margin. */
const PROBE_BYTES = 16 * 1024;

export function createWriteProbe(db: Db): () => WriteHealth {
  const file = db.name;
  // Outside the migrations on purpose: it holds nothing, so it needs no history, and any version of
  // the schema can carry it.
  db.exec("CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY, filler BLOB)");
  const claim = db.prepare("INSERT INTO health_probe (id, filler) VALUES (1, zeroblob(?))");
  const release = db.prepare("DELETE FROM health_probe");
  let last: { at: number; health: WriteHealth } | null = null;

  const probe = (): WriteHealth => {
    const diskFreeBytes = file === ":memory:" ? null : freeBytes(dirname(file));
    // BEGIN IMMEDIATE takes the write lock (busy: another process has it); the insert needs fresh
    // pages (full: the database may not grow); COMMIT appends to the WAL and syncs (an I/O error or a
    // full disk shows here). Deleting in the same transaction leaves the pages free for real writes.
    try {
      db.exec("BEGIN IMMEDIATE");
      try {
        claim.run(PROBE_BYTES);
        release.run();
        db.exec("COMMIT");
      } finally {
        if (db.inTransaction) db.exec("ROLLBACK");
      }
      return { writable: true, problem: null, diskFreeBytes };
    } catch (err) {
      const mapped = unavailableError(err);
      if (!mapped) throw err;
      return { writable: false, problem: mapped.message, diskFreeBytes };
    }
  };

  return () => {
    const now = performance.now();
    // A probe is never run inside someone else's transaction (group commit batches are synchronous,
    // so none is open between requests), but guard anyway: report the last answer instead.
    if (db.inTransaction) return last?.health ?? { writable: true, problem: null, diskFreeBytes: null };
    if (last && now - last.at < PROBE_MS) return last.health;
    last = { at: now, health: probe() };
    return last.health;
  };
}

function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}
