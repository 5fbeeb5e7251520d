// Concurrent writes of one participant's ballot: whatever order the server takes them in, the
// stored ballot is exactly one of the requests, never a mix, never over the limit.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Area } from "../../shared/schemas";
import { api, createEvent, join, openVoting, startServer, vote, type TestServer } from "../helpers/app";
import { getJson } from "./support";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const key = (ids: readonly string[]) => [...ids].sort().join(",");

async function setUp(maxVotes = 2) {
  const ev = await createEvent(server.url, {
    title: "Race",
    // The room's counts at once (live batches have their own tests): the public results are read below.
    liveBatchSeconds: 0,
    areas: [
      { title: "Contested", maxVotes, proposals: Array.from({ length: 8 }, (_, i) => ({ title: `P${i}` })) },
      { title: "Quiet", proposals: [{ title: "Q0" }, { title: "Q1" }] },
    ],
  });
  const area = ev.event.areas[0] as Area;
  const token = await join(server.url, ev.code);
  await openVoting(server.url, ev.code, ev.adminToken);
  return { ev, area, token, ids: area.proposals.map((p) => p.id) };
}

/** The rows the votes table holds for an area (only one participant votes there). */
function stored(areaId: string): string[] {
  return (server.db.prepare("SELECT proposal_id FROM votes WHERE area_id = ?").pluck().all(areaId) as string[]).sort();
}

describe("one participant, 8 concurrent PUTs to one area", () => {
  it("200 rounds: never more than 2 votes stored, and the stored set is one of the requests", async () => {
    const { ev, area, token, ids } = await setUp();
    // eight different two-vote sets, overlapping so that a mix of two requests would be visible
    const sets = ids.map((id, i) => [id, ids[(i + 1) % ids.length]!]);
    const requested = new Set(sets.map(key));
    const seen = new Set<string>();
    for (let round = 0; round < 200; round++) {
      const order = round % 2 === 0 ? sets : [...sets].reverse();
      const replies = await Promise.all(order.map((set) => vote(server.url, ev.code, token, area.id, set)));
      replies.forEach((res, i) => {
        expect(res.status, res.text).toBe(200);
        const body = res.body as { areaId: string; proposalIds: string[] };
        expect(body.areaId).toBe(area.id);
        // each reply acknowledges exactly what its own request asked for
        expect(key(body.proposalIds)).toBe(key(order[i]!));
      });
      const now = stored(area.id);
      expect(now.length).toBeLessThanOrEqual(2);
      expect(requested.has(key(now)), `round ${round}: stored ${key(now)}`).toBe(true);
      seen.add(key(now));
      if (round % 25 !== 24) continue;
      // the participant's own view agrees with the table
      const ballot = (await getJson<{ ballot: Record<string, string[]> }>(server.url, `/api/events/${ev.code}/ballot`, token)).ballot;
      expect(key(ballot[area.id] ?? [])).toBe(key(now));
    }
    // the last write wins, and which one is last depends on the order sent
    expect(seen.size).toBeGreaterThan(1);
    const results = await getJson<{ areas: Array<{ voters: number; results: Array<{ votes: number | null }> }> }>(server.url, `/api/events/${ev.code}/results`);
    expect(results.areas[0]?.voters).toBe(1);
    expect(results.areas[0]?.results.reduce((sum, r) => sum + (r.votes ?? 0), 0)).toBe(2);
  });

  it("valid and over-limit requests racing: the refused ones are refused whole, the stored set is a valid request", async () => {
    const { ev, area, token, ids } = await setUp();
    const valid = [[ids[0]!, ids[1]!], [ids[2]!], [ids[3]!, ids[4]!], []];
    const tooMany = [[ids[5]!, ids[6]!, ids[7]!], [ids[0]!, ids[2]!, ids[4]!, ids[6]!]];
    const requested = new Set(valid.map(key));
    for (let round = 0; round < 50; round++) {
      const batch = [...valid, ...tooMany].sort(() => (round % 3) - 1);
      const replies = await Promise.all(batch.map((set) => vote(server.url, ev.code, token, area.id, set)));
      replies.forEach((res, i) => {
        const set = batch[i]!;
        if (set.length > 2) expect((res.body as { error: { code: string } }).error.code).toBe("TOO_MANY_VOTES");
        else expect(key((res.body as { proposalIds: string[] }).proposalIds)).toBe(key(set));
      });
      expect(requested.has(key(stored(area.id)))).toBe(true);
    }
  });

  it("a one-vote area under the same race never stores two", async () => {
    const { ev, area, token, ids } = await setUp(1);
    for (let round = 0; round < 50; round++) {
      const replies = await Promise.all(ids.map((id) => vote(server.url, ev.code, token, area.id, [id])));
      for (const res of replies) expect(res.status).toBe(200);
      expect(stored(area.id)).toHaveLength(1);
    }
  });

  it("the database itself refuses a vote over the limit, whatever the code above it does", async () => {
    const { ev, area, token, ids } = await setUp();
    expect((await vote(server.url, ev.code, token, area.id, [ids[0]!, ids[1]!])).status).toBe(200);
    const participantId = server.db.prepare("SELECT participant_id FROM votes WHERE area_id = ?").pluck().get(area.id) as number;
    const insert = server.db.prepare("INSERT INTO votes (participant_id, area_id, proposal_id) VALUES (?, ?, ?)");
    expect(() => insert.run(participantId, area.id, ids[2])).toThrow(/TOO_MANY_VOTES/);
    // …and a vote naming a proposal of another area
    const quiet = ev.event.areas[1] as Area;
    expect(() => insert.run(participantId, quiet.id, ids[3])).toThrow();
    // …and a vote in a closed area
    await api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status: "closed" } });
    expect(() => insert.run(participantId, quiet.id, quiet.proposals[0]!.id)).toThrow(/VOTING_CLOSED/);
    expect(stored(area.id)).toEqual([ids[0], ids[1]].sort());
  });
});
