// The snapshots a fresh socket is welcomed with are encoded once and shared until the next change
// (server/realtime/snapshot-cache.ts). What that must never do: welcome a reconnecting socket with
// a state older than the server's, or give one audience what was encoded for another. Real
// Socket.IO clients against the real server, the full-length forum; after each kind of change
// (a vote, a join, an area closing, a proposal's text edited, a setting changed) a new socket of
// each audience must be welcomed with exactly what the HTTP API answers at that moment.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Event, Results } from "../../shared/schemas";
import { api, createDemoEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { record, until, type Recorder } from "./fixtures/kit";
import { getJson } from "./support";

let server: TestServer;
const sockets: Recorder[] = [];

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server.close();
});

interface Welcome {
  event: { event: Event; version?: string } | null;
  results: Results | null;
}

/** Opens a socket, waits for its welcome (event and, where asked for, results), closes it. */
async function welcome(auth: Record<string, unknown>, expectResults: boolean): Promise<Welcome> {
  const r = record(server.url, auth);
  sockets.push(r);
  expect(await r.outcome).toBe("connected");
  const first = (name: string) => r.frames.find((f) => f.name === name)?.payload;
  await until(() => first("event") !== undefined && (!expectResults || first("results") !== undefined), "the welcome");
  r.close();
  return { event: (first("event") as Welcome["event"]) ?? null, results: (first("results") as Results | undefined) ?? null };
}

/** A new socket of each audience is welcomed with the state the HTTP API reports now. */
async function expectCurrent(ev: CreatedTestEvent, participantToken: string, what: string): Promise<void> {
  const event = (await getJson<{ event: Event }>(server.url, `/api/events/${ev.code}`)).event;
  const publicResults = await getJson<Results>(server.url, `/api/events/${ev.code}/results`);
  const screenResults = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.screenKey);
  // Several sockets per audience, so the later ones are served from the cache the first one filled.
  for (let i = 0; i < 3; i++) {
    const screen = await welcome({ code: ev.code, token: ev.screenKey }, true);
    expect(screen.event?.event, `${what}: screen event`).toEqual(event);
    expect(screen.results, `${what}: screen results`).toEqual(screenResults);
    const looking = await welcome({ code: ev.code }, true);
    expect(looking.event?.event, `${what}: public event`).toEqual(event);
    expect(looking.results, `${what}: public results`).toEqual(publicResults);
    const phone = await welcome({ code: ev.code, token: participantToken, results: false }, false);
    expect(phone.event?.event, `${what}: phone event`).toEqual(event);
    expect(phone.results, `${what}: the voting phone asked for no results`).toBeNull();
  }
}

const admin = (ev: CreatedTestEvent, method: string, path: string, body?: unknown) =>
  api(server.url, method, `/api/events/${ev.code}${path}`, { token: ev.adminToken, body });

describe("welcome snapshots of a reconnecting socket", () => {
  it("are the current state after every kind of change, for every audience", async () => {
    // The instant path (no live batches): every welcome is the current count (live-batch.test.ts: the batches).
    const ev = await createDemoEvent(server.url, { resultsVisibility: "on-reveal", liveBatchSeconds: 0 });
    await openVoting(server.url, ev.code, ev.adminToken);
    const [first, second] = ev.event.areas;
    const token = await join(server.url, ev.code);
    await expectCurrent(ev, token, "at the start");

    // A vote: the counts move (seq), the event does not.
    expect((await vote(server.url, ev.code, token, first!.id, [first!.proposals[0]!.id])).status).toBe(200);
    await expectCurrent(ev, token, "after a vote");
    // The room must not see counts hidden until the reveal, though the screen's are cached beside them.
    const hidden = await welcome({ code: ev.code }, true);
    expect(hidden.results?.areas.find((a) => a.id === first!.id)?.results.every((r) => r.votes === null)).toBe(true);

    // Someone joins: turnout changes.
    const other = await join(server.url, ev.code);
    expect((await vote(server.url, ev.code, other, second!.id, [second!.proposals[1]!.id])).status).toBe(200);
    await expectCurrent(ev, token, "after a join and a vote");

    // An area closes and is revealed: the event changes, and the room now sees the counts.
    expect((await admin(ev, "POST", "/voting", { status: "closed", areaIds: [first!.id] })).status).toBe(200);
    expect((await admin(ev, "PATCH", `/areas/${first!.id}`, { revealed: true })).status).toBe(200);
    await expectCurrent(ev, token, "after a close and a reveal");
    const revealed = await welcome({ code: ev.code }, true);
    expect(revealed.results?.areas.find((a) => a.id === first!.id)?.results.some((r) => r.votes === 1)).toBe(true);

    // A proposal's text is corrected: the event and the results' titles change.
    const fixed = second!.proposals[2]!;
    expect((await admin(ev, "PATCH", `/proposals/${fixed.id}`, { title: "Corrected title" })).status).toBe(200);
    await expectCurrent(ev, token, "after a text fix");

    // A setting: the event's title.
    expect((await admin(ev, "PATCH", "", { title: "Renamed forum" })).status).toBe(200);
    await expectCurrent(ev, token, "after a setting");
    const renamed = await welcome({ code: ev.code }, true);
    expect(renamed.event?.event.title).toBe("Renamed forum");
    expect(renamed.event?.event.areas.flatMap((a) => a.proposals).find((p) => p.id === fixed.id)?.title).toBe("Corrected title");
  });

  it("a phone holding the old version after a change is sent the new event, one holding the new one nothing", async () => {
    const ev = await createDemoEvent(server.url, { liveBatchSeconds: 0 });
    const token = await join(server.url, ev.code);
    const before = await welcome({ code: ev.code, token, results: false }, false);
    const oldVersion = before.event?.version;
    expect(oldVersion).toBeTruthy();
    await openVoting(server.url, ev.code, ev.adminToken);
    const after = await welcome({ code: ev.code, token, results: false, since: oldVersion }, false);
    expect(after.event?.version).not.toBe(oldVersion);
    expect(after.event?.event.areas.every((a) => a.status === "open")).toBe(true);

    const r = record(server.url, { code: ev.code, token, results: false, since: after.event?.version });
    sockets.push(r);
    expect(await r.outcome).toBe("connected");
    await until(() => r.frames.some((f) => f.name === "ballot"), "the ballot");
    expect(r.frames.filter((f) => f.name === "event")).toEqual([]);
  });
});
