// The phone's light handshake (docs/API.md, Socket.IO): `results: false` keeps the results
// snapshots off a voting phone's socket while the event and its own ballot still arrive; `since`
// (the event version the phone holds) spares it the whole event again on connect, unless the event
// has changed. Real Socket.IO clients against the real server.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Event } from "../../shared/schemas";
import { api, createEvent, join, openVoting, startServer, vote, type TestServer } from "../helpers/app";
import { record, sleep, until, type Recorder } from "./fixtures/kit";
import { smallEvent } from "./support";

let server: TestServer;
const sockets: Recorder[] = [];
const open = (auth: unknown) => {
  const r = record(server.url, auth);
  sockets.push(r);
  return r;
};
const named = (r: Recorder, name: string) => r.frames.filter((f) => f.name === name);
const events = (r: Recorder) => named(r, "event").map((f) => f.payload as { event: Event; version?: string });

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server.close();
});

describe("a phone's handshake", () => {
  it("with results: false gets the event and its ballot, never a results snapshot; the default still gets results", async () => {
    const ev = await createEvent(server.url, smallEvent());
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0]!;
    const token = await join(server.url, ev.code);
    const quiet = open({ code: ev.code, token, results: false });
    const looking = open({ code: ev.code, results: false });
    const plain = open({ code: ev.code });
    for (const s of [quiet, looking, plain]) expect(await s.outcome).toBe("connected");
    await until(() => named(quiet, "ballot").length > 0 && events(looking).length > 0 && named(plain, "results").length > 0, "first state");

    // Votes move the counts: the plain socket is told, the quiet ones are not.
    const other = await join(server.url, ev.code);
    expect((await vote(server.url, ev.code, other, area.id, [area.proposals[0]!.id])).status).toBe(200);
    expect((await vote(server.url, ev.code, token, area.id, [area.proposals[1]!.id])).status).toBe(200);
    await until(() => named(plain, "results").length >= 2, "the plain socket follows the counts", 3000);
    await until(() => named(quiet, "ballot").some((f) => JSON.stringify(f.payload).includes(area.proposals[1]!.id)), "the phone's own ballot follows");
    // An area closing is an event change: it reaches the quiet sockets too.
    const close = await api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status: "closed", areaIds: [area.id] } });
    expect(close.status).toBe(200);
    for (const s of [quiet, looking]) {
      await until(() => events(s).some((e) => e.event.areas.find((a) => a.id === area.id)?.status === "closed"), "the close reaches the phone");
    }
    await sleep(1200);
    expect(named(quiet, "results")).toEqual([]);
    expect(named(looking, "results")).toEqual([]);
  });

  it("with since = the version it holds gets no event on connect; an older version gets the current one", async () => {
    const ev = await createEvent(server.url, smallEvent());
    const first = open({ code: ev.code, results: false });
    expect(await first.outcome).toBe("connected");
    await until(() => events(first).length === 1, "the event on connect");
    const version = events(first)[0]!.version;
    expect(version).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const same = open({ code: ev.code, results: false, since: version });
    expect(await same.outcome).toBe("connected");
    await sleep(300);
    expect(events(same)).toEqual([]);

    // The event changes (an area opens): the version moves, the connected phone is told with the
    // new version, and a phone still holding the old one gets the event on connect.
    await openVoting(server.url, ev.code, ev.adminToken);
    await until(() => events(same).length === 1, "the change reaches the phone");
    const pushed = events(same)[0]!;
    expect(pushed.version).not.toBe(version);
    expect(pushed.event.areas.every((a) => a.status === "open")).toBe(true);
    const late = open({ code: ev.code, results: false, since: version });
    expect(await late.outcome).toBe("connected");
    await until(() => events(late).length === 1, "an old version gets the event");
    expect(events(late)[0]).toEqual(pushed);
    const current = open({ code: ev.code, results: false, since: pushed.version });
    expect(await current.outcome).toBe("connected");
    await sleep(300);
    expect(events(current)).toEqual([]);
  });

  it("refuses a malformed results or since", async () => {
    const ev = await createEvent(server.url, smallEvent());
    expect(await open({ code: ev.code, results: "no" }).outcome).toBe("BAD_REQUEST");
    expect(await open({ code: ev.code, since: "" }).outcome).toBe("BAD_REQUEST");
    expect(await open({ code: ev.code, since: "x".repeat(65) }).outcome).toBe("BAD_REQUEST");
    expect(await open({ code: ev.code, since: 7 }).outcome).toBe("BAD_REQUEST");
  });
});
