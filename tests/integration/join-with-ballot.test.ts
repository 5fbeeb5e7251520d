// API 1.1: a phone joins at its first vote, and the join carries that vote — one round trip on a
// poor link instead of two. One transaction: a refused vote joins no one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area, Results } from "../../shared/schemas";
import { api, createEvent, openVoting, startServer, type TestServer } from "../helpers/app";
import { dumpDb, expectError, getJson, smallEvent } from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const joinWith = (code: string, body: unknown) => api(server.url, "POST", `/api/events/${code}/participants`, { body });

describe("joining with the first vote", () => {
  it("joins and stores the vote in one answer; the token then reads and changes that ballot", async () => {
    const ev = await createEvent(server.url, smallEvent());
    const [health] = ev.event.areas as [Area];
    await openVoting(server.url, ev.code, ev.adminToken);
    const first = health.proposals[2]!.id;
    const res = await joinWith(ev.code, { ballot: { areaId: health.id, proposalIds: [first] } });
    expect(res.status, res.text).toBe(201);
    const reply = res.body as { participantToken: string; ballot: { areaId: string; proposalIds: string[] } };
    expect(reply.ballot).toEqual({ areaId: health.id, proposalIds: [first] });
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    expect(results.participants).toBe(1);
    expect(results.voters).toBe(1);
    expect(results.areas[0]!.results.find((r) => r.proposalId === first)?.votes).toBe(1);
    const ballot = await api(server.url, "GET", `/api/events/${ev.code}/ballot`, { token: reply.participantToken });
    expect((ballot.body as { ballot: Record<string, string[]> }).ballot[health.id]).toEqual([first]);
    // a plain join still answers the token alone
    const plain = await joinWith(ev.code, {});
    expect(plain.status).toBe(201);
    expect(Object.keys(plain.body as object)).toEqual(["participantToken"]);
  });

  it("refuses a vote the rules refuse, with its code, and joins no one", async () => {
    const ev = await createEvent(server.url, smallEvent());
    const [health, law] = ev.event.areas as [Area, Area];
    await openVoting(server.url, ev.code, ev.adminToken, [health.id]);
    const before = dumpDb(server.db);
    const h = (i: number) => health.proposals[i]!.id;
    expectError(await joinWith(ev.code, { ballot: { areaId: law.id, proposalIds: [law.proposals[0]!.id] } }), 409, "VOTING_CLOSED");
    expectError(await joinWith(ev.code, { ballot: { areaId: health.id, proposalIds: [h(0), h(1), h(2)] } }), 422, "TOO_MANY_VOTES");
    expectError(await joinWith(ev.code, { ballot: { areaId: health.id, proposalIds: [h(0), h(0)] } }), 422, "DUPLICATE_PROPOSAL");
    expectError(await joinWith(ev.code, { ballot: { areaId: health.id, proposalIds: [law.proposals[0]!.id] } }), 422, "UNKNOWN_PROPOSAL");
    expectError(await joinWith(ev.code, { ballot: { areaId: "a_nothere", proposalIds: [h(0)] } }), 404, "NOT_FOUND");
    expectError(await joinWith(ev.code, { ballot: { areaId: health.id } }), 400, "BAD_REQUEST");
    expect(dumpDb(server.db)).toEqual(before);
  });

  it("keeps a ballot card's rules: the card is needed, and the vote is its person's", async () => {
    const ev = await createEvent(server.url, smallEvent({ access: "invite" }));
    const [health] = ev.event.areas as [Area];
    await openVoting(server.url, ev.code, ev.adminToken);
    const cards = (await api(server.url, "POST", `/api/events/${ev.code}/invites`, { token: ev.adminToken, body: { count: 1 } })).body as { invites: string[] };
    const vote = { areaId: health.id, proposalIds: [health.proposals[0]!.id] };
    const before = dumpDb(server.db);
    expectError(await joinWith(ev.code, { ballot: vote }), 403, "INVITE_REQUIRED");
    expect(dumpDb(server.db)).toEqual(before);
    const res = await joinWith(ev.code, { invite: cards.invites[0], ballot: vote });
    expect(res.status, res.text).toBe(201);
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    expect([results.participants, results.voters]).toEqual([1, 1]);
  });
});

describe("a join sent again after its answer was lost", () => {
  const KEY = "k7Qm2x9PzR4tW8vB1nC6yA";

  it("is the same participant under the same join key: one person, the latest ballot, both tokens work", async () => {
    const ev = await createEvent(server.url, smallEvent());
    const [health] = ev.event.areas as [Area];
    await openVoting(server.url, ev.code, ev.adminToken);
    const p = (i: number) => health.proposals[i]!.id;
    const first = await joinWith(ev.code, { joinKey: KEY, ballot: { areaId: health.id, proposalIds: [p(0)] } });
    expect(first.status, first.text).toBe(201);
    // the phone never saw that answer; meanwhile it tapped a second proposal and tries again
    const again = await joinWith(ev.code, { joinKey: KEY, ballot: { areaId: health.id, proposalIds: [p(0), p(1)] } });
    expect(again.status, again.text).toBe(201);
    const tokens = [first, again].map((r) => (r.body as { participantToken: string }).participantToken);
    expect(tokens[0]).not.toBe(tokens[1]);
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    expect([results.participants, results.voters]).toEqual([1, 1]);
    expect(results.areas[0]!.results.filter((r) => (r.votes ?? 0) > 0).map((r) => [r.proposalId, r.votes]).sort()).toEqual([[p(0), 1], [p(1), 1]].sort());
    for (const token of tokens) {
      const ballot = await api(server.url, "GET", `/api/events/${ev.code}/ballot`, { token });
      expect((ballot.body as { ballot: Record<string, string[]> }).ballot[health.id]?.sort()).toEqual([p(0), p(1)].sort());
    }
    // another phone's key, or none, is another person; the same key in another event is no one there yet
    expect((await joinWith(ev.code, { joinKey: "another-phone-key-0123456" })).status).toBe(201);
    expect((await joinWith(ev.code, {})).status).toBe(201);
    const other = await createEvent(server.url, smallEvent());
    expect((await joinWith(other.code, { joinKey: KEY })).status).toBe(201);
    expect((await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken)).participants).toBe(3);
    expect((await getJson<Results>(server.url, `/api/events/${other.code}/results`, other.adminToken)).participants).toBe(1);
  });

  it("refuses a malformed join key with BAD_REQUEST, storing nothing", async () => {
    const ev = await createEvent(server.url, smallEvent());
    const before = dumpDb(server.db);
    for (const joinKey of ["short", "x".repeat(65), "has spaces in it 0123456789", 42, ""]) {
      expectError(await joinWith(ev.code, { joinKey }), 400, "BAD_REQUEST");
    }
    expect(dumpDb(server.db)).toEqual(before);
  });
});
