// Authorization matrix: every route that needs a token, and every socket capability, tried with
// no token, the wrong kind of token and another event's tokens. All refused with the API's code,
// and the database byte-for-byte unchanged. Identity comes only from the token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlenaryApp } from "../../server/app";
import type { Results } from "../../shared/schemas";
import { startServer, type TestServer } from "../helpers/app";
import { call, closedAreaWithVotes, expectStatus, joinEvent, memoryApp, openAll, record, seedEvent, sleep, smallProgramme, until, type Reply, type Seeded } from "./fixtures/kit";
import { dumpDb } from "./support";

type Access = "admin" | "participant" | "content" | "member";
interface Target {
  suggestion: string;
  code: string;
  areaDraft: string;
  areaOpen: string;
  /** API 1.1: closed with votes for two proposals (a runoff of it succeeds). */
  areaClosed: string;
  proposalDraft: string;
  proposalOpen: string;
  paperBallot: string;
  batchId: string;
  questionId: string;
}
interface RouteCase {
  access: Access;
  /** content routes: whether the target lies in the draft area, whose editor link may do it (else: another area, 403). */
  editorOwn?: boolean;
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
}

/**
 * Every route that needs a token, with a body that succeeds for the right caller (proved below),
 * so that each refusal in the matrix is about who calls, never about what is sent.
 */
const ROUTES: Record<string, RouteCase> = {
  "PATCH /api/events/{code}": { access: "admin", path: (t) => `/api/events/${t.code}`, body: () => ({ title: "Renamed" }) },
  "PUT /api/events/{code}/content": { access: "admin", path: (t) => `/api/events/${t.code}/content`, body: () => ({ areas: [{ title: "Only", proposals: [{ title: "P" }] }] }) },
  "POST /api/events/{code}/areas": { access: "admin", path: (t) => `/api/events/${t.code}/areas`, body: () => ({ title: "New area" }) },
  "PATCH /api/events/{code}/areas/{areaId}": { access: "admin", path: (t) => `/api/events/${t.code}/areas/${t.areaDraft}`, body: () => ({ status: "open", revealed: true }) },
  "DELETE /api/events/{code}/areas/{areaId}": { access: "admin", path: (t) => `/api/events/${t.code}/areas/${t.areaDraft}` },
  "POST /api/events/{code}/areas/{areaId}/proposals": { access: "content", editorOwn: true, path: (t) => `/api/events/${t.code}/areas/${t.areaDraft}/proposals`, body: () => ({ title: "Late idea" }) },
  "PATCH /api/events/{code}/proposals/{proposalId}": { access: "content", editorOwn: false, path: (t) => `/api/events/${t.code}/proposals/${t.proposalOpen}`, body: () => ({ title: "Typo fixed" }) },
  "DELETE /api/events/{code}/proposals/{proposalId}": { access: "content", editorOwn: true, path: (t) => `/api/events/${t.code}/proposals/${t.proposalDraft}` },
  "POST /api/events/{code}/areas/{areaId}/editor-key": { access: "admin", path: (t) => `/api/events/${t.code}/areas/${t.areaDraft}/editor-key` },
  "POST /api/events/{code}/areas/{areaId}/suggestions": { access: "participant", path: (t) => `/api/events/${t.code}/areas/${t.areaDraft}/suggestions`, body: () => ({ title: "From the room" }) },
  "GET /api/events/{code}/suggestions": { access: "member", path: (t) => `/api/events/${t.code}/suggestions` },
  "POST /api/events/{code}/suggestions/{suggestionId}/accept": { access: "content", editorOwn: true, path: (t) => `/api/events/${t.code}/suggestions/${t.suggestion}/accept` },
  "POST /api/events/{code}/suggestions/{suggestionId}/reject": { access: "content", editorOwn: true, path: (t) => `/api/events/${t.code}/suggestions/${t.suggestion}/reject` },
  "POST /api/events/{code}/voting": { access: "admin", path: (t) => `/api/events/${t.code}/voting`, body: () => ({ status: "closed" }) },
  "POST /api/events/{code}/areas/{areaId}/runoff": { access: "admin", path: (t) => `/api/events/${t.code}/areas/${t.areaClosed}/runoff`, body: () => ({ top: 2 }) },
  "POST /api/events/{code}/invites": { access: "admin", path: (t) => `/api/events/${t.code}/invites`, body: () => ({ count: 3 }) },
  "GET /api/events/{code}/invites": { access: "admin", path: (t) => `/api/events/${t.code}/invites` },
  "GET /api/events/{code}/invite-batches": { access: "admin", path: (t) => `/api/events/${t.code}/invite-batches` },
  "GET /api/events/{code}/invite-batches/{batchId}": { access: "admin", path: (t) => `/api/events/${t.code}/invite-batches/${t.batchId}` },
  "POST /api/events/{code}/invite-batches/{batchId}/printed": { access: "admin", path: (t) => `/api/events/${t.code}/invite-batches/${t.batchId}/printed` },
  "POST /api/events/{code}/invite-batches/{batchId}/void": { access: "admin", path: (t) => `/api/events/${t.code}/invite-batches/${t.batchId}/void` },
  "POST /api/events/{code}/paper-ballots": { access: "admin", path: (t) => `/api/events/${t.code}/paper-ballots`, body: (t) => ({ ballot: { [t.areaOpen]: [t.proposalOpen] } }) },
  "GET /api/events/{code}/paper-ballots": { access: "admin", path: (t) => `/api/events/${t.code}/paper-ballots` },
  "DELETE /api/events/{code}/paper-ballots/{paperBallotId}": { access: "admin", path: (t) => `/api/events/${t.code}/paper-ballots/${t.paperBallot}` },
  "GET /api/events/{code}/export": { access: "admin", path: (t) => `/api/events/${t.code}/export?format=json` },
  "GET /api/events/{code}/ballot": { access: "participant", path: (t) => `/api/events/${t.code}/ballot` },
  "PUT /api/events/{code}/ballot/{areaId}": { access: "participant", path: (t) => `/api/events/${t.code}/ballot/${t.areaOpen}`, body: (t) => ({ proposalIds: [t.proposalOpen] }) },
  "PUT /api/events/{code}/feedback": { access: "admin", path: (t) => `/api/events/${t.code}/feedback`, body: (t) => ({ status: "closed", questions: [{ id: t.questionId, kind: "yesno", prompt: "Again?" }] }) },
  "PUT /api/events/{code}/feedback/answers": { access: "participant", path: (t) => `/api/events/${t.code}/feedback/answers`, body: (t) => ({ answers: { [t.questionId]: "yes" } }) },
  "GET /api/events/{code}/feedback/answers": { access: "participant", path: (t) => `/api/events/${t.code}/feedback/answers` },
};

interface Party extends Seeded {
  participant: string;
  /** The editor link of the draft area. */
  editor: string;
  target: Target;
}

let plenary: PlenaryApp;

/** An event with a draft area (for content edits) and an open area (for ballots), one participant, some invites. */
async function party(withClosedArea = false): Promise<Party> {
  const app = plenary.app;
  const s = await seedEvent(app, smallProgramme({ access: "open" }));
  const [areaDraft, areaOpen] = s.areaIds as [string, string];
  await expectStatus(call(app, "POST", `/api/events/${s.code}/voting`, { token: s.adminToken, body: { status: "open", areaIds: [areaOpen] } }), 200);
  const issued = await expectStatus(call(app, "POST", `/api/events/${s.code}/invites`, { token: s.adminToken, body: { count: 2 } }), 201);
  const participant = await joinEvent(app, s.code);
  const paper = await expectStatus(call(app, "POST", `/api/events/${s.code}/paper-ballots`, { token: s.adminToken, body: { ballot: {} } }), 201);
  const form = await expectStatus(call(app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body: { status: "open", questions: [{ kind: "yesno", prompt: "Again?" }] } }), 200);
  // Only where needed: its votes would lock the programme (PUT …/content) of the other cases.
  const areaClosed = withClosedArea ? await closedAreaWithVotes(app, s) : "a_none";
  const editor = ((await expectStatus(call(app, "POST", `/api/events/${s.code}/areas/${areaDraft}/editor-key`, { token: s.adminToken }), 201)).body as { editorKey: string }).editorKey;
  await expectStatus(call(app, "PATCH", `/api/events/${s.code}/areas/${areaDraft}`, { token: s.adminToken, body: { suggestions: "open" } }), 200);
  const suggested = await expectStatus(call(app, "POST", `/api/events/${s.code}/areas/${areaDraft}/suggestions`, { token: participant, body: { title: "An idea from the floor" } }), 201);
  const target: Target = {
    questionId: (form.body as { feedback: { questions: Array<{ id: string }> } }).feedback.questions[0]?.id ?? "",
    suggestion: (suggested.body as { suggestion: { id: string } }).suggestion.id,
    paperBallot: (paper.body as { id: string }).id,
    code: s.code,
    areaDraft,
    areaOpen,
    areaClosed,
    proposalDraft: s.proposalIds[0]?.[3] ?? "",
    proposalOpen: s.proposalIds[1]?.[0] ?? "",
    batchId: (issued.body as { batchId: string }).batchId,
  };
  return { ...s, participant, editor, target };
}

function expectRefused(res: Reply, status: 401 | 403, context: string): void {
  expect(res.status, `${context}: ${res.text.slice(0, 200)}`).toBe(status);
  expect(res.body, context).toEqual({ error: { code: status === 401 ? "UNAUTHORIZED" : "FORBIDDEN", message: expect.any(String) } });
}

beforeAll(async () => {
  plenary = await memoryApp();
});
afterAll(async () => {
  await plenary.app.close();
});

describe("authorization matrix over HTTP", () => {
  it("covers every route that needs a token (a new one must be added to the matrix)", async () => {
    const doc = (await call(plenary.app, "GET", "/openapi.json")).body as { paths: Record<string, Record<string, { security: unknown[] }>> };
    const secured = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).filter(([, op]) => op.security.length > 0).map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(secured.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it("refuses every caller but the right one, and changes nothing", async () => {
    const a = await party(true);
    const b = await party(true);
    // Votes in both events, so the dump holds ballots a refused request could disturb.
    await expectStatus(call(plenary.app, "PUT", `/api/events/${a.code}/ballot/${a.target.areaOpen}`, { token: a.participant, body: { proposalIds: [a.target.proposalOpen] } }), 200);
    await expectStatus(call(plenary.app, "PUT", `/api/events/${b.code}/ballot/${b.target.areaOpen}`, { token: b.participant, body: { proposalIds: [b.target.proposalOpen] } }), 200);
    type Kind = "none" | "foreign" | "admin" | "participant" | "screen" | "editor";
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const callers: Array<{ name: string; headers: Record<string, string>; kind: Kind }> = [
      { name: "no token", headers: {}, kind: "none" },
      { name: "empty bearer", headers: { authorization: "Bearer " }, kind: "none" },
      { name: "basic auth", headers: { authorization: `Basic ${Buffer.from(`x:${a.adminToken}`).toString("base64")}` }, kind: "none" },
      { name: "token in a cookie", headers: { cookie: `token=${a.adminToken}` }, kind: "none" },
      { name: "participant token", headers: bearer(a.participant), kind: "participant" },
      { name: "screen key", headers: bearer(a.screenKey), kind: "screen" },
      { name: "editor link of the draft area", headers: bearer(a.editor), kind: "editor" },
      { name: "admin token", headers: bearer(a.adminToken), kind: "admin" },
      { name: "other event's admin token", headers: bearer(b.adminToken), kind: "foreign" },
      { name: "other event's screen key", headers: bearer(b.screenKey), kind: "foreign" },
      { name: "other event's participant", headers: bearer(b.participant), kind: "foreign" },
      { name: "other event's editor link", headers: bearer(b.editor), kind: "foreign" },
      { name: "admin token, one letter changed", headers: { authorization: `Bearer ${a.adminToken.slice(0, -1)}${a.adminToken.endsWith("A") ? "B" : "A"}` }, kind: "foreign" },
    ];
    /** Who may call what: the roles each access admits (server/http/auth.ts), an editor only in its own area. */
    const expectedFor = (kind: Kind, route: RouteCase): 401 | 403 | "allowed" => {
      if (kind === "none" || kind === "foreign") return 401;
      if (kind === "admin") return route.access === "participant" ? 403 : "allowed";
      if (kind === "participant") return route.access === "participant" || route.access === "member" ? "allowed" : 403;
      if (kind === "editor") return route.access === "member" || (route.access === "content" && route.editorOwn) ? "allowed" : 403;
      return 403;
    };
    let refusals = 0;
    const before = dumpDb(plenary.db);
    for (const [key, route] of Object.entries(ROUTES)) {
      const [method] = key.split(" ") as ["GET" | "POST" | "PUT" | "PATCH" | "DELETE"];
      for (const caller of callers) {
        const expected = expectedFor(caller.kind, route);
        if (expected === "allowed") continue;
        const body = route.body?.(a.target);
        const res = await call(plenary.app, method, route.path(a.target), { headers: caller.headers, ...(body === undefined ? {} : { body }) });
        expectRefused(res, expected, `${key} with ${caller.name}`);
        refusals++;
      }
    }
    expect(dumpDb(plenary.db)).toEqual(before);
    expect(refusals).toBeGreaterThanOrEqual(Object.keys(ROUTES).length * 8);
  });

  it("lets the right caller through with the same requests (the matrix is not vacuous)", async () => {
    for (const [key, route] of Object.entries(ROUTES)) {
      const [method] = key.split(" ") as ["GET" | "POST" | "PUT" | "PATCH" | "DELETE"];
      const p = await party(key.includes("/runoff"));
      const token = route.access === "participant" ? p.participant : p.adminToken;
      const body = route.body?.(p.target);
      const res = await call(plenary.app, method, route.path(p.target), { token, ...(body === undefined ? {} : { body }) });
      expect(res.status, `${key}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${key}: ${res.text.slice(0, 200)}`).toBeLessThan(300);
    }
  });

  it("lets an area's editor link through on its own area's drafting routes", async () => {
    const own = Object.entries(ROUTES).filter(([, r]) => r.access === "member" || (r.access === "content" && r.editorOwn));
    expect(own.length).toBeGreaterThanOrEqual(4);
    for (const [key, route] of own) {
      const [method] = key.split(" ") as ["GET" | "POST" | "PUT" | "PATCH" | "DELETE"];
      const p = await party();
      const body = route.body?.(p.target);
      const res = await call(plenary.app, method, route.path(p.target), { token: p.editor, ...(body === undefined ? {} : { body }) });
      expect(res.status, `${key}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${key}: ${res.text.slice(0, 200)}`).toBeLessThan(300);
    }
  });

  it("hidden counts reach only the admin token and the screen key", async () => {
    const p = await party();
    await expectStatus(call(plenary.app, "PATCH", `/api/events/${p.code}`, { token: p.adminToken, body: { resultsVisibility: "on-reveal" } }), 200);
    await expectStatus(call(plenary.app, "PUT", `/api/events/${p.code}/ballot/${p.target.areaOpen}`, { token: p.participant, body: { proposalIds: [p.target.proposalOpen] } }), 200);
    const area = (r: Reply) => (r.body as Results).areas.find((x) => x.id === p.target.areaOpen);
    for (const token of [undefined, p.participant]) {
      const res = await expectStatus(call(plenary.app, "GET", `/api/events/${p.code}/results`, token ? { token } : {}), 200);
      expect(area(res)?.withheld).toBe(true);
      expect(area(res)?.results.every((r) => r.votes === null && r.rank === null)).toBe(true);
    }
    for (const token of [p.adminToken, p.screenKey]) {
      const res = await expectStatus(call(plenary.app, "GET", `/api/events/${p.code}/results`, { token }), 200);
      expect(area(res)?.withheld).toBe(false);
      expect(area(res)?.results.find((r) => r.proposalId === p.target.proposalOpen)?.votes).toBe(1);
    }
    const other = await party();
    expectRefused(await call(plenary.app, "GET", `/api/events/${p.code}/results`, { token: other.screenKey }), 401, "foreign screen key on results");
  });
});

describe("identity comes only from the token", () => {
  it("refuses identity fields in bodies as unknown, and ignores them in the query", async () => {
    const p = await party();
    const other = await joinEvent(plenary.app, p.code);
    const before = dumpDb(plenary.db);
    const probes: Array<[method: "POST" | "PUT", path: string, token: string | undefined, body: unknown]> = [
      ["PUT", `/api/events/${p.code}/ballot/${p.target.areaOpen}`, p.participant, { proposalIds: [p.target.proposalOpen], participantId: 1 }],
      ["PUT", `/api/events/${p.code}/ballot/${p.target.areaOpen}`, p.participant, { proposalIds: [p.target.proposalOpen], participantToken: other }],
      ["PUT", `/api/events/${p.code}/ballot/${p.target.areaOpen}`, p.participant, { proposalIds: [p.target.proposalOpen], role: "admin" }],
      ["POST", `/api/events/${p.code}/participants`, undefined, { participantId: 1 }],
      ["POST", `/api/events/${p.code}/participants`, undefined, { token: other }],
      ["POST", `/api/events/${p.code}/paper-ballots`, p.adminToken, { ballot: { [p.target.areaOpen]: [p.target.proposalOpen] }, participantId: 1 }],
    ];
    for (const [method, path, token, body] of probes) {
      const res = await call(plenary.app, method, path, { ...(token ? { token } : {}), body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect((res.body as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
    }
    expect(dumpDb(plenary.db)).toEqual(before);

    // The other participant writes; the first reads only its own ballot, whatever the query says.
    await expectStatus(call(plenary.app, "PUT", `/api/events/${p.code}/ballot/${p.target.areaOpen}`, { token: other, body: { proposalIds: [p.target.proposalOpen] } }), 200);
    const mine = await expectStatus(call(plenary.app, "GET", `/api/events/${p.code}/ballot?participantId=2&participant=${other}`, { token: p.participant }), 200);
    expect((mine.body as { ballot: Record<string, string[]> }).ballot[p.target.areaOpen]).toEqual([]);
  });
});

describe("socket capabilities", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ resultsIntervalMs: 20, publicResultsIntervalMs: 40 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("refuses foreign and unknown tokens at the handshake, keeps hidden counts and ballots to their owners, ignores anything a client sends", async () => {
    const app = server.app;
    const a = await seedEvent(app, smallProgramme({ resultsVisibility: "on-reveal" }));
    const b = await seedEvent(app);
    await openAll(app, a);
    const p1 = await joinEvent(app, a.code);
    const p2 = await joinEvent(app, a.code);
    const pb = await joinEvent(app, b.code);
    const [area] = a.areaIds as [string];
    const [choice] = a.proposalIds[0] as [string];

    const refusedAuth: Array<[string, unknown, string]> = [
      ["other event's admin token", { code: a.code, token: b.adminToken }, "UNAUTHORIZED"],
      ["other event's screen key", { code: a.code, token: b.screenKey }, "UNAUTHORIZED"],
      ["other event's participant", { code: a.code, token: pb }, "UNAUTHORIZED"],
      ["garbage token", { code: a.code, token: "adm_x" }, "UNAUTHORIZED"],
      ["unknown event", { code: "ZZZZZZ", token: a.adminToken }, "NOT_FOUND"],
      ["participant id instead of a token", { code: a.code, participantId: 1 }, "BAD_REQUEST"],
      ["role claimed in the handshake", { code: a.code, role: "admin" }, "BAD_REQUEST"],
    ];
    for (const [name, auth, code] of refusedAuth) {
      const r = record(server.url, auth);
      expect(await r.outcome, name).toBe(code);
      r.close();
    }

    const sockets = {
      public: record(server.url, { code: a.code }),
      p1: record(server.url, { code: a.code, token: p1 }),
      p2: record(server.url, { code: a.code, token: p2 }),
      screen: record(server.url, { code: a.code, token: a.screenKey }),
      admin: record(server.url, { code: a.code, token: a.adminToken }),
    };
    for (const [name, s] of Object.entries(sockets)) expect(await s.outcome, name).toBe("connected");

    const before = dumpDb(server.db);
    // Clients change nothing over the socket, whatever they send.
    for (const s of Object.values(sockets)) {
      s.socket.emit("ballot", { ballot: { [area]: [choice] } });
      s.socket.emit("vote", { areaId: area, proposalIds: [choice] });
      s.socket.emit("voting", { status: "closed" });
      s.socket.emit("results", { seq: 1e9 });
    }
    await sleep(100);
    expect(dumpDb(server.db)).toEqual(before);
    for (const [name, s] of Object.entries(sockets)) expect(s.socket.connected, name).toBe(true);

    await expectStatus(call(app, "PUT", `/api/events/${a.code}/ballot/${area}`, { token: p1, body: { proposalIds: [choice] } }), 200);
    const counted = (frames: Array<{ name: string; payload: unknown }>) =>
      frames.some((f) => f.name === "results" && (f.payload as Results).areas.some((x) => x.id === area && x.voters === 1));
    await until(() => Object.values(sockets).every((s) => counted(s.frames)), "every socket saw the new turnout");
    await until(() => sockets.p1.frames.some((f) => f.name === "ballot" && JSON.stringify(f.payload).includes(choice)), "p1 saw its ballot");
    await sleep(100);

    const areaResults = (f: { payload: unknown }) => (f.payload as Results).areas.find((x) => x.id === area);
    for (const name of ["public", "p1", "p2"] as const) {
      const results = sockets[name].frames.filter((f) => f.name === "results");
      expect(results.length, name).toBeGreaterThan(0);
      for (const f of results) {
        expect(areaResults(f)?.withheld, name).toBe(true);
        expect(areaResults(f)?.results.every((r) => r.votes === null), name).toBe(true);
      }
    }
    for (const name of ["screen", "admin"] as const) {
      const last = sockets[name].frames.filter((f) => f.name === "results").at(-1);
      expect(last && areaResults(last)?.results.find((r) => r.proposalId === choice)?.votes, name).toBe(1);
    }
    // Ballot frames: only to the participant's own sockets.
    for (const name of ["public", "screen", "admin"] as const) expect(sockets[name].frames.filter((f) => f.name === "ballot"), name).toEqual([]);
    for (const f of sockets.p2.frames.filter((x) => x.name === "ballot")) expect(JSON.stringify(f.payload), "p2's ballot frames").not.toContain(choice);
    for (const s of Object.values(sockets)) s.close();
  });
});
