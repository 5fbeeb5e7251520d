// SQL of the votes table: one row per (participant, chosen proposal).
import type { Db } from "../db/open";

export function votesRepo(db: Db) {
  const ofParticipantArea = db.prepare<[number, string], { proposal_id: string }>(
    "SELECT proposal_id FROM votes WHERE participant_id = ? AND area_id = ? ORDER BY rowid",
  );
  const ofParticipant = db.prepare<[number], { area_id: string; proposal_id: string }>(
    "SELECT area_id, proposal_id FROM votes WHERE participant_id = ? ORDER BY rowid",
  );
  const clear = db.prepare<[number, string]>("DELETE FROM votes WHERE participant_id = ? AND area_id = ?");
  const remove = db.prepare<[number, string]>("DELETE FROM votes WHERE participant_id = ? AND proposal_id = ?");
  const insert = db.prepare<[number, string, string]>("INSERT INTO votes (participant_id, area_id, proposal_id) VALUES (?, ?, ?)");
  // Totals kept by the triggers of migration 002 (tally_*): a snapshot reads one row per proposal
  // and per area instead of counting every vote.
  const countsByEvent = db.prepare<[number], { proposal_id: string; votes: number }>(
    `SELECT t.proposal_id, t.votes FROM tally_proposals t JOIN proposals p ON p.id = t.proposal_id JOIN areas a ON a.id = p.area_id
     WHERE a.event_id = ? AND t.votes > 0`,
  );
  const votersByArea = db.prepare<[number], { area_id: string; voters: number }>(
    "SELECT t.area_id, t.voters FROM tally_areas t JOIN areas a ON a.id = t.area_id WHERE a.event_id = ? AND t.voters > 0",
  );
  const votersByEvent = db.prepare<[number], { n: number }>("SELECT voters AS n FROM tally_events WHERE event_id = ?");
  // The same figures counted from the votes themselves, for checks that the totals equal a recount.
  const recountCounts = db.prepare<[number], { proposal_id: string; votes: number }>(
    `SELECT v.proposal_id, count(*) AS votes FROM votes v JOIN areas a ON a.id = v.area_id
     WHERE a.event_id = ? GROUP BY v.proposal_id`,
  );
  const recountVotersByArea = db.prepare<[number], { area_id: string; voters: number }>(
    `SELECT v.area_id, count(DISTINCT v.participant_id) AS voters FROM votes v JOIN areas a ON a.id = v.area_id
     WHERE a.event_id = ? GROUP BY v.area_id`,
  );
  const recountVotersByEvent = db.prepare<[number], { n: number }>(
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
    /**
     * Replaces one area ballot; the caller holds the transaction. With `current` (the stored ballot
     * in its order) only the difference is written: votes that stay are not touched, and removals
     * alternate with additions so the ballot never passes through empty — the tally triggers then
     * see no voter leave and come back. The stored order ends as `proposalIds`' order either way.
     */
    replace(participantId: number, areaId: string, proposalIds: readonly string[], current?: readonly string[]): void {
      if (!current) {
        clear.run(participantId, areaId);
        for (const id of proposalIds) insert.run(participantId, areaId, id);
        return;
      }
      // Keep the longest run of stored votes that already starts the new ballot in the same order.
      const stays = current.filter((id) => proposalIds.includes(id));
      let kept = 0;
      while (kept < stays.length && stays[kept] === proposalIds[kept]) kept += 1;
      const removals = current.filter((id) => !stays.slice(0, kept).includes(id));
      const additions = proposalIds.slice(kept);
      if (additions.some((id) => removals.includes(id))) {
        // A reordering: a vote must go before it can come back at its new place.
        for (const id of removals) remove.run(participantId, id);
        for (const id of additions) insert.run(participantId, areaId, id);
        return;
      }
      for (let i = 0; i < Math.max(removals.length, additions.length); i++) {
        const out = removals[i];
        const add = additions[i];
        if (out !== undefined) remove.run(participantId, out);
        if (add !== undefined) insert.run(participantId, areaId, add);
      }
    },
    countsByEvent: (eventId: number) => countsByEvent.all(eventId),
    votersByArea: (eventId: number) => votersByArea.all(eventId),
    votersByEvent: (eventId: number) => votersByEvent.get(eventId)?.n ?? 0,
    /** countsByEvent, votersByArea and votersByEvent counted from the votes table itself. */
    recount: (eventId: number) => ({
      counts: recountCounts.all(eventId),
      votersByArea: recountVotersByArea.all(eventId),
      voters: recountVotersByEvent.get(eventId)?.n ?? 0,
    }),
    anyInEvent: (eventId: number) => anyInEvent.get(eventId) !== undefined,
    anyInArea: (areaId: string) => anyInArea.get(areaId) !== undefined,
    anyForProposal: (proposalId: string) => anyForProposal.get(proposalId) !== undefined,
    largestBallot: (areaId: string) => largestBallot.get(areaId)?.n ?? 0,
    ballotsOfEvent: (eventId: number) => ballotsOfEvent.all(eventId),
  };
}
export type VotesRepo = ReturnType<typeof votesRepo>;
