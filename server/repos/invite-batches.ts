// SQL of the invite_batches table: one row per "Generate cards", holding the batch's printable codes
// only until it is marked printed or voided.
import type { Db } from "../db/open";

export interface InviteBatchRow {
  id: string;
  event_id: number;
  created_at: string;
  count: number;
  printed_at: string | null;
  voided_at: string | null;
  /** JSON array of the codes in print order; NULL once printed or voided. */
  codes: string | null;
  /** Cards of the batch redeemed so far (computed). */
  used: number;
}

const SELECT = "SELECT b.*, (SELECT count(*) FROM invites i WHERE i.batch_id = b.id AND i.used = 1) AS used FROM invite_batches b";

export function inviteBatchesRepo(db: Db) {
  const insert = db.prepare<[string, number, string, number, string]>(
    "INSERT INTO invite_batches (id, event_id, created_at, count, codes) VALUES (?, ?, ?, ?, ?)",
  );
  const byEvent = db.prepare<[number], InviteBatchRow>(`${SELECT} WHERE b.event_id = ? ORDER BY b.created_at, b.rowid`);
  const byId = db.prepare<[string, number], InviteBatchRow>(`${SELECT} WHERE b.id = ? AND b.event_id = ?`);
  const markPrinted = db.prepare<[string, string]>("UPDATE invite_batches SET printed_at = ?, codes = NULL WHERE id = ?");
  const markVoided = db.prepare<[string, string]>("UPDATE invite_batches SET voided_at = ?, codes = NULL WHERE id = ?");

  /**
   * Runs an update that drops codes with secure_delete on, so the freed bytes (in the page and on
   * freed overflow pages) are overwritten with zeros instead of lingering in the file. Off again
   * afterwards: the vote path does not need the extra writes.
   */
  function wiping(run: () => void): void {
    db.pragma("secure_delete = ON");
    try {
      run();
    } finally {
      db.pragma("secure_delete = OFF");
    }
  }

  return {
    insert: (id: string, eventId: number, createdAt: string, codes: readonly string[]) =>
      void insert.run(id, eventId, createdAt, codes.length, JSON.stringify(codes)),
    byEvent: (eventId: number) => byEvent.all(eventId),
    byId: (id: string, eventId: number) => byId.get(id, eventId),
    markPrinted: (id: string, at: string) => wiping(() => void markPrinted.run(at, id)),
    markVoided: (id: string, at: string) => wiping(() => void markVoided.run(at, id)),
    /**
     * After a wipe: copy the WAL into the database file and truncate it, so the page images that
     * still held the codes are gone from the WAL too. Must run outside a transaction.
     */
    purgeWal: () => void db.pragma("wal_checkpoint(TRUNCATE)"),
  };
}
export type InviteBatchesRepo = ReturnType<typeof inviteBatchesRepo>;
