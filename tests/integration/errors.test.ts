// Every error code of API.md, produced by a real request against the real app, with the exact error
// body, and proof from a dump of every table that the refused request changed nothing.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/limits";
import type { Area } from "../../shared/schemas";
import { api, createEvent, join, openVoting, startServer, vote, type Api, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { dumpDb, expectError, smallEvent, STACK_TRACE } from "./support";

interface World {
  url: string;
  /** Open event: Health is open with one cast ballot, Law is still a draft. */
  a: CreatedTestEvent;
  health: Area;
  law: Area;
  /** A participant of `a` holding Health [H0, H1]. */
  voter: string;
  /** A participant of `a` without votes. */
  idle: string;
  /** Another event, all open, with its own participant. */
  b: CreatedTestEvent;
  bVoter: string;
  /** A ballot-card event with three cards issued. */
  c: CreatedTestEvent;
  cards: string[];
}

let server: TestServer;
let w: World;

async function buildWorld(url: string): Promise<World> {
  const a = await createEvent(url, smallEvent());
  const b = await createEvent(url, smallEvent({ title: "Other forum" }));
  const c = await createEvent(url, smallEvent({ title: "Card forum", access: "invite" }));
  const [health, law] = a.event.areas as [Area, Area];
  const voter = await join(url, a.code);
  const idle = await join(url, a.code);
  const bVoter = await join(url, b.code);
  await openVoting(url, a.code, a.adminToken, [health.id]);
  await openVoting(url, b.code, b.adminToken);
  const cast = await vote(url, a.code, voter, health.id, [health.proposals[0]!.id, health.proposals[1]!.id]);
  if (cast.status !== 200) throw new Error(`setup vote: ${cast.text}`);
  const issued = await api(url, "POST", `/api/events/${c.code}/invites`, { token: c.adminToken, body: { count: 3 } });
  const cards = (issued.body as { invites: string[] }).invites;
  return { url, a, health, law, voter, idle, b, bVoter, c, cards };
}

beforeEach(async () => {
  server = await startServer();
  w = await buildWorld(server.url);
});
afterEach(async () => {
  await server.close();
});

/** Sends a request that must be refused with `code`, and checks that no table changed. */
async function refused(status: number, code: string, send: () => Promise<Api>): Promise<Api> {
  const before = dumpDb(server.db);
  const res = await send();
  expectError(res, status, code);
  expect(dumpDb(server.db), `${code}: the refused request changed the database`).toEqual(before);
  return res;
}

const put = (token: string, areaId: string, proposalIds: unknown, code = w.a.code) =>
  api(w.url, "PUT", `/api/events/${code}/ballot/${areaId}`, { token, body: { proposalIds } });

describe("the snapshot check itself", () => {
  it("sees a change a successful request makes (so an unchanged dump means something)", async () => {
    const before = dumpDb(server.db);
    expect((await vote(w.url, w.a.code, w.idle, w.health.id, [w.health.proposals[2]!.id])).status).toBe(200);
    expect(dumpDb(server.db)).not.toEqual(before);
  });
});

describe("BAD_REQUEST (400)", () => {
  it("malformed JSON", async () => {
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { raw: '{"title": "x",' }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "PUT", `/api/events/${w.a.code}/ballot/${w.health.id}`, { token: w.voter, raw: "{proposalIds: []}" }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/participants`, { raw: "{" }));
  });

  it("a body that is not the expected JSON object", async () => {
    for (const raw of ["null", "[]", '"text"', "42", "true"]) {
      await refused(400, "BAD_REQUEST", () => api(w.url, "PUT", `/api/events/${w.a.code}/ballot/${w.health.id}`, { token: w.voter, raw }));
      await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { raw }));
    }
  });

  it("a body that is not JSON at all", async () => {
    await refused(400, "BAD_REQUEST", () =>
      api(w.url, "POST", "/api/events", { raw: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } }),
    );
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { raw: '{"title":"x"}', headers: { "content-type": "text/plain" } }));
  });

  it("a prototype-pollution key", async () => {
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { raw: '{"title":"x","__proto__":{"isAdmin":true}}' }));
  });

  it("wrong types", async () => {
    const h0 = w.health.proposals[0]!.id;
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: 5 } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", votesPerArea: "2" } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", votesPerArea: 2.5 } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", access: "closed" } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", areas: { title: "y" } } }));
    await refused(400, "BAD_REQUEST", () => put(w.voter, w.health.id, h0));
    await refused(400, "BAD_REQUEST", () => put(w.voter, w.health.id, [1, 2]));
    await refused(400, "BAD_REQUEST", () => put(w.voter, w.health.id, [h0, null]));
    await refused(400, "BAD_REQUEST", () => put(w.voter, w.health.id, [{ id: h0 }]));
    await refused(400, "BAD_REQUEST", () => api(w.url, "PUT", `/api/events/${w.a.code}/ballot/${w.health.id}`, { token: w.voter, body: {} }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${w.health.id}`, { token: w.a.adminToken, body: { revealed: "yes" } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/voting`, { token: w.a.adminToken, body: { status: "paused" } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/invites`, { token: w.a.adminToken, body: { count: "3" } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/participants`, { body: { invite: 12345678 } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/paper-ballots`, { token: w.a.adminToken, body: { ballot: [h0] } }));
  });

  it("values out of range", async () => {
    for (const votesPerArea of [0, 21, -1, 1e9]) {
      await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", votesPerArea } }));
    }
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", privacyThreshold: 51 } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "PATCH", `/api/events/${w.a.code}`, { token: w.a.adminToken, body: { votesPerArea: 0 } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${w.law.id}`, { token: w.a.adminToken, body: { maxVotes: 21 } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/invites`, { token: w.a.adminToken, body: { count: 0 } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/invites`, { token: w.a.adminToken, body: { count: LIMITS.invitesPerRequest + 1 } }));
    // a title of spaces is no title
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "   " } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "PATCH", `/api/events/${w.a.code}/proposals/${w.health.proposals[0]!.id}`, { token: w.a.adminToken, body: { title: "" } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "GET", `/api/events/${w.a.code}/export?format=xlsx`, { token: w.a.adminToken }));
  });

  it("unknown fields", async () => {
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", owner: "me" } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", areas: [{ title: "y", proposals: [{ title: "z", votes: 99 }] }] } }));
    await refused(400, "BAD_REQUEST", () =>
      api(w.url, "PUT", `/api/events/${w.a.code}/ballot/${w.health.id}`, { token: w.voter, body: { proposalIds: [], participantId: 1 } }),
    );
    await refused(400, "BAD_REQUEST", () => api(w.url, "PATCH", `/api/events/${w.a.code}`, { token: w.a.adminToken, body: { code: "AAAAAA" } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${w.health.id}`, { token: w.a.adminToken, body: { votes: 0 } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/participants`, { body: { name: "Alice" } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/voting`, { token: w.a.adminToken, body: { status: "open", force: true } }));
  });

  it("oversize strings", async () => {
    const long = (n: number) => "x".repeat(n);
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: long(LIMITS.eventTitle + 1) } }));
    await refused(400, "BAD_REQUEST", () =>
      api(w.url, "POST", `/api/events/${w.a.code}/areas`, { token: w.a.adminToken, body: { title: long(LIMITS.areaTitle + 1) } }),
    );
    await refused(400, "BAD_REQUEST", () =>
      api(w.url, "POST", `/api/events/${w.a.code}/areas/${w.law.id}/proposals`, { token: w.a.adminToken, body: { title: long(LIMITS.proposalTitle + 1) } }),
    );
    await refused(400, "BAD_REQUEST", () =>
      api(w.url, "POST", `/api/events/${w.a.code}/areas/${w.law.id}/proposals`, { token: w.a.adminToken, body: { title: "ok", body: long(LIMITS.proposalBody + 1) } }),
    );
    await refused(400, "BAD_REQUEST", () =>
      api(w.url, "PATCH", `/api/events/${w.a.code}/proposals/${w.health.proposals[0]!.id}`, { token: w.a.adminToken, body: { body: long(LIMITS.proposalBody + 1) } }),
    );
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.c.code}/participants`, { body: { invite: long(33) } }));
    await refused(400, "BAD_REQUEST", () => put(w.voter, w.health.id, [long(LIMITS.idLength + 1)]));
    // at the limit is fine (so the refusals above are about the size)
    const ok = await api(w.url, "POST", "/api/events", { body: { title: long(LIMITS.eventTitle) } });
    expect(ok.status).toBe(201);
  });

  it("oversize arrays", async () => {
    const areas = Array.from({ length: LIMITS.areasPerEvent + 1 }, (_, i) => ({ title: `A${i}` }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", areas } }));
    const proposals = Array.from({ length: LIMITS.proposalsPerArea + 1 }, (_, i) => ({ title: `P${i}` }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", "/api/events", { body: { title: "x", areas: [{ title: "A", proposals }] } }));
    await refused(400, "BAD_REQUEST", () => api(w.url, "PUT", `/api/events/${w.a.code}/content`, { token: w.a.adminToken, body: { areas } }));
    const ids = Array.from({ length: LIMITS.votesMax * 5 + 1 }, (_, i) => `p_${i}`);
    await refused(400, "BAD_REQUEST", () => put(w.voter, w.health.id, ids));
    const areaIds = Array.from({ length: LIMITS.areasPerEvent + 1 }, () => w.health.id);
    await refused(400, "BAD_REQUEST", () => api(w.url, "POST", `/api/events/${w.a.code}/voting`, { token: w.a.adminToken, body: { status: "closed", areaIds } }));
  });

  it("malformed ids in the path", async () => {
    await refused(400, "BAD_REQUEST", () => put(w.voter, "a%20b", []));
    await refused(400, "BAD_REQUEST", () => api(w.url, "DELETE", `/api/events/${w.a.code}/proposals/${"p".repeat(LIMITS.idLength + 1)}`, { token: w.a.adminToken }));
  });

  it("a body where the endpoint takes none", async () => {
    await refused(400, "BAD_REQUEST", () =>
      api(w.url, "DELETE", `/api/events/${w.a.code}/areas/${w.law.id}`, { token: w.a.adminToken, body: { force: true } }),
    );
  });
});

describe("UNAUTHORIZED (401)", () => {
  it("an admin endpoint without a token", async () => {
    await refused(401, "UNAUTHORIZED", () => api(w.url, "PATCH", `/api/events/${w.a.code}`, { body: { title: "Taken over" } }));
    await refused(401, "UNAUTHORIZED", () => api(w.url, "GET", `/api/events/${w.a.code}/export?format=json`));
    await refused(401, "UNAUTHORIZED", () => api(w.url, "POST", `/api/events/${w.a.code}/voting`, { body: { status: "closed" } }));
  });

  it("a participant endpoint without a token", async () => {
    await refused(401, "UNAUTHORIZED", () => api(w.url, "PUT", `/api/events/${w.a.code}/ballot/${w.health.id}`, { body: { proposalIds: [] } }));
    await refused(401, "UNAUTHORIZED", () => api(w.url, "GET", `/api/events/${w.a.code}/ballot`));
  });

  it("a token that is not one", async () => {
    await refused(401, "UNAUTHORIZED", () => api(w.url, "PATCH", `/api/events/${w.a.code}`, { token: "adm_forged", body: { title: "x" } }));
    await refused(401, "UNAUTHORIZED", () => put("par_forged", w.health.id, []));
    await refused(401, "UNAUTHORIZED", () => api(w.url, "PATCH", `/api/events/${w.a.code}`, { headers: { authorization: `Basic ${w.a.adminToken}` }, body: { title: "x" } }));
    await refused(401, "UNAUTHORIZED", () => api(w.url, "PATCH", `/api/events/${w.a.code}`, { token: `${w.a.adminToken}x`, body: { title: "x" } }));
  });

  it("tokens of another event", async () => {
    await refused(401, "UNAUTHORIZED", () => api(w.url, "PATCH", `/api/events/${w.a.code}`, { token: w.b.adminToken, body: { title: "x" } }));
    await refused(401, "UNAUTHORIZED", () => api(w.url, "GET", `/api/events/${w.a.code}/export?format=csv`, { token: w.b.adminToken }));
    await refused(401, "UNAUTHORIZED", () => put(w.bVoter, w.health.id, [w.health.proposals[3]!.id]));
    await refused(401, "UNAUTHORIZED", () => api(w.url, "GET", `/api/events/${w.a.code}/ballot`, { token: w.bVoter }));
  });

  it("creating an event without the organiser key, when the server has one", async () => {
    const locked = await startServer({ organiserKey: "organiser-secret-key" });
    try {
      const before = dumpDb(locked.db);
      expectError(await api(locked.url, "POST", "/api/events", { body: { title: "x" } }), 401, "UNAUTHORIZED");
      expectError(await api(locked.url, "POST", "/api/events", { token: "wrong-key", body: { title: "x" } }), 401, "UNAUTHORIZED");
      expect(dumpDb(locked.db)).toEqual(before);
      expect((await api(locked.url, "POST", "/api/events", { token: "organiser-secret-key", body: { title: "x" } })).status).toBe(201);
    } finally {
      await locked.close();
    }
  });
});

describe("FORBIDDEN (403)", () => {
  it("a participant token on admin endpoints", async () => {
    await refused(403, "FORBIDDEN", () => api(w.url, "PATCH", `/api/events/${w.a.code}`, { token: w.voter, body: { title: "x" } }));
    await refused(403, "FORBIDDEN", () => api(w.url, "GET", `/api/events/${w.a.code}/export?format=json`, { token: w.voter }));
    await refused(403, "FORBIDDEN", () => api(w.url, "POST", `/api/events/${w.a.code}/paper-ballots`, { token: w.voter, body: { ballot: {} } }));
    await refused(403, "FORBIDDEN", () => api(w.url, "POST", `/api/events/${w.a.code}/invites`, { token: w.voter, body: { count: 1 } }));
  });

  it("the screen key is read-only", async () => {
    await refused(403, "FORBIDDEN", () => api(w.url, "POST", `/api/events/${w.a.code}/voting`, { token: w.a.screenKey, body: { status: "closed" } }));
    await refused(403, "FORBIDDEN", () => api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${w.health.id}`, { token: w.a.screenKey, body: { revealed: true } }));
    await refused(403, "FORBIDDEN", () => put(w.a.screenKey, w.health.id, []));
  });

  it("the admin token cannot vote or read a ballot", async () => {
    await refused(403, "FORBIDDEN", () => put(w.a.adminToken, w.health.id, [w.health.proposals[2]!.id]));
    await refused(403, "FORBIDDEN", () => api(w.url, "GET", `/api/events/${w.a.code}/ballot`, { token: w.a.adminToken }));
  });
});

describe("NOT_FOUND (404)", () => {
  it("an unknown event code", async () => {
    const unknown = w.a.code === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";
    await refused(404, "NOT_FOUND", () => api(w.url, "GET", `/api/events/${unknown}`));
    await refused(404, "NOT_FOUND", () => api(w.url, "POST", `/api/events/${unknown}/participants`, { body: {} }));
    await refused(404, "NOT_FOUND", () => api(w.url, "GET", `/api/events/${unknown}/results`));
  });

  it("an unknown area or proposal, and one of another event", async () => {
    const bHealth = w.b.event.areas[0]!;
    const admin = w.a.adminToken;
    await refused(404, "NOT_FOUND", () => api(w.url, "PATCH", `/api/events/${w.a.code}/areas/a_unknown`, { token: admin, body: { title: "x" } }));
    await refused(404, "NOT_FOUND", () => api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${bHealth.id}`, { token: admin, body: { status: "closed" } }));
    await refused(404, "NOT_FOUND", () => api(w.url, "DELETE", `/api/events/${w.a.code}/areas/${bHealth.id}`, { token: admin }));
    await refused(404, "NOT_FOUND", () => api(w.url, "POST", `/api/events/${w.a.code}/areas/${bHealth.id}/proposals`, { token: admin, body: { title: "x" } }));
    await refused(404, "NOT_FOUND", () => api(w.url, "PATCH", `/api/events/${w.a.code}/proposals/${bHealth.proposals[0]!.id}`, { token: admin, body: { title: "x" } }));
    await refused(404, "NOT_FOUND", () => api(w.url, "DELETE", `/api/events/${w.a.code}/proposals/${bHealth.proposals[0]!.id}`, { token: admin }));
    await refused(404, "NOT_FOUND", () => api(w.url, "DELETE", `/api/events/${w.a.code}/proposals/p_unknown`, { token: admin }));
    await refused(404, "NOT_FOUND", () => put(w.voter, "a_unknown", []));
    await refused(404, "NOT_FOUND", () => put(w.voter, bHealth.id, [bHealth.proposals[0]!.id]));
  });

  it("opening a list of areas of which one is unknown opens none", async () => {
    await refused(404, "NOT_FOUND", () =>
      api(w.url, "POST", `/api/events/${w.a.code}/voting`, { token: w.a.adminToken, body: { status: "open", areaIds: [w.law.id, "a_unknown"] } }),
    );
  });

  it("an unknown endpoint answers JSON", async () => {
    await refused(404, "NOT_FOUND", () => api(w.url, "GET", "/api/nothing-here"));
    await refused(404, "NOT_FOUND", () => api(w.url, "POST", `/api/events/${w.a.code}/nothing`, { body: {} }));
  });
});

describe("VOTING_CLOSED (409)", () => {
  it("an area still in draft", async () => {
    await refused(409, "VOTING_CLOSED", () => put(w.voter, w.law.id, [w.law.proposals[0]!.id]));
  });

  it("a closed area, also for a withdrawal, and the ballot stays", async () => {
    await api(w.url, "POST", `/api/events/${w.a.code}/voting`, { token: w.a.adminToken, body: { status: "closed" } });
    await refused(409, "VOTING_CLOSED", () => put(w.voter, w.health.id, [w.health.proposals[3]!.id]));
    await refused(409, "VOTING_CLOSED", () => put(w.voter, w.health.id, []));
  });

  it("a paper ballot naming a closed area is refused whole", async () => {
    await refused(409, "VOTING_CLOSED", () =>
      api(w.url, "POST", `/api/events/${w.a.code}/paper-ballots`, {
        token: w.a.adminToken,
        body: { ballot: { [w.health.id]: [w.health.proposals[0]!.id], [w.law.id]: [w.law.proposals[0]!.id] } },
      }),
    );
  });
});

describe("EVENT_LOCKED (409)", () => {
  const admin = () => w.a.adminToken;

  it("replacing the content once any vote exists", async () => {
    await refused(409, "EVENT_LOCKED", () =>
      api(w.url, "PUT", `/api/events/${w.a.code}/content`, { token: admin(), body: { areas: [{ title: "New", proposals: [{ title: "N" }] }] } }),
    );
    // without votes it is allowed (so the refusal is about the votes)
    const free = await api(w.url, "PUT", `/api/events/${w.b.code}/content`, { token: w.b.adminToken, body: { areas: [{ title: "New" }] } });
    expect(free.status).toBe(200);
  });

  it("lowering maxVotes below a cast ballot's size", async () => {
    await refused(409, "EVENT_LOCKED", () => api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${w.health.id}`, { token: admin(), body: { maxVotes: 1 } }));
    // raising it, or lowering it to the largest ballot, is fine
    expect((await api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${w.health.id}`, { token: admin(), body: { maxVotes: 3 } })).status).toBe(200);
    expect((await api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${w.health.id}`, { token: admin(), body: { maxVotes: 2 } })).status).toBe(200);
  });

  it("a PATCH refused for its limit changes none of its other fields either", async () => {
    await refused(409, "EVENT_LOCKED", () =>
      api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${w.health.id}`, { token: admin(), body: { title: "Renamed", revealed: true, maxVotes: 1 } }),
    );
  });

  it("deleting an area with votes", async () => {
    await refused(409, "EVENT_LOCKED", () => api(w.url, "DELETE", `/api/events/${w.a.code}/areas/${w.health.id}`, { token: admin() }));
    expect((await api(w.url, "DELETE", `/api/events/${w.a.code}/areas/${w.law.id}`, { token: admin() })).status).toBe(204);
  });

  it("deleting a proposal with votes", async () => {
    await refused(409, "EVENT_LOCKED", () => api(w.url, "DELETE", `/api/events/${w.a.code}/proposals/${w.health.proposals[0]!.id}`, { token: admin() }));
  });

  it("adding a proposal while the area is open, or after it has votes", async () => {
    await refused(409, "EVENT_LOCKED", () =>
      api(w.url, "POST", `/api/events/${w.a.code}/areas/${w.health.id}/proposals`, { token: admin(), body: { title: "Late idea" } }),
    );
    const bHealth = w.b.event.areas[0]!;
    // open without votes: still locked (phones already show the list)
    await refused(409, "EVENT_LOCKED", () =>
      api(w.url, "POST", `/api/events/${w.b.code}/areas/${bHealth.id}/proposals`, { token: w.b.adminToken, body: { title: "Late idea" } }),
    );
    await api(w.url, "POST", `/api/events/${w.a.code}/voting`, { token: admin(), body: { status: "closed", areaIds: [w.health.id] } });
    await refused(409, "EVENT_LOCKED", () =>
      api(w.url, "POST", `/api/events/${w.a.code}/areas/${w.health.id}/proposals`, { token: admin(), body: { title: "Late idea" } }),
    );
    // a draft area takes new proposals
    expect((await api(w.url, "POST", `/api/events/${w.a.code}/areas/${w.law.id}/proposals`, { token: admin(), body: { title: "Fine" } })).status).toBe(201);
  });

  it("returning an area with votes to draft", async () => {
    await refused(409, "EVENT_LOCKED", () => api(w.url, "PATCH", `/api/events/${w.a.code}/areas/${w.health.id}`, { token: admin(), body: { status: "draft" } }));
  });
});

describe("INVITE_REQUIRED and INVITE_INVALID (403)", () => {
  it("a ballot-card event without a card", async () => {
    await refused(403, "INVITE_REQUIRED", () => api(w.url, "POST", `/api/events/${w.c.code}/participants`, { body: {} }));
    await refused(403, "INVITE_REQUIRED", () => api(w.url, "POST", `/api/events/${w.c.code}/participants`, { body: { invite: "" } }));
  });

  it("a card that does not exist, or belongs to another event", async () => {
    await refused(403, "INVITE_INVALID", () => api(w.url, "POST", `/api/events/${w.c.code}/participants`, { body: { invite: "AAAA-AAAA" } }));
    const other = await api(w.url, "POST", `/api/events/${w.a.code}/invites`, { token: w.a.adminToken, body: { count: 1 } });
    const foreignCard = (other.body as { invites: string[] }).invites[0]!;
    await refused(403, "INVITE_INVALID", () => api(w.url, "POST", `/api/events/${w.c.code}/participants`, { body: { invite: foreignCard } }));
    // a real card works (so the refusals above are about the card)
    expect((await api(w.url, "POST", `/api/events/${w.c.code}/participants`, { body: { invite: w.cards[0] } })).status).toBe(201);
  });
});

describe("TOO_MANY_VOTES, DUPLICATE_PROPOSAL, UNKNOWN_PROPOSAL (422)", () => {
  const h = (i: number) => w.health.proposals[i]!.id;

  it("TOO_MANY_VOTES: more than the area allows, and the old ballot stays", async () => {
    await refused(422, "TOO_MANY_VOTES", () => put(w.voter, w.health.id, [h(0), h(1), h(2)]));
    await refused(422, "TOO_MANY_VOTES", () => put(w.voter, w.health.id, [h(0), h(1), h(2), h(3)]));
    const bLaw = w.b.event.areas[1]!;
    await refused(422, "TOO_MANY_VOTES", () => put(w.bVoter, bLaw.id, [bLaw.proposals[0]!.id, bLaw.proposals[1]!.id], w.b.code));
  });

  it("DUPLICATE_PROPOSAL: the same proposal twice", async () => {
    await refused(422, "DUPLICATE_PROPOSAL", () => put(w.voter, w.health.id, [h(2), h(2)]));
    await refused(422, "DUPLICATE_PROPOSAL", () => put(w.idle, w.health.id, [h(0), h(0)]));
  });

  it("UNKNOWN_PROPOSAL: a made-up id, a proposal of another area, a proposal of another event", async () => {
    await refused(422, "UNKNOWN_PROPOSAL", () => put(w.voter, w.health.id, ["p_doesnotexist"]));
    await refused(422, "UNKNOWN_PROPOSAL", () => put(w.voter, w.health.id, [h(0), w.law.proposals[0]!.id]));
    await refused(422, "UNKNOWN_PROPOSAL", () => put(w.voter, w.health.id, [w.b.event.areas[0]!.proposals[0]!.id]));
    await refused(422, "UNKNOWN_PROPOSAL", () => put(w.bVoter, w.b.event.areas[0]!.id, [h(0)], w.b.code));
  });

  it("paper ballots: same rules, refused whole, no participant added", async () => {
    const paper = (ballot: Record<string, string[]>) => api(w.url, "POST", `/api/events/${w.a.code}/paper-ballots`, { token: w.a.adminToken, body: { ballot } });
    await refused(422, "TOO_MANY_VOTES", () => paper({ [w.health.id]: [h(0), h(1), h(2)] }));
    await refused(422, "DUPLICATE_PROPOSAL", () => paper({ [w.health.id]: [h(3), h(3)] }));
    await refused(422, "UNKNOWN_PROPOSAL", () => paper({ [w.health.id]: [w.law.proposals[0]!.id] }));
    await refused(422, "UNKNOWN_PROPOSAL", () => paper({ [w.b.event.areas[0]!.id]: [w.b.event.areas[0]!.proposals[0]!.id] }));
  });
});

describe("PAYLOAD_TOO_LARGE (413)", () => {
  it("a body over the limit", async () => {
    const huge = "x".repeat(LIMITS.bodyBytes + 1024);
    await refused(413, "PAYLOAD_TOO_LARGE", () => api(w.url, "POST", "/api/events", { body: { title: huge } }));
    await refused(413, "PAYLOAD_TOO_LARGE", () => put(w.voter, w.health.id, [huge]));
  });
});

describe("RATE_LIMITED (429)", () => {
  it("too many event creations from one address", async () => {
    const limited = await startServer({ rateLimits: true });
    try {
      let res: Api | null = null;
      let created = 0;
      for (let i = 0; i < 200; i++) {
        const before = dumpDb(limited.db);
        res = await api(limited.url, "POST", "/api/events", { body: { title: `Spam ${i}` } });
        if (res.status === 429) {
          expect(dumpDb(limited.db)).toEqual(before);
          break;
        }
        expect(res.status).toBe(201);
        created++;
      }
      expect(res).not.toBeNull();
      expectError(res!, 429, "RATE_LIMITED");
      expect(created).toBeGreaterThan(0);
      // the other endpoints still answer
      expect((await api(limited.url, "GET", "/healthz")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("never a 500, never a stack trace", () => {
  it("random JSON bodies to every writing endpoint", async () => {
    const h0 = w.health.proposals[0]!.id;
    const targets: Array<{ method: string; path: string; token?: string }> = [
      { method: "POST", path: "/api/events" },
      { method: "PATCH", path: `/api/events/${w.a.code}`, token: w.a.adminToken },
      { method: "PUT", path: `/api/events/${w.a.code}/content`, token: w.a.adminToken },
      { method: "POST", path: `/api/events/${w.a.code}/areas`, token: w.a.adminToken },
      { method: "PATCH", path: `/api/events/${w.a.code}/areas/${w.health.id}`, token: w.a.adminToken },
      { method: "POST", path: `/api/events/${w.a.code}/areas/${w.law.id}/proposals`, token: w.a.adminToken },
      { method: "PATCH", path: `/api/events/${w.a.code}/proposals/${h0}`, token: w.a.adminToken },
      { method: "POST", path: `/api/events/${w.a.code}/voting`, token: w.a.adminToken },
      { method: "POST", path: `/api/events/${w.a.code}/invites`, token: w.a.adminToken },
      { method: "POST", path: `/api/events/${w.c.code}/participants` },
      { method: "PUT", path: `/api/events/${w.a.code}/ballot/${w.health.id}`, token: w.voter },
      { method: "POST", path: `/api/events/${w.a.code}/paper-ballots`, token: w.a.adminToken },
    ];
    const keys = ["title", "body", "areas", "proposals", "proposalIds", "ballot", "status", "areaIds", "count", "invite", "maxVotes", "revealed", "position", "access", "votesPerArea"];
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(h0), fc.constant([h0, h0]), fc.constant({ [w.health.id]: [h0] }));
    const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 4 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async (target, payload) => {
        const before = dumpDb(server.db);
        const res = await api(w.url, target.method, target.path, { ...(target.token ? { token: target.token } : {}), body: payload });
        expect(res.status, res.text).toBeLessThan(500);
        expect(res.text).not.toMatch(STACK_TRACE);
        if (res.status >= 400) {
          expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
          expect(dumpDb(server.db)).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("odd paths and headers", async () => {
    const odd: Array<[string, string, Record<string, string>?]> = [
      ["GET", "/api/events/%00%00%00"],
      ["GET", `/api/events/${"A".repeat(300)}`],
      ["PUT", `/api/events/${w.a.code}/ballot/${"a".repeat(150)}`],
      ["GET", "/api/events/%E0%A4%A"],
      ["GET", `/api/events/${w.a.code}/invites`, { authorization: "Bearer " }],
      ["GET", `/api/events/${w.a.code}/invites`, { authorization: `Bearer ${"x".repeat(5000)}` }],
      ["GET", `/api/events/${w.a.code}/export?format=csv&format=json`],
    ];
    for (const [method, path, headers] of odd) {
      const res = await api(w.url, method, path, { ...(headers ? { headers } : {}), ...(method === "PUT" ? { token: w.voter, body: { proposalIds: [] } } : {}) });
      const context = `${method} ${path.slice(0, 80)}: ${res.status} ${res.text.slice(0, 200)}`;
      expect(res.status, context).toBeGreaterThanOrEqual(400);
      expect(res.status, context).toBeLessThan(500);
      expect(res.text).not.toMatch(STACK_TRACE);
    }
  });
});
