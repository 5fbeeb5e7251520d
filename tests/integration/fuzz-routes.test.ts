// Fuzzing every route (enumerated from the server's own OpenAPI document, so a new route is fuzzed
// without anyone remembering to) and the socket handshake: fast-check payloads, paths, tokens,
// content types and queries, plus hand-made nasties. Every answer is a 4xx with the API's error
// body or a success; never a 5xx, never an unhandled rejection, and a refusal changes nothing.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlenaryApp } from "../../server/app";
import { normalizeCode } from "../../shared/codes";
import { ERROR_STATUS, isErrorCode } from "../../shared/errors";
import { LIMITS } from "../../shared/limits";
import { startServer, type TestServer } from "../helpers/app";
import { call, expectStatus, joinEvent, memoryApp, record, seedEvent, sleep, smallProgramme, type Reply, type Seeded } from "./fixtures/kit";
import { dumpDb } from "./support";

const RUNS_PER_ROUTE = 520;
const SOCKET_RUNS = 300;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
interface Route {
  method: Method;
  template: string;
}

interface World {
  a: Seeded & { participant: string; invite: string; paperBallotIds: string[]; batchId: string; questionIds: string[]; suggestionIds: string[] };
  b: Seeded & { participant: string; paperBallotIds: string[]; batchId: string; suggestionIds: string[] };
}

const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => void unhandled.push(err);

let plenary: PlenaryApp;
let routes: Route[] = [];
let total = 0;
const outcomes = new Map<string, Map<string, number>>();

async function world(app: PlenaryApp["app"]): Promise<World> {
  const a = await seedEvent(app, smallProgramme({ access: "invite" }));
  await expectStatus(call(app, "POST", `/api/events/${a.code}/voting`, { token: a.adminToken, body: { status: "open", areaIds: [a.areaIds[0]] } }), 200);
  const invites = (await expectStatus(call(app, "POST", `/api/events/${a.code}/invites`, { token: a.adminToken, body: { count: 3 } }), 201)).body as { invites: string[]; batchId: string };
  const participant = await joinEvent(app, a.code, invites.invites[0]);
  await expectStatus(call(app, "PUT", `/api/events/${a.code}/ballot/${a.areaIds[0]}`, { token: participant, body: { proposalIds: [a.proposalIds[0]?.[0]] } }), 200);
  const form = await expectStatus(call(app, "PUT", `/api/events/${a.code}/feedback`, { token: a.adminToken, body: { status: "open", questions: [{ kind: "agree5", prompt: "New ideas?" }, { kind: "choice", prompt: "Which?", options: ["x", "y"] }, { kind: "text", prompt: "Comments" }] } }), 200);
  const questionIds = (form.body as { feedback: { questions: Array<{ id: string }> } }).feedback.questions.map((q) => q.id);
  const b = await seedEvent(app);
  const bParticipant = await joinEvent(app, b.code);
  const paper = async (s: Seeded) => {
    await expectStatus(call(app, "POST", `/api/events/${s.code}/voting`, { token: s.adminToken, body: { status: "open", areaIds: [s.areaIds[0]] } }), 200);
    const res = await expectStatus(call(app, "POST", `/api/events/${s.code}/paper-ballots`, { token: s.adminToken, body: { ballot: { [s.areaIds[0] ?? ""]: [s.proposalIds[0]?.[1]] } } }), 201);
    return [(res.body as { id: string }).id];
  };
  const bBatch = (await expectStatus(call(app, "POST", `/api/events/${b.code}/invites`, { token: b.adminToken, body: { count: 1 } }), 201)).body as { batchId: string };
  // The second area (still a draft) takes suggestions: a few pending ones to accept, merge or reject.
  const suggestions = async (s: Seeded, token: string) => {
    const areaId = s.areaIds[1] ?? "";
    await expectStatus(call(app, "PATCH", `/api/events/${s.code}/areas/${areaId}`, { token: s.adminToken, body: { suggestions: "open" } }), 200);
    const ids: string[] = [];
    for (const title of ["S1", "S2", "S3"]) {
      const res = await expectStatus(call(app, "POST", `/api/events/${s.code}/areas/${areaId}/suggestions`, { token, body: { title } }), 201);
      ids.push((res.body as { suggestion: { id: string } }).suggestion.id);
    }
    return ids;
  };
  return {
    a: { ...a, participant, invite: invites.invites[1] ?? "", paperBallotIds: await paper(a), batchId: invites.batchId, questionIds, suggestionIds: await suggestions(a, participant) },
    b: { ...b, participant: bParticipant, paperBallotIds: await paper(b), batchId: bBatch.batchId, suggestionIds: await suggestions(b, bParticipant) },
  };
}

/** Actions whose body is optional: without one (or with JSON null) they do their plain form ("accept as is"). */
const OPTIONAL_BODY = new Set(["POST /api/events/{code}/suggestions/{suggestionId}/accept"]);

/** A body each route accepts from the right caller: the starting point of mutations. */
function validBody(route: Route, w: World): unknown {
  const area0 = w.a.areaIds[0] ?? "";
  const p00 = w.a.proposalIds[0]?.[0] ?? "";
  const key = `${route.method} ${route.template}`;
  const bodies: Record<string, unknown> = {
    "POST /api/events": smallProgramme(),
    "PATCH /api/events/{code}": { title: "T", privacyThreshold: 2, resultsVisibility: "on-reveal" },
    "PUT /api/events/{code}/content": { areas: [{ title: "A", maxVotes: 1, proposals: [{ title: "P", body: "B" }] }] },
    "POST /api/events/{code}/areas": { title: "A", maxVotes: 3, proposals: [{ title: "P" }] },
    "PATCH /api/events/{code}/areas/{areaId}": { title: "A", maxVotes: 2, status: "closed", revealed: true, position: 0 },
    "POST /api/events/{code}/areas/{areaId}/proposals": { title: "P", body: "B" },
    "PATCH /api/events/{code}/proposals/{proposalId}": { title: "P", body: "B", position: 1 },
    "POST /api/events/{code}/voting": { status: "open", areaIds: [area0] },
    "POST /api/events/{code}/areas/{areaId}/runoff": { top: 3 },
    "POST /api/events/{code}/invites": { count: 2 },
    "POST /api/events/{code}/participants": { invite: w.a.invite },
    "PUT /api/events/{code}/ballot/{areaId}": { proposalIds: [p00] },
    "POST /api/events/{code}/paper-ballots": { ballot: { [area0]: [p00] } },
    "PUT /api/events/{code}/feedback": { status: "open", questions: w.a.questionIds.map((id, i) => (i === 1 ? { id, kind: "choice", prompt: "Which?", options: ["x", "y"] } : { id, kind: i === 0 ? "agree5" : "text", prompt: "Q" })) },
    "PUT /api/events/{code}/feedback/answers": { answers: { [w.a.questionIds[0] ?? ""]: 4, [w.a.questionIds[2] ?? ""]: "Fine" } },
    "POST /api/events/{code}/areas/{areaId}/suggestions": { title: "From the floor", body: "Why" },
    "POST /api/events/{code}/suggestions/{suggestionId}/accept": { title: "Edited" },
  };
  return bodies[key];
}

function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  // defineProperty, so "__proto__" becomes a real key that JSON.stringify writes out.
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

const nastyKeys = fc.constantFrom("__proto__", "constructor", "prototype", "participantId", "role", "token", "admin", "toString", "hasOwnProperty", "");
const nastyStrings = fc.constantFrom("", " ", "\u0000", "\uD800", "-1", "0", "1e309", "NaN", "null", "undefined", "__proto__", "<script>alert(1)</script>", "'; DROP TABLE votes; --", "../../../etc/passwd", "%00", "a".repeat(300), "\u202Eevil");
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyStrings, fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), fc.double(), fc.constantFrom(-1, 0, 1, 20, 21, 2000, 2001, 1e9));

function idArb(w: World, kind: "area" | "proposal" | "paperBallot" | "batch" | "suggestion") {
  const ids = (s: World["a"] | World["b"]) =>
    kind === "area" ? s.areaIds : kind === "proposal" ? s.proposalIds.flat() : kind === "paperBallot" ? s.paperBallotIds : kind === "suggestion" ? s.suggestionIds : [s.batchId];
  const mine = ids(w.a);
  const theirs = ids(w.b);
  const wrongKind = kind === "area" ? w.a.proposalIds.flat() : w.a.areaIds;
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...mine) },
    { weight: 1, arbitrary: fc.constantFrom(...theirs) },
    { weight: 1, arbitrary: fc.constantFrom(...wrongKind) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/) },
    { weight: 1, arbitrary: nastyStrings },
    { weight: 1, arbitrary: fc.string({ maxLength: 120, unit: "binary" }) },
  );
}

function codeArb(w: World) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(w.a.code) },
    { weight: 1, arbitrary: fc.constant(w.a.code.toLowerCase()) },
    { weight: 1, arbitrary: fc.constant(`${w.a.code.slice(0, 3)}-${w.a.code.slice(3)}`) },
    { weight: 1, arbitrary: fc.constant(w.b.code) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Z2-9]{6}$/) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
  );
}

function tokenArb(w: World, route?: Route) {
  const asParticipant = route?.template.includes("/ballot") || route?.template.includes("/feedback/answers") || (route?.method === "POST" && route.template.endsWith("/suggestions"));
  const right = asParticipant ? w.a.participant : w.a.adminToken;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(right) },
    { weight: 1, arbitrary: fc.constantFrom(w.a.adminToken, w.a.participant) },
    { weight: 1, arbitrary: fc.constantFrom(w.a.screenKey, w.b.adminToken, w.b.participant, w.b.screenKey) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.oneof(nastyStrings, fc.string({ maxLength: 300 })) },
  );
}

/** Bodies of the right shape with doubtful contents: these get past the schema to the vote's rules. */
function shapedBody(route: Route, w: World) {
  const proposals = fc.array(idArb(w, "proposal"), { maxLength: 6 });
  const small = fc.integer({ min: -2, max: 25 });
  const shapes: Record<string, fc.Arbitrary<unknown>> = {
    "PUT /api/events/{code}/ballot/{areaId}": fc.record({ proposalIds: proposals }),
    "POST /api/events/{code}/paper-ballots": fc.record({ ballot: fc.dictionary(idArb(w, "area"), proposals, { maxKeys: 3 }) }),
    "POST /api/events/{code}/voting": fc.record({ status: fc.constantFrom("open", "closed", "draft"), areaIds: fc.array(idArb(w, "area"), { maxLength: 3 }), durationSeconds: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 90_000 })) }, { requiredKeys: ["status"] }),
    "POST /api/events/{code}/areas/{areaId}/runoff": fc.record({ top: fc.integer({ min: -1, max: 25 }) }),
    "PATCH /api/events/{code}/areas/{areaId}": fc.record({ maxVotes: small, status: fc.constantFrom("draft", "open", "closed"), revealed: fc.boolean(), position: small }, { requiredKeys: [] }),
    "PATCH /api/events/{code}/proposals/{proposalId}": fc.record({ title: fc.string({ maxLength: 5 }), position: small }, { requiredKeys: [] }),
    "PATCH /api/events/{code}": fc.record({ votesPerArea: small, privacyThreshold: fc.integer({ min: -1, max: 60 }), access: fc.constantFrom("open", "invite"), resultsVisibility: fc.constantFrom("live", "on-reveal") }, { requiredKeys: [] }),
    "POST /api/events/{code}/participants": fc.record({ invite: fc.oneof(fc.constantFrom(w.a.invite, w.a.invite.toLowerCase(), w.a.invite.replace("-", " ")), fc.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)) }, { requiredKeys: [] }),
    "POST /api/events/{code}/invites": fc.record({ count: fc.integer({ min: -1, max: 30 }) }),
    "PUT /api/events/{code}/feedback/answers": fc.record({
      answers: fc.dictionary(fc.oneof(fc.constantFrom(...w.a.questionIds), idArb(w, "area")), fc.oneof(fc.integer({ min: -2, max: 7 }), fc.constantFrom("yes", "no", "", " ", "ok", "x".repeat(1001)), fc.double()), { maxKeys: 4 }),
    }),
    "PUT /api/events/{code}/feedback": fc.record({
      status: fc.constantFrom("draft", "open", "closed", "nope"),
      questions: fc.array(fc.record({ id: fc.oneof(fc.constantFrom(...w.a.questionIds), idArb(w, "area")), kind: fc.constantFrom("agree5", "useful4", "yesno", "choice", "text", "x"), prompt: fc.constantFrom("Q", "", " "), options: fc.array(fc.constantFrom("a", "b", ""), { maxLength: 12 }) }, { requiredKeys: ["kind", "prompt"] }), { maxLength: 4 }),
    }),
  };
  const shape = shapes[`${route.method} ${route.template}`];
  return shape ? shape.map((v) => JSON.stringify(v)) : fc.constant(JSON.stringify(validBody(route, w) ?? {}));
}

function bodyArb(route: Route, w: World) {
  const valid = validBody(route, w);
  const base = (valid ?? {}) as Record<string, unknown>;
  const keys = Object.keys(base);
  const mutated = fc.record({ key: keys.length ? fc.oneof(fc.constantFrom(...keys), nastyKeys, fc.string({ maxLength: 12 })) : nastyKeys, value: anyValue, drop: fc.boolean() }).map(({ key, value, drop }) => {
    if (drop && key in base) {
      const { [key]: _dropped, ...rest } = base;
      return JSON.stringify(rest);
    }
    return JSON.stringify(withOwnKey(base, key, value));
  });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<string | undefined>(valid === undefined ? undefined : JSON.stringify(valid)) },
    { weight: 3, arbitrary: shapedBody(route, w) },
    { weight: 4, arbitrary: mutated },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }).map((v) => { try { return JSON.stringify(v) ?? "null"; } catch { return "{}"; } }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: "binary" }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const contentTypes = fc.oneof(
  { weight: 6, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom("application/json; charset=utf-8", "APPLICATION/JSON", "application/json; charset=latin1", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/octet-stream", "", "application/json, text/plain", "application/vnd.api+json") },
);

const queries = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.constantFrom("?format=csv", "?format=json", "?format=md", "?format=xml", "?format=", "?format=csv&format=json", "?format[]=csv", "?__proto__[x]=1", "?constructor[prototype][x]=1", "?participantId=1", "?format=%00") },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((s) => `?${encode(s)}=${encode(s)}`) },
);

/** Percent-encodes anything, lone surrogates included (as their UTF-8 replacement bytes). */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  }
}

function pathOf(template: string, params: { code: string; areaId: string; proposalId: string; paperBallotId: string; batchId: string; suggestionId: string }): string {
  return template
    .replace("{code}", encode(params.code))
    .replace("{areaId}", encode(params.areaId))
    .replace("{proposalId}", encode(params.proposalId))
    .replace("{paperBallotId}", encode(params.paperBallotId))
    .replace("{batchId}", encode(params.batchId))
    .replace("{suggestionId}", encode(params.suggestionId));
}

/** The one shape of every refusal (API.md), with the status its code prescribes. */
function expectApiError(res: Reply, context: string): void {
  expect(res.status, context).toBeLessThan(500);
  const body = res.body as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body === "object" && body !== null && body.error !== undefined, context).toBe(true);
  const code = body.error?.code;
  expect(isErrorCode(code) && code !== "INTERNAL", context).toBe(true);
  if (isErrorCode(code)) expect(ERROR_STATUS[code], context).toBe(res.status);
  expect(typeof body.error?.message, context).toBe("string");
  expect(String(res.headers["content-type"]), context).toMatch(/^application\/json/);
}

/**
 * Change detection: SQLite's total_changes() moves whenever a statement writes (even one rolled
 * back later), so an unmoved counter proves an unchanged database cheaply; a moved one is settled
 * by comparing full dumps.
 */
class Watch {
  private changes: number;
  private dump: string;
  constructor(private readonly db: PlenaryApp["db"]) {
    this.changes = this.count();
    this.dump = JSON.stringify(dumpDb(db));
  }
  private count(): number {
    return (this.db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
  }
  /** True when nothing changed since the last call (or construction). */
  unchanged(): boolean {
    const n = this.count();
    if (n === this.changes) return true;
    this.changes = n;
    return JSON.stringify(dumpDb(this.db)) === this.dump;
  }
  /** After an accepted request: the new state is the baseline. */
  accept(): void {
    const n = this.count();
    if (n === this.changes) return;
    this.changes = n;
    this.dump = JSON.stringify(dumpDb(this.db));
  }
}

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  process.on("uncaughtException", onUnhandled);
  plenary = await memoryApp();
  const doc = (await call(plenary.app, "GET", "/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([template, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Method, template })));
});
afterAll(async () => {
  await plenary.app.close();
  process.off("unhandledRejection", onUnhandled);
  process.off("uncaughtException", onUnhandled);
});

describe("HTTP fuzzing", () => {
  it("finds the routes to fuzz in the OpenAPI document", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it(`every route, ${RUNS_PER_ROUTE} generated requests each: no 5xx, API errors only, refusals change nothing`, async () => {
    for (const route of routes) {
      // A fresh database per route keeps every dump small, whatever the previous route created.
      const fresh = await memoryApp();
      const w = await world(fresh.app);
      const watch = new Watch(fresh.db);
      const request = fc.record({
        code: codeArb(w),
        areaId: idArb(w, "area"),
        proposalId: idArb(w, "proposal"),
        paperBallotId: idArb(w, "paperBallot"),
        batchId: idArb(w, "batch"),
        suggestionId: idArb(w, "suggestion"),
        token: tokenArb(w, route),
        body: bodyArb(route, w),
        contentType: contentTypes,
        query: queries,
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          total++;
          const headers: Record<string, string> = {};
          const payload = r.body === undefined || route.method === "GET" || route.method === "DELETE" ? undefined : r.body;
          if (r.contentType !== "" && payload !== undefined) headers["content-type"] = r.contentType;
          if (r.token !== undefined) headers.authorization = `Bearer ${r.token}`;
          const url = pathOf(route.template, r) + r.query;
          const res = await fresh.app.inject({ method: route.method, url, headers, ...(payload === undefined ? {} : { payload }) });
          const reply: Reply = { status: res.statusCode, body: safeJson(res.body), text: res.body, headers: res.headers };
          const context = `${route.method} ${url} ${headers["content-type"] ?? "-"} ${String(r.body).slice(0, 200)} -> ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, context).toBeLessThan(500);
          const key = `${route.method} ${route.template}`;
          const seen = outcomes.get(key) ?? new Map<string, number>();
          const label = res.statusCode < 400 ? String(res.statusCode) : String((reply.body as { error?: { code?: string } }).error?.code);
          seen.set(label, (seen.get(label) ?? 0) + 1);
          outcomes.set(key, seen);
          if (res.statusCode >= 400) {
            expectApiError(reply, context);
            expect(watch.unchanged(), `refusal changed the database: ${context}`).toBe(true);
          } else {
            watch.accept();
          }
        }),
        { numRuns: RUNS_PER_ROUTE, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
      );
      await fresh.app.close();
    }
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(unhandled).toEqual([]);
    // Not vacuous: every route was both passed and refused, and refusals came from every layer
    // (auth, schema, rules), not just the first check.
    const codes = new Set<string>();
    for (const [key, seen] of outcomes) {
      const labels = [...seen.keys()];
      labels.forEach((l) => codes.add(l));
      // Past the token and the schema: a success, or a refusal by the vote's rules.
      const deep = labels.some((l) => /^2\d\d$/.test(l) || ["EVENT_LOCKED", "VOTING_CLOSED", "TOO_MANY_VOTES", "DUPLICATE_PROPOSAL", "UNKNOWN_PROPOSAL", "NOT_ALLOWED", "FORM_CLOSED"].includes(l));
      expect(deep, `${key} never got past validation: ${JSON.stringify(Object.fromEntries(seen))}`).toBe(true);
    }
    for (const code of ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "VOTING_CLOSED", "UNKNOWN_PROPOSAL", "INVITE_INVALID"]) expect(codes, code).toContain(code);
    if (process.env.FUZZ_REPORT) for (const [key, seen] of outcomes) console.log(key.padEnd(55), JSON.stringify(Object.fromEntries(seen)));
  }, 240_000);
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

describe("hand-made payloads", () => {
  const big = "x".repeat(1024 * 1024);
  function nasties(w: World, route: Route): Array<{ name: string; payload: string | Buffer; contentType?: string; expect?: number }> {
    const valid = (validBody(route, w) ?? {}) as Record<string, unknown>;
    const area = w.a.areaIds[0] ?? "";
    const tenThousand = Array.from({ length: 10_000 }, (_, i) => `p_${i}`);
    return [
      { name: "__proto__ pollution", payload: '{"__proto__":{"admin":true,"role":"admin"}}' },
      { name: "__proto__ beside valid fields", payload: JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"polluted":1},') },
      { name: "constructor.prototype", payload: '{"constructor":{"prototype":{"polluted":1}}}' },
      { name: "1 MB title", payload: JSON.stringify({ ...valid, title: big }) },
      { name: "1 MB id list", payload: JSON.stringify({ proposalIds: [big] }) },
      { name: "1 MB invite", payload: JSON.stringify({ invite: big }) },
      { name: "10,000 proposal ids", payload: JSON.stringify({ proposalIds: tenThousand }) },
      { name: "10,000 areas", payload: JSON.stringify({ title: "t", areas: Array.from({ length: 10_000 }, () => ({ title: "a" })) }) },
      { name: "10,000-key ballot", payload: JSON.stringify({ ballot: Object.fromEntries(tenThousand.map((k) => [k, []])) }) },
      { name: "10,000 area ids to open", payload: JSON.stringify({ status: "open", areaIds: tenThousand }) },
      { name: "10,000 invites", payload: JSON.stringify({ count: 10_000 }) },
      { name: "negative numbers", payload: JSON.stringify({ count: -1, maxVotes: -1, position: -1, privacyThreshold: -1, votesPerArea: -1 }) },
      { name: "fractions and infinities", payload: '{"count":1.5,"maxVotes":1e309,"position":-0.0,"votesPerArea":2.0000001}' },
      { name: "foreign proposal", payload: JSON.stringify({ proposalIds: [w.b.proposalIds[0]?.[0]], ballot: { [area]: [w.b.proposalIds[0]?.[0]] } }) },
      { name: "foreign area in a paper ballot", payload: JSON.stringify({ ballot: { [w.b.areaIds[0] ?? ""]: [] } }) },
      { name: "proposal of the other area", payload: JSON.stringify({ proposalIds: [w.a.proposalIds[1]?.[0]], ballot: { [area]: [w.a.proposalIds[1]?.[0]] } }) },
      { name: "duplicate ids", payload: JSON.stringify({ proposalIds: [w.a.proposalIds[0]?.[0], w.a.proposalIds[0]?.[0]] }) },
      { name: "deep nesting (arrays)", payload: "[".repeat(100_000) + "]".repeat(100_000) },
      { name: "deep nesting (objects)", payload: '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000) },
      { name: "deep nesting in a field", payload: JSON.stringify({ ...valid, title: JSON.parse("[".repeat(2000) + "]".repeat(2000)) as unknown }) },
      { name: "duplicate keys", payload: '{"title":"a","title":{"x":1},"count":1,"count":"2"}' },
      // Decoded to U+FFFD by the JSON parser; the unknown field makes it a refusal on every route.
      { name: "invalid UTF-8", payload: Buffer.concat([Buffer.from('{"unknownField":1,"title":"'), Buffer.from([0xff, 0xfe, 0xc0]), Buffer.from('"}')]) },
      { name: "lone surrogates", payload: '{"title":"\\ud800\\udfff\\ud800","invite":"\\udc00"}' },
      { name: "null byte", payload: '{"title":"a\\u0000b","invite":"\\u0000"}' },
      { name: "JSON null", payload: "null" },
      { name: "JSON string", payload: '"hello"' },
      { name: "JSON array", payload: "[]" },
      { name: "JSON number", payload: "12" },
      { name: "empty body with JSON type", payload: "" },
      { name: "truncated JSON", payload: '{"title":' },
      { name: "valid body as text/plain", payload: JSON.stringify(valid), contentType: "text/plain" },
      { name: "valid body as a form", payload: "title=x&count=1", contentType: "application/x-www-form-urlencoded" },
      { name: "multipart", payload: '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--x--\r\n', contentType: "multipart/form-data; boundary=x" },
      { name: "xml", payload: "<title>x</title>", contentType: "application/xml" },
      { name: "body over the limit", payload: JSON.stringify({ title: "x".repeat(LIMITS.bodyBytes) }), expect: 413 },
    ];
  }

  async function hammer(rateLimits: boolean): Promise<number> {
    let sent = 0;
    for (const route of routes) {
      const app = await memoryApp({ rateLimits });
      const w = await world(app.app);
      const watch = new Watch(app.db);
      const path = pathOf(route.template, { code: w.a.code, areaId: w.a.areaIds[0] ?? "", proposalId: w.a.proposalIds[0]?.[3] ?? "", paperBallotId: w.a.paperBallotIds[0] ?? "", batchId: w.a.batchId, suggestionId: w.a.suggestionIds[0] ?? "" });
      // The admin token reaches every admin route's validation, the participant's token the ballot routes'.
      const tokens = rateLimits ? [w.a.adminToken] : [w.a.adminToken, w.a.participant];
      for (const token of tokens) {
        for (const n of nasties(w, route)) {
          if (route.method === "GET" && n.expect === 413) continue;
          const res = await app.app.inject({
            method: route.method,
            url: path,
            headers: { "content-type": n.contentType ?? "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
            payload: n.payload,
            remoteAddress: `10.0.${sent % 250}.${route.template.length}`,
          });
          sent++;
          const context = `${n.name}: ${route.method} ${path} (rate limits ${rateLimits ? "on" : "off"}) -> ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, context).toBeLessThan(500);
          // A GET ignores a stray body only when it is harmless; everything else here is refused.
          if (res.statusCode >= 400) {
            expectApiError({ status: res.statusCode, body: safeJson(res.body), text: res.body, headers: res.headers }, context);
            if (n.expect) expect(res.statusCode, context).toBe(n.expect);
            expect(watch.unchanged(), `state changed: ${context}`).toBe(true);
          } else {
            // Only a route without a body (a GET, a DELETE, an action such as …/printed) may shrug
            // off a stray one, and only an empty one.
            const empty = n.payload === "null" || n.payload === "";
            const bodiless = route.method === "DELETE" || (route.method === "POST" && (validBody(route, w) === undefined || OPTIONAL_BODY.has(`${route.method} ${route.template}`)));
            expect(route.method === "GET" || (bodiless && empty), `accepted: ${context}`).toBe(true);
            watch.accept();
          }
        }
      }
      await app.app.close();
    }
    return sent;
  }

  it("__proto__, 1 MB strings, 10,000-item arrays, foreign ids, wrong types, deep nesting: refused, nothing stored", async () => {
    const sent = await hammer(false);
    expect(sent).toBeGreaterThan(1000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(unhandled).toEqual([]);
  }, 120_000);

  it("the same with rate limits and the failed look-up budget switched on", async () => {
    await hammer(true);
    expect(unhandled).toEqual([]);
  }, 120_000);

  it("enforces the body limit at exactly LIMITS.bodyBytes", async () => {
    const w = await world(plenary.app);
    const fits = JSON.stringify({ title: "x".repeat(LIMITS.bodyBytes - 20) });
    const over = JSON.stringify({ title: "x".repeat(LIMITS.bodyBytes) });
    expect(Buffer.byteLength(fits)).toBeLessThanOrEqual(LIMITS.bodyBytes);
    const ok = await call(plenary.app, "PATCH", `/api/events/${w.a.code}`, { token: w.a.adminToken, raw: fits });
    expect(ok.status).toBe(400); // read whole, then refused by the schema (title too long)
    const tooBig = await call(plenary.app, "PATCH", `/api/events/${w.a.code}`, { token: w.a.adminToken, raw: over });
    expect(tooBig.status).toBe(413);
    expect((tooBig.body as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses odd paths and headers without a 5xx", async () => {
    const w = await world(plenary.app);
    const paths = [
      `/api/events/${w.a.code}/../../healthz`,
      `/api/events/%2e%2e%2f%2e%2e%2f`,
      `/api/events/${w.a.code}%00`,
      `/api/events/${"A".repeat(5000)}`,
      `/api/events/${w.a.code}/ballot/${"a".repeat(500)}`,
      `/api/events/${w.a.code}/areas/%ZZ`,
      `/api/events/${w.a.code}//ballot`,
      `/api/events/${w.a.code}/export?format=csv&format=csv`,
      "/api/events/__proto__",
      "/api/events/constructor/ballot",
      "/socket.io/../api/events",
    ];
    for (const path of paths) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
        const res = await call(plenary.app, method, path, { token: w.a.adminToken });
        const context = `${method} ${path}: ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, context).toBeLessThan(500);
        if (res.status >= 400) expectApiError(res, context);
        expect(res.headers["x-content-type-options"], context).toBe("nosniff");
      }
    }
    const headerProbes: Array<Record<string, string>> = [
      { authorization: `Bearer ${"x".repeat(100_000)}` },
      { authorization: "Bearer a b c" },
      { authorization: "bearer" },
      { authorization: `Bearer ${w.a.adminToken}, Bearer ${w.b.adminToken}` },
      { "content-length": "abc" },
      { "content-type": "application/json; charset=utf-16" },
    ];
    for (const headers of headerProbes) {
      const res = await plenary.app.inject({ method: "PATCH", url: `/api/events/${w.a.code}`, headers: { "content-type": "application/json", ...headers }, payload: '{"title":"x"}' });
      expect(res.statusCode, JSON.stringify(headers).slice(0, 100)).toBeLessThan(500);
    }
    expect(unhandled).toEqual([]);
  });
});

describe("socket handshake fuzzing", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it(`${SOCKET_RUNS} generated handshakes: connected only when valid, otherwise a known refusal; nothing changes`, async () => {
    const w = await world(server.app);
    const before = JSON.stringify(dumpDb(server.db));
    const validTokens = new Map([
      [w.a.code, new Set([w.a.adminToken, w.a.screenKey, w.a.participant])],
      [w.b.code, new Set([w.b.adminToken, w.b.screenKey, w.b.participant])],
    ]);
    const auth = fc.oneof(
      { weight: 4, arbitrary: fc.record({ code: codeArb(w), token: tokenArb(w) }, { requiredKeys: ["code"] }) },
      { weight: 2, arbitrary: fc.record({ code: codeArb(w), token: tokenArb(w), extra: fc.tuple(nastyKeys, anyValue) }).map(({ extra, ...rest }) => withOwnKey(rest, extra[0], extra[1])) },
      { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, [], "code", 42, { code: ["A"] }, { code: { toString: "x" } }, { code: w.a.code, token: ["x"] }, { code: w.a.code, token: "" }, { code: w.a.code, token: "x".repeat(201) }) },
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(auth, async (a) => {
        runs++;
        const r = record(server.url, a);
        const outcome = await r.outcome;
        r.close();
        const input = a as { code?: unknown; token?: unknown } | null;
        const shouldConnect =
          typeof input === "object" && input !== null && !Array.isArray(input) &&
          Object.keys(input).every((k) => k === "code" || k === "token") &&
          typeof input.code === "string" && validTokens.has(normalizeCode(input.code)) &&
          (input.token === undefined || (typeof input.token === "string" && validTokens.get(normalizeCode(input.code))?.has(input.token) === true));
        const context = `${JSON.stringify(a)?.slice(0, 200)} -> ${outcome}`;
        if (shouldConnect) expect(outcome, context).toBe("connected");
        // Refused with the API's code, or (for a handshake that is not even an object) the connection closed.
        else expect(["BAD_REQUEST", "NOT_FOUND", "UNAUTHORIZED", "closed: forced close", "closed: transport close"], context).toContain(outcome);
      }),
      { numRuns: SOCKET_RUNS },
    );
    expect(runs).toBe(SOCKET_RUNS);
    expect(JSON.stringify(dumpDb(server.db))).toBe(before);
    expect(unhandled).toEqual([]);
  }, 120_000);

  it("reads no socket message over LIMITS.socketBytes: an oversized handshake or frame closes that connection only", async () => {
    const w = await world(server.app);
    const huge = record(server.url, { code: w.a.code, token: "x".repeat(LIMITS.socketBytes + 100) });
    expect(await huge.outcome).not.toBe("connected");
    huge.close();

    const calm = record(server.url, { code: w.a.code });
    const noisy = record(server.url, { code: w.a.code, token: w.a.participant });
    expect(await calm.outcome).toBe("connected");
    expect(await noisy.outcome).toBe("connected");
    const closed = new Promise<string>((resolve) => noisy.socket.once("disconnect", (reason: string) => resolve(reason)));
    noisy.socket.emit("ballot", "y".repeat(LIMITS.socketBytes + 100));
    expect(await closed).toBe("transport close");
    await sleep(50);
    expect(calm.socket.connected).toBe(true);
    calm.close();
    expect((await call(server.app, "GET", "/healthz")).status).toBe(200);
    expect(unhandled).toEqual([]);
  });
});
