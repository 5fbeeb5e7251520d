// Group commit (server/services/group-commit.ts): ballots that arrive together share one COMMIT,
// a refused ballot sinks only itself, and a reply is sent only once its batch is durable: its WAL
// frames synced off the event loop, every other writer still committing with synchronous=FULL.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { groupCommitFor } from "../../server/services/group-commit";
import type { Event } from "../../shared/schemas";
import { createEvent, join, openVoting, startServer, vote, type TestServer } from "../helpers/app";
import { smallEvent } from "./support";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function ids(event: Event, areaIndex: number): { areaId: string; proposals: string[] } {
  const area = event.areas[areaIndex];
  if (!area) throw new Error(`no area ${areaIndex}`);
  return { areaId: area.id, proposals: area.proposals.map((p) => p.id) };
}

describe("group commit of ballots", () => {
  it("a burst shares commits, one refused ballot leaves the others of its batch committed", async () => {
    server = await startServer();
    const { url } = server;
    const created = await createEvent(url, smallEvent());
    await openVoting(url, created.code, created.adminToken);
    const health = ids(created.event, 0);
    const tokens = await Promise.all(Array.from({ length: 40 }, () => join(url, created.code)));
    const before = groupCommitFor(server.db).stats();

    // Every fifth ballot is over the limit of 2: refused with its code, nothing of it written.
    const replies = await Promise.all(
      tokens.map((token, i) =>
        vote(url, created.code, token, health.areaId, i % 5 === 0 ? health.proposals.slice(0, 3) : [health.proposals[i % 4] ?? ""]),
      ),
    );
    replies.forEach((res, i) => {
      if (i % 5 === 0) {
        expect(res.status).toBe(422);
        expect(res.body).toEqual({ error: { code: "TOO_MANY_VOTES", message: expect.any(String) } });
      } else {
        expect(res.status, res.text).toBe(200);
        expect(res.body).toEqual({ areaId: health.areaId, proposalIds: [health.proposals[i % 4]] });
      }
    });

    const after = groupCommitFor(server.db).stats();
    expect(after.writes - before.writes).toBe(40);
    // Forty requests in flight at once cannot all have been alone in their transaction.
    expect(after.batches - before.batches).toBeLessThan(40);

    const rows = server.db.prepare("SELECT count(*) AS n FROM votes WHERE area_id = ?").get(health.areaId) as { n: number };
    expect(rows.n).toBe(32);
  });

  it("a reply is sent only after its ballot is visible to another connection (committed)", async () => {
    server = await startServer();
    const { url, databaseFile } = server;
    const created = await createEvent(url, smallEvent());
    await openVoting(url, created.code, created.adminToken);
    const law = ids(created.event, 1);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => join(url, created.code)));
    const reader = new Database(databaseFile, { readonly: true });
    try {
      const count = reader.prepare("SELECT count(*) AS n FROM votes WHERE area_id = ? AND proposal_id = ?");
      const seen = await Promise.all(
        tokens.map(async (token, i) => {
          const proposalId = law.proposals[i % 3] ?? "";
          const res = await vote(url, created.code, token, law.areaId, [proposalId]);
          expect(res.status, res.text).toBe(200);
          // Read at once, from a connection of its own: only committed rows are visible there.
          return { proposalId, n: (count.get(law.areaId, proposalId) as { n: number }).n };
        }),
      );
      for (const { n } of seen) expect(n).toBeGreaterThanOrEqual(1);
      const total = reader.prepare("SELECT count(*) AS n FROM votes WHERE area_id = ?").get(law.areaId) as { n: number };
      expect(total.n).toBe(20);
    } finally {
      reader.close();
    }
  });

  it("a batch commits unsynced and its callers are answered only after the WAL's sync; other writers stay FULL", async () => {
    server = await startServer();
    const db = server.db;
    const group = groupCommitFor(db);
    const level = () => db.pragma("synchronous", { simple: true });
    expect(level()).toBe(2); // FULL
    const before = group.stats().syncs;
    let syncsWhenAnswered = -1;
    const inside = await group.run(() => level()).then((value) => {
      syncsWhenAnswered = group.stats().syncs;
      return value;
    });
    expect(inside).toBe(1); // NORMAL, inside the batch
    expect(syncsWhenAnswered).toBe(before + 1); // answered after its sync, not at the COMMIT
    expect(level()).toBe(2); // back to FULL for everyone else
    // A refused write sets it back too.
    await expect(group.run(() => { throw new Error("refused"); })).rejects.toThrow("refused");
    expect(level()).toBe(2);
  });

  it("answers every batch by a sync, never more syncs than batches", async () => {
    server = await startServer();
    const group = groupCommitFor(server.db);
    const before = group.stats();
    // Forty writes spread over several batches (a write a few milliseconds apart).
    const writes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => new Promise((resolve) => setTimeout(resolve, i)).then(() => group.run(() => server?.db.prepare("SELECT 1").get()))),
    );
    expect(writes).toHaveLength(40);
    const after = group.stats();
    expect(after.batches - before.batches).toBeGreaterThan(1);
    expect(after.syncs - before.syncs).toBeGreaterThanOrEqual(1);
    expect(after.syncs - before.syncs).toBeLessThanOrEqual(after.batches - before.batches);
  });

  it("through group commit a repeated ballot stays idempotent and a change replaces it", async () => {
    server = await startServer();
    const { url } = server;
    const created = await createEvent(url, smallEvent());
    await openVoting(url, created.code, created.adminToken);
    const health = ids(created.event, 0);
    const token = await join(url, created.code);
    const [a, b, c] = health.proposals;
    if (!a || !b || !c) throw new Error("smallEvent has four proposals in Health");
    for (let round = 0; round < 5; round++) {
      const first = await vote(url, created.code, token, health.areaId, [a, b]);
      expect(first.status).toBe(200);
      // Repeating the stored ballot is idempotent: 200, the same ballot, nothing written.
      const again = await vote(url, created.code, token, health.areaId, [b, a]);
      expect(again.status).toBe(200);
      expect(new Set((again.body as { proposalIds: string[] }).proposalIds)).toEqual(new Set([a, b]));
      const change = await vote(url, created.code, token, health.areaId, [c]);
      expect(change.body).toEqual({ areaId: health.areaId, proposalIds: [c] });
    }
    const stored = server.db.prepare("SELECT proposal_id FROM votes WHERE area_id = ?").pluck().all(health.areaId);
    expect(stored).toEqual([c]);
  });
});
