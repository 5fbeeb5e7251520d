// The clock and the runoff (API 1.1, issue 15), on the real app and the full-length 2017 forum:
// an area opened for a duration closes by itself at its time (in this process, and in a real server
// process across a kill -9 and a restart), the facilitator extends it, a manual close stops it; a
// runoff of the top N carries the ties at the cut. Real waits: the shortest duration is 10 s.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "../../server/events/domain-events";
import type { Area, Event } from "../../shared/schemas";
import { api, createDemoEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { killAll, killHard, launch } from "../helpers/process";
import { demoEventBody } from "../../server/demo";
import { dumpDb, expectError } from "./support";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const COOPERATION = "Enhanced cooperation between UN entities";

async function eventOf(url: string, ev: CreatedTestEvent): Promise<Event> {
  const res = await api(url, "GET", `/api/events/${ev.code}`, { token: ev.adminToken });
  expect(res.status).toBe(200);
  return (res.body as { event: Event }).event;
}
const areaIn = (event: Event, id: string): Area => {
  const area = event.areas.find((a) => a.id === id);
  if (!area) throw new Error(`no area ${id}`);
  return area;
};
const voting = (url: string, ev: CreatedTestEvent, body: unknown) => api(url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body });

/** Polls until the area has the status (the clock's close is asynchronous to the test). */
async function waitForStatus(url: string, ev: CreatedTestEvent, areaId: string, status: Area["status"], withinMs: number): Promise<Area> {
  const until = Date.now() + withinMs;
  for (;;) {
    const area = areaIn(await eventOf(url, ev), areaId);
    if (area.status === status || Date.now() > until) return area;
    await sleep(100);
  }
}

describe("the clock, in one server", () => {
  let server: TestServer;
  let ev: CreatedTestEvent;
  const seen: DomainEvent[] = [];
  beforeAll(async () => {
    server = await startServer();
    ev = await createDemoEvent(server.url);
    server.ctx.events?.onAny((e) => seen.push(e));
  });
  afterAll(async () => server?.close());

  it("serves its own time, for countdowns that do not trust the device", async () => {
    const before = Date.now();
    const res = await api(server.url, "GET", "/api/time");
    expect(res.status).toBe(200);
    const now = Date.parse((res.body as { now: string }).now);
    expect(now).toBeGreaterThanOrEqual(before - 5);
    expect(now).toBeLessThanOrEqual(Date.now() + 5);
  });

  it("refuses a duration out of 10..86400, a fraction, a string, or one with a close, and changes nothing", async () => {
    const [a] = ev.event.areas;
    if (!a) throw new Error("no area");
    const before = dumpDb(server.db);
    for (const durationSeconds of [9, 0, -60, 86_401, 12.5, "60", true, 1e12]) {
      expectError(await voting(server.url, ev, { status: "open", areaIds: [a.id], durationSeconds }), 400, "BAD_REQUEST");
    }
    expectError(await voting(server.url, ev, { status: "closed", areaIds: [a.id], durationSeconds: 60 }), 400, "BAD_REQUEST");
    expectError(await voting(server.url, ev, { status: "closed", areaIds: [a.id], durationSeconds: null }), 400, "BAD_REQUEST");
    expect(dumpDb(server.db)).toEqual(before);
  });

  it("opens for 10 s and for a whole day: closesAt is that far from the server's now", async () => {
    const [a, b] = ev.event.areas;
    if (!a || !b) throw new Error("no areas");
    for (const [area, seconds] of [[a, 86_400], [b, 10]] as const) {
      const before = Date.now();
      const res = await voting(server.url, ev, { status: "open", areaIds: [area.id], durationSeconds: seconds });
      expect(res.status, res.text).toBe(200);
      const shown = areaIn((res.body as { event: Event }).event, area.id);
      expect(shown.status).toBe("open");
      const closesAt = Date.parse(shown.closesAt ?? "");
      expect(closesAt).toBeGreaterThanOrEqual(before + seconds * 1000 - 5);
      expect(closesAt).toBeLessThanOrEqual(Date.now() + seconds * 1000 + 5);
    }
    // Leave both as they were for the tests below.
    expect((await voting(server.url, ev, { status: "closed", areaIds: [a.id, b.id] })).status).toBe(200);
  });

  it("closes by itself at its time, like a manual close; an extended area stays open; a manual close stops the clock", async () => {
    const areas = ev.event.areas.slice(1, 4);
    const [timed, extended, manual] = areas;
    if (!timed || !extended || !manual) throw new Error("no areas");
    const token = await join(server.url, ev.code);
    const opened = await voting(server.url, ev, { status: "open", areaIds: areas.map((a) => a.id), durationSeconds: 10 });
    expect(opened.status, opened.text).toBe(200);
    const closesAt = areaIn((opened.body as { event: Event }).event, timed.id).closesAt ?? "";
    // A vote before the time counts.
    expect((await vote(server.url, ev.code, token, timed.id, [timed.proposals[0]?.id ?? ""])).status).toBe(200);

    // Extend: a new duration on an open area is a new deadline from now.
    const extendedAt = Date.now();
    const ext = await voting(server.url, ev, { status: "open", areaIds: [extended.id], durationSeconds: 600 });
    expect(ext.status, ext.text).toBe(200);
    expect(Date.parse(areaIn((ext.body as { event: Event }).event, extended.id).closesAt ?? "")).toBeGreaterThanOrEqual(extendedAt + 600_000 - 5);

    // Manual close clears the deadline; reopened without a duration, the area has no clock.
    const closed = await voting(server.url, ev, { status: "closed", areaIds: [manual.id] });
    expect(areaIn((closed.body as { event: Event }).event, manual.id)).toMatchObject({ status: "closed", closesAt: null });
    const reopened = await voting(server.url, ev, { status: "open", areaIds: [manual.id] });
    expect(areaIn((reopened.body as { event: Event }).event, manual.id)).toMatchObject({ status: "open", closesAt: null });

    const mark = seen.length;
    const area = await waitForStatus(server.url, ev, timed.id, "closed", 12_000);
    const closedSeenAt = Date.now();
    expect(area.status).toBe("closed");
    expect(closedSeenAt).toBeGreaterThanOrEqual(Date.parse(closesAt));
    expect(closedSeenAt - Date.parse(closesAt)).toBeLessThan(1500);
    expect(area).toMatchObject({ closedAt: closesAt, closesAt: null });
    // The same domain event as a manual close, once, naming only that area.
    const closes = seen.slice(mark).filter((e) => e.name === "areaStatusChanged");
    expect(closes).toEqual([{ name: "areaStatusChanged", payload: { eventId: expect.any(Number), areaIds: [timed.id] } }]);
    // After the time, the ballot box is shut.
    const late = await vote(server.url, ev.code, token, timed.id, [timed.proposals[1]?.id ?? ""]);
    expectError(late, 409, "VOTING_CLOSED");

    await sleep(500);
    const now = await eventOf(server.url, ev);
    expect(areaIn(now, extended.id).status).toBe("open");
    expect(areaIn(now, manual.id)).toMatchObject({ status: "open", closesAt: null });

    // Null removes a deadline; left out, an open area keeps its own.
    const kept = await voting(server.url, ev, { status: "open", areaIds: [extended.id] });
    expect(areaIn((kept.body as { event: Event }).event, extended.id).closesAt).toBe(areaIn(now, extended.id).closesAt);
    const removed = await voting(server.url, ev, { status: "open", areaIds: [extended.id], durationSeconds: null });
    expect(areaIn((removed.body as { event: Event }).event, extended.id)).toMatchObject({ status: "open", closesAt: null });
  }, 20_000);
});

describe("the clock across a restart of the real server process", () => {
  const dataDir = mkdtempSync(joinPath(tmpdir(), "plenary-clock-"));
  afterAll(() => {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("closes at start an area whose time passed while the server was down, and a later one at its time, once", async () => {
    let running = await launch(dataDir);
    const created = await api(running.url, "POST", "/api/events", { body: demoEventBody() });
    expect(created.status, created.text).toBe(201);
    const reply = created.body as { event: Event; adminToken: string; screenKey: string };
    const ev: CreatedTestEvent = { code: reply.event.code, adminToken: reply.adminToken, screenKey: reply.screenKey, event: reply.event };
    const [past, later] = ev.event.areas;
    if (!past || !later) throw new Error("no areas");
    const a = await voting(running.url, ev, { status: "open", areaIds: [past.id], durationSeconds: 10 });
    // 30 s: room for a slow start (tsx compiles the server) before the second deadline.
    const b = await voting(running.url, ev, { status: "open", areaIds: [later.id], durationSeconds: 30 });
    expect([a.status, b.status]).toEqual([200, 200]);
    const pastAt = areaIn((a.body as { event: Event }).event, past.id).closesAt ?? "";
    const laterAt = areaIn((b.body as { event: Event }).event, later.id).closesAt ?? "";
    await killHard(running);

    // Down past the first deadline.
    await sleep(Math.max(0, Date.parse(pastAt) - Date.now()) + 300);
    running = await launch(dataDir);
    const atStart = await eventOf(running.url, ev);
    expect(areaIn(atStart, past.id)).toMatchObject({ status: "closed", closedAt: pastAt, closesAt: null });
    expect(areaIn(atStart, later.id)).toMatchObject({ status: "open", closesAt: laterAt });

    // The other one closes in the new process, at its own time.
    const closed = await waitForStatus(running.url, ev, later.id, "closed", Math.max(0, Date.parse(laterAt) - Date.now()) + 2000);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(laterAt));
    expect(closed).toMatchObject({ status: "closed", closedAt: laterAt, closesAt: null });
    await killHard(running);

    // A second restart finds nothing to do: the closes happened once, and the rows say so.
    running = await launch(dataDir);
    const again = await eventOf(running.url, ev);
    expect(areaIn(again, past.id)).toMatchObject({ status: "closed", closedAt: pastAt });
    expect(areaIn(again, later.id)).toMatchObject({ status: "closed", closedAt: laterAt });
    await killHard(running);
  }, 60_000);
});

describe("the runoff", () => {
  let server: TestServer;
  let ev: CreatedTestEvent;
  let area: Area;
  beforeAll(async () => {
    server = await startServer();
    ev = await createDemoEvent(server.url);
    const found = ev.event.areas.find((a) => a.title === COOPERATION);
    if (!found) throw new Error("the forum has no Enhanced cooperation area");
    area = found;
    await openVoting(server.url, ev.code, ev.adminToken, [area.id]);
    // The rehearsal's result: =3rd twice. Votes per proposal: P7 6, P4 5, P1 3, P2 3, P0 1, the rest none.
    const p = area.proposals.map((x) => x.id);
    const ballots = [...Array<number[]>(5).fill([7, 4]), [7, 1], [1, 2], [1, 2], [2, 0]];
    for (const ballot of ballots) {
      const token = await join(server.url, ev.code);
      const res = await vote(server.url, ev.code, token, area.id, ballot.map((i) => p[i] ?? ""));
      expect(res.status, res.text).toBe(200);
    }
  });
  afterAll(async () => server?.close());

  const runoff = (areaId: string, body: unknown) => api(server.url, "POST", `/api/events/${ev.code}/areas/${areaId}/runoff`, { token: ev.adminToken, body });

  it("is refused on an open or a draft area with NOT_ALLOWED, and changes nothing", async () => {
    const draft = ev.event.areas.find((a) => a.id !== area.id);
    if (!draft) throw new Error("no other area");
    const before = dumpDb(server.db);
    expectError(await runoff(area.id, { top: 3 }), 409, "NOT_ALLOWED");
    expectError(await runoff(draft.id, { top: 3 }), 409, "NOT_ALLOWED");
    expect(dumpDb(server.db)).toEqual(before);
  });

  it("refuses a bad top with BAD_REQUEST and an unknown area with NOT_FOUND", async () => {
    expect((await voting(server.url, ev, { status: "closed", areaIds: [area.id] })).status).toBe(200);
    const before = dumpDb(server.db);
    for (const body of [{ top: 1 }, { top: 21 }, { top: 2.5 }, { top: "3" }, {}, { top: 3, extra: 1 }, null]) {
      expectError(await runoff(area.id, body), 400, "BAD_REQUEST");
    }
    expectError(await runoff("a_nosuch", { top: 3 }), 404, "NOT_FOUND");
    expect(dumpDb(server.db)).toEqual(before);
  });

  it("of the top 3 carries both proposals tied at 3rd: a draft right after the first round, linked by roundOf", async () => {
    const res = await runoff(area.id, { top: 3 });
    expect(res.status, res.text).toBe(201);
    const second = (res.body as { area: Area }).area;
    const titles = (ids: number[]) => ids.map((i) => area.proposals[i]?.title);
    // The first round's order (its positions), not the ranking's.
    expect(second.proposals.map((p) => p.title)).toEqual(titles([1, 2, 4, 7]));
    expect(second).toMatchObject({ status: "draft", roundOf: area.id, closesAt: null, openedAt: null, maxVotes: 2, revealed: false });
    expect(second.title).toBe(`${COOPERATION} — runoff`);
    expect(second.prefix).not.toBe(area.prefix);
    const event = await eventOf(server.url, ev);
    const order = event.areas.map((a) => a.id);
    expect(order.indexOf(second.id)).toBe(order.indexOf(area.id) + 1);
    expect(event.areas.map((a) => a.position)).toEqual(event.areas.map((_a, i) => i));
    expect(areaIn(event, area.id).roundOf).toBeNull();

    // The report shows both rounds: the runoff says whose runoff it is.
    const md = await api(server.url, "GET", `/api/events/${ev.code}/export?format=md`, { token: ev.adminToken });
    expect(md.status).toBe(200);
    expect(md.text).toContain(`### ${COOPERATION} — runoff\n\n_Runoff of “${COOPERATION}”._`);
    expect(md.text).toContain(`### ${COOPERATION}\n\n- **1st**`);
    const json = await api(server.url, "GET", `/api/events/${ev.code}/export?format=json`, { token: ev.adminToken });
    expect((json.body as { areas: Array<{ id: string; roundOf: string | null }> }).areas.find((a) => a.id === second.id)?.roundOf).toBe(area.id);
  });

  it("is written in the event's language in the report, and titled in it", async () => {
    expect((await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body: { language: "fr" } })).status).toBe(200);
    const res = await runoff(area.id, { top: 3 });
    expect((res.body as { area: Area }).area.title).toBe(`${COOPERATION} — second tour`);
    const md = await api(server.url, "GET", `/api/events/${ev.code}/export?format=md`, { token: ev.adminToken });
    expect(md.text).toContain(`### ${COOPERATION} — second tour\n\n_Second tour de «\u00A0${COOPERATION}\u00A0»._`);
    expect((await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body: { language: "en" } })).status).toBe(200);
  });

  it("of the top 2 has no tie to carry; of the top 20 never carries a proposal nobody chose", async () => {
    const two = (await runoff(area.id, { top: 2 })).body as { area: Area };
    expect(two.area.proposals.map((p) => p.title)).toEqual([4, 7].map((i) => area.proposals[i]?.title));
    // Two proposals: pick one of them.
    expect(two.area.maxVotes).toBe(1);
    const all = (await runoff(area.id, { top: 20 })).body as { area: Area };
    expect(all.area.proposals.map((p) => p.title)).toEqual([0, 1, 2, 4, 7].map((i) => area.proposals[i]?.title));
  });

  it("is refused below the privacy threshold: the room would learn what those few chose", async () => {
    expect((await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body: { privacyThreshold: 10 } })).status).toBe(200);
    const before = dumpDb(server.db);
    expectError(await runoff(area.id, { top: 3 }), 409, "NOT_ALLOWED");
    expect(dumpDb(server.db)).toEqual(before);
    // Nine voters: at a threshold of 9 the counts are shown, and the runoff is allowed again.
    expect((await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body: { privacyThreshold: 9 } })).status).toBe(200);
    expect((await runoff(area.id, { top: 3 })).status).toBe(201);
    expect((await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body: { privacyThreshold: 0 } })).status).toBe(200);
  });

  it("is refused where fewer than two proposals have votes: nothing to decide", async () => {
    const empty = ev.event.areas.find((a) => a.id !== area.id);
    if (!empty) throw new Error("no other area");
    expect((await voting(server.url, ev, { status: "closed", areaIds: [empty.id] })).status).toBe(200);
    const before = dumpDb(server.db);
    expectError(await runoff(empty.id, { top: 3 }), 409, "NOT_ALLOWED");
    expect(dumpDb(server.db)).toEqual(before);
  });
});
