// SQL of the participants and participant_tokens tables.
import type { Db } from "../db/open";
import { keptRows } from "./kept-rows";
import type { ParticipantKind } from "../../shared/schemas";

export interface ParticipantRow {
  id: number;
  event_id: number;
  invite_id: number | null;
  kind: ParticipantKind;
  paper_id: string | null;
  entered_at: string | null;
  join_key_hash: Buffer | null;
}

export function participantsRepo(db: Db) {
  const insert = db.prepare<[number, number | null, string]>("INSERT INTO participants (event_id, invite_id, kind) VALUES (?, ?, ?)");
  const insertKeyed = db.prepare<[number, Buffer]>("INSERT INTO participants (event_id, kind, join_key_hash) VALUES (?, 'phone', ?)");
  const byJoinKey = db.prepare<[number, Buffer], ParticipantRow>("SELECT * FROM participants WHERE event_id = ? AND join_key_hash = ?");
  const byInvite = db.prepare<[number], ParticipantRow>("SELECT * FROM participants WHERE invite_id = ?");
  const byToken = db.prepare<[Buffer], ParticipantRow>(
    "SELECT p.* FROM participant_tokens t JOIN participants p ON p.id = t.participant_id WHERE t.token_hash = ?",
  );
  const addToken = db.prepare<[Buffer, number]>("INSERT INTO participant_tokens (token_hash, participant_id) VALUES (?, ?)");
  const insertPaper = db.prepare<[number, string, string]>("INSERT INTO participants (event_id, kind, paper_id, entered_at) VALUES (?, 'paper', ?, ?)");
  const paperOfEvent = db.prepare<[number], ParticipantRow>("SELECT * FROM participants WHERE event_id = ? AND kind = 'paper' ORDER BY entered_at, id");
  const paperById = db.prepare<[string, number], ParticipantRow>("SELECT * FROM participants WHERE paper_id = ? AND event_id = ?");
  const remove = db.prepare<[number]>("DELETE FROM participants WHERE id = ?");
  const count = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM participants WHERE event_id = ?");

  // Every request of a phone names its token, and the look-up through two indexes cost ~10 µs (a
  // tenth of a ballot's CPU in the durable bench's profile), so participants found by token are kept
  // (repos/kept-rows.ts), under the token's hash as in the database. A participant row never changes
  // once written and a token never moves to another, so only a DELETE could leave one stale: every
  // DELETE of this table is `remove`, which forgets them all (an event is never deleted; were it
  // ever, its cascade would need the same). Inserts only mark the transaction (`inserting`).
  const kept = keptRows<string, ParticipantRow>(db);

  return {
    insert: kept.inserting((eventId: number, inviteId: number | null, kind: ParticipantRow["kind"]) =>
      Number(insert.run(eventId, inviteId, kind).lastInsertRowid)),
    /** A phone without a card, under the join key it sent (its retries find it again). */
    insertKeyed: kept.inserting((eventId: number, joinKeyHash: Buffer) => Number(insertKeyed.run(eventId, joinKeyHash).lastInsertRowid)),
    byJoinKey: (eventId: number, joinKeyHash: Buffer) => byJoinKey.get(eventId, joinKeyHash),
    byInvite: (inviteId: number) => byInvite.get(inviteId),
    byToken: (hash: Buffer) => kept.read(hash.toString("latin1"), () => byToken.get(hash)),
    addToken: kept.inserting((hash: Buffer, participantId: number) => void addToken.run(hash, participantId)),
    insertPaper: kept.inserting((eventId: number, paperId: string, enteredAt: string) => Number(insertPaper.run(eventId, paperId, enteredAt).lastInsertRowid)),
    paperOfEvent: (eventId: number) => paperOfEvent.all(eventId),
    paperById: (paperId: string, eventId: number) => paperById.get(paperId, eventId),
    remove: kept.changing((id: number) => void remove.run(id)),
    countByEvent: (eventId: number) => count.get(eventId)?.n ?? 0,
  };
}
export type ParticipantsRepo = ReturnType<typeof participantsRepo>;
