// Before the vote (issue 13): a working group's editor link drafts its own area and nothing else;
// two people editing one proposal do not overwrite each other silently; the room's suggestions are
// moderated (accept, edit, merge, reject) and never say who sent them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlenaryApp } from "../../server/app";
import type { Event, Proposal, Suggestion } from "../../shared/schemas";
import { LIMITS } from "../../shared/limits";
import { startServer, type TestServer } from "../helpers/app";
import { call, expectStatus, joinEvent, memoryApp, record, seedEvent, smallProgramme, until, type Reply, type Seeded } from "./fixtures/kit";
import { dumpDb } from "./support";

let plenary: PlenaryApp;
beforeAll(async () => {
  plenary = await memoryApp();
});
afterAll(async () => {
  await plenary.app.close();
});

const app = () => plenary.app;
const editorKey = async (s: Seeded, areaId: string) =>
  ((await expectStatus(call(app(), "POST", `/api/events/${s.code}/areas/${areaId}/editor-key`, { token: s.adminToken }), 201)).body as { editorKey: string }).editorKey;
const eventOf = async (s: Seeded) => ((await call(app(), "GET", `/api/events/${s.code}`)).body as { event: Event }).event;
const patchArea = (s: Seeded, areaId: string, body: unknown) => expectStatus(call(app(), "PATCH", `/api/events/${s.code}/areas/${areaId}`, { token: s.adminToken, body }), 200);

function expectCode(res: Reply, status: number, code: string): void {
  expect(res.status, res.text).toBe(status);
  expect((res.body as { error: { code: string } }).error.code).toBe(code);
}

describe("an editor link", () => {
  it("adds, edits, reorders and deletes its own area's proposals while it is in draft", async () => {
    const s = await seedEvent(app());
    const [health] = s.areaIds as [string];
    const key = await editorKey(s, health);
    expect(key).toMatch(/^edt_[A-Za-z0-9_-]{32}$/);
    const added = await expectStatus(call(app(), "POST", `/api/events/${s.code}/areas/${health}/proposals`, { token: key, body: { title: "A paragraph the group wrote together." } }), 201);
    const id = (added.body as { proposal: Proposal }).proposal.id;
    await expectStatus(call(app(), "PATCH", `/api/events/${s.code}/proposals/${id}`, { token: key, body: { title: "A paragraph the group rewrote.", position: 0 } }), 200);
    await expectStatus(call(app(), "DELETE", `/api/events/${s.code}/proposals/${s.proposalIds[0]![3]}`, { token: key }), 204);
    const area = (await eventOf(s)).areas[0]!;
    expect(area.proposals.map((p) => p.title)).toEqual(["A paragraph the group rewrote.", "H0", "H1", "H2"]);
    expect(area.proposals[0]!.origin).toBe("group");
  });

  it("may do nothing else: another area, the event, the programme, voting, cards, exports, other links — refused, nothing changed", async () => {
    const s = await seedEvent(app());
    const [health, law] = s.areaIds as [string, string];
    const key = await editorKey(s, health);
    const before = dumpDb(plenary.db);
    const refused: Array<[Parameters<typeof call>[1], string, unknown, number, string]> = [
      ["POST", `/areas/${law}/proposals`, { title: "Not mine" }, 403, "FORBIDDEN"],
      ["PATCH", `/proposals/${s.proposalIds[1]![0]}`, { title: "Not mine" }, 403, "FORBIDDEN"],
      ["DELETE", `/proposals/${s.proposalIds[1]![0]}`, undefined, 403, "FORBIDDEN"],
      ["PATCH", "", { title: "Renamed" }, 403, "FORBIDDEN"],
      ["PUT", "/content", { areas: [{ title: "Only" }] }, 403, "FORBIDDEN"],
      ["POST", "/areas", { title: "New area" }, 403, "FORBIDDEN"],
      ["PATCH", `/areas/${health}`, { title: "Renamed" }, 403, "FORBIDDEN"],
      ["PATCH", `/areas/${health}`, { contentLocked: false }, 403, "FORBIDDEN"],
      ["DELETE", `/areas/${health}`, undefined, 403, "FORBIDDEN"],
      ["POST", "/voting", { status: "open" }, 403, "FORBIDDEN"],
      ["POST", "/invites", { count: 2 }, 403, "FORBIDDEN"],
      ["POST", `/areas/${health}/editor-key`, undefined, 403, "FORBIDDEN"],
      ["POST", "/paper-ballots", { ballot: {} }, 403, "FORBIDDEN"],
      ["GET", "/export?format=json", undefined, 403, "FORBIDDEN"],
      ["GET", "/ballot", undefined, 403, "FORBIDDEN"],
    ];
    for (const [method, path, body, status, code] of refused) {
      const res = await call(app(), method, `/api/events/${s.code}${path}`, { token: key, ...(body === undefined ? {} : { body }) });
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(status);
      expect((res.body as { error: { code: string } }).error.code, `${method} ${path}`).toBe(code);
    }
    expect(dumpDb(plenary.db)).toEqual(before);
  });

  it("stops at the area's opening, at the organiser's lock, and when a new link replaces it", async () => {
    const s = await seedEvent(app());
    const [health] = s.areaIds as [string];
    const key = await editorKey(s, health);
    const add = () => call(app(), "POST", `/api/events/${s.code}/areas/${health}/proposals`, { token: key, body: { title: "Late" } });
    await patchArea(s, health, { contentLocked: true });
    expect((await eventOf(s)).areas[0]!.contentLocked).toBe(true);
    let before = dumpDb(plenary.db);
    expectCode(await add(), 409, "NOT_ALLOWED");
    expectCode(await call(app(), "PATCH", `/api/events/${s.code}/proposals/${s.proposalIds[0]![0]}`, { token: key, body: { title: "x" } }), 409, "NOT_ALLOWED");
    expect(dumpDb(plenary.db)).toEqual(before);
    // the organiser still edits a locked area
    await expectStatus(call(app(), "POST", `/api/events/${s.code}/areas/${health}/proposals`, { token: s.adminToken, body: { title: "Organiser's own" } }), 201);
    await patchArea(s, health, { contentLocked: false });
    await expectStatus(add(), 201);

    await expectStatus(call(app(), "POST", `/api/events/${s.code}/voting`, { token: s.adminToken, body: { status: "open", areaIds: [health] } }), 200);
    before = dumpDb(plenary.db);
    expectCode(await add(), 409, "EVENT_LOCKED");
    expectCode(await call(app(), "PATCH", `/api/events/${s.code}/proposals/${s.proposalIds[0]![0]}`, { token: key, body: { title: "Typo" } }), 409, "EVENT_LOCKED");
    expect(dumpDb(plenary.db)).toEqual(before);

    const fresh = await editorKey(s, health);
    expectCode(await add(), 401, "UNAUTHORIZED");
    expect(fresh).not.toBe(key);
  });
});

describe("two people editing one proposal", () => {
  it("refuses the save made from an older version with NOT_ALLOWED and the text now there; the first save stands", async () => {
    const s = await seedEvent(app());
    const [health] = s.areaIds as [string];
    const key = await editorKey(s, health);
    const id = s.proposalIds[0]![1]!;
    const v = (await eventOf(s)).areas[0]!.proposals.find((p) => p.id === id)!.version;
    // the rapporteur and the organiser both opened version v
    const first = await expectStatus(call(app(), "PATCH", `/api/events/${s.code}/proposals/${id}`, { token: key, body: { title: "The group's wording", version: v } }), 200);
    expect((first.body as { proposal: Proposal }).proposal.version).toBe(v + 1);
    const before = dumpDb(plenary.db);
    const second = await call(app(), "PATCH", `/api/events/${s.code}/proposals/${id}`, { token: s.adminToken, body: { title: "The organiser's wording", version: v } });
    expectCode(second, 409, "NOT_ALLOWED");
    expect((second.body as { error: { message: string } }).error.message).toContain("The group's wording");
    expect(dumpDb(plenary.db)).toEqual(before);
    // from the current version it goes through
    await expectStatus(call(app(), "PATCH", `/api/events/${s.code}/proposals/${id}`, { token: s.adminToken, body: { title: "Agreed wording", version: v + 1 } }), 200);
    expect((await eventOf(s)).areas[0]!.proposals.find((p) => p.id === id)!.title).toBe("Agreed wording");
  });

  it("lets two editors write different proposals of one area at once, every write kept", async () => {
    const s = await seedEvent(app());
    const [health] = s.areaIds as [string];
    const key = await editorKey(s, health);
    const writes = Array.from({ length: 20 }, (_, i) =>
      call(app(), "POST", `/api/events/${s.code}/areas/${health}/proposals`, { token: i % 2 ? key : s.adminToken, body: { title: `Proposal ${i}` } }),
    );
    for (const res of await Promise.all(writes)) expect(res.status).toBe(201);
    const titles = (await eventOf(s)).areas[0]!.proposals.map((p) => p.title);
    for (let i = 0; i < 20; i++) expect(titles).toContain(`Proposal ${i}`);
  });
});

describe("suggestions from the room", () => {
  async function suggestingEvent() {
    const s = await seedEvent(app());
    const [health, law] = s.areaIds as [string, string];
    await patchArea(s, health, { suggestions: "open" });
    const phones = [await joinEvent(app(), s.code), await joinEvent(app(), s.code)];
    const send = (token: string, body: unknown, areaId = health) => call(app(), "POST", `/api/events/${s.code}/areas/${areaId}/suggestions`, { token, body });
    const list = async (token: string) => ((await expectStatus(call(app(), "GET", `/api/events/${s.code}/suggestions`, { token }), 200)).body as { suggestions: Suggestion[] }).suggestions;
    return { s, health, law, phones, send, list };
  }

  it("takes a suggestion only where suggestions are open and the area is in draft, within the proposal limits", async () => {
    const { s, health, law, phones, send } = await suggestingEvent();
    const before = dumpDb(plenary.db);
    expectCode(await send(phones[0]!, { title: "Elsewhere" }, law), 409, "NOT_ALLOWED");
    expectCode(await send(phones[0]!, { title: "x".repeat(LIMITS.proposalTitle + 1) }), 400, "BAD_REQUEST");
    expectCode(await send(phones[0]!, { title: "   " }), 400, "BAD_REQUEST");
    expectCode(await send(phones[0]!, { title: "ok", body: "y".repeat(LIMITS.proposalBody + 1) }), 400, "BAD_REQUEST");
    expectCode(await send(phones[0]!, { title: "ok", author: "me" }), 400, "BAD_REQUEST");
    expectCode(await call(app(), "POST", `/api/events/${s.code}/areas/${health}/suggestions`, { token: s.adminToken, body: { title: "admin" } }), 403, "FORBIDDEN");
    expect(dumpDb(plenary.db)).toEqual(before);
    const res = await expectStatus(send(phones[0]!, { title: "Fund harm reduction services in prisons.", body: "As the group on health said." }), 201);
    expect(res.body).toEqual({ suggestion: { id: expect.stringMatching(/^s_/) as string, status: "pending" } });
    await expectStatus(call(app(), "POST", `/api/events/${s.code}/voting`, { token: s.adminToken, body: { status: "open", areaIds: [health] } }), 200);
    expectCode(await send(phones[1]!, { title: "Too late" }), 409, "NOT_ALLOWED");
  });

  it("shows each phone its own suggestions, the editor its area's, the organiser all — never who sent which", async () => {
    const { s, health, law, phones, send, list } = await suggestingEvent();
    await patchArea(s, law, { suggestions: "open" });
    await expectStatus(send(phones[0]!, { title: "Mine, in health" }), 201);
    await expectStatus(send(phones[1]!, { title: "Theirs, in health" }), 201);
    await expectStatus(send(phones[1]!, { title: "Theirs, in law" }, law), 201);
    expect((await list(phones[0]!)).map((x) => x.title)).toEqual(["Mine, in health"]);
    expect((await list(phones[1]!)).map((x) => x.title).sort()).toEqual(["Theirs, in health", "Theirs, in law"]);
    const editor = await editorKey(s, health);
    expect((await list(editor)).map((x) => x.title).sort()).toEqual(["Mine, in health", "Theirs, in health"]);
    const all = await list(s.adminToken);
    expect(all).toHaveLength(3);
    for (const x of all) {
      expect(Object.keys(x).sort()).toEqual(["areaId", "body", "createdAt", "id", "proposalId", "status", "title"]);
      expect(x.createdAt).toMatch(/:00\.000Z$/);
    }
    const text = JSON.stringify(all);
    for (const secret of phones) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/participant/i);
    expectCode(await call(app(), "GET", `/api/events/${s.code}/suggestions`, { token: s.screenKey }), 403, "FORBIDDEN");
  });

  it("accepts as is, edited, or merged; rejects; a decided suggestion stays decided; a merge across areas is refused", async () => {
    const { s, health, phones, send, list } = await suggestingEvent();
    const ids: string[] = [];
    for (const title of ["As is", "To be edited", "To be merged", "To be rejected", "Across areas"]) {
      ids.push(((await expectStatus(send(phones[0]!, { title }), 201)).body as { suggestion: { id: string } }).suggestion.id);
    }
    const act = (id: string, verb: "accept" | "reject", body?: unknown) =>
      call(app(), "POST", `/api/events/${s.code}/suggestions/${id}/${verb}`, { token: s.adminToken, ...(body === undefined ? {} : { body }) });
    const asIs = (await expectStatus(act(ids[0]!, "accept"), 201)).body as { proposal: Proposal };
    expect([asIs.proposal.title, asIs.proposal.origin]).toEqual(["As is", "suggestion"]);
    const edited = (await expectStatus(act(ids[1]!, "accept", { title: "Edited by the organiser", body: "with background" }), 201)).body as { proposal: Proposal };
    expect([edited.proposal.title, edited.proposal.body, edited.proposal.origin]).toEqual(["Edited by the organiser", "with background", "suggestion"]);
    const target = s.proposalIds[0]![0]!;
    const merged = (await expectStatus(act(ids[2]!, "accept", { mergeInto: target, title: "H0, with the room's addition" }), 201)).body as { proposal: Proposal };
    expect([merged.proposal.id, merged.proposal.title, merged.proposal.merged, merged.proposal.origin]).toEqual([target, "H0, with the room's addition", 1, "group"]);
    expect((await expectStatus(act(ids[3]!, "reject"), 200)).body).toMatchObject({ suggestion: { id: ids[3], status: "rejected", proposalId: null } });

    const before = dumpDb(plenary.db);
    expectCode(await act(ids[4]!, "accept", { mergeInto: s.proposalIds[1]![0] }), 422, "UNKNOWN_PROPOSAL");
    expectCode(await act(ids[0]!, "accept"), 409, "NOT_ALLOWED");
    expectCode(await act(ids[3]!, "accept"), 409, "NOT_ALLOWED");
    expectCode(await act(ids[2]!, "reject"), 409, "NOT_ALLOWED");
    expectCode(await act("s_nothere", "reject"), 404, "NOT_FOUND");
    expectCode(await act(ids[4]!, "accept", { title: "" }), 400, "BAD_REQUEST");
    expect(dumpDb(plenary.db)).toEqual(before);

    // the phone sees what became of its suggestions
    const mine = await list(phones[0]!);
    expect(Object.fromEntries(mine.map((x) => [x.title, x.status]))).toEqual({
      "As is": "accepted", "To be edited": "accepted", "To be merged": "merged", "To be rejected": "rejected", "Across areas": "pending",
    });
    const area = (await eventOf(s)).areas[0]!;
    expect(area.proposals.filter((p) => p.origin === "suggestion").map((p) => p.title)).toEqual(["As is", "Edited by the organiser"]);

    // The exports say where each proposal came from — counts and a mark, never whose.
    const md = (await expectStatus(call(app(), "GET", `/api/events/${s.code}/export?format=md`, { token: s.adminToken }), 200)).text;
    expect(md).toContain("- Proposals from the working groups: 7; from the room's suggestions: 2; suggestions merged into a proposal: 1.");
    expect(md.split("(from the room)").length - 1).toBe(2);
    const json = (await expectStatus(call(app(), "GET", `/api/events/${s.code}/export?format=json`, { token: s.adminToken }), 200)).body as { event: Event };
    expect(json.event.areas[0]!.proposals.map((p) => [p.title, p.origin, p.merged])).toContainEqual(["H0, with the room's addition", "group", 1]);

    // once the area opens, accepting is refused
    await expectStatus(call(app(), "POST", `/api/events/${s.code}/voting`, { token: s.adminToken, body: { status: "open", areaIds: [health] } }), 200);
    expectCode(await act(ids[4]!, "accept"), 409, "EVENT_LOCKED");
  });

  it("lets the area's editor moderate its own area only", async () => {
    const { s, health, law, phones, send } = await suggestingEvent();
    await patchArea(s, law, { suggestions: "open" });
    const inHealth = ((await expectStatus(send(phones[0]!, { title: "Health idea" }), 201)).body as { suggestion: { id: string } }).suggestion.id;
    const inLaw = ((await expectStatus(send(phones[0]!, { title: "Law idea" }, law), 201)).body as { suggestion: { id: string } }).suggestion.id;
    const key = await editorKey(s, health);
    expectCode(await call(app(), "POST", `/api/events/${s.code}/suggestions/${inLaw}/accept`, { token: key }), 403, "FORBIDDEN");
    await expectStatus(call(app(), "POST", `/api/events/${s.code}/suggestions/${inHealth}/accept`, { token: key }), 201);
    expectCode(await call(app(), "POST", `/api/events/${s.code}/suggestions/${inHealth}/accept`, { token: phones[0] }), 403, "FORBIDDEN");
  });

  it(`stops one phone at ${LIMITS.suggestionsPerParticipant} suggestions`, async () => {
    const { phones, send } = await suggestingEvent();
    for (let i = 0; i < LIMITS.suggestionsPerParticipant; i++) await expectStatus(send(phones[0]!, { title: `Idea ${i}` }), 201);
    const before = dumpDb(plenary.db);
    expectCode(await send(phones[0]!, { title: "One more" }), 409, "NOT_ALLOWED");
    expect(dumpDb(plenary.db)).toEqual(before);
    await expectStatus(send(phones[1]!, { title: "Another phone's" }), 201);
  });
});

describe("the organiser's queue, live", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("tells the organiser's socket how many suggestions wait, and a phone's socket nothing of them", async () => {
    const s = await seedEvent(server.app, smallProgramme());
    const [health] = s.areaIds as [string];
    await expectStatus(call(server.app, "PATCH", `/api/events/${s.code}/areas/${health}`, { token: s.adminToken, body: { suggestions: "open" } }), 200);
    const phone = await joinEvent(server.app, s.code);
    const admin = record(server.url, { code: s.code, token: s.adminToken });
    const looker = record(server.url, { code: s.code, token: phone });
    expect(await admin.outcome).toBe("connected");
    expect(await looker.outcome).toBe("connected");
    const sent = await expectStatus(call(server.app, "POST", `/api/events/${s.code}/areas/${health}/suggestions`, { token: phone, body: { title: "Live idea" } }), 201);
    await until(() => admin.frames.some((f) => f.name === "suggestions" && (f.payload as { pending: number }).pending === 1), "the organiser heard of it");
    const id = (sent.body as { suggestion: { id: string } }).suggestion.id;
    await expectStatus(call(server.app, "POST", `/api/events/${s.code}/suggestions/${id}/accept`, { token: s.adminToken }), 201);
    await until(() => admin.frames.some((f) => f.name === "suggestions" && (f.payload as { pending: number }).pending === 0), "the queue emptied");
    // the accepted proposal reaches the room with the event
    await until(() => looker.frames.some((f) => f.name === "event" && JSON.stringify(f.payload).includes("Live idea")), "the room sees the new proposal");
    expect(looker.frames.some((f) => f.name === "suggestions")).toBe(false);
    admin.close();
    looker.close();
  });
});
