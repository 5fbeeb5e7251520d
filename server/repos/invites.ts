// SQL of the invites table. Only hashes are stored: the printable codes are shown once, at creation.
import type { Db } from "../db/open";

export interface InviteRow {
  id: number;
  event_id: number;
  code_hash: Buffer;
  used: 0 | 1;
}

export function invitesRepo(db: Db) {
  const insert = db.prepare<[number, Buffer]>("INSERT INTO invites (event_id, code_hash) VALUES (?, ?)");
  const byHash = db.prepare<[Buffer, number], InviteRow>("SELECT * FROM invites WHERE code_hash = ? AND event_id = ?");
  const markUsed = db.prepare<[number]>("UPDATE invites SET used = 1 WHERE id = ?");
  const stats = db.prepare<[number], { issued: number; used: number }>(
    "SELECT count(*) AS issued, coalesce(sum(used), 0) AS used FROM invites WHERE event_id = ?",
  );
  return {
    insert: (eventId: number, hash: Buffer) => void insert.run(eventId, hash),
    byHash: (hash: Buffer, eventId: number) => byHash.get(hash, eventId),
    markUsed: (id: number) => void markUsed.run(id),
    stats: (eventId: number) => stats.get(eventId) ?? { issued: 0, used: 0 },
  };
}
export type InvitesRepo = ReturnType<typeof invitesRepo>;
