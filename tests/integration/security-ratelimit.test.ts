// Rate limits: a whole room behind one venue NAT gets in and votes; event creation, joins and
// look-ups are bounded; guessing event codes or ballot-card codes earns 429s and nothing else, over
// HTTP and over the socket handshake alike; socket connections per address are capped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlenaryApp } from "../../server/app";
import { createGuessGuard, GUESS_BUDGET, RATE_LIMITS } from "../../server/plugins/security";
import { CODE_ALPHABET } from "../../shared/codes";
import { startServer, type TestServer } from "../helpers/app";
import { LIMITS } from "../../shared/limits";
import { call, expectStatus, joinEvent, memoryApp, openAll, record, seedEvent, smallProgramme, until, type Recorder, type Reply } from "./fixtures/kit";
import { dumpDb } from "./support";

const NAT = "203.0.113.7";

function randomCode(): string {
  let s = "";
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)];
  return s;
}

function randomInvite(): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

function errorCode(r: Reply): string | undefined {
  return (r.body as { error?: { code?: string } }).error?.code;
}

describe("a room of 500 phones behind one NAT", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ rateLimits: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it("loads, joins, votes and holds a live socket each, all inside one rate-limit window", async () => {
    const app = server.app;
    const s = await seedEvent(app);
    await openAll(app, s);
    const refused: string[] = [];
    const check = (r: Reply, what: string) => {
      if (r.status >= 300) refused.push(`${what}: ${r.status} ${r.text.slice(0, 100)}`);
      return r;
    };
    const tokens: string[] = [];
    const started = Date.now();
    // What one phone does on arrival (participant page): read the event a few times, join, read its ballot, vote in every area, see results.
    for (let phone = 0; phone < 500; phone++) {
      const at = { remoteAddress: NAT };
      check(await call(app, "GET", `/api/events/${s.code.toLowerCase()}`, at), "lookup");
      check(await call(app, "GET", `/api/events/${s.code}`, at), "event");
      check(await call(app, "GET", `/api/events/${s.code}`, at), "event again");
      const joined = check(await call(app, "POST", `/api/events/${s.code}/participants`, { ...at, body: {} }), "join");
      const token = (joined.body as { participantToken: string }).participantToken;
      tokens.push(token);
      check(await call(app, "GET", `/api/events/${s.code}/ballot`, { ...at, token }), "ballot");
      for (const [i, area] of s.areaIds.entries()) {
        const ids = s.proposalIds[i] ?? [];
        check(await call(app, "PUT", `/api/events/${s.code}/ballot/${area}`, { ...at, token, body: { proposalIds: [ids[phone % ids.length] ?? ""] } }), "vote");
        check(await call(app, "PUT", `/api/events/${s.code}/ballot/${area}`, { ...at, token, body: { proposalIds: [ids[(phone + 1) % ids.length] ?? ""] } }), "change");
      }
      check(await call(app, "GET", `/api/events/${s.code}/results`, at), "results");
    }
    expect(refused.slice(0, 5)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(RATE_LIMITS.join.timeWindow);

    // Every phone (all from 127.0.0.1 here) plus the projector and the organiser keeps a socket open.
    const sockets: Recorder[] = [];
    try {
      for (const token of [...tokens, s.screenKey, s.adminToken]) sockets.push(record(server.url, { code: s.code, token }));
      const outcomes = await Promise.all(sockets.map((r) => r.outcome));
      expect(outcomes.filter((o) => o !== "connected")).toEqual([]);
    } finally {
      for (const r of sockets) r.close();
    }
  });
});

describe("limits on creation, joins, look-ups and ballot writes", () => {
  let plenary: PlenaryApp;
  beforeAll(async () => {
    plenary = await memoryApp({ rateLimits: true });
  });
  afterAll(async () => {
    await plenary.app.close();
  });

  it("bounds event creation per address; the refusal stores nothing", async () => {
    const at = { remoteAddress: "198.51.100.1" };
    for (let i = 0; i < RATE_LIMITS.createEvent.max; i++) await expectStatus(call(plenary.app, "POST", "/api/events", { ...at, body: { title: `E${i}` } }), 201, `create ${i}`);
    const before = dumpDb(plenary.db);
    const refused = await call(plenary.app, "POST", "/api/events", { ...at, body: { title: "one too many" } });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: "RATE_LIMITED", message: expect.any(String) } });
    expect(dumpDb(plenary.db)).toEqual(before);
    await expectStatus(call(plenary.app, "POST", "/api/events", { remoteAddress: "198.51.100.2", body: { title: "elsewhere" } }), 201);
  });

  it("bounds joins per address; the refusal stores nothing", async () => {
    const s = await seedEvent(plenary.app);
    const at = { remoteAddress: "198.51.100.3", body: {} };
    for (let i = 0; i < RATE_LIMITS.join.max; i++) await expectStatus(call(plenary.app, "POST", `/api/events/${s.code}/participants`, at), 201, `join ${i}`);
    const before = dumpDb(plenary.db);
    expect(errorCode(await call(plenary.app, "POST", `/api/events/${s.code}/participants`, at))).toBe("RATE_LIMITED");
    expect(dumpDb(plenary.db)).toEqual(before);
  });

  it("bounds event look-ups and results reads per address", async () => {
    const s = await seedEvent(plenary.app);
    for (const [path, spec] of [[`/api/events/${s.code}`, RATE_LIMITS.eventLookup], [`/api/events/${s.code}/results`, RATE_LIMITS.results]] as const) {
      const at = { remoteAddress: `198.51.100.${path.endsWith("results") ? 5 : 4}` };
      for (let i = 0; i < spec.max; i++) await expectStatus(call(plenary.app, "GET", path, at), 200, `${path} ${i}`);
      expect((await call(plenary.app, "GET", path, at)).status).toBe(429);
    }
  });

  it("counts ballot writes per token, not per address", async () => {
    const s = await seedEvent(plenary.app);
    await openAll(plenary.app, s);
    const at = { remoteAddress: "198.51.100.6" };
    const busy = (await expectStatus(call(plenary.app, "POST", `/api/events/${s.code}/participants`, { remoteAddress: "198.51.100.7", body: {} }), 201)).body as { participantToken: string };
    const calm = (await expectStatus(call(plenary.app, "POST", `/api/events/${s.code}/participants`, { remoteAddress: "198.51.100.8", body: {} }), 201)).body as { participantToken: string };
    const [area] = s.areaIds as [string];
    const ids = s.proposalIds[0] ?? [];
    for (let i = 0; i < RATE_LIMITS.ballotWrite.max; i++) {
      await expectStatus(call(plenary.app, "PUT", `/api/events/${s.code}/ballot/${area}`, { ...at, token: busy.participantToken, body: { proposalIds: [ids[i % ids.length] ?? ""] } }), 200, `write ${i}`);
    }
    const before = dumpDb(plenary.db);
    const refused = await call(plenary.app, "PUT", `/api/events/${s.code}/ballot/${area}`, { ...at, token: busy.participantToken, body: { proposalIds: [] } });
    expect(errorCode(refused)).toBe("RATE_LIMITED");
    expect(dumpDb(plenary.db)).toEqual(before);
    // Same address, another phone: its own budget.
    await expectStatus(call(plenary.app, "PUT", `/api/events/${s.code}/ballot/${area}`, { ...at, token: calm.participantToken, body: { proposalIds: [ids[0] ?? ""] } }), 200);
  });
});

describe("guessing codes", () => {
  let plenary: PlenaryApp;
  beforeAll(async () => {
    plenary = await memoryApp({ rateLimits: true });
  });
  afterAll(async () => {
    await plenary.app.close();
  });

  it("event codes: after the failed look-up budget every answer is the same 429, hit or miss", async () => {
    const s = await seedEvent(plenary.app);
    await openAll(plenary.app, s);
    const participant = (await expectStatus(call(plenary.app, "POST", `/api/events/${s.code}/participants`, { remoteAddress: "192.0.2.1", body: {} }), 201)).body as { participantToken: string };
    const at = { remoteAddress: "192.0.2.1" };
    const before = dumpDb(plenary.db);
    const statuses = new Map<number, number>();
    const guesses = 2000;
    for (let i = 0; i < guesses; i++) {
      const code = randomCode();
      const r = i % 2 === 0 ? await call(plenary.app, "GET", `/api/events/${code}`, at) : await call(plenary.app, "POST", `/api/events/${code}/participants`, { ...at, body: {} });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    // Only the budget's worth of answers say anything; the rest are 429.
    expect(statuses.get(404)).toBe(GUESS_BUDGET.max);
    expect(statuses.get(429)).toBe(guesses - GUESS_BUDGET.max);
    expect([...statuses.keys()].sort()).toEqual([404, 429]);

    // The real code now looks exactly like a wrong one: same status, same body.
    const miss = await call(plenary.app, "GET", `/api/events/${randomCode()}`, at);
    for (const probe of [
      await call(plenary.app, "GET", `/api/events/${s.code}`, at),
      await call(plenary.app, "GET", `/api/events/${s.code}/results`, at),
      await call(plenary.app, "POST", `/api/events/${s.code}/participants`, { ...at, body: {} }),
      await call(plenary.app, "GET", `/api/events/${s.code}/ballot`, { ...at, token: "par_guess" }),
    ]) {
      expect(probe.status).toBe(429);
      expect(probe.body).toEqual(miss.body);
    }
    expect(dumpDb(plenary.db)).toEqual(before);

    // A valid token still works from the blocked address (phones already in, projector, organiser) …
    await expectStatus(call(plenary.app, "GET", `/api/events/${s.code}/ballot`, { ...at, token: participant.participantToken }), 200);
    await expectStatus(call(plenary.app, "PUT", `/api/events/${s.code}/ballot/${s.areaIds[0]}`, { ...at, token: participant.participantToken, body: { proposalIds: [] } }), 200);
    await expectStatus(call(plenary.app, "GET", `/api/events/${s.code}/results`, { ...at, token: s.screenKey }), 200);
    await expectStatus(call(plenary.app, "GET", `/api/events/${s.code}`, { ...at, token: s.adminToken }), 200);
    // … and other addresses are untouched.
    await expectStatus(call(plenary.app, "GET", `/api/events/${s.code}`, { remoteAddress: "192.0.2.2" }), 200);
  });

  it("ballot-card codes: wrong invites earn 429s, then even a right one looks the same", async () => {
    const s = await seedEvent(plenary.app, smallProgramme({ access: "invite" }));
    const invites = (await expectStatus(call(plenary.app, "POST", `/api/events/${s.code}/invites`, { token: s.adminToken, body: { count: 2000 } }), 201)).body as { invites: string[] };
    const at = { remoteAddress: "192.0.2.3" };
    const before = dumpDb(plenary.db);
    const seen = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const r = await call(plenary.app, "POST", `/api/events/${s.code}/participants`, { ...at, body: { invite: randomInvite() } });
      const key = `${r.status} ${errorCode(r)}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(seen)).toEqual({ "403 INVITE_INVALID": GUESS_BUDGET.max, "429 RATE_LIMITED": 1000 - GUESS_BUDGET.max });
    const right = await call(plenary.app, "POST", `/api/events/${s.code}/participants`, { ...at, body: { invite: invites.invites[0] } });
    expect(errorCode(right)).toBe("RATE_LIMITED");
    expect(dumpDb(plenary.db)).toEqual(before);
    await expectStatus(call(plenary.app, "POST", `/api/events/${s.code}/participants`, { remoteAddress: "192.0.2.4", body: { invite: invites.invites[0] } }), 201);
  });

  it("the budget window resets", () => {
    let now = 0;
    const guard = createGuessGuard({ max: 3, windowMs: 1000 }, () => now);
    for (let i = 0; i < 3; i++) guard.failed("a");
    expect(guard.blocked("a")).toBe(true);
    expect(guard.blocked("b")).toBe(false);
    now = 1001;
    expect(guard.blocked("a")).toBe(false);
  });
});

describe("socket handshake", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ rateLimits: true, maxSocketsPerIp: 5 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("shares the failed look-up budget with HTTP: guesses over either transport end in 429s", async () => {
    const s = await seedEvent(server.app);
    const participant = (await expectStatus(call(server.app, "POST", `/api/events/${s.code}/participants`, { body: {} }), 201)).body as { participantToken: string };
    // Half the budget spent over HTTP from this address (sockets here come from 127.0.0.1 too) …
    for (let i = 0; i < GUESS_BUDGET.max - 20; i++) await expectStatus(call(server.app, "GET", `/api/events/${randomCode()}`), 404);
    // … the rest over the socket handshake.
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = record(server.url, { code: randomCode() });
      outcomes.push(await r.outcome);
      r.close();
    }
    expect(outcomes.slice(0, 20).every((o) => o === "NOT_FOUND")).toBe(true);
    expect(outcomes.slice(20).every((o) => o === "RATE_LIMITED")).toBe(true);
    const anonymous = record(server.url, { code: s.code });
    expect(await anonymous.outcome).toBe("RATE_LIMITED");
    anonymous.close();
    expect((await call(server.app, "GET", `/api/events/${s.code}`)).status).toBe(429);
    const phone = record(server.url, { code: s.code, token: participant.participantToken });
    expect(await phone.outcome).toBe("connected");
    phone.close();
  });

  it("caps simultaneous tokenless sockets per address, and frees the slot on disconnect", async () => {
    // Its own server: the tests above spent this address's failed look-up budget, which tokenless sockets share.
    const server = await startServer({ rateLimits: true, maxSocketsPerIp: 5 });
    const s = await seedEvent(server.app);
    const open: Recorder[] = [];
    for (let i = 0; i < 5; i++) open.push(record(server.url, { code: s.code }));
    expect(await Promise.all(open.map((r) => r.outcome))).toEqual(Array(5).fill("connected"));
    const sixth = record(server.url, { code: s.code });
    expect(await sixth.outcome).toBe("RATE_LIMITED");
    sixth.close();
    // The address is full, yet the projector, the organiser and a joined phone still get in:
    // a token counts per caller, not against its neighbours behind the NAT (issue 11).
    const participant = await joinEvent(server.app, s.code);
    const tokened = [s.screenKey, s.adminToken, participant].map((token) => record(server.url, { code: s.code, token }));
    expect(await Promise.all(tokened.map((r) => r.outcome))).toEqual(["connected", "connected", "connected"]);
    for (const r of tokened) r.close();
    open.pop()?.close();
    await until(() => server.realtime.io.engine.clientsCount <= 4, "a slot freed");
    const again = record(server.url, { code: s.code });
    expect(await again.outcome).toBe("connected");
    for (const r of [...open, again]) r.close();
    await server.close();
  });

  it("caps the sockets of one caller too (LIMITS.socketsPerCaller)", async () => {
    const s = await seedEvent(server.app);
    const open: Recorder[] = [];
    for (let i = 0; i < LIMITS.socketsPerCaller; i++) open.push(record(server.url, { code: s.code, token: s.screenKey }));
    expect(await Promise.all(open.map((r) => r.outcome))).toEqual(Array(LIMITS.socketsPerCaller).fill("connected"));
    const over = record(server.url, { code: s.code, token: s.screenKey });
    expect(await over.outcome).toBe("RATE_LIMITED");
    for (const r of [...open, over]) r.close();
  });
});
