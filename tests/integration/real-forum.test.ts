// The forum as it happened (issue 10): the 40 proposals at full length, created through the API and
// through import, 54 people replaying the reported top three, paper ballots after the close — and
// every export carrying every proposal whole, with its label.
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/limits";
import { parseMarkdownOutline } from "../../shared/import/markdown";
import { parseCsvProgramme } from "../../shared/import/csv";
import type { Area, Event, PaperBallotsReply, Results } from "../../shared/schemas";
import { api, createDemoEvent, createEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { FORUM, voteTheForum } from "../helpers/forum";
import { dumpDb, expectError, getJson } from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const admin = (ev: CreatedTestEvent, method: string, path: string, body?: unknown) =>
  api(server.url, method, `/api/events/${ev.code}${path}`, { token: ev.adminToken, ...(body === undefined ? {} : { body }) });

/** 54 people: the reported top three come out 1st, 2nd, 3rd (30, 24, 18 votes). */
const openAndVote = async (ev: CreatedTestEvent): Promise<void> => {
  await openVoting(server.url, ev.code, ev.adminToken);
  await voteTheForum(server.url, ev, { top: [30, 24, 18] });
};

describe("the full-length forum", () => {
  it("keeps every paragraph whole and labels each proposal with its area's prefix", async () => {
    const ev = await createDemoEvent(server.url);
    expect(ev.event.expectedParticipants).toBe(54);
    expect(ev.event.areas.map((a) => a.prefix)).toEqual(FORUM.areas.map((a) => a.prefix));
    for (const [i, area] of ev.event.areas.entries()) {
      expect(area.proposals.map((p) => p.title)).toEqual(FORUM.areas[i]!.proposals.map((p) => p.text));
      expect(area.proposals.map((p) => p.label)).toEqual(area.proposals.map((_, n) => `${area.prefix}-${n + 1}`));
    }
    const longest = Math.max(...FORUM.areas.flatMap((a) => a.proposals.map((p) => p.text.length)));
    expect(longest).toBeGreaterThan(400);
    // read back as any phone reads it
    const read = await getJson<{ event: Event }>(server.url, `/api/events/${ev.code}`);
    expect(read.event.areas.flatMap((a) => a.proposals.map((p) => p.title))).toEqual(FORUM.areas.flatMap((a) => a.proposals.map((p) => p.text)));
  });

  it("imports the groups' paragraphs from an outline and from a ;-separated spreadsheet, with no error", async () => {
    const outline = FORUM.areas.map((a) => `## ${a.title}\n\n${a.proposals.map((p) => `- ${p.text}`).join("\n")}\n`).join("\n");
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = ["area;proposal", ...FORUM.areas.flatMap((a) => a.proposals.map((p) => `${quote(a.title)};${quote(p.text)}`))].join("\r\n");
    for (const parsed of [parseMarkdownOutline(outline), parseCsvProgramme(csv)]) {
      expect(parsed.errors).toEqual([]);
      const ev = await createEvent(server.url, { title: FORUM.event.title });
      const put = await admin(ev, "PUT", "/content", { areas: parsed.areas });
      expect(put.status, put.text).toBe(200);
      const event = (put.body as { event: Event }).event;
      expect(event.areas.map((a) => a.title)).toEqual(FORUM.areas.map((a) => a.title));
      expect(event.areas.flatMap((a) => a.proposals.map((p) => p.title))).toEqual(FORUM.areas.flatMap((a) => a.proposals.map((p) => p.text)));
      // derived prefixes are distinct, letters only
      const prefixes = event.areas.map((a) => a.prefix);
      expect(new Set(prefixes).size).toBe(prefixes.length);
      for (const p of prefixes) expect(p).toMatch(/^[A-Z]{1,4}$/);
    }
  });

  it("54 people replay the reported top three; every export and the report carry each proposal whole with its label", async () => {
    const ev = await createDemoEvent(server.url);
    await openAndVote(ev);
    await admin(ev, "POST", "/voting", { status: "closed" });
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    expect(results.participants).toBe(54);
    expect(results.voters).toBe(54);
    for (const [i, area] of results.areas.entries()) {
      const reported = FORUM.areas[i]!.reportedTop3.map((n) => ev.event.areas[i]!.proposals[n]!.id);
      expect(area.results.slice(0, 3).map((r) => [r.proposalId, r.rank, r.votes])).toEqual([[reported[0], 1, 30], [reported[1], 2, 24], [reported[2], 3, 18]]);
    }

    const csv = (await admin(ev, "GET", "/export?format=csv")).text;
    const rows = parseCsv<Record<string, string>>(csv, { bom: true, columns: true });
    expect(rows).toHaveLength(40);
    const all = ev.event.areas.flatMap((a) => a.proposals);
    for (const p of all) {
      const row = rows.find((r) => r.label === p.label);
      expect(row?.text, p.label).toBe(p.title);
      expect(row?.proposal, p.label).toBe(p.title);
    }
    expect(csv).not.toMatch(/…/);

    const md = (await admin(ev, "GET", "/export?format=md")).text;
    const unescape = (s: string) => s.replace(/\\([\\`*_[\]|<>])/g, "$1");
    const plain = unescape(md);
    for (const p of all) {
      // the annex: every proposal in full, with its label
      expect(plain, p.label).toContain(`| ${p.label} | ${p.title} |`);
    }
    for (const [i, area] of ev.event.areas.entries()) {
      const [first, second, third] = FORUM.areas[i]!.reportedTop3.map((n) => area.proposals[n]!);
      expect(plain).toContain(`- **1st** (${first!.label}) ${first!.title} — 30 votes`);
      expect(plain).toContain(`- **2nd** (${second!.label}) ${second!.title} — 24 votes`);
      expect(plain).toContain(`- **3rd** (${third!.label}) ${third!.title} — 18 votes`);
    }
    expect(md).toContain("- Voted in at least one area: 54 of 54 expected");
    expect(md).not.toMatch(/…/);

    const json = JSON.parse((await admin(ev, "GET", "/export?format=json")).text) as { event: Event };
    expect(json.event.areas.flatMap((a) => a.proposals.map((p) => [p.label, p.title]))).toEqual(all.map((p) => [p.label, p.title]));
  });
});

describe("labels", () => {
  it("follow the organiser's order while the area is a draft, and freeze once it has opened", async () => {
    const ev = await createEvent(server.url, { title: "Labels", areas: [{ title: "Public health", prefix: "ph", proposals: [{ title: "A" }, { title: "B" }, { title: "C" }] }] });
    const area = ev.event.areas[0]!;
    expect(area.prefix).toBe("PH");
    const [a, b, c] = area.proposals.map((p) => p.id) as [string, string, string];
    const labels = async () => {
      const { event } = await getJson<{ event: Event }>(server.url, `/api/events/${ev.code}`);
      return Object.fromEntries(event.areas[0]!.proposals.map((p) => [p.title, p.label]));
    };
    await admin(ev, "PATCH", `/proposals/${c}`, { position: 0 });
    expect(await labels()).toEqual({ C: "PH-1", A: "PH-2", B: "PH-3" });
    await openVoting(server.url, ev.code, ev.adminToken);
    await admin(ev, "POST", "/voting", { status: "closed" });
    await admin(ev, "PATCH", `/proposals/${b}`, { position: 0 });
    await admin(ev, "PATCH", `/areas/${area.id}`, { prefix: "HE" });
    // the room has heard "PH-1" for C: it stays so, whatever the order or prefix now
    expect(await labels()).toEqual({ C: "PH-1", A: "PH-2", B: "PH-3" });
    // a proposal added later takes the next free number, with the prefix of today
    const added = await admin(ev, "POST", `/areas/${area.id}/proposals`, { title: "D" });
    expect(added.status, added.text).toBe(201);
    expect((added.body as { proposal: { label: string } }).proposal.label).toBe("HE-4");
    void a;
  });

  it("refuses a prefix another area has, or one that is not 1 to 4 letters, and changes nothing", async () => {
    const ev = await createEvent(server.url, { title: "Prefixes", areas: [{ title: "Health", prefix: "PH", proposals: [{ title: "A" }] }, { title: "Rights", proposals: [{ title: "B" }] }] });
    const before = dumpDb(server.db);
    expectError(await admin(ev, "PATCH", `/areas/${ev.event.areas[1]!.id}`, { prefix: "PH" }), 400, "BAD_REQUEST");
    for (const prefix of ["", "ABCDE", "P1", "É"]) expectError(await admin(ev, "PATCH", `/areas/${ev.event.areas[1]!.id}`, { prefix }), 400, "BAD_REQUEST");
    expectError(await admin(ev, "POST", "/areas", { title: "Other", prefix: "PH" }), 400, "BAD_REQUEST");
    expectError(await api(server.url, "POST", "/api/events", { body: { title: "Twice", areas: [{ title: "A", prefix: "X", proposals: [] }, { title: "B", prefix: "X", proposals: [] }] } }), 400, "BAD_REQUEST");
    expect(dumpDb(server.db)).toEqual(before);
  });
});

describe("expected participants", () => {
  it("is set on create and patch, 0..100000", async () => {
    const ev = await createEvent(server.url, { title: "Expected", expectedParticipants: 54 });
    expect(ev.event.expectedParticipants).toBe(54);
    const patched = await admin(ev, "PATCH", "", { expectedParticipants: 60 });
    expect((patched.body as { event: Event }).event.expectedParticipants).toBe(60);
    const before = dumpDb(server.db);
    for (const bad of [-1, 100001, 2.5, "54"]) expectError(await admin(ev, "PATCH", "", { expectedParticipants: bad }), 400, "BAD_REQUEST");
    expect(dumpDb(server.db)).toEqual(before);
  });
});

describe("proposals as written", () => {
  it("take a paragraph of up to 1,000 characters; 1,001 is a clear 400 and nothing is stored", async () => {
    const ev = await createEvent(server.url, { title: "Long", areas: [{ title: "A", proposals: [{ title: "short" }] }] });
    const areaId = ev.event.areas[0]!.id;
    const longest = "x".repeat(LIMITS.proposalTitle);
    const ok = await admin(ev, "POST", `/areas/${areaId}/proposals`, { title: longest });
    expect(ok.status, ok.text).toBe(201);
    expect((ok.body as { proposal: { title: string } }).proposal.title).toBe(longest);
    const before = dumpDb(server.db);
    expectError(await admin(ev, "POST", `/areas/${areaId}/proposals`, { title: `${longest}y` }), 400, "BAD_REQUEST");
    expectError(await admin(ev, "PATCH", `/proposals/${ev.event.areas[0]!.proposals[0]!.id}`, { title: `${longest}y` }), 400, "BAD_REQUEST");
    expect(dumpDb(server.db)).toEqual(before);
  });
});

describe("paper ballots, any time before the results are final", () => {
  it("are accepted after the close, listed, and undone with every count back", async () => {
    const ev = await createDemoEvent(server.url);
    await openAndVote(ev);
    await admin(ev, "POST", "/voting", { status: "closed" });
    const closed = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);

    const ballot = Object.fromEntries(ev.event.areas.map((a) => [a.id, [a.proposals[a.proposals.length - 1]!.id, a.proposals[a.proposals.length - 2]!.id]]));
    const entered = await admin(ev, "POST", "/paper-ballots", { ballot });
    expect(entered.status, entered.text).toBe(201);
    const { id } = entered.body as { id: string };
    const after = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    expect(after.participants).toBe(55);
    expect(after.voters).toBe(55);
    for (const area of after.areas) expect(area.voters).toBe(55);

    const list = (await admin(ev, "GET", "/paper-ballots")).body as PaperBallotsReply;
    expect(list.paperBallots).toHaveLength(1);
    expect(list.paperBallots[0]).toMatchObject({ id, ballot });
    expect(Number.isNaN(Date.parse(list.paperBallots[0]!.enteredAt))).toBe(false);

    const undone = await admin(ev, "DELETE", `/paper-ballots/${id}`);
    expect(undone.status, undone.text).toBe(204);
    const back = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    expect({ ...back, seq: 0 }).toEqual({ ...closed, seq: 0 });
    expect(((await admin(ev, "GET", "/paper-ballots")).body as PaperBallotsReply).paperBallots).toEqual([]);
  });

  it("refuse a ballot over the limit, for a draft area, or an undo of nothing, and change nothing", async () => {
    const ev = await createEvent(server.url, {
      title: "Paper",
      areas: [{ title: "Open one", proposals: [{ title: "A" }, { title: "B" }, { title: "C" }] }, { title: "Draft one", proposals: [{ title: "D" }] }],
    });
    const [open, draft] = ev.event.areas as [Area, Area];
    await openVoting(server.url, ev.code, ev.adminToken, [open.id]);
    const before = dumpDb(server.db);
    expectError(await admin(ev, "POST", "/paper-ballots", { ballot: { [open.id]: open.proposals.map((p) => p.id) } }), 422, "TOO_MANY_VOTES");
    expectError(await admin(ev, "POST", "/paper-ballots", { ballot: { [open.id]: [open.proposals[0]!.id], [draft.id]: [draft.proposals[0]!.id] } }), 409, "VOTING_CLOSED");
    expectError(await admin(ev, "DELETE", "/paper-ballots/pb_doesnotexist"), 404, "NOT_FOUND");
    expect(dumpDb(server.db)).toEqual(before);
    // a phone's participant cannot be "undone" as if it were paper
    const phone = await join(server.url, ev.code);
    await vote(server.url, ev.code, phone, open.id, [open.proposals[0]!.id]);
    const other = await createEvent(server.url, { title: "Other", areas: [{ title: "X", proposals: [{ title: "Y" }] }] });
    await openVoting(server.url, other.code, other.adminToken);
    const foreign = (await admin(other, "POST", "/paper-ballots", { ballot: { [other.event.areas[0]!.id]: [other.event.areas[0]!.proposals[0]!.id] } })).body as { id: string };
    const snapshot = dumpDb(server.db);
    expectError(await admin(ev, "DELETE", `/paper-ballots/${foreign.id}`), 404, "NOT_FOUND");
    expect(dumpDb(server.db)).toEqual(snapshot);
  });
});
