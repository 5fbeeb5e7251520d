// SQL of the invites table. Only hashes are stored here; the printable codes of a batch that is not
// yet printed live in invite_batches (repos/invite-batches.ts).
import type { Db } from "../db/open";

export interface InviteRow {
  id: number;
  event_id: number;
  code_hash: Buffer;
  used: 0 | 1;
  batch_id: string | null;
  /** When the invite's batch was voided (joined in): a voided card no longer admits anyone. */
  voided_at: string | null;
}

export function invitesRepo(db: Db) {
  const insert = db.prepare<[number, Buffer, string | null]>("INSERT INTO invites (event_id, code_hash, batch_id) VALUES (?, ?, ?)");
  const byHash = db.prepare<[Buffer, number], InviteRow>(
    "SELECT i.*, b.voided_at FROM invites i LEFT JOIN invite_batches b ON b.id = i.batch_id WHERE i.code_hash = ? AND i.event_id = ?",
  );
  const markUsed = db.prepare<[number]>("UPDATE invites SET used = 1 WHERE id = ?");
  const countAll = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM invites WHERE event_id = ?");
  const stats = db.prepare<[number], { issued: number; used: number }>(
    // Voided cards admit no one: they are not counted as issued.
    "SELECT count(*) AS issued, coalesce(sum(i.used), 0) AS used FROM invites i LEFT JOIN invite_batches b ON b.id = i.batch_id WHERE i.event_id = ? AND b.voided_at IS NULL",
  );
  return {
    insert: (eventId: number, hash: Buffer, batchId: string | null) => void insert.run(eventId, hash, batchId),
    byHash: (hash: Buffer, eventId: number) => byHash.get(hash, eventId),
    markUsed: (id: number) => void markUsed.run(id),
    countAll: (eventId: number) => countAll.get(eventId)?.n ?? 0,
    stats: (eventId: number) => stats.get(eventId) ?? { issued: 0, used: 0 },
  };
}
export type InvitesRepo = ReturnType<typeof invitesRepo>;
