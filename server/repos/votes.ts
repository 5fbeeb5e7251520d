// SQL of the votes table: one row per (participant, chosen proposal), with the method's facts
// (migration 011): the dots on it, its place on a ranking, the points it gives. The API's form of a
// ballot is a list of ids — a proposal once per dot, a ranking in order — and the conversion both
// ways happens here, so nothing above this file sees rows.
import type { Db } from "../db/open";
import { dotsOf, rankPoints } from "../../shared/rules";
import type { VotingMethod } from "../../shared/schemas";

/** What the repository needs of an area to turn a ballot into rows. */
export interface Counting {
  method: VotingMethod;
  max_votes: number;
}

export interface VoteRow {
  proposal_id: string;
  dots: number;
  place: number | null;
  points: number;
}

/** A ballot (the API's form, already checked) as the rows that hold it, in ballot order. */
export function voteRows(area: Counting, proposalIds: readonly string[]): VoteRow[] {
  if (area.method === "ranking") {
    return proposalIds.map((id, i) => ({ proposal_id: id, dots: 1, place: i + 1, points: rankPoints(area.max_votes, i + 1) }));
  }
  return [...dotsOf(proposalIds)].map(([id, n]) => ({ proposal_id: id, dots: n, place: null, points: n }));
}

/** Rows back to the API's form: each proposal once per dot, a ranking by place (rows come ordered). */
function ballotOfRows(rows: ReadonlyArray<{ proposal_id: string; dots: number }>): string[] {
  return rows.flatMap((r) => Array.from({ length: r.dots }, () => r.proposal_id));
}

const sameRow = (a: VoteRow, b: VoteRow) => a.proposal_id === b.proposal_id && a.dots === b.dots && a.place === b.place && a.points === b.points;

export function votesRepo(db: Db) {
  // A ranking's rows by place; the other methods have no place (NULL) and keep the order they were written in.
  const ofParticipantArea = db.prepare<[number, string], { proposal_id: string; dots: number }>(
    "SELECT proposal_id, dots FROM votes WHERE participant_id = ? AND area_id = ? ORDER BY place, rowid",
  );
  const ofParticipant = db.prepare<[number], { area_id: string; proposal_id: string; dots: number }>(
    "SELECT area_id, proposal_id, dots FROM votes WHERE participant_id = ? ORDER BY area_id, place, rowid",
  );
  const clear = db.prepare<[number, string]>("DELETE FROM votes WHERE participant_id = ? AND area_id = ?");
  const remove = db.prepare<[number, string]>("DELETE FROM votes WHERE participant_id = ? AND proposal_id = ?");
  const insert = db.prepare<[number, string, string, number, number | null, number]>(
    "INSERT INTO votes (participant_id, area_id, proposal_id, dots, place, points) VALUES (?, ?, ?, ?, ?, ?)",
  );
  // Totals kept by the triggers of migration 002 (tally_*): a snapshot reads one row per proposal
  // and per area instead of counting every vote.
  const countsByEvent = db.prepare<[number], { proposal_id: string; votes: number; points: number }>(
    `SELECT t.proposal_id, t.votes, t.points FROM tally_proposals t JOIN proposals p ON p.id = t.proposal_id JOIN areas a ON a.id = p.area_id
     WHERE a.event_id = ? AND t.votes > 0`,
  );
  const votersByArea = db.prepare<[number], { area_id: string; voters: number }>(
    "SELECT t.area_id, t.voters FROM tally_areas t JOIN areas a ON a.id = t.area_id WHERE a.event_id = ? AND t.voters > 0",
  );
  const votersByEvent = db.prepare<[number], { n: number }>("SELECT voters AS n FROM tally_events WHERE event_id = ?");
  // The same figures counted from the votes themselves, for checks that the totals equal a recount.
  const recountCounts = db.prepare<[number], { proposal_id: string; votes: number; points: number }>(
    `SELECT v.proposal_id, sum(v.dots) AS votes, sum(v.points) AS points FROM votes v JOIN areas a ON a.id = v.area_id
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
    "SELECT coalesce(max(n), 0) AS n FROM (SELECT sum(dots) AS n FROM votes WHERE area_id = ? GROUP BY participant_id)",
  );
  const largestStack = db.prepare<[string], { n: number }>("SELECT coalesce(max(dots), 0) AS n FROM votes WHERE area_id = ?");
  const ballotsOfEvent = db.prepare<[number], { participant_id: number; area_id: string; proposal_id: string; dots: number }>(
    `SELECT v.participant_id, v.area_id, v.proposal_id, v.dots FROM votes v JOIN areas a ON a.id = v.area_id
     WHERE a.event_id = ? ORDER BY v.participant_id, v.area_id, v.place, v.rowid`,
  );

  const put = (participantId: number, areaId: string, r: VoteRow) => insert.run(participantId, areaId, r.proposal_id, r.dots, r.place, r.points);
  /** Rows expanded to the API's form, one entry per dot. */
  const expand = <T extends { proposal_id: string; dots: number }>(rows: readonly T[]) =>
    rows.flatMap((r) => Array.from({ length: r.dots }, () => r));

  return {
    /** The area ballot in the API's form: a proposal once per dot; a ranking in place order. */
    ofParticipantArea: (participantId: number, areaId: string) => ballotOfRows(ofParticipantArea.all(participantId, areaId)),
    /** Every area ballot of a participant, one entry per dot, each area's in ballot order. */
    ofParticipant: (participantId: number) => expand(ofParticipant.all(participantId)).map(({ area_id, proposal_id }) => ({ area_id, proposal_id })),
    /**
     * Replaces one area ballot (checked by the rules); the caller holds the transaction. With
     * `current` (the stored ballot, as ofParticipantArea returns it) only the difference is written.
     * Approval: votes that stay are not touched, and removals alternate with additions so the ballot
     * never passes through empty — the tally triggers then see no voter leave and come back; the
     * stored order ends as `proposalIds`' order. Dots and ranking: a row whose dots or place change
     * is deleted and inserted again (rows are never updated, migration 011), all removals first, so
     * no moment holds more dots, or two proposals at one place, than the final ballot.
     */
    replace(participantId: number, area: Counting & { id: string }, proposalIds: readonly string[], current?: readonly string[]): void {
      const areaId = area.id;
      const rows = voteRows(area, proposalIds);
      if (!current) {
        clear.run(participantId, areaId);
        for (const r of rows) put(participantId, areaId, r);
        return;
      }
      if (area.method !== "approval") {
        const stored = voteRows(area, current);
        const removals = stored.filter((r) => !rows.some((n) => sameRow(r, n)));
        const additions = rows.filter((n) => !stored.some((r) => sameRow(r, n)));
        for (const r of removals) remove.run(participantId, r.proposal_id);
        for (const r of additions) put(participantId, areaId, r);
        return;
      }
      const row = (id: string): VoteRow => ({ proposal_id: id, dots: 1, place: null, points: 1 });
      // Keep the longest run of stored votes that already starts the new ballot in the same order.
      const stays = current.filter((id) => proposalIds.includes(id));
      let kept = 0;
      while (kept < stays.length && stays[kept] === proposalIds[kept]) kept += 1;
      const removals = current.filter((id) => !stays.slice(0, kept).includes(id));
      const additions = proposalIds.slice(kept);
      if (additions.some((id) => removals.includes(id))) {
        // A reordering: a vote must go before it can come back at its new place.
        for (const id of removals) remove.run(participantId, id);
        for (const id of additions) put(participantId, areaId, row(id));
        return;
      }
      for (let i = 0; i < Math.max(removals.length, additions.length); i++) {
        const out = removals[i];
        const add = additions[i];
        if (out !== undefined) remove.run(participantId, out);
        if (add !== undefined) put(participantId, areaId, row(add));
      }
    },
    countsByEvent: (eventId: number) => countsByEvent.all(eventId),
    votersByArea: (eventId: number) => votersByArea.all(eventId),
    votersByEvent: (eventId: number) => votersByEvent.get(eventId)?.n ?? 0,
    /** countsByEvent (votes = dots, and points), votersByArea and votersByEvent counted from the votes table itself. */
    recount: (eventId: number) => ({
      counts: recountCounts.all(eventId),
      votersByArea: recountVotersByArea.all(eventId),
      voters: recountVotersByEvent.get(eventId)?.n ?? 0,
    }),
    anyInEvent: (eventId: number) => anyInEvent.get(eventId) !== undefined,
    anyInArea: (areaId: string) => anyInArea.get(areaId) !== undefined,
    anyForProposal: (proposalId: string) => anyForProposal.get(proposalId) !== undefined,
    /** The most dots one cast ballot of the area holds (approval and ranking: its length). */
    largestBallot: (areaId: string) => largestBallot.get(areaId)?.n ?? 0,
    /** The most dots one cast ballot stacks on one proposal (1 unless dots; 0 without votes). */
    largestStack: (areaId: string) => largestStack.get(areaId)?.n ?? 0,
    /** Every ballot of the event, one entry per dot, each participant-area ballot in ballot order. */
    ballotsOfEvent: (eventId: number) => expand(ballotsOfEvent.all(eventId)).map(({ participant_id, area_id, proposal_id }) => ({ participant_id, area_id, proposal_id })),
  };
}
export type VotesRepo = ReturnType<typeof votesRepo>;
