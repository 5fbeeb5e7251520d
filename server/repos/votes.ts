// SQL of the votes table: one row per (participant, chosen proposal).
import type { Db } from "../db/open";

export function votesRepo(db: Db) {
  const ofParticipantArea = db.prepare<[number, string], { proposal_id: string }>(
    "SELECT proposal_id FROM votes WHERE participant_id = ? AND area_id = ? ORDER BY rowid",
  );
  const ofParticipant = db.prepare<[number], { area_id: string; proposal_id: string }>(
    "SELECT area_id, proposal_id FROM votes WHERE participant_id = ?",
  );
  const clear = db.prepare<[number, string]>("DELETE FROM votes WHERE participant_id = ? AND area_id = ?");
  const insert = db.prepare<[number, string, string]>("INSERT INTO votes (participant_id, area_id, proposal_id) VALUES (?, ?, ?)");
  const countsByEvent = db.prepare<[number], { proposal_id: string; votes: number }>(
    `SELECT v.proposal_id, count(*) AS votes FROM votes v JOIN areas a ON a.id = v.area_id
     WHERE a.event_id = ? GROUP BY v.proposal_id`,
  );
  const votersByArea = db.prepare<[number], { area_id: string; voters: number }>(
    `SELECT v.area_id, count(DISTINCT v.participant_id) AS voters FROM votes v JOIN areas a ON a.id = v.area_id
     WHERE a.event_id = ? GROUP BY v.area_id`,
  );
  const votersByEvent = db.prepare<[number], { n: number }>(
    "SELECT count(DISTINCT v.participant_id) AS n FROM votes v JOIN areas a ON a.id = v.area_id WHERE a.event_id = ?",
  );
  const anyInEvent = db.prepare<[number], { one: number }>(
    "SELECT 1 AS one FROM votes v JOIN areas a ON a.id = v.area_id WHERE a.event_id = ? LIMIT 1",
  );
  const anyInArea = db.prepare<[string], { one: number }>("SELECT 1 AS one FROM votes WHERE area_id = ? LIMIT 1");
  const anyForProposal = db.prepare<[string], { one: number }>("SELECT 1 AS one FROM votes WHERE proposal_id = ? LIMIT 1");
  const largestBallot = db.prepare<[string], { n: number }>(
    "SELECT coalesce(max(n), 0) AS n FROM (SELECT count(*) AS n FROM votes WHERE area_id = ? GROUP BY participant_id)",
  );
  const ballotsOfEvent = db.prepare<[number], { participant_id: number; area_id: string; proposal_id: string }>(
    `SELECT v.participant_id, v.area_id, v.proposal_id FROM votes v JOIN areas a ON a.id = v.area_id
     WHERE a.event_id = ? ORDER BY v.participant_id, v.area_id, v.rowid`,
  );

  return {
    ofParticipantArea: (participantId: number, areaId: string) =>
      ofParticipantArea.all(participantId, areaId).map((r) => r.proposal_id),
    ofParticipant: (participantId: number) => ofParticipant.all(participantId),
    /** Replaces one area ballot; the caller holds the transaction. */
    replace(participantId: number, areaId: string, proposalIds: readonly string[]): void {
      clear.run(participantId, areaId);
      for (const id of proposalIds) insert.run(participantId, areaId, id);
    },
    countsByEvent: (eventId: number) => countsByEvent.all(eventId),
    votersByArea: (eventId: number) => votersByArea.all(eventId),
    votersByEvent: (eventId: number) => votersByEvent.get(eventId)?.n ?? 0,
    anyInEvent: (eventId: number) => anyInEvent.get(eventId) !== undefined,
    anyInArea: (areaId: string) => anyInArea.get(areaId) !== undefined,
    anyForProposal: (proposalId: string) => anyForProposal.get(proposalId) !== undefined,
    largestBallot: (areaId: string) => largestBallot.get(areaId)?.n ?? 0,
    ballotsOfEvent: (eventId: number) => ballotsOfEvent.all(eventId),
  };
}
export type VotesRepo = ReturnType<typeof votesRepo>;
