// Ballot-card batches (API 1.1): printable from any tab until marked printed, then erased from the
// database file (hashes kept, cards still working); voiding an unprinted, unused batch stops its
// cards; only the admin token may see or change batches; no code leaks anywhere else.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatInvite, normalizeCode } from "../../shared/codes";
import type { InviteBatch } from "../../shared/schemas";
import { api, createEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { dumpDb, expectError, smallEvent } from "./support";

interface Issued {
  invites: string[];
  batchId: string;
}

const logLines: string[] = [];
let server: TestServer;
let ev: CreatedTestEvent;
let other: CreatedTestEvent;

beforeAll(async () => {
  server = await startServer({ logger: { level: "trace", stream: { write: (line: string) => void logLines.push(line) } } });
  ev = await createEvent(server.url, smallEvent({ title: "Cards forum", access: "invite" }));
  other = await createEvent(server.url, smallEvent({ title: "Other forum", access: "invite" }));
});
afterAll(async () => {
  await server.close();
});

async function issue(e: CreatedTestEvent, count: number): Promise<Issued> {
  const res = await api(server.url, "POST", `/api/events/${e.code}/invites`, { token: e.adminToken, body: { count } });
  expect(res.status, res.text).toBe(201);
  const body = res.body as Issued;
  expect(Object.keys(body).sort()).toEqual(["batchId", "invites"]);
  return body;
}

const batchPath = (e: CreatedTestEvent, id: string, rest = "") => `/api/events/${e.code}/invite-batches/${id}${rest}`;

async function batches(e: CreatedTestEvent): Promise<InviteBatch[]> {
  const res = await api(server.url, "GET", `/api/events/${e.code}/invite-batches`, { token: e.adminToken });
  expect(res.status, res.text).toBe(200);
  return (res.body as { batches: InviteBatch[] }).batches;
}

async function batchOf(e: CreatedTestEvent, id: string): Promise<InviteBatch | undefined> {
  return (await batches(e)).find((b) => b.id === id);
}

/** The bytes of the database as they are on disk right now: the main file and its write-ahead log. */
function databaseBytes(): string {
  return [server.databaseFile, `${server.databaseFile}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("latin1")).join("");
}

function codesOnDisk(codes: string[]): string[] {
  const raw = databaseBytes();
  return codes.filter((c) => raw.includes(normalizeCode(c)) || raw.includes(formatInvite(c)));
}

async function joinStatus(e: CreatedTestEvent, invite: string): Promise<{ status: number; code?: string }> {
  const res = await api(server.url, "POST", `/api/events/${e.code}/participants`, { body: { invite } });
  return { status: res.status, code: (res.body as { error?: { code: string } }).error?.code };
}

describe("a batch stays printable until it is marked printed", () => {
  it("serves the same codes, in order, to any tab; then erases them and keeps the cards working", async () => {
    const { invites, batchId } = await issue(ev, 6);
    expect(invites.every((c) => /^[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(c))).toBe(true);
    const listed = await batchOf(ev, batchId);
    expect(listed).toEqual({ id: batchId, count: 6, createdAt: expect.any(String), printedAt: null, voidedAt: null, used: 0 });

    // A new tab, a reload: the codes come from the server, the same each time.
    for (let tab = 0; tab < 2; tab++) {
      const res = await api(server.url, "GET", batchPath(ev, batchId), { token: ev.adminToken });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ batch: listed, invites });
    }

    // One card is used before printing (a test card): counted, the codes still printable.
    expect((await joinStatus(ev, invites[0] ?? "")).status).toBe(201);
    expect((await batchOf(ev, batchId))?.used).toBe(1);
    expect(((await api(server.url, "GET", batchPath(ev, batchId), { token: ev.adminToken })).body as Issued).invites).toEqual(invites);

    const printed = await api(server.url, "POST", batchPath(ev, batchId, "/printed"), { token: ev.adminToken });
    expect(printed.status, printed.text).toBe(200);
    const batch = (printed.body as { batch: InviteBatch }).batch;
    expect(batch.printedAt).toEqual(expect.any(String));
    expect(batch.used).toBe(1);
    expectError(await api(server.url, "GET", batchPath(ev, batchId), { token: ev.adminToken }), 409, "NOT_ALLOWED");
    // A second click changes nothing.
    const again = await api(server.url, "POST", batchPath(ev, batchId, "/printed"), { token: ev.adminToken });
    expect(again.status).toBe(200);
    expect((again.body as { batch: InviteBatch }).batch).toEqual(batch);

    // The printed cards work: a new one joins, the used one rejoins its own ballot.
    expect((await joinStatus(ev, invites[1] ?? "")).status).toBe(201);
    expect((await joinStatus(ev, invites[0] ?? "")).status).toBe(201);
    expect((await batchOf(ev, batchId))?.used).toBe(2);
  });

  it("leaves no plaintext code in the database file or its log once printed (hashes kept)", async () => {
    // Enough codes to spill onto overflow pages, the part of the file a careless wipe leaves behind.
    const { invites, batchId } = await issue(ev, 400);
    // The scan can see codes: before printing, they are on disk.
    expect(codesOnDisk(invites).length).toBe(invites.length);
    const hashes = () => (server.db.prepare("SELECT count(*) FROM invites WHERE batch_id = ?").pluck().get(batchId) as number);
    expect(hashes()).toBe(400);

    expect((await api(server.url, "POST", batchPath(ev, batchId, "/printed"), { token: ev.adminToken })).status).toBe(200);
    expect(codesOnDisk(invites)).toEqual([]);
    expect(hashes()).toBe(400);
    expect(server.db.prepare("SELECT codes FROM invite_batches WHERE id = ?").pluck().get(batchId)).toBeNull();
    // Still redeemable, and only by their hash.
    expect((await joinStatus(ev, invites[399] ?? "")).status).toBe(201);
  });
});

describe("voiding a batch", () => {
  it("stops its cards, erases its codes and leaves other batches alone", async () => {
    const kept = await issue(ev, 3);
    const { invites, batchId } = await issue(ev, 30);
    const statsBefore = (await api(server.url, "GET", `/api/events/${ev.code}/invites`, { token: ev.adminToken })).body as { issued: number; used: number };

    const res = await api(server.url, "POST", batchPath(ev, batchId, "/void"), { token: ev.adminToken });
    expect(res.status, res.text).toBe(200);
    const batch = (res.body as { batch: InviteBatch }).batch;
    expect(batch).toEqual({ id: batchId, count: 30, createdAt: expect.any(String), printedAt: null, voidedAt: expect.any(String), used: 0 });

    const before = dumpDb(server.db);
    for (const code of [invites[0] ?? "", normalizeCode(invites[1] ?? "").toLowerCase()]) {
      expectError(await api(server.url, "POST", `/api/events/${ev.code}/participants`, { body: { invite: code } }), 403, "INVITE_INVALID");
    }
    expect(dumpDb(server.db)).toEqual(before);
    // The voided cards no longer count as issued.
    const stats = (await api(server.url, "GET", `/api/events/${ev.code}/invites`, { token: ev.adminToken })).body as { issued: number; used: number };
    expect(stats).toEqual({ issued: statsBefore.issued - 30, used: statsBefore.used });
    expect(codesOnDisk(invites)).toEqual([]);

    // Nothing left to print; a voided batch cannot become printed; voiding again changes nothing.
    expectError(await api(server.url, "GET", batchPath(ev, batchId), { token: ev.adminToken }), 409, "NOT_ALLOWED");
    expectError(await api(server.url, "POST", batchPath(ev, batchId, "/printed"), { token: ev.adminToken }), 409, "NOT_ALLOWED");
    const again = await api(server.url, "POST", batchPath(ev, batchId, "/void"), { token: ev.adminToken });
    expect(again.status).toBe(200);
    expect((again.body as { batch: InviteBatch }).batch).toEqual(batch);
    expect(dumpDb(server.db)).toEqual(before);

    // The other batch is untouched: printable, and its cards join.
    expect(((await api(server.url, "GET", batchPath(ev, kept.batchId), { token: ev.adminToken })).body as Issued).invites).toEqual(kept.invites);
    expect((await joinStatus(ev, kept.invites[0] ?? "")).status).toBe(201);
  });

  it("is refused once a card of the batch was used, or once it was printed, and changes nothing", async () => {
    const used = await issue(ev, 4);
    const token = await join(server.url, ev.code, used.invites[2]);
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = ev.event.areas[0];
    expect((await vote(server.url, ev.code, token, area?.id ?? "", [area?.proposals[0]?.id ?? ""])).status).toBe(200);
    const printed = await issue(ev, 4);
    expect((await api(server.url, "POST", batchPath(ev, printed.batchId, "/printed"), { token: ev.adminToken })).status).toBe(200);

    const before = dumpDb(server.db);
    for (const id of [used.batchId, printed.batchId]) {
      const res = await api(server.url, "POST", batchPath(ev, id, "/void"), { token: ev.adminToken });
      expectError(res, 409, "NOT_ALLOWED");
      expect((res.body as { error: { message: string } }).error.message).toMatch(id === used.batchId ? /used/ : /printed/);
    }
    expect(dumpDb(server.db)).toEqual(before);
    expect((await joinStatus(ev, used.invites[3] ?? "")).status).toBe(201);
    expect((await joinStatus(ev, printed.invites[0] ?? "")).status).toBe(201);
  });
});

describe("who may see and change batches", () => {
  it("refuses every caller but the event's admin token, and changes nothing", async () => {
    const { batchId, invites } = await issue(ev, 2);
    const participant = await join(server.url, ev.code, invites[0]);
    const callers: Array<[string, string | undefined, number, string]> = [
      ["no token", undefined, 401, "UNAUTHORIZED"],
      ["participant token", participant, 403, "FORBIDDEN"],
      ["screen key", ev.screenKey, 403, "FORBIDDEN"],
      ["other event's admin token", other.adminToken, 401, "UNAUTHORIZED"],
    ];
    const routes: Array<[string, string]> = [
      ["GET", `/api/events/${ev.code}/invite-batches`],
      ["GET", batchPath(ev, batchId)],
      ["POST", batchPath(ev, batchId, "/printed")],
      ["POST", batchPath(ev, batchId, "/void")],
    ];
    const before = dumpDb(server.db);
    for (const [method, path] of routes) {
      for (const [name, token, status, code] of callers) {
        const res = await api(server.url, method, path, token ? { token } : {});
        expect(res.status, `${method} ${path} with ${name}`).toBe(status);
        expectError(res, status, code);
        expect(res.text).not.toContain(normalizeCode(invites[1] ?? ""));
      }
    }
    expect(dumpDb(server.db)).toEqual(before);
  });

  it("answers 404 for unknown ids and for another event's batch, 400 for a malformed id", async () => {
    const theirs = await issue(other, 2);
    const before = dumpDb(server.db);
    for (const id of ["ib_doesnotexist", theirs.batchId]) {
      for (const [method, rest] of [["GET", ""], ["POST", "/printed"], ["POST", "/void"]] as const) {
        expectError(await api(server.url, method, batchPath(ev, id, rest), { token: ev.adminToken }), 404, "NOT_FOUND");
      }
    }
    expectError(await api(server.url, "GET", batchPath(ev, "no%20such%20id"), { token: ev.adminToken }), 400, "BAD_REQUEST");
    expectError(await api(server.url, "POST", batchPath(ev, "x".repeat(80), "/void"), { token: ev.adminToken }), 400, "BAD_REQUEST");
    expectError(await api(server.url, "POST", batchPath(ev, theirs.batchId, "/void"), { token: ev.adminToken, body: { force: true } }), 400, "BAD_REQUEST");
    expect(dumpDb(server.db)).toEqual(before);
    // Theirs is still theirs, unprinted.
    expect(((await api(server.url, "GET", batchPath(other, theirs.batchId), { token: other.adminToken })).body as Issued).invites).toEqual(theirs.invites);
  });
});

describe("codes leave the server only in the admin's answers", () => {
  it("never appear in a public or participant answer, or in any log line", async () => {
    const { invites, batchId } = await issue(ev, 5);
    const seen: Array<[string, string]> = [];
    const look = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await api(server.url, method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
      const headers: string[] = [];
      res.headers.forEach((v, k) => void headers.push(`${k}: ${v}`));
      seen.push([`${method} ${path} -> ${res.status}`, `${headers.join("\n")}\n\n${res.text}`]);
      return res;
    };
    const phone = (await look("POST", `/api/events/${ev.code}/participants`, undefined, { invite: invites[0] })).body as { participantToken: string };
    await look("GET", `/api/events/${ev.code}`);
    await look("GET", `/api/events/${ev.code}`, phone.participantToken);
    await look("GET", `/api/events/${ev.code}/results`, phone.participantToken);
    await look("GET", `/api/events/${ev.code}/ballot`, phone.participantToken);
    await look("GET", batchPath(ev, batchId), phone.participantToken);
    await look("GET", batchPath(ev, batchId), ev.screenKey);
    await look("GET", `/api/events/${ev.code}/invite-batches`, phone.participantToken);
    // Codes where they do not belong: in a query (as the card's QR link has it), the wrong event.
    await look("GET", `/api/events/${ev.code}?invite=${invites[1]}`);
    await look("POST", `/api/events/${other.code}/participants`, undefined, { invite: invites[3] });
    // The admin's list names no code either.
    await look("GET", `/api/events/${ev.code}/invite-batches`, ev.adminToken);
    await look("POST", batchPath(ev, batchId, "/printed"), ev.adminToken);
    await look("GET", `/api/events/${ev.code}/export?format=json`, ev.adminToken);
    await look("GET", `/api/events/${ev.code}/export?format=md`, ev.adminToken);

    expect(seen.length).toBe(14);
    expect(logLines.some((l) => l.includes("/invite-batches/"))).toBe(true);
    const forms = invites.flatMap((c) => [normalizeCode(c), formatInvite(c)]);
    for (const [what, text] of seen) for (const f of forms) expect(text.toUpperCase().includes(f), `${f} in ${what}`).toBe(false);
    for (const line of logLines) for (const f of forms) expect(line.toUpperCase().includes(f), line.slice(0, 200)).toBe(false);
  });
});
