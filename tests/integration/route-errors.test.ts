// Each route's documented error codes (x-error-codes in /openapi.json, from the route's `errors`
// and those its declaration implies: server/http/route.ts) are the codes it can raise: a targeted
// set of bad requests per route (wrong tokens, unknown events and ids, broken bodies, requests the
// vote's rules refuse) raises no code the route does not document, and raises every documented
// one but those that depend on load or the machine (RATE_LIMITED, UNAVAILABLE).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlenaryApp } from "../../server/app";
import { createEvent } from "../../server/services/content";
import { issueInvites } from "../../server/services/invites";
import type { ErrorCode } from "../../shared/errors";
import { LIMITS } from "../../shared/limits";
import type { CreateEventBody, CreateEventReply } from "../../shared/schemas";
import { call, expectStatus, memoryApp, type Reply } from "./fixtures/kit";

const ORGANISER_KEY = "organiser-key-for-route-errors";
/** Raised by load (rate limits, the failed look-up budget) or the machine (shutdown, full disk), not by a request's content. */
const ENVIRONMENTAL: ReadonlySet<ErrorCode> = new Set(["RATE_LIMITED", "UNAVAILABLE"]);

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
interface Operation {
  "x-error-codes"?: ErrorCode[];
}
interface Route {
  method: Method;
  template: string;
  documented: ErrorCode[];
}

interface Side {
  code: string;
  adminToken: string;
  screenKey: string;
  participant: string;
  /** open (the participant voted for two of its proposals), draft, closed (with a vote), locked (a draft the organiser locked), stacked (open, dots: 3 in all, 2 on one) */
  areas: { open: string; draft: string; closed: string; locked: string; stacked: string };
  proposals: { open: string[]; draft: string[]; closed: string[]; locked: string[]; stacked: string[] };
  /** Editor links of the draft, open and locked areas. */
  editors: { draft: string; open: string; locked: string };
  /** Suggestions: pending in the draft area, pending in the (since opened) open area, rejected in the draft area. */
  suggestions: { pending: string; inOpen: string; rejected: string };
}
interface World {
  a: Side & { questions: { scale: string; comment: string }; invite: string; paperBallot: string; batches: { fresh: string; printed: string; voided: string } };
  b: Side;
}

const PROGRAMME = (access: "open" | "invite"): CreateEventBody => ({
  title: "Route errors",
  access,
  areas: [
    { title: "Open", maxVotes: 2, proposals: [{ title: "O0" }, { title: "O1" }, { title: "O2" }, { title: "O3" }] },
    { title: "Draft", proposals: [{ title: "D0" }, { title: "D1" }] },
    { title: "Closed", proposals: [{ title: "C0" }, { title: "C1" }] },
    { title: "Locked", proposals: [{ title: "L0" }, { title: "L1" }] },
    // Issue 15: dots, so a stack past the cap (TOO_MANY_DOTS) is reachable.
    { title: "Stacked", method: "dots", maxVotes: 3, maxPerProposal: 2, proposals: [{ title: "S0" }, { title: "S1" }] },
  ],
});

async function side(app: PlenaryApp["app"], access: "open" | "invite"): Promise<Side & { invites: string[]; batchId: string }> {
  const created = (await expectStatus(call(app, "POST", "/api/events", { token: ORGANISER_KEY, body: PROGRAMME(access) }), 201, "create")).body as CreateEventReply;
  const { code } = created.event;
  const admin = created.adminToken;
  const [open, draft, closed, locked, stacked] = created.event.areas;
  if (!open || !draft || !closed || !locked || !stacked) throw new Error("five areas expected");
  const ids = (area: typeof open) => area.proposals.map((p) => p.id);
  const issued = (await expectStatus(call(app, "POST", `/api/events/${code}/invites`, { token: admin, body: { count: 3 } }), 201)).body as { invites: string[]; batchId: string };
  const joined = await expectStatus(call(app, "POST", `/api/events/${code}/participants`, { body: access === "invite" ? { invite: issued.invites[0] } : {} }), 201);
  const participant = (joined.body as { participantToken: string }).participantToken;
  // Before the vote: editor links, suggestions (one of them rejected), a locked area.
  const editor = async (areaId: string) => ((await expectStatus(call(app, "POST", `/api/events/${code}/areas/${areaId}/editor-key`, { token: admin }), 201)).body as { editorKey: string }).editorKey;
  const editors = { draft: await editor(draft.id), open: await editor(open.id), locked: await editor(locked.id) };
  const suggest = async (areaId: string, title: string) => {
    await expectStatus(call(app, "PATCH", `/api/events/${code}/areas/${areaId}`, { token: admin, body: { suggestions: "open" } }), 200);
    const res = await expectStatus(call(app, "POST", `/api/events/${code}/areas/${areaId}/suggestions`, { token: participant, body: { title } }), 201);
    return (res.body as { suggestion: { id: string } }).suggestion.id;
  };
  const suggestions = { pending: await suggest(draft.id, "Pending"), inOpen: await suggest(open.id, "Too late"), rejected: await suggest(draft.id, "Rejected") };
  await expectStatus(call(app, "POST", `/api/events/${code}/suggestions/${suggestions.rejected}/reject`, { token: admin }), 200);
  await expectStatus(call(app, "PATCH", `/api/events/${code}/areas/${locked.id}`, { token: admin, body: { contentLocked: true } }), 200);
  await expectStatus(call(app, "POST", `/api/events/${code}/voting`, { token: admin, body: { status: "open", areaIds: [open.id, closed.id, stacked.id] } }), 200);
  await expectStatus(call(app, "PUT", `/api/events/${code}/ballot/${open.id}`, { token: participant, body: { proposalIds: ids(open).slice(0, 2) } }), 200);
  await expectStatus(call(app, "PUT", `/api/events/${code}/ballot/${closed.id}`, { token: participant, body: { proposalIds: ids(closed).slice(0, 1) } }), 200);
  await expectStatus(call(app, "POST", `/api/events/${code}/voting`, { token: admin, body: { status: "closed", areaIds: [closed.id] } }), 200);
  return {
    code, adminToken: admin, screenKey: created.screenKey, participant,
    areas: { open: open.id, draft: draft.id, closed: closed.id, locked: locked.id, stacked: stacked.id },
    proposals: { open: ids(open), draft: ids(draft), closed: ids(closed), locked: ids(locked), stacked: ids(stacked) },
    editors, suggestions,
    invites: issued.invites, batchId: issued.batchId,
  };
}

async function world(app: PlenaryApp["app"]): Promise<World> {
  const a = await side(app, "invite");
  const b = await side(app, "open");
  const batch = async () => ((await expectStatus(call(app, "POST", `/api/events/${a.code}/invites`, { token: a.adminToken, body: { count: 1 } }), 201)).body as { batchId: string }).batchId;
  const printed = a.batchId;
  await expectStatus(call(app, "POST", `/api/events/${a.code}/invite-batches/${printed}/printed`, { token: a.adminToken }), 200);
  const voided = await batch();
  await expectStatus(call(app, "POST", `/api/events/${a.code}/invite-batches/${voided}/void`, { token: a.adminToken }), 200);
  const paper = await expectStatus(call(app, "POST", `/api/events/${a.code}/paper-ballots`, { token: a.adminToken, body: { ballot: { [a.areas.open]: [a.proposals.open[3]] } } }), 201);
  // A closed form whose scale question has an answer: answering is FORM_CLOSED, removing it NOT_ALLOWED.
  const form = (await expectStatus(call(app, "PUT", `/api/events/${a.code}/feedback`, { token: a.adminToken, body: { status: "open", questions: [{ kind: "agree5", prompt: "Ideas?" }, { kind: "text", prompt: "Comments" }] } }), 200)).body as { feedback: { questions: Array<{ id: string }> } };
  const [scale, comment] = form.feedback.questions.map((q) => q.id) as [string, string];
  await expectStatus(call(app, "PUT", `/api/events/${a.code}/feedback/answers`, { token: a.participant, body: { answers: { [scale]: 4 } } }), 200);
  await expectStatus(call(app, "PUT", `/api/events/${a.code}/feedback`, { token: a.adminToken, body: { status: "closed", questions: [{ id: scale, kind: "agree5", prompt: "Ideas?" }, { id: comment, kind: "text", prompt: "Comments" }] } }), 200);
  return {
    a: { ...a, questions: { scale, comment }, invite: a.invites[1] ?? "", paperBallot: (paper.body as { id: string }).id, batches: { fresh: await batch(), printed, voided } },
    b,
  };
}

/** Bodies that get past the schema to the route's rules, or that break them. */
function bodies(route: Route, w: World): unknown[] {
  const { a, b } = w;
  const [o0, o1, o2] = a.proposals.open;
  const s0 = a.proposals.stacked[0];
  const key = `${route.method} ${route.template}`;
  const table: Record<string, unknown[]> = {
    "POST /api/events": [PROGRAMME("open"), { title: "" }, { title: "Twice", areas: [{ title: "A", prefix: "X" }, { title: "B", prefix: "X" }] }],
    "PATCH /api/events/{code}": [{ title: "Renamed" }, { votesPerArea: 0 }, { access: "nope" }],
    "PUT /api/events/{code}/content": [{ areas: [{ title: "Only" }] }, { areas: "x" }],
    "POST /api/events/{code}/areas": [{ title: "More" }, { title: "" }, { title: "Clash", prefix: "O" }],
    "PATCH /api/events/{code}/areas/{areaId}": [{ title: "Retitled" }, { status: "draft" }, { maxVotes: 1 }, { status: "open" }, { maxVotes: 0 }, { method: "ranking" }, { maxPerProposal: 5 }],
    "POST /api/events/{code}/areas/{areaId}/proposals": [{ title: "Late" }, { title: "" }],
    "PATCH /api/events/{code}/proposals/{proposalId}": [{ title: "Fixed" }, { position: -1 }, { title: "From an old copy", version: 99 }],
    "POST /api/events/{code}/voting": [{ status: "open" }, { status: "closed", areaIds: ["a_nothere"] }, { status: "draft" }, { status: "open", durationSeconds: 60 }, { status: "closed", durationSeconds: 60 }, { status: "open", durationSeconds: 5 }],
    // API 1.1: from the closed area only; its one voted proposal makes NOT_ALLOWED there too (nothing to decide).
    "POST /api/events/{code}/areas/{areaId}/runoff": [{ top: 3 }, { top: 1 }],
    "POST /api/events/{code}/areas/{areaId}/suggestions": [{ title: "From the floor" }, { title: "" }],
    "POST /api/events/{code}/suggestions/{suggestionId}/accept": [{ title: "Edited" }, { mergeInto: a.proposals.draft[0] }, { mergeInto: o0 }, { mergeInto: "p_nothere" }],
    "POST /api/events/{code}/invites": [{ count: 2 }, { count: 0 }],
    "POST /api/events/{code}/participants": [
      {}, { invite: a.invite }, { invite: "ZZZZ-ZZZZ" }, { invite: 5 },
      // API 1.1: the first vote rides along with the join, under the ballot's own rules
      { invite: a.invite, ballot: { areaId: a.areas.open, proposalIds: [o0] } },
      { invite: a.invite, ballot: { areaId: a.areas.draft, proposalIds: [a.proposals.draft[0]] } },
      { invite: a.invite, ballot: { areaId: a.areas.open, proposalIds: [o0, o1, o2] } },
      { invite: a.invite, ballot: { areaId: a.areas.open, proposalIds: [o0, o0] } },
      { invite: a.invite, ballot: { areaId: a.areas.open, proposalIds: ["p_nothere"] } },
      { invite: a.invite, ballot: { areaId: a.areas.stacked, proposalIds: [s0, s0, s0] } },
    ],
    "PUT /api/events/{code}/ballot/{areaId}": [{ proposalIds: [o0] }, { proposalIds: [o0, o1, o2] }, { proposalIds: [o0, o0] }, { proposalIds: ["p_nothere"] }, { proposalIds: [b.proposals.open[0]] }, { proposalIds: "x" }, { proposalIds: [s0, s0, s0] }],
    "POST /api/events/{code}/paper-ballots": [
      { ballot: { [a.areas.open]: [o0] } },
      { ballot: { [a.areas.draft]: [a.proposals.draft[0]] } },
      { ballot: { [a.areas.open]: [o0, o1, o2] } },
      { ballot: { [a.areas.open]: [o0, o0] } },
      { ballot: { [a.areas.open]: ["p_nothere"] } },
      { ballot: { [a.areas.stacked]: [s0, s0, s0] } },
      { ballot: [] },
    ],
    // Always closed again, so FORM_CLOSED and NOT_ALLOWED stay reachable whatever ran before.
    "PUT /api/events/{code}/feedback": [
      { status: "closed", questions: [{ id: a.questions.scale, kind: "agree5", prompt: "Ideas, fixed?" }, { id: a.questions.comment, kind: "text", prompt: "Comments" }] },
      { status: "closed", questions: [] },
      { status: "closed", questions: [{ id: a.questions.scale, kind: "yesno", prompt: "Ideas?" }] },
      { status: "closed", questions: [{ id: "fq_nothere", kind: "yesno", prompt: "?" }] },
      { status: "closed", questions: [{ kind: "choice", prompt: "One option", options: ["only"] }] },
      { status: "maybe", questions: [] },
    ],
    "PUT /api/events/{code}/feedback/answers": [{ answers: { [a.questions.scale]: 5 } }, { answers: { [a.questions.scale]: 9 } }, { answers: { fq_nothere: 1 } }, { answers: { [a.questions.comment]: "x".repeat(1001) } }],
  };
  return [undefined, {}, { unexpected: 1 }, ...(table[key] ?? [])];
}

interface Probe {
  path: string;
  token?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
}

/** Every variant of the route's path: each id of the right kind and state, unknown and foreign ones, unknown and malformed codes. */
function paths(route: Route, w: World): Array<{ path: string; foreign: boolean }> {
  const { a, b } = w;
  const choices: Record<string, string[]> = {
    code: [a.code],
    areaId: [a.areas.open, a.areas.draft, a.areas.closed, a.areas.locked, a.areas.stacked, "a_nothere", b.areas.open],
    proposalId: [a.proposals.open[0] ?? "", a.proposals.draft[0] ?? "", a.proposals.locked[0] ?? "", "p_nothere", "%21%21"],
    paperBallotId: [a.paperBallot, "pb_nothere"],
    batchId: [a.batches.fresh, a.batches.printed, a.batches.voided, "ib_nothere"],
    suggestionId: [a.suggestions.pending, a.suggestions.inOpen, a.suggestions.rejected, "s_nothere", b.suggestions.pending],
  };
  let out = [route.template];
  for (const [name, values] of Object.entries(choices)) {
    if (!route.template.includes(`{${name}}`)) continue;
    out = out.flatMap((p) => values.map((v) => p.replace(`{${name}}`, v)));
  }
  const query = route.template.endsWith("/export") ? ["?format=csv", "?format=xml", ""] : [""];
  const withQuery = out.flatMap((p) => query.map((q) => p + q));
  const foreign = route.template.includes("{code}")
    ? [withQuery[0] ?? "", ].flatMap((p) => [p.replace(a.code, "ZZZZZZ"), p.replace(a.code, "not-a-code!")])
    : [];
  return [...withQuery.map((path) => ({ path, foreign: false })), ...foreign.map((path) => ({ path, foreign: true }))];
}

function probes(route: Route, w: World): Probe[] {
  const { a, b } = w;
  // Editor links before the admin: the admin's delete would leave them nothing to be refused on.
  const tokens = [undefined, ORGANISER_KEY, a.editors.draft, a.editors.open, a.editors.locked, a.adminToken, a.participant, a.screenKey, b.adminToken, b.participant, b.editors.draft, "par_madeup"];
  const out: Probe[] = [];
  for (const { path, foreign } of paths(route, w)) {
    for (const token of foreign ? [undefined, a.adminToken] : tokens) {
      if (route.method === "GET" || route.method === "DELETE") {
        out.push({ path, token });
        if (route.method === "DELETE") out.push({ path, token, body: { unexpected: 1 } }, { path, token, raw: JSON.stringify({ title: "x".repeat(2_100_000) }) });
        continue;
      }
      for (const body of bodies(route, w)) out.push({ path, token, body });
      out.push({ path, token, raw: "{not json" });
      out.push({ path, token, raw: JSON.stringify({ title: "x".repeat(2_100_000) }) });
      out.push({ path, token, raw: "{}", contentType: "text/plain" });
    }
  }
  return out;
}

/**
 * Quotas refuse only once they are full: these routes are probed once more with a valid request
 * after their quota was filled (through the services, which is quicker than over HTTP).
 */
const QUOTAS: Record<string, (app: PlenaryApp, w: World) => Probe> = {
  "POST /api/events": (app) => {
    for (let n = app.ctx.repos.events.count(); n < LIMITS.eventsPerDatabase; n++) createEvent(app.ctx, { title: `Filler ${n}` });
    return { path: "/api/events", token: ORGANISER_KEY, body: { title: "One too many" } };
  },
  "POST /api/events/{code}/invites": (app, w) => {
    const event = app.ctx.repos.events.byCode(w.a.code);
    if (!event) throw new Error("event A not found");
    issueInvites(app.ctx, event, LIMITS.invitesPerEvent - app.ctx.repos.invites.countAll(event.id));
    return { path: `/api/events/${w.a.code}/invites`, token: w.a.adminToken, body: { count: 1 } };
  },
};

let plenary: PlenaryApp;
let routes: Route[] = [];

beforeAll(async () => {
  plenary = await memoryApp({ organiserKey: ORGANISER_KEY });
  const doc = (await call(plenary.app, "GET", "/openapi.json")).body as { paths: Record<string, Record<string, Operation>> };
  routes = Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase() as Method, template, documented: op["x-error-codes"] ?? [] })));
});
afterAll(async () => {
  await plenary.app.close();
});

describe("documented error codes", () => {
  it("/openapi.json lists each operation's codes, and each under its status", async () => {
    const doc = (await call(plenary.app, "GET", "/openapi.json")).body as { paths: Record<string, Record<string, Operation & { responses: Record<string, { description: string }> }>> };
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const put = doc.paths["/api/events/{code}/ballot/{areaId}"]?.put;
    expect(put?.["x-error-codes"]).toEqual(expect.arrayContaining(["VOTING_CLOSED", "TOO_MANY_VOTES", "DUPLICATE_PROPOSAL", "UNKNOWN_PROPOSAL", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"]));
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const code of op["x-error-codes"] ?? []) {
          const described = Object.values(op.responses).some((r) => r.description.split(", ").includes(code));
          expect(described, `${method} ${path} ${code}`).toBe(true);
        }
      }
    }
  });

  it("each route raises exactly its documented codes (but those of load and machine)", async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const fresh = await memoryApp({ organiserKey: ORGANISER_KEY });
      const w = await world(fresh.app);
      const observed = new Map<string, string>();
      const key = `${route.method} ${route.template}`;
      let quota = QUOTAS[key];
      const all = probes(route, w);
      for (const [i, probe] of all.entries()) {
        const res: Reply = await call(fresh.app, route.method, probe.path, {
          ...(probe.token === undefined ? {} : { token: probe.token }),
          ...(probe.raw !== undefined ? { raw: probe.raw } : probe.body !== undefined ? { body: probe.body } : {}),
          ...(probe.contentType ? { headers: { "content-type": probe.contentType } } : {}),
          // Spread over addresses: the failed look-up budget is not what this test is about.
          remoteAddress: `10.1.${Math.floor(i / 50) % 250}.${i % 50}`,
        });
        expect(res.status, `${route.method} ${probe.path}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status < 400) continue;
        const code = (res.body as { error?: { code?: string } }).error?.code ?? `status ${res.status}`;
        if (!observed.has(code)) observed.set(code, `${probe.path} ${probe.token?.slice(0, 4) ?? "-"} ${probe.raw?.slice(0, 20) ?? JSON.stringify(probe.body)?.slice(0, 60)}`);
        // The last probe done: fill the route's quota and send one more valid request.
        if (i === all.length - 1 && quota) {
          all.push(quota(fresh, w));
          quota = undefined;
        }
      }
      await fresh.app.close();
      for (const [code, example] of observed) {
        if (!(route.documented as string[]).includes(code)) problems.push(`${key} raises undocumented ${code} (${example})`);
      }
      for (const code of route.documented) {
        if (!ENVIRONMENTAL.has(code) && !observed.has(code)) problems.push(`${key} documents ${code}, never raised here`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
