// The database holds each voting method's invariant by itself (migration 011): hand-written SQL
// past any cap is refused by the triggers with the API's code, a vote row cannot be changed in
// place, an area's counting cannot change under cast ballots, and the running totals (votes = dots,
// points) stay equal to a recount whatever was tried.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../server/db/open";

const dir = mkdtempSync(join(tmpdir(), "plenary-methods-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
let db: Db;

beforeEach(() => {
  db?.close();
  db = openDatabase(join(dir, `m${n++}.db`));
  db.exec(`
    INSERT INTO events (id, code, title, admin_token_hash, screen_key_hash, created_at) VALUES (1, 'AAAAAA', 'Methods', x'00', x'01', 'now');
    INSERT INTO areas (id, event_id, title, position, max_votes, status, method, max_per_proposal) VALUES
      ('ap', 1, 'Approval', 0, 2, 'open', 'approval', 1),
      ('dt', 1, 'Dots', 1, 5, 'open', 'dots', 3),
      ('rk', 1, 'Ranking', 2, 3, 'open', 'ranking', 1);
    INSERT INTO proposals (id, area_id, title, position) VALUES
      ('ap0', 'ap', 'A0', 0), ('ap1', 'ap', 'A1', 1), ('ap2', 'ap', 'A2', 2),
      ('dt0', 'dt', 'D0', 0), ('dt1', 'dt', 'D1', 1), ('dt2', 'dt', 'D2', 2),
      ('rk0', 'rk', 'R0', 0), ('rk1', 'rk', 'R1', 1), ('rk2', 'rk', 'R2', 2), ('rk3', 'rk', 'R3', 3);
    INSERT INTO participants (id, event_id) VALUES (1, 1), (2, 1);
  `);
});

function insert(participant: number, area: string, proposal: string, dots: number, place: number | null, points: number): void {
  db.prepare("INSERT INTO votes (participant_id, area_id, proposal_id, dots, place, points) VALUES (?, ?, ?, ?, ?, ?)").run(participant, area, proposal, dots, place, points);
}

/** The message the database refused with ("" when it took the statement). */
function refusal(fn: () => void): string {
  try {
    fn();
    return "";
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function votesDump(): string {
  return JSON.stringify(db.prepare("SELECT * FROM votes ORDER BY participant_id, proposal_id").all());
}

function expectTotalsEqualRecount(): void {
  const totals = db.prepare("SELECT proposal_id, votes, points FROM tally_proposals WHERE votes <> 0 OR points <> 0 ORDER BY proposal_id").all();
  const recount = db.prepare("SELECT proposal_id, sum(dots) AS votes, sum(points) AS points FROM votes GROUP BY proposal_id ORDER BY proposal_id").all();
  expect(totals).toEqual(recount);
}

describe("approval rows", () => {
  it("one dot, no place, one point, at most maxVotes rows", () => {
    insert(1, "ap", "ap0", 1, null, 1);
    const before = votesDump();
    expect(refusal(() => insert(1, "ap", "ap1", 2, null, 2))).toBe("DUPLICATE_PROPOSAL");
    expect(refusal(() => insert(1, "ap", "ap1", 1, 1, 1))).toBe("BAD_REQUEST");
    expect(refusal(() => insert(1, "ap", "ap1", 1, null, 3))).toBe("BAD_REQUEST");
    expect(refusal(() => insert(1, "ap", "ap0", 1, null, 1))).toMatch(/UNIQUE constraint failed: votes/);
    expect(votesDump()).toBe(before);
    insert(1, "ap", "ap1", 1, null, 1);
    expect(refusal(() => insert(1, "ap", "ap2", 1, null, 1))).toBe("TOO_MANY_VOTES");
    expectTotalsEqualRecount();
  });
});

describe("dots rows", () => {
  it("at most maxPerProposal on one proposal, at most maxVotes in all, points = dots", () => {
    expect(refusal(() => insert(1, "dt", "dt0", 4, null, 4))).toBe("TOO_MANY_DOTS");
    expect(refusal(() => insert(1, "dt", "dt0", 0, null, 0))).toMatch(/CHECK constraint failed/);
    insert(1, "dt", "dt0", 3, null, 3);
    const before = votesDump();
    expect(refusal(() => insert(1, "dt", "dt1", 3, null, 3))).toBe("TOO_MANY_VOTES");
    expect(refusal(() => insert(1, "dt", "dt1", 2, null, 1))).toBe("BAD_REQUEST");
    expect(refusal(() => insert(1, "dt", "dt1", 1, 2, 1))).toBe("BAD_REQUEST");
    expect(votesDump()).toBe(before);
    insert(1, "dt", "dt1", 2, null, 2);
    expect(refusal(() => insert(1, "dt", "dt2", 1, null, 1))).toBe("TOO_MANY_VOTES");
    // Another participant has dots of their own.
    insert(2, "dt", "dt2", 3, null, 3);
    expectTotalsEqualRecount();
    expect(db.prepare("SELECT votes, points FROM tally_proposals WHERE proposal_id = 'dt0'").get()).toEqual({ votes: 3, points: 3 });
  });
});

describe("ranking rows", () => {
  it("distinct places within 1..maxVotes, one dot, Borda points", () => {
    expect(refusal(() => insert(1, "rk", "rk0", 1, null, 1))).toBe("BAD_REQUEST");
    expect(refusal(() => insert(1, "rk", "rk0", 1, 4, 1))).toBe("TOO_MANY_VOTES");
    expect(refusal(() => insert(1, "rk", "rk0", 1, 0, 4))).toMatch(/CHECK constraint failed/);
    expect(refusal(() => insert(1, "rk", "rk0", 1, 1, 1))).toBe("BAD_REQUEST");
    expect(refusal(() => insert(1, "rk", "rk0", 2, 1, 3))).toBe("DUPLICATE_PROPOSAL");
    insert(1, "rk", "rk0", 1, 1, 3);
    const before = votesDump();
    expect(refusal(() => insert(1, "rk", "rk1", 1, 1, 3))).toBe("DUPLICATE_PROPOSAL");
    expect(votesDump()).toBe(before);
    insert(1, "rk", "rk1", 1, 3, 1);
    insert(1, "rk", "rk2", 1, 2, 2);
    expect(refusal(() => insert(1, "rk", "rk3", 1, 3, 1))).not.toBe("");
    // The same place on another participant's ballot is theirs.
    insert(2, "rk", "rk1", 1, 1, 3);
    expectTotalsEqualRecount();
    expect(db.prepare("SELECT votes, points FROM tally_proposals WHERE proposal_id = 'rk1'").get()).toEqual({ votes: 2, points: 4 });
  });

  it("the unique place index holds even without the trigger's look-up", () => {
    const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'votes_place'").pluck().get() as string;
    expect(index).toMatch(/UNIQUE INDEX votes_place ON votes\(participant_id, area_id, place\)/);
  });
});

describe("vote rows are written once", () => {
  it("an UPDATE of any column is refused, so nothing passes by the checks or the tally", () => {
    insert(1, "dt", "dt0", 2, null, 2);
    insert(1, "rk", "rk0", 1, 1, 3);
    const before = votesDump();
    for (const sql of [
      "UPDATE votes SET dots = 5, points = 5 WHERE proposal_id = 'dt0'",
      "UPDATE votes SET points = 9 WHERE proposal_id = 'dt0'",
      "UPDATE votes SET place = 2, points = 2 WHERE proposal_id = 'rk0'",
      "UPDATE votes SET proposal_id = 'dt1' WHERE proposal_id = 'dt0'",
    ]) {
      expect(refusal(() => db.exec(sql)), sql).toBe("NOT_ALLOWED");
    }
    expect(votesDump()).toBe(before);
    expectTotalsEqualRecount();
  });
});

describe("an area's counting cannot change under cast ballots", () => {
  it("method, a ranking's length, a cap below a cast stack, a limit below a cast ballot: EVENT_LOCKED", () => {
    insert(1, "dt", "dt0", 3, null, 3);
    insert(1, "dt", "dt1", 1, null, 1);
    insert(1, "rk", "rk0", 1, 1, 3);
    insert(1, "ap", "ap0", 1, null, 1);
    expect(refusal(() => db.exec("UPDATE areas SET method = 'approval', max_per_proposal = 1 WHERE id = 'dt'"))).toBe("EVENT_LOCKED");
    expect(refusal(() => db.exec("UPDATE areas SET method = 'dots' WHERE id = 'ap'"))).toBe("EVENT_LOCKED");
    expect(refusal(() => db.exec("UPDATE areas SET method = 'approval' WHERE id = 'rk'"))).toBe("EVENT_LOCKED");
    expect(refusal(() => db.exec("UPDATE areas SET max_votes = 4 WHERE id = 'rk'"))).toBe("EVENT_LOCKED");
    expect(refusal(() => db.exec("UPDATE areas SET max_per_proposal = 2 WHERE id = 'dt'"))).toBe("EVENT_LOCKED");
    expect(refusal(() => db.exec("UPDATE areas SET max_votes = 3, max_per_proposal = 3 WHERE id = 'dt'"))).toBe("EVENT_LOCKED");
    // What breaks no cast ballot stays possible.
    expect(refusal(() => db.exec("UPDATE areas SET max_votes = 4, max_per_proposal = 4 WHERE id = 'dt'"))).toBe("");
    expect(refusal(() => db.exec("UPDATE areas SET max_votes = 3 WHERE id = 'ap'"))).toBe("");
  });

  it("the cap per proposal is 1 unless dots, and never above maxVotes (CHECK)", () => {
    expect(refusal(() => db.exec("UPDATE areas SET max_per_proposal = 2 WHERE id = 'ap'"))).toMatch(/CHECK constraint failed/);
    expect(refusal(() => db.exec("UPDATE areas SET max_per_proposal = 2 WHERE id = 'rk'"))).toMatch(/CHECK constraint failed/);
    expect(refusal(() => db.exec("UPDATE areas SET max_per_proposal = 6 WHERE id = 'dt'"))).toMatch(/CHECK constraint failed/);
    expect(refusal(() => db.exec("UPDATE areas SET method = 'borda' WHERE id = 'ap'"))).toMatch(/CHECK constraint failed/);
  });
});

describe("deleting rows keeps the totals", () => {
  it("a cascade from the participant takes dots and points back", () => {
    insert(1, "dt", "dt0", 3, null, 3);
    insert(2, "dt", "dt0", 2, null, 2);
    insert(1, "rk", "rk2", 1, 1, 3);
    insert(2, "rk", "rk2", 1, 2, 2);
    db.exec("DELETE FROM participants WHERE id = 1");
    expectTotalsEqualRecount();
    expect(db.prepare("SELECT votes, points FROM tally_proposals WHERE proposal_id IN ('dt0', 'rk2') ORDER BY proposal_id").all()).toEqual([
      { votes: 2, points: 2 },
      { votes: 1, points: 2 },
    ]);
  });
});
