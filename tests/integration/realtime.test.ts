// The live room over real Socket.IO clients (issue 4): latency of a ballot to the projector,
// coalescing under a burst, visibility per audience, handshake refusals, a participant's own room.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Results } from "../../shared/schemas";
import { api, createEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { record, sleep, until, type Recorder } from "./fixtures/kit";
import { smallEvent } from "./support";

// These tests follow every ballot to the projector: the instant path (no live batches, issue 15;
// tests/integration/live-batch.test.ts tests the batches).
const INSTANT = { liveBatchSeconds: 0 };

let server: TestServer;
const sockets: Recorder[] = [];
const open = (auth: unknown) => {
  const r = record(server.url, auth);
  sockets.push(r);
  return r;
};
const results = (r: Recorder) => r.frames.filter((f) => f.name === "results").map((f) => f.payload as Results);

function recount(areaId: string): Map<string, number> {
  const rows = server.db
    .prepare<[string], { proposal_id: string; n: number }>("SELECT proposal_id, count(*) AS n FROM votes WHERE area_id = ? GROUP BY proposal_id")
    .all(areaId);
  return new Map(rows.map((r) => [r.proposal_id, r.n]));
}

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server.close();
});

describe("live results", () => {
  it("brings a ballot's count to the projector soon after the PUT is acknowledged", async () => {
    const ev = await createEvent(server.url, smallEvent(INSTANT));
    await openVoting(server.url, ev.code, ev.adminToken);
    const screen = open({ code: ev.code, token: ev.screenKey });
    expect(await screen.outcome).toBe("connected");
    const area = ev.event.areas[0]!;
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const token = await join(server.url, ev.code);
      const proposal = area.proposals[i % area.proposals.length]!.id;
      const before = results(screen).length;
      const res = await vote(server.url, ev.code, token, area.id, [proposal]);
      expect(res.status).toBe(200);
      const acked = performance.now();
      // The first snapshot after the acknowledgement that counts this ballot.
      await until(() => results(screen).slice(before).some((r) => r.voters === i + 1), `snapshot with ${i + 1} voters`, 3000);
      delays.push(performance.now() - acked);
      await sleep(120);
    }
    delays.sort((a, b) => a - b);
    // Issue 4: within 200 ms. The median is asserted so one scheduling hiccup of a loaded CI
    // machine cannot fail it; every single delay must still stay under a second.
    expect(delays[Math.floor(delays.length / 2)]).toBeLessThanOrEqual(200);
    expect(delays.at(-1)).toBeLessThan(1000);
  });

  it("coalesces 1,000 ballots in one second into about ten snapshots, the last equal to a recount", async () => {
    const ev = await createEvent(server.url, smallEvent(INSTANT));
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0]!;
    const tokens: string[] = [];
    for (let i = 0; i < 1000; i++) tokens.push(await join(server.url, ev.code));
    const screen = open({ code: ev.code, token: ev.screenKey });
    const pub = open({ code: ev.code });
    for (const s of [screen, pub]) expect(await s.outcome).toBe("connected");
    await until(() => results(screen).length > 0 && results(pub).length > 0, "initial snapshots");
    const initial = results(screen).length;
    const initialPublic = results(pub).length;

    const start = performance.now();
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < 1000; i++) {
      const due = start + i; // one ballot per millisecond: 1,000 in one second
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const ids = [area.proposals[i % area.proposals.length]!.id];
      writes.push(vote(server.url, ev.code, tokens[i]!, area.id, ids).then((r) => expect(r.status).toBe(200)));
    }
    await Promise.all(writes);
    const expected = recount(area.id);
    await until(() => {
      const last = results(screen).at(-1);
      return last?.areas[0]?.voters === 1000;
    }, "final snapshot", 5000);
    await sleep(300); // nothing more should follow the final state
    const burst = results(screen).slice(initial);
    const elapsed = performance.now() - start;
    // 100 ms apart at most once each: about one per 100 ms of the burst, plus the final one.
    expect(burst.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(burst.length).toBeGreaterThan(1);
    const seqs = burst.map((r) => r.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const last = burst.at(-1)!.areas[0]!;
    for (const row of last.results) expect(row.votes).toBe(expected.get(row.proposalId) ?? 0);
    expect(last.results.reduce((n, r) => n + (r.votes ?? 0), 0)).toBe(1000);
    // Sockets without a screen or admin token get at most one snapshot a second, and the final state.
    await until(() => results(pub).at(-1)?.voters === 1000, "public final snapshot", 3000);
    const publicBurst = results(pub).slice(initialPublic);
    expect(publicBurst.length).toBeLessThanOrEqual(Math.ceil((performance.now() - start) / 1000) + 1);
  });
});

describe("visibility", () => {
  async function hiddenEvent(): Promise<CreatedTestEvent> {
    const ev = await createEvent(server.url, smallEvent({ ...INSTANT, resultsVisibility: "on-reveal" }));
    await openVoting(server.url, ev.code, ev.adminToken);
    return ev;
  }

  it("never sends a hidden area's counts to public or participant sockets; the screen gets them", async () => {
    const ev = await hiddenEvent();
    const area = ev.event.areas[0]!;
    const voter = await join(server.url, ev.code);
    const screen = open({ code: ev.code, token: ev.screenKey });
    const pub = open({ code: ev.code });
    const phone = open({ code: ev.code, token: voter });
    for (const s of [screen, pub, phone]) expect(await s.outcome).toBe("connected");
    expect((await vote(server.url, ev.code, voter, area.id, [area.proposals[0]!.id])).status).toBe(200);
    await until(() => results(screen).some((r) => r.areas[0]?.results.some((row) => row.votes === 1)), "screen sees the count");
    await until(() => results(pub).some((r) => r.voters === 1), "public sees the turnout", 3000);
    for (const s of [pub, phone]) {
      for (const r of results(s)) {
        const a = r.areas.find((x) => x.id === area.id)!;
        expect(a.withheld).toBe(true);
        expect(a.results.every((row) => row.votes === null && row.rank === null)).toBe(true);
      }
    }
    // Revealed: the room now sees the count.
    const reveal = await api(server.url, "PATCH", `/api/events/${ev.code}/areas/${area.id}`, { token: ev.adminToken, body: { revealed: true } });
    expect(reveal.status).toBe(200);
    await until(() => results(pub).some((r) => r.areas[0]?.results.some((row) => row.votes === 1)), "public sees the revealed count", 3000);
  });

  it("withholds an area under the privacy threshold from every socket, the screen included", async () => {
    const ev = await createEvent(server.url, smallEvent({ ...INSTANT, privacyThreshold: 3 }));
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0]!;
    const screen = open({ code: ev.code, token: ev.screenKey });
    const pub = open({ code: ev.code });
    for (const s of [screen, pub]) expect(await s.outcome).toBe("connected");
    for (let i = 0; i < 2; i++) {
      const t = await join(server.url, ev.code);
      expect((await vote(server.url, ev.code, t, area.id, [area.proposals[0]!.id])).status).toBe(200);
    }
    await until(() => results(screen).some((r) => r.areas[0]?.voters === 2), "two voters");
    await sleep(1100);
    for (const s of [screen, pub]) for (const r of results(s)) expect(r.areas[0]?.results.every((row) => row.votes === null)).toBe(true);
    const third = await join(server.url, ev.code);
    expect((await vote(server.url, ev.code, third, area.id, [area.proposals[0]!.id])).status).toBe(200);
    await until(() => results(screen).some((r) => r.areas[0]?.results[0]?.votes === 3), "counts shown at the threshold");
  });
});

describe("handshake and rooms", () => {
  it("refuses unknown events, malformed handshakes and forged or foreign tokens", async () => {
    const ev = await createEvent(server.url, smallEvent(INSTANT));
    const other = await createEvent(server.url, smallEvent(INSTANT));
    expect(await open({ code: "ZZZZZZ" }).outcome).toBe("NOT_FOUND");
    expect(await open({}).outcome).toBe("BAD_REQUEST");
    expect(await open({ code: ev.code, token: "adm_forged-token-that-does-not-exist" }).outcome).toBe("UNAUTHORIZED");
    expect(await open({ code: ev.code, token: other.adminToken }).outcome).toBe("UNAUTHORIZED");
    expect(await open({ code: ev.code, token: await join(server.url, other.code) }).outcome).toBe("UNAUTHORIZED");
    expect(await open({ code: ev.code.toLowerCase() }).outcome).toBe("connected");
  });

  it("sends a participant's ballot to their own sockets only, and the event to everyone on change", async () => {
    const ev = await createEvent(server.url, smallEvent(INSTANT));
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0]!;
    const alice = await join(server.url, ev.code);
    const bob = await join(server.url, ev.code);
    const aliceTab1 = open({ code: ev.code, token: alice });
    const aliceTab2 = open({ code: ev.code, token: alice });
    const bobTab = open({ code: ev.code, token: bob });
    for (const s of [aliceTab1, aliceTab2, bobTab]) expect(await s.outcome).toBe("connected");
    const ballots = (r: Recorder) => r.frames.filter((f) => f.name === "ballot").map((f) => f.payload as { ballot: Record<string, string[]> });
    const bobBefore = ballots(bobTab).length;
    expect((await vote(server.url, ev.code, alice, area.id, [area.proposals[1]!.id])).status).toBe(200);
    for (const tab of [aliceTab1, aliceTab2]) {
      await until(() => ballots(tab).some((b) => b.ballot[area.id]?.[0] === area.proposals[1]!.id), "alice's tabs follow");
    }
    await sleep(200);
    expect(ballots(bobTab).length).toBe(bobBefore);

    const close = await api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status: "closed", areaIds: [area.id] } });
    expect(close.status).toBe(200);
    for (const tab of [aliceTab1, bobTab]) {
      await until(
        () => tab.frames.some((f) => f.name === "event" && (f.payload as { event: { areas: Array<{ id: string; status: string }> } }).event.areas.find((a) => a.id === area.id)?.status === "closed"),
        "the close reaches every socket",
        1000,
      );
    }
  });
});
