// Live bars in batches (issue 15, server/realtime/live-batch.ts), with the real app and real
// Socket.IO clients: the room (a public socket) and the projector (its screen key) see the counts
// move only once at least liveBatchBallots ballots changed AND liveBatchSeconds passed since the
// room's last update; the organiser sees every ballot; a reconnect and a GET show the last batch,
// never the fresh count; closing an area publishes at once. Each check fails with batching off.
import { io, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EVENT_DEFAULTS } from "../../shared/limits";
import type { Event, Results } from "../../shared/schemas";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "../../shared/socket-events";
import { api, createEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { smallEvent } from "./support";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
interface Watcher {
  socket: Client;
  got: Array<{ at: number; results: Results }>;
}

let server: TestServer;
const clients: Client[] = [];
beforeEach(async () => {
  // Fast coalescing and pacing, so any delay seen here is the batch's, not theirs.
  server = await startServer({ resultsIntervalMs: 20, publicResultsIntervalMs: 50 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(10);
  }
}

/** A socket that records every results push; resolves once its welcome snapshot arrived. */
async function watch(ev: CreatedTestEvent, token?: string): Promise<Watcher> {
  const socket: Client = io(server.url, { path: SOCKET_PATH, transports: ["websocket"], auth: token ? { code: ev.code, token } : { code: ev.code }, forceNew: true, reconnection: false });
  clients.push(socket);
  const w: Watcher = { socket, got: [] };
  socket.on("results", (results) => void w.got.push({ at: Date.now(), results }));
  await until(() => w.got.length > 0, "welcome snapshot");
  return w;
}

/** Every vote of the event, summed: what moved on the bars. */
const total = (r: Results | undefined) => (r ? r.areas.reduce((n, a) => n + a.results.reduce((m, row) => m + (row.votes ?? 0), 0), 0) : -1);
const last = (w: Watcher) => w.got.at(-1)?.results;
const getResults = async (ev: CreatedTestEvent, token?: string) => (await api(server.url, "GET", `/api/events/${ev.code}/results`, token ? { token } : {})).body as Results;

async function setUp(settings: { liveBatchSeconds: number; liveBatchBallots?: number }) {
  const ev = await createEvent(server.url, smallEvent(settings));
  await openVoting(server.url, ev.code, ev.adminToken);
  const area = ev.event.areas[0]!;
  const tokens = await Promise.all(Array.from({ length: 8 }, () => join(server.url, ev.code)));
  const room = await watch(ev);
  const screen = await watch(ev, ev.screenKey);
  const admin = await watch(ev, ev.adminToken);
  let next = 0;
  /** One more participant casts a ballot (one changed ballot each). */
  const cast = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const res = await vote(server.url, ev.code, tokens[next++]!, area.id, [area.proposals[0]!.id]);
      expect(res.status).toBe(200);
    }
  };
  return { ev, area, room, screen, admin, cast };
}

describe("live bars in batches", () => {
  it("the room and the projector move once per batch (k ballots and N seconds); the organiser at every ballot; reconnects and GETs get the last batch", async () => {
    const { ev, room, screen, admin, cast } = await setUp({ liveBatchSeconds: 1, liveBatchBallots: 3 });
    expect([total(last(room)), total(last(screen)), total(last(admin))]).toEqual([0, 0, 0]);
    const before = { room: room.got.length, screen: screen.got.length };

    // k-1 ballots, and more than N seconds: nothing moves for the room.
    await cast(2);
    await until(() => total(last(admin)) === 2, "the organiser sees each ballot");
    await sleep(1300);
    expect(room.got.length).toBe(before.room);
    expect(screen.got.length).toBe(before.screen);
    // Nor by a poll or a reconnect (a reload must not leak what the batch holds back).
    expect(total(await getResults(ev))).toBe(0);
    expect(total(await getResults(ev, ev.screenKey))).toBe(0);
    expect(total(await getResults(ev, ev.adminToken))).toBe(2);
    expect(total(last(await watch(ev)))).toBe(0);
    expect(total(last(await watch(ev, ev.screenKey)))).toBe(0);
    expect(total(last(await watch(ev, ev.adminToken)))).toBe(2);

    // The k-th ballot, N seconds after the last update: one update, with all three.
    await cast(1);
    await until(() => room.got.length > before.room && screen.got.length > before.screen, "the batch reaches room and projector", 3000);
    const published = Date.now();
    await sleep(300);
    expect(room.got.length).toBe(before.room + 1);
    expect(screen.got.length).toBe(before.screen + 1);
    expect(total(last(room))).toBe(3);
    expect(total(last(screen))).toBe(3);
    expect(total(await getResults(ev))).toBe(3);

    // k more ballots at once: the count waits for N seconds since that update, then moves once.
    await cast(3);
    await until(() => total(last(admin)) === 6, "the organiser sees each ballot");
    expect(total(last(room))).toBe(3);
    expect(total(await getResults(ev))).toBe(3);
    await until(() => total(last(room)) === 6 && total(last(screen)) === 6, "the second batch", 3000);
    expect(room.got.at(-1)!.at - published).toBeGreaterThanOrEqual(1000 - 350);
    expect(room.got.length).toBe(before.room + 2);
    expect(screen.got.length).toBe(before.screen + 2);
    // The organiser saw the ballots come in between the batches.
    expect(admin.got.map((g) => total(g.results))).toEqual(expect.arrayContaining([1, 2, 3]));
  });

  it("turnout is batched with the bars: voters and participants the room sees move with the batch", async () => {
    const { ev, room, cast } = await setUp({ liveBatchSeconds: 1, liveBatchBallots: 3 });
    const base = last(room)!;
    // The lobby: with no ballot held back, joins show (the eight of setUp, and one more now).
    expect(base.participants).toBe(8);
    await join(server.url, ev.code);
    await until(() => last(room)!.participants === 9, "a join shows while no ballot is held back");
    await cast(1);
    await join(server.url, ev.code);
    await sleep(1200);
    const polled = await getResults(ev);
    expect([polled.voters, polled.participants]).toEqual([0, 9]);
    expect([last(room)!.voters, last(room)!.participants]).toEqual([0, 9]);
    const fresh = await getResults(ev, ev.adminToken);
    expect([fresh.voters, fresh.participants]).toEqual([1, 10]);
  });

  it("closing the area publishes its final count at once, whatever the batch", async () => {
    const { ev, area, room, screen, cast } = await setUp({ liveBatchSeconds: 30, liveBatchBallots: 50 });
    await cast(2);
    await sleep(200);
    expect(total(last(room))).toBe(0);
    const asked = Date.now();
    expect((await api(server.url, "PATCH", `/api/events/${ev.code}/areas/${area.id}`, { token: ev.adminToken, body: { status: "closed" } })).status).toBe(200);
    await until(() => total(last(room)) === 2 && total(last(screen)) === 2, "the close publishes", 2000);
    expect(Date.now() - asked).toBeLessThan(2000);
    expect(last(room)!.areas.find((a) => a.id === area.id)?.status).toBe("closed");
    expect(total(await getResults(ev))).toBe(2);
  });

  it("an edit of the programme keeps the held-back ballots held back; a reveal publishes at once", async () => {
    const ev = await createEvent(server.url, smallEvent({ liveBatchSeconds: 30, liveBatchBallots: 50, resultsVisibility: "on-reveal" }));
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0]!;
    const screen = await watch(ev, ev.screenKey);
    const room = await watch(ev);
    for (let i = 0; i < 2; i++) expect((await vote(server.url, ev.code, await join(server.url, ev.code), area.id, [area.proposals[2]!.id])).status).toBe(200);
    const events: unknown[] = [];
    room.socket.on("event", (e) => void events.push(e));
    const edit = await api(server.url, "PATCH", `/api/events/${ev.code}/proposals/${area.proposals[0]!.id}`, { token: ev.adminToken, body: { title: "H0, retitled" } });
    expect(edit.status).toBe(200);
    await until(() => events.length > 0, "the edit reaches the room");
    await sleep(300);
    expect(total(last(screen))).toBe(0);
    expect(total(await getResults(ev, ev.screenKey))).toBe(0);
    // The reveal (no status change): the room sees the area's counts now, all of them.
    expect((await api(server.url, "PATCH", `/api/events/${ev.code}/areas/${area.id}`, { token: ev.adminToken, body: { revealed: true } })).status).toBe(200);
    await until(() => total(last(room)) === 2 && total(last(screen)) === 2, "the reveal publishes", 2000);
    expect(last(room)!.areas.find((a) => a.id === area.id)!.results.find((r) => r.proposalId === area.proposals[0]!.id)?.title).toBe("H0, retitled");
  });

  it("a new title keeps the held-back ballots held back; a change of what the room may see publishes at once", async () => {
    const ev = await createEvent(server.url, smallEvent({ liveBatchSeconds: 30, liveBatchBallots: 50 }));
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0]!;
    const screen = await watch(ev, ev.screenKey);
    const room = await watch(ev);
    for (let i = 0; i < 2; i++) expect((await vote(server.url, ev.code, await join(server.url, ev.code), area.id, [area.proposals[1]!.id])).status).toBe(200);
    const titles: string[] = [];
    room.socket.on("event", ({ event }) => void titles.push(event.title));
    expect((await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body: { title: "Renamed mid-vote" } })).status).toBe(200);
    await until(() => titles.includes("Renamed mid-vote"), "the new title reaches the room");
    await sleep(300);
    // Two ballots held back: the room and the projector still see none of them.
    expect(total(last(room))).toBe(0);
    expect(total(last(screen))).toBe(0);
    expect(total(await getResults(ev))).toBe(0);
    // The threshold decides what the room sees: it applies now, with the counts as they are.
    expect((await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body: { privacyThreshold: 1 } })).status).toBe(200);
    await until(() => total(last(room)) === 2 && total(last(screen)) === 2, "the threshold publishes", 2000);
  });

  it("holds one timer per event at most, and none once the server closes", async () => {
    const a = await setUp({ liveBatchSeconds: 60, liveBatchBallots: 2 });
    await a.cast(6);
    expect(server.realtime.liveBatchTimers()).toBe(1);
    // A second batching event: its own timer, the first one's untouched.
    const ev = await createEvent(server.url, smallEvent({ liveBatchSeconds: 60, liveBatchBallots: 1 }));
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0]!;
    for (let i = 0; i < 3; i++) await vote(server.url, ev.code, await join(server.url, ev.code), area.id, [area.proposals[1]!.id]);
    expect(server.realtime.liveBatchTimers()).toBe(2);
    // Closing the area publishes now: its timer goes with the batch it was waiting for.
    await api(server.url, "PATCH", `/api/events/${ev.code}/areas/${area.id}`, { token: ev.adminToken, body: { status: "closed" } });
    expect(server.realtime.liveBatchTimers()).toBe(1);
    await server.realtime.close();
    expect(server.realtime.liveBatchTimers()).toBe(0);
  });

  it("with liveBatchSeconds 0 the room sees every ballot at once (the path the batches hold back)", async () => {
    const { room, screen, cast } = await setUp({ liveBatchSeconds: 0 });
    await cast(1);
    await until(() => total(last(room)) === 1 && total(last(screen)) === 1, "the ballot reaches the room", 2000);
  });
});

describe("the setting", () => {
  const created = async (body: Record<string, unknown>) => {
    const res = await api(server.url, "POST", "/api/events", { body: { title: "Batch", ...body } });
    return res;
  };

  it("defaults on for a room under 100 or of unknown size, off for a larger hall", async () => {
    const of = async (body: Record<string, unknown>) => {
      const event = ((await created(body)).body as { event: Event }).event;
      return [event.liveBatchSeconds, event.liveBatchBallots];
    };
    expect(await of({ expectedParticipants: 54 })).toEqual([EVENT_DEFAULTS.liveBatchSeconds, EVENT_DEFAULTS.liveBatchBallots]);
    expect(await of({})).toEqual([15, 5]);
    expect(await of({ expectedParticipants: 150 })).toEqual([0, 5]);
    expect(await of({ expectedParticipants: 54, liveBatchSeconds: 0 })).toEqual([0, 5]);
    expect(await of({ expectedParticipants: 150, liveBatchSeconds: 20, liveBatchBallots: 8 })).toEqual([20, 8]);
  });

  it("bad values are refused with 400 and change nothing; good ones are stored and shown", async () => {
    expect((await created({ liveBatchSeconds: 301 })).status).toBe(400);
    expect((await created({ liveBatchBallots: 0 })).status).toBe(400);
    const ev = await createEvent(server.url, { title: "Test forum", expectedParticipants: 54 });
    const patch = (body: unknown) => api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body });
    const current = async () => ((await api(server.url, "GET", `/api/events/${ev.code}`)).body as { event: Event }).event;
    for (const body of [{ liveBatchSeconds: 301 }, { liveBatchBallots: 0 }, { liveBatchBallots: 51 }, { liveBatchSeconds: -1 }, { liveBatchSeconds: 2.5 }, { liveBatchSeconds: "15" }, { title: "Changed", liveBatchSeconds: 301 }]) {
      const res = await patch(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
    }
    const after = await current();
    expect([after.title, after.liveBatchSeconds, after.liveBatchBallots]).toEqual(["Test forum", 15, 5]);
    expect((await patch({ liveBatchSeconds: 30, liveBatchBallots: 10 })).status).toBe(200);
    const changed = await current();
    expect([changed.liveBatchSeconds, changed.liveBatchBallots]).toEqual([30, 10]);
    // The event package carries them (an event moved to another laptop batches the same).
    const exported = await api(server.url, "GET", `/api/events/${ev.code}/package`, { token: ev.adminToken });
    if (exported.status === 200) expect((exported.body as { event: Record<string, unknown> }).event).toMatchObject({ liveBatchSeconds: 30, liveBatchBallots: 10 });
  });
});
