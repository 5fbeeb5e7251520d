// Every write route announces its write as a domain event (server/events/domain-events.ts), after
// its transaction has committed, and a refused request announces nothing. The write routes are
// read from the server's own OpenAPI document, so a new one must be added here to pass.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlenaryApp } from "../../server/app";
import type { DomainEvent, DomainEventName } from "../../server/events/domain-events";
import { call, closedAreaWithVotes, expectStatus, joinEvent, memoryApp, seedEvent, smallProgramme, type Reply, type Seeded } from "./fixtures/kit";

interface Target extends Seeded {
  eventId: number;
  areaDraft: string;
  areaOpen: string;
  /** API 1.1: closed with votes for two proposals (a runoff of it succeeds). */
  areaClosed: string;
  proposalDraft: string;
  proposalOpen: string;
  participant: string;
  paperBallot: string;
  /** Unprinted, unused: can be printed or voided. */
  batchId: string;
  invite: string;
  /** A question of the event's open evaluation form. */
  questionId: string;
  /** Pending, in the draft area (open for suggestions). */
  suggestion: string;
}

interface WriteCase {
  /** The event it must announce. */
  event: DomainEventName;
  send: (app: PlenaryApp["app"], t: Target) => Promise<Reply>;
}

const admin = (method: "POST" | "PUT" | "PATCH" | "DELETE", path: (t: Target) => string, body?: (t: Target) => unknown) =>
  (app: PlenaryApp["app"], t: Target) => call(app, method, path(t), { token: t.adminToken, ...(body ? { body: body(t) } : {}) });

/** Every write route, with a request that succeeds, and the event it owes. */
const WRITES: Record<string, WriteCase> = {
  "POST /api/events": { event: "eventCreated", send: (app) => call(app, "POST", "/api/events", { body: smallProgramme() }) },
  "PATCH /api/events/{code}": { event: "settingsChanged", send: admin("PATCH", (t) => `/api/events/${t.code}`, () => ({ title: "Renamed" })) },
  "PUT /api/events/{code}/content": { event: "contentChanged", send: admin("PUT", (t) => `/api/events/${t.code}/content`, () => ({ areas: [{ title: "Only", proposals: [{ title: "P" }] }] })) },
  "POST /api/events/{code}/areas": { event: "contentChanged", send: admin("POST", (t) => `/api/events/${t.code}/areas`, () => ({ title: "New area" })) },
  "PATCH /api/events/{code}/areas/{areaId}": { event: "contentChanged", send: admin("PATCH", (t) => `/api/events/${t.code}/areas/${t.areaDraft}`, () => ({ title: "Retitled", revealed: true })) },
  "DELETE /api/events/{code}/areas/{areaId}": { event: "contentChanged", send: admin("DELETE", (t) => `/api/events/${t.code}/areas/${t.areaDraft}`) },
  "POST /api/events/{code}/areas/{areaId}/proposals": { event: "contentChanged", send: admin("POST", (t) => `/api/events/${t.code}/areas/${t.areaDraft}/proposals`, () => ({ title: "Late idea" })) },
  "PATCH /api/events/{code}/proposals/{proposalId}": { event: "contentChanged", send: admin("PATCH", (t) => `/api/events/${t.code}/proposals/${t.proposalOpen}`, () => ({ title: "Typo fixed" })) },
  "DELETE /api/events/{code}/proposals/{proposalId}": { event: "contentChanged", send: admin("DELETE", (t) => `/api/events/${t.code}/proposals/${t.proposalDraft}`) },
  "POST /api/events/{code}/voting": { event: "areaStatusChanged", send: admin("POST", (t) => `/api/events/${t.code}/voting`, () => ({ status: "closed" })) },
  "POST /api/events/{code}/areas/{areaId}/runoff": { event: "contentChanged", send: admin("POST", (t) => `/api/events/${t.code}/areas/${t.areaClosed}/runoff`, () => ({ top: 2 })) },
  "POST /api/events/{code}/invites": { event: "invitesChanged", send: admin("POST", (t) => `/api/events/${t.code}/invites`, () => ({ count: 2 })) },
  "POST /api/events/{code}/invite-batches/{batchId}/printed": { event: "invitesChanged", send: admin("POST", (t) => `/api/events/${t.code}/invite-batches/${t.batchId}/printed`) },
  "POST /api/events/{code}/invite-batches/{batchId}/void": { event: "invitesChanged", send: admin("POST", (t) => `/api/events/${t.code}/invite-batches/${t.batchId}/void`) },
  "POST /api/events/{code}/participants": { event: "participantJoined", send: (app, t) => call(app, "POST", `/api/events/${t.code}/participants`, { body: {} }) },
  "PUT /api/events/{code}/ballot/{areaId}": { event: "ballotCast", send: (app, t) => call(app, "PUT", `/api/events/${t.code}/ballot/${t.areaOpen}`, { token: t.participant, body: { proposalIds: [t.proposalOpen] } }) },
  "POST /api/events/{code}/paper-ballots": { event: "paperBallotEntered", send: admin("POST", (t) => `/api/events/${t.code}/paper-ballots`, (t) => ({ ballot: { [t.areaOpen]: [t.proposalOpen] } })) },
  "DELETE /api/events/{code}/paper-ballots/{paperBallotId}": { event: "paperBallotDeleted", send: admin("DELETE", (t) => `/api/events/${t.code}/paper-ballots/${t.paperBallot}`) },
  "PUT /api/events/{code}/feedback": { event: "feedbackChanged", send: admin("PUT", (t) => `/api/events/${t.code}/feedback`, (t) => ({ status: "closed", questions: [{ id: t.questionId, kind: "agree5", prompt: "Useful?" }] })) },
  "PUT /api/events/{code}/feedback/answers": { event: "feedbackAnswered", send: (app, t) => call(app, "PUT", `/api/events/${t.code}/feedback/answers`, { token: t.participant, body: { answers: { [t.questionId]: 4 } } }) },
  "POST /api/events/{code}/areas/{areaId}/editor-key": { event: "editorLinkCreated", send: admin("POST", (t) => `/api/events/${t.code}/areas/${t.areaDraft}/editor-key`) },
  "POST /api/events/{code}/areas/{areaId}/suggestions": { event: "suggestionsChanged", send: (app, t) => call(app, "POST", `/api/events/${t.code}/areas/${t.areaDraft}/suggestions`, { token: t.participant, body: { title: "Another" } }) },
  "POST /api/events/{code}/suggestions/{suggestionId}/accept": { event: "suggestionsChanged", send: admin("POST", (t) => `/api/events/${t.code}/suggestions/${t.suggestion}/accept`) },
  "POST /api/events/{code}/suggestions/{suggestionId}/reject": { event: "suggestionsChanged", send: admin("POST", (t) => `/api/events/${t.code}/suggestions/${t.suggestion}/reject`) },
};

let plenary: PlenaryApp;
let dir: string;
const seen: DomainEvent[] = [];
/** Per event: was the database outside any transaction, and did another connection already see the write? */
const checks: Array<{ name: DomainEventName; inTransaction: boolean; seqSeenElsewhere: number | null; seqHere: number | null }> = [];
let reader: Database.Database;

/** A draft area (content edits) and an open one (ballots), a participant, a paper ballot, a fresh batch. */
async function target(withClosedArea = false): Promise<Target> {
  const app = plenary.app;
  const s = await seedEvent(app, smallProgramme({ access: "open" }));
  const [areaDraft, areaOpen] = s.areaIds as [string, string];
  await expectStatus(call(app, "POST", `/api/events/${s.code}/voting`, { token: s.adminToken, body: { status: "open", areaIds: [areaOpen] } }), 200);
  const issued = (await expectStatus(call(app, "POST", `/api/events/${s.code}/invites`, { token: s.adminToken, body: { count: 2 } }), 201)).body as { batchId: string; invites: string[] };
  const participant = await joinEvent(app, s.code);
  const paper = await expectStatus(call(app, "POST", `/api/events/${s.code}/paper-ballots`, { token: s.adminToken, body: { ballot: {} } }), 201);
  const form = await expectStatus(call(app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body: { status: "open", questions: [{ kind: "agree5", prompt: "Useful?" }] } }), 200);
  // Only where needed: its votes would lock the programme (PUT …/content) of the other cases.
  const areaClosed = withClosedArea ? await closedAreaWithVotes(app, s) : "a_none";
  await expectStatus(call(app, "PATCH", `/api/events/${s.code}/areas/${areaDraft}`, { token: s.adminToken, body: { suggestions: "open" } }), 200);
  const suggested = await expectStatus(call(app, "POST", `/api/events/${s.code}/areas/${areaDraft}/suggestions`, { token: participant, body: { title: "From the floor" } }), 201);
  const eventId = plenary.ctx.repos.events.byCode(s.code)?.id;
  if (eventId === undefined) throw new Error("seeded event not found");
  return {
    ...s,
    eventId,
    areaDraft,
    areaOpen,
    areaClosed,
    proposalDraft: s.proposalIds[0]?.[3] ?? "",
    proposalOpen: s.proposalIds[1]?.[0] ?? "",
    participant,
    paperBallot: (paper.body as { id: string }).id,
    batchId: issued.batchId,
    invite: issued.invites[0] ?? "",
    questionId: (form.body as { feedback: { questions: Array<{ id: string }> } }).feedback.questions[0]?.id ?? "",
    suggestion: (suggested.body as { suggestion: { id: string } }).suggestion.id,
  };
}

/** The events one request announced. */
async function announced(send: () => Promise<Reply>): Promise<{ reply: Reply; events: DomainEvent[] }> {
  const from = seen.length;
  const reply = await send();
  return { reply, events: seen.slice(from) };
}

beforeAll(async () => {
  // A file, so that a second connection can tell committed writes from uncommitted ones.
  dir = mkdtempSync(join(tmpdir(), "plenary-events-"));
  const file = join(dir, "plenary.db");
  plenary = await memoryApp({ databaseFile: file });
  reader = new Database(file, { readonly: true });
  const seqOf = (db: { prepare(sql: string): { get(...args: unknown[]): unknown } }, eventId: number) =>
    (db.prepare("SELECT seq FROM events WHERE id = ?").get(eventId) as { seq: number } | undefined)?.seq ?? null;
  plenary.ctx.events?.onAny((event) => {
    seen.push(event);
    checks.push({
      name: event.name,
      inTransaction: plenary.db.inTransaction,
      seqSeenElsewhere: seqOf(reader, event.payload.eventId),
      seqHere: seqOf(plenary.db, event.payload.eventId),
    });
  });
});
afterAll(async () => {
  reader.close();
  await plenary.app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("domain events from the write path", () => {
  it("covers every write route of the OpenAPI document (a new one must be added here)", async () => {
    const doc = (await call(plenary.app, "GET", "/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== "get").map((m) => `${m.toUpperCase()} ${path}`));
    expect(writes.sort()).toEqual(Object.keys(WRITES).sort());
  });

  it("each write route announces its event, once, for its event, after the COMMIT", async () => {
    for (const [route, write] of Object.entries(WRITES)) {
      const t = await target(route.includes("/runoff"));
      checks.length = 0;
      const { reply, events } = await announced(() => write.send(plenary.app, t));
      expect(reply.status, `${route}: ${reply.text.slice(0, 200)}`).toBeLessThan(300);
      expect(events.map((e) => e.name), route).toEqual([write.event]);
      const eventId = write.event === "eventCreated" ? plenary.ctx.repos.events.byCode((reply.body as { event: { code: string } }).event.code)?.id : t.eventId;
      expect(events[0]?.payload.eventId, route).toBe(eventId);
      // Announced outside any transaction, and another connection already sees the write.
      expect(checks.map((c) => c.inTransaction), route).toEqual([false]);
      expect(checks[0]?.seqSeenElsewhere, route).toBe(checks[0]?.seqHere);
    }
  });

  it("names what changed: the ballot's participant and area, the areas whose status moved", async () => {
    const t = await target();
    const ballot = await announced(() => WRITES["PUT /api/events/{code}/ballot/{areaId}"]!.send(plenary.app, t));
    expect(ballot.events).toEqual([{ name: "ballotCast", payload: { eventId: t.eventId, participantId: expect.any(Number), areaId: t.areaOpen } }]);
    const opened = await announced(() => call(plenary.app, "PATCH", `/api/events/${t.code}/areas/${t.areaDraft}`, { token: t.adminToken, body: { status: "open", title: "Now open" } }));
    expect(opened.events).toEqual([{ name: "areaStatusChanged", payload: { eventId: t.eventId, areaIds: [t.areaDraft] } }]);
    const closed = await announced(() => call(plenary.app, "POST", `/api/events/${t.code}/voting`, { token: t.adminToken, body: { status: "closed" } }));
    expect(closed.events).toEqual([{ name: "areaStatusChanged", payload: { eventId: t.eventId, areaIds: expect.arrayContaining([t.areaDraft, t.areaOpen]) } }]);
  });

  it("a ballot that repeats the stored one writes nothing and announces nothing", async () => {
    const t = await target();
    const body = { proposalIds: [t.proposalOpen] };
    const first = await announced(() => call(plenary.app, "PUT", `/api/events/${t.code}/ballot/${t.areaOpen}`, { token: t.participant, body }));
    expect(first.events.map((e) => e.name)).toEqual(["ballotCast"]);
    const again = await announced(() => call(plenary.app, "PUT", `/api/events/${t.code}/ballot/${t.areaOpen}`, { token: t.participant, body }));
    expect(again.reply.status).toBe(200);
    expect(again.events).toEqual([]);
  });

  it("ballots that share a group COMMIT are announced after it, each once", async () => {
    const t = await target();
    const voters = await Promise.all(Array.from({ length: 20 }, () => joinEvent(plenary.app, t.code)));
    checks.length = 0;
    const from = seen.length;
    const replies = await Promise.all(voters.map((token) => call(plenary.app, "PUT", `/api/events/${t.code}/ballot/${t.areaOpen}`, { token, body: { proposalIds: [t.proposalOpen] } })));
    expect(replies.map((r) => r.status)).toEqual(voters.map(() => 200));
    expect(seen.slice(from).map((e) => e.name)).toEqual(voters.map(() => "ballotCast"));
    for (const c of checks) {
      expect(c.inTransaction).toBe(false);
      expect(c.seqSeenElsewhere).toBe(c.seqHere);
    }
  });

  it("refused requests announce nothing", async () => {
    for (const [route, write] of Object.entries(WRITES)) {
      const t = await target(route.includes("/runoff"));
      // Wrong caller: no token on a secured route, the participant's token on the others.
      const wrong = await announced(() => {
        if (route === "POST /api/events") return call(plenary.app, "POST", "/api/events", { body: { title: "" } });
        if (route === "POST /api/events/{code}/participants") return call(plenary.app, "POST", `/api/events/${t.code}/participants`, { body: { invite: "ZZZZ-ZZZZ" } });
        return write.send(plenary.app, { ...t, adminToken: t.participant, participant: t.screenKey });
      });
      expect(wrong.reply.status, `${route}: ${wrong.reply.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(wrong.events, route).toEqual([]);
      if (route === "POST /api/events") continue;
      // Unknown event.
      const unknown = await announced(() => write.send(plenary.app, { ...t, code: "ZZZZZZ" }));
      expect(unknown.reply.status, route).toBe(404);
      expect(unknown.events, route).toEqual([]);
    }
  });

  it("refusals by the vote's rules announce nothing", async () => {
    const t = await target();
    const refusals: Array<[string, () => Promise<Reply>]> = [
      ["ballot in a draft area", () => call(plenary.app, "PUT", `/api/events/${t.code}/ballot/${t.areaDraft}`, { token: t.participant, body: { proposalIds: [t.proposalDraft] } })],
      ["too many votes", () => call(plenary.app, "PUT", `/api/events/${t.code}/ballot/${t.areaOpen}`, { token: t.participant, body: { proposalIds: t.proposalIds[1]?.slice(0, 2) } })],
      ["paper ballot with a foreign proposal", () => call(plenary.app, "POST", `/api/events/${t.code}/paper-ballots`, { token: t.adminToken, body: { ballot: { [t.areaOpen]: [t.proposalDraft] } } })],
      ["proposal added to an open area", () => call(plenary.app, "POST", `/api/events/${t.code}/areas/${t.areaOpen}/proposals`, { token: t.adminToken, body: { title: "Late" } })],
      ["unknown area", () => call(plenary.app, "PATCH", `/api/events/${t.code}/areas/a_nothere`, { token: t.adminToken, body: { title: "X" } })],
    ];
    // A vote, so that replacing the programme is refused too.
    await expectStatus(call(plenary.app, "PUT", `/api/events/${t.code}/ballot/${t.areaOpen}`, { token: t.participant, body: { proposalIds: [t.proposalOpen] } }), 200);
    refusals.push(["programme replaced after votes", () => call(plenary.app, "PUT", `/api/events/${t.code}/content`, { token: t.adminToken, body: { areas: [{ title: "Only" }] } })]);
    for (const [what, send] of refusals) {
      const { reply, events } = await announced(send);
      expect(reply.status, `${what}: ${reply.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(events, what).toEqual([]);
    }
  });
});
