// The running totals of migration 002 (tally_* tables, kept by triggers) against a recount of the
// votes table: after any sequence of ballots — changes, withdrawals, reorderings, refusals, rolled
// back paper ballots, areas closed and reopened — the totals a snapshot reads equal the recount.
import Database from "better-sqlite3";
import fc from "fast-check";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../server/db/open";
import { createRepos } from "../../server/repos";
import type { EventRow } from "../../server/repos/events";
import type { ParticipantRow } from "../../server/repos/participants";
import { castBallot, castPaperBallot } from "../../server/services/ballots";
import { createEvent, setVoting } from "../../server/services/content";
import type { Ctx } from "../../server/services/context";
import { join as joinEvent } from "../../server/services/participants";
import { tally } from "../../server/services/results";
import { smallEvent } from "./support";

const dir = mkdtempSync(join(tmpdir(), "plenary-tally-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function freshCtx(): Ctx {
  const db = openDatabase(join(dir, `t${files++}.db`));
  return { db, repos: createRepos(db), now: () => new Date().toISOString() };
}

const sorted = <T extends Record<string, string | number>>(rows: T[], key: keyof T) => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

function expectTotalsEqualRecount(ctx: Ctx, event: EventRow): void {
  const recount = ctx.repos.votes.recount(event.id);
  expect(sorted(ctx.repos.votes.countsByEvent(event.id), "proposal_id")).toEqual(sorted(recount.counts, "proposal_id"));
  expect(sorted(ctx.repos.votes.votersByArea(event.id), "area_id")).toEqual(sorted(recount.votersByArea, "area_id"));
  expect(ctx.repos.votes.votersByEvent(event.id)).toBe(recount.voters);
}

type Op =
  | { kind: "ballot"; participant: number; area: number; picks: number[] }
  | { kind: "paper"; picks: number[][] }
  | { kind: "toggle"; area: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("ballot" as const), participant: fc.nat(5), area: fc.nat(1), picks: fc.array(fc.nat(4), { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("paper" as const), picks: fc.array(fc.array(fc.nat(4), { maxLength: 3 }), { minLength: 2, maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("toggle" as const), area: fc.nat(1) }) },
);

describe("tally totals (migration 002)", () => {
  it("equal a recount after any sequence of ballots, refusals and rollbacks", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const ctx = freshCtx();
        try {
          const created = createEvent(ctx, smallEvent());
          let event = ctx.repos.events.byCode(created.event.code) as EventRow;
          setVoting(ctx, event, "open", undefined);
          const areas = ctx.repos.areas.byEvent(event.id);
          const proposals = areas.map((a) => ctx.repos.proposals.byArea(a.id).map((p) => p.id));
          for (let i = 0; i < 6; i++) joinEvent(ctx, event, undefined);
          const participants = ctx.db.prepare("SELECT * FROM participants WHERE event_id = ? ORDER BY id").all(event.id) as ParticipantRow[];
          const ids = (area: number, picks: number[]) => picks.map((k) => proposals[area]?.[k] ?? "p_unknown");
          for (const o of ops) {
            event = ctx.repos.events.byId(event.id) as EventRow;
            const area = areas[o.kind === "paper" ? 0 : o.area];
            try {
              if (o.kind === "ballot" && area) castBallot(ctx, event, participants[o.participant] ?? participants[0]!, area.id, ids(o.area, o.picks));
              if (o.kind === "paper") castPaperBallot(ctx, event, Object.fromEntries(areas.map((a, i) => [a.id, ids(i, o.picks[i] ?? [])])));
              if (o.kind === "toggle" && area) {
                const now = ctx.repos.areas.byId(area.id, event.id);
                setVoting(ctx, event, now?.status === "open" ? "closed" : "open", [area.id]);
              }
            } catch (err) {
              // Refusals (over the limit, duplicates, unknown ids, closed areas) are part of the game.
              if (!(err instanceof Error) || err.name !== "AppError") throw err;
            }
            expectTotalsEqualRecount(ctx, event);
          }
          // And the snapshot built on them agrees with the recount too.
          const t = tally(ctx, ctx.repos.events.byId(event.id) as EventRow);
          const recount = new Map(ctx.repos.votes.recount(event.id).counts.map((r) => [r.proposal_id, r.votes]));
          for (const a of t.areas) for (const row of a.rows) expect(row.votes).toBe(recount.get(row.proposalId) ?? 0);
        } finally {
          ctx.db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a changed ballot keeps the order it was sent in", () => {
    const ctx = freshCtx();
    try {
      const created = createEvent(ctx, smallEvent({ areas: [{ title: "Wide", maxVotes: 3, proposals: [{ title: "A" }, { title: "B" }, { title: "C" }, { title: "D" }] }] }));
      const event = ctx.repos.events.byCode(created.event.code) as EventRow;
      setVoting(ctx, event, "open", undefined);
      joinEvent(ctx, event, undefined);
      const participant = ctx.db.prepare("SELECT * FROM participants").get() as ParticipantRow;
      const [area] = ctx.repos.areas.byEvent(event.id);
      const [a, b, c, d] = ctx.repos.proposals.byArea(area!.id).map((p) => p.id);
      for (const ballot of [[a, b], [a, c], [c, b, d], [b, c], [d], [], [c, a, b], [b, a, d], [b, a, c]]) {
        const ids = ballot as string[];
        castBallot(ctx, ctx.repos.events.byId(event.id) as EventRow, participant, area!.id, ids);
        expect(ctx.repos.votes.ofParticipantArea(participant.id, area!.id)).toEqual(ids);
        expectTotalsEqualRecount(ctx, event);
      }
      // The same set in another order is no change: nothing is written.
      const same = castBallot(ctx, ctx.repos.events.byId(event.id) as EventRow, participant, area!.id, [a!, b!, c!]);
      expect(same.changed).toBe(false);
      expect(ctx.repos.votes.ofParticipantArea(participant.id, area!.id)).toEqual([b, a, c]);
    } finally {
      ctx.db.close();
    }
  });

  it("a database that had votes before the migration starts its totals from a recount", () => {
    const file = join(dir, "pre-002.db");
    const migrations = new URL("../../db/migrations/", import.meta.url);
    const db: Db = new Database(file);
    db.pragma("foreign_keys = ON");
    db.exec(readFileSync(new URL("001_init.sql", migrations), "utf8"));
    db.exec(`
      INSERT INTO events (id, code, title, admin_token_hash, screen_key_hash, created_at) VALUES (1, 'AAAAAA', 'Old', x'00', x'01', 'now');
      INSERT INTO areas (id, event_id, title, position, max_votes, status) VALUES ('a1', 1, 'One', 0, 2, 'open'), ('a2', 1, 'Two', 1, 2, 'open');
      INSERT INTO proposals (id, area_id, title, position) VALUES ('p1', 'a1', 'P1', 0), ('p2', 'a1', 'P2', 1), ('p3', 'a2', 'P3', 0);
      INSERT INTO participants (id, event_id) VALUES (1, 1), (2, 1), (3, 1);
      INSERT INTO votes (participant_id, area_id, proposal_id) VALUES (1, 'a1', 'p1'), (1, 'a1', 'p2'), (2, 'a1', 'p2'), (2, 'a2', 'p3');
    `);
    db.exec(readFileSync(new URL("002_tally.sql", migrations), "utf8"));
    // The migrations after 002 too, so today's repositories find today's columns.
    for (const name of readdirSync(migrations).filter((f) => /^\d+_.*\.sql$/.test(f) && f > "002_tally.sql").sort()) {
      db.exec(readFileSync(new URL(name, migrations), "utf8"));
    }
    const ctx: Ctx = { db, repos: createRepos(db), now: () => "now" };
    try {
      expect(sorted(ctx.repos.votes.countsByEvent(1), "proposal_id")).toEqual([
        // Migration 011 recounted the points: an approval vote is worth one.
        { proposal_id: "p1", votes: 1, points: 1 },
        { proposal_id: "p2", votes: 2, points: 2 },
        { proposal_id: "p3", votes: 1, points: 1 },
      ]);
      expect(sorted(ctx.repos.votes.votersByArea(1), "area_id")).toEqual([
        { area_id: "a1", voters: 2 },
        { area_id: "a2", voters: 1 },
      ]);
      expect(ctx.repos.votes.votersByEvent(1)).toBe(2);
      // And the triggers carry on from there.
      db.exec("DELETE FROM votes WHERE participant_id = 2 AND area_id = 'a2'; INSERT INTO votes (participant_id, area_id, proposal_id) VALUES (3, 'a2', 'p3');");
      const event = ctx.repos.events.byId(1) as EventRow;
      expectTotalsEqualRecount(ctx, event);
      expect(ctx.repos.votes.votersByEvent(1)).toBe(3);
    } finally {
      db.close();
    }
  });
});
