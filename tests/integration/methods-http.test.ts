// The voting methods over real HTTP (issue 15): ballots of approval, dots and ranking are stored,
// returned in the API's form (a proposal once per dot, a ranking in order) and counted with points;
// bad input is refused with the API's code and changes nothing in the database.
import Database from "better-sqlite3";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area, Ballot, Results } from "../../shared/schemas";

type AreaReply = { area: Area };
import { toEventPackage } from "../../shared/event-package";
import { api, createEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { dumpDb, expectError, getJson } from "./support";

let server: TestServer;
let ev: CreatedTestEvent;

const five = (prefix: string) => Array.from({ length: 5 }, (_, i) => ({ title: `${prefix}${i}` }));

beforeAll(async () => {
  server = await startServer();
  ev = await createEvent(server.url, {
    title: "Methods",
    areas: [
      { title: "Approval", maxVotes: 2, proposals: five("A") },
      { title: "Dots", method: "dots", maxVotes: 5, maxPerProposal: 3, proposals: five("D") },
      { title: "Ranking", method: "ranking", maxVotes: 3, proposals: five("R") },
      { title: "Dots default", method: "dots", maxVotes: 4, proposals: five("E") },
    ],
  });
  await openVoting(server.url, ev.code, ev.adminToken);
});
afterAll(async () => {
  await server?.close();
});

const area = (i: number) => ev.event.areas[i]!;
const ids = (i: number, picks: number[]) => picks.map((k) => area(i).proposals[k]!.id);

/** The database as a whole, read through a connection of its own: equal dumps mean nothing changed. */
function snapshot(): Record<string, string[]> {
  const db = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
  try {
    return dumpDb(db);
  } finally {
    db.close();
  }
}

describe("areas carry their method", () => {
  it("create stores method and maxPerProposal (dots default: maxVotes; the others 1)", () => {
    expect(ev.event.areas.map((a) => [a.method, a.maxVotes, a.maxPerProposal])).toEqual([
      ["approval", 2, 1],
      ["dots", 5, 3],
      ["ranking", 3, 1],
      ["dots", 4, 4],
    ]);
  });
});

describe("ballots of each method", () => {
  it("are stored, returned in the API's form and counted with points", async () => {
    const alice = await join(server.url, ev.code);
    const bob = await join(server.url, ev.code);
    expect((await vote(server.url, ev.code, alice, area(0).id, ids(0, [0, 1]))).status).toBe(200);
    // Dots named in any order: returned grouped, once per dot.
    const dots = await vote(server.url, ev.code, alice, area(1).id, ids(1, [2, 0, 2, 2, 0]));
    expect(dots.status, dots.text).toBe(200);
    expect([...(dots.body as { proposalIds: string[] }).proposalIds].sort()).toEqual(ids(1, [0, 0, 2, 2, 2]).sort());
    const rank = await vote(server.url, ev.code, alice, area(2).id, ids(2, [4, 1, 3]));
    expect(rank.status, rank.text).toBe(200);
    expect((rank.body as { proposalIds: string[] }).proposalIds).toEqual(ids(2, [4, 1, 3]));
    expect((await vote(server.url, ev.code, bob, area(1).id, ids(1, [1, 1, 2]))).status).toBe(200);
    expect((await vote(server.url, ev.code, bob, area(2).id, ids(2, [1, 4]))).status).toBe(200);

    const ballot = await getJson<{ ballot: Ballot }>(server.url, `/api/events/${ev.code}/ballot`, alice);
    expect(ballot.ballot[area(2).id]).toEqual(ids(2, [4, 1, 3]));
    expect([...ballot.ballot[area(1).id]!].sort()).toEqual(ids(1, [0, 0, 2, 2, 2]).sort());

    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    const rows = (i: number) => Object.fromEntries(results.areas[i]!.results.map((r) => [r.title, [r.votes, r.points, r.rank]]));
    expect(results.areas.map((a) => [a.method, a.maxPerProposal])).toEqual([["approval", 1], ["dots", 3], ["ranking", 1], ["dots", 4]]);
    expect(rows(0)).toEqual({ A0: [1, 1, 1], A1: [1, 1, 1], A2: [0, 0, 3], A3: [0, 0, 3], A4: [0, 0, 3] });
    // Dots: D2 has 3 + 1, D0 2, D1 2.
    expect(rows(1)).toEqual({ D2: [4, 4, 1], D0: [2, 2, 2], D1: [2, 2, 2], D3: [0, 0, 4], D4: [0, 0, 4] });
    // Ranking of 3: R4 = 3 + 2, R1 = 2 + 3, R3 = 1; votes are the ballots naming it.
    expect(rows(2)).toEqual({ R4: [2, 5, 1], R1: [2, 5, 1], R3: [1, 1, 3], R0: [0, 0, 4], R2: [0, 0, 4] });
    expect(results.areas[2]!.results.map((r) => r.title).slice(0, 3)).toEqual(["R1", "R4", "R3"]);
  });

  it("a reordered ranking is a change; the same dots in another order are not", async () => {
    const carol = await join(server.url, ev.code);
    await vote(server.url, ev.code, carol, area(2).id, ids(2, [0, 2]));
    await vote(server.url, ev.code, carol, area(1).id, ids(1, [3, 4, 3]));
    const before = snapshot();
    const same = await vote(server.url, ev.code, carol, area(1).id, ids(1, [4, 3, 3]));
    expect(same.status).toBe(200);
    const afterSame = snapshot();
    expect(afterSame).toEqual(before);
    const swapped = await vote(server.url, ev.code, carol, area(2).id, ids(2, [2, 0]));
    expect(swapped.status).toBe(200);
    expect((swapped.body as { proposalIds: string[] }).proposalIds).toEqual(ids(2, [2, 0]));
    expect(snapshot()).not.toEqual(afterSame);
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    const r = Object.fromEntries(results.areas[2]!.results.map((row) => [row.title, row.points]));
    expect([r.R2, r.R0]).toEqual([3, 2]);
  });

  it("paper ballots follow the method, and so does their list", async () => {
    const ballot = { [area(1).id]: ids(1, [4, 4]), [area(2).id]: ids(2, [3, 0, 4]) };
    const res = await api(server.url, "POST", `/api/events/${ev.code}/paper-ballots`, { token: ev.adminToken, body: { ballot } });
    expect(res.status, res.text).toBe(201);
    const list = await getJson<{ paperBallots: Array<{ ballot: Ballot }> }>(server.url, `/api/events/${ev.code}/paper-ballots`, ev.adminToken);
    expect(list.paperBallots.at(-1)!.ballot).toEqual(ballot);
    const over = await api(server.url, "POST", `/api/events/${ev.code}/paper-ballots`, { token: ev.adminToken, body: { ballot: { [area(1).id]: ids(1, [4, 4, 4, 4]) } } });
    expectError(over, 422, "TOO_MANY_DOTS");
  });
});

describe("exports follow the method", () => {
  const download = async (format: string) => {
    const res = await api(server.url, "GET", `/api/events/${ev.code}/export?format=${format}`, { token: ev.adminToken });
    expect(res.status).toBe(200);
    return res.text;
  };

  it("CSV: method and points after the version-1.1 columns, each row as in Results", async () => {
    const csv = await download("csv");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("area,rank,proposal,votes,share_of_voters,label,text,method,points");
    const rows = parseCsv<Record<string, string>>(csv, { bom: true, columns: true, relax_column_count: false });
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    const expected = results.areas.flatMap((a) => a.results.map((r) => [a.title, r.title, a.method, String(r.votes), String(r.points), String(r.rank)]));
    expect(rows.filter((r) => r.area !== "feedback").map((r) => [r.area, r.proposal, r.method, r.votes, r.points, r.rank])).toEqual(expected);
    // The ranking's points are not its votes: the column says something of its own.
    expect(rows.some((r) => r.method === "ranking" && r.points !== r.votes)).toBe(true);
  });

  it("JSON: areas with method and maxPerProposal, rows with points, ballots once per dot and in ranked order", async () => {
    const data = JSON.parse(await download("json")) as {
      areas: Array<{ id: string; method: string; maxVotes: number; maxPerProposal: number }>;
      results: Results;
      ballots: Array<{ areaId: string; proposalIds: string[] }>;
    };
    expect(data.areas.map((a) => [a.id, a.method, a.maxVotes, a.maxPerProposal])).toEqual(ev.event.areas.map((a) => [a.id, a.method, a.maxVotes, a.maxPerProposal]));
    // The audit file recounts to its own results: points from the ballots alone, by each area's method.
    for (const a of data.results.areas) {
      const meta = data.areas.find((x) => x.id === a.id)!;
      const points = new Map<string, number>();
      const votes = new Map<string, number>();
      for (const b of data.ballots.filter((x) => x.areaId === a.id)) {
        b.proposalIds.forEach((id, i) => {
          votes.set(id, (votes.get(id) ?? 0) + 1);
          points.set(id, (points.get(id) ?? 0) + (meta.method === "ranking" ? meta.maxVotes - i : 1));
        });
      }
      for (const r of a.results) expect([r.title, r.votes, r.points]).toEqual([r.title, votes.get(r.proposalId) ?? 0, points.get(r.proposalId) ?? 0]);
    }
    const dots = data.ballots.filter((b) => b.areaId === area(1).id);
    expect(dots.some((b) => new Set(b.proposalIds).size < b.proposalIds.length)).toBe(true);
    expect(data.ballots.filter((b) => b.areaId === area(2).id).map((b) => b.proposalIds)).toContainEqual(ids(2, [4, 1, 3]));
  });
});

describe("bad input changes nothing", () => {
  it("dots over the cap per proposal: 422 TOO_MANY_DOTS; over the dots in all: TOO_MANY_VOTES", async () => {
    const dan = await join(server.url, ev.code);
    await vote(server.url, ev.code, dan, area(1).id, ids(1, [0]));
    const before = snapshot();
    expectError(await vote(server.url, ev.code, dan, area(1).id, ids(1, [1, 1, 1, 1])), 422, "TOO_MANY_DOTS");
    expectError(await vote(server.url, ev.code, dan, area(1).id, ids(1, [0, 0, 1, 1, 2, 2])), 422, "TOO_MANY_VOTES");
    expect(snapshot()).toEqual(before);
  });

  it("a ranking with repeats: 422 DUPLICATE_PROPOSAL; approval too", async () => {
    const erin = await join(server.url, ev.code);
    await vote(server.url, ev.code, erin, area(2).id, ids(2, [1]));
    const before = snapshot();
    expectError(await vote(server.url, ev.code, erin, area(2).id, ids(2, [0, 0])), 422, "DUPLICATE_PROPOSAL");
    expectError(await vote(server.url, ev.code, erin, area(2).id, ids(2, [0, 1, 0])), 422, "DUPLICATE_PROPOSAL");
    expectError(await vote(server.url, ev.code, erin, area(0).id, ids(0, [3, 3])), 422, "DUPLICATE_PROPOSAL");
    expectError(await vote(server.url, ev.code, erin, area(2).id, ids(2, [0, 1, 2, 3])), 422, "TOO_MANY_VOTES");
    expect(snapshot()).toEqual(before);
  });

  it("a method change after votes: 409 EVENT_LOCKED, as is a ranking's length or a cap below a cast stack", async () => {
    const before = snapshot();
    const patch = (i: number, body: object) => api(server.url, "PATCH", `/api/events/${ev.code}/areas/${area(i).id}`, { token: ev.adminToken, body });
    expectError(await patch(1, { method: "approval" }), 409, "EVENT_LOCKED");
    expectError(await patch(2, { method: "dots" }), 409, "EVENT_LOCKED");
    expectError(await patch(0, { method: "ranking" }), 409, "EVENT_LOCKED");
    expectError(await patch(2, { maxVotes: 4 }), 409, "EVENT_LOCKED");
    // A stack of 3 was cast in "Dots": the cap cannot drop to 2.
    expectError(await patch(1, { maxPerProposal: 2 }), 409, "EVENT_LOCKED");
    expect(snapshot()).toEqual(before);
    // Raising the cap of a dots area with votes is fine: no cast ballot breaks it.
    const raised = await patch(1, { maxPerProposal: 4 });
    expect(raised.status, raised.text).toBe(200);
    expect((raised.body as AreaReply).area.maxPerProposal).toBe(4);
  });

  it("maxPerProposal above maxVotes: 400 BAD_REQUEST, on create and on patch", async () => {
    const before = snapshot();
    const created = await api(server.url, "POST", "/api/events", { body: { title: "Bad", areas: [{ title: "X", method: "dots", maxVotes: 3, maxPerProposal: 4 }] } });
    expectError(created, 400, "BAD_REQUEST");
    const added = await api(server.url, "POST", `/api/events/${ev.code}/areas`, { token: ev.adminToken, body: { title: "Y", method: "dots", maxVotes: 2, maxPerProposal: 3 } });
    expectError(added, 400, "BAD_REQUEST");
    expectError(await api(server.url, "PATCH", `/api/events/${ev.code}/areas/${area(3).id}`, { token: ev.adminToken, body: { maxPerProposal: 5 } }), 400, "BAD_REQUEST");
    expect(snapshot()).toEqual(before);
  });
});

describe("the method travels", () => {
  it("through an event package into a new event, and through PUT /content", async () => {
    const read = await getJson<{ event: Parameters<typeof toEventPackage>[0] }>(server.url, `/api/events/${ev.code}`);
    const pkg = toEventPackage(read.event, new Date().toISOString());
    const copy = await createEvent(server.url, pkg.event);
    expect(copy.event.areas.map((a) => [a.method, a.maxVotes, a.maxPerProposal])).toEqual(read.event.areas.map((a) => [a.method, a.maxVotes, a.maxPerProposal]));
    const put = await api(server.url, "PUT", `/api/events/${copy.code}/content`, {
      token: copy.adminToken,
      body: { areas: [{ title: "Only", method: "ranking", maxVotes: 4, proposals: five("O") }, { title: "Stack", method: "dots", maxVotes: 6, maxPerProposal: 2 }] },
    });
    expect(put.status, put.text).toBe(200);
    expect((put.body as { event: { areas: Area[] } }).event.areas.map((a) => [a.method, a.maxVotes, a.maxPerProposal])).toEqual([["ranking", 4, 1], ["dots", 6, 2]]);
  });

  it("into a runoff: a ranking's runoff is a ranking of its top by points", async () => {
    const made = await createEvent(server.url, { title: "Runoff", areas: [{ title: "Ranked", method: "ranking", maxVotes: 3, proposals: five("K") }] });
    await openVoting(server.url, made.code, made.adminToken);
    const a = made.event.areas[0]!;
    const p = a.proposals.map((x) => x.id);
    // Points: K0 3+3+1 = 7, K1 2+2+3 = 7, K2 1+3 = 4, K3 1+2 = 3. By votes K2 and K3 would tie at 3rd (2 each); by points K2 is 3rd alone.
    for (const ballot of [[0, 1, 2], [0, 1, 3], [1, 3, 0], [2]]) {
      const token = await join(server.url, made.code);
      expect((await vote(server.url, made.code, token, a.id, ballot.map((i) => p[i]!))).status).toBe(200);
    }
    await api(server.url, "POST", `/api/events/${made.code}/voting`, { token: made.adminToken, body: { status: "closed" } });
    const results = await getJson<Results>(server.url, `/api/events/${made.code}/results`, made.adminToken);
    expect(results.areas[0]!.results.map((r) => [r.title, r.votes, r.points, r.rank])).toEqual([
      ["K0", 3, 7, 1], ["K1", 3, 7, 1], ["K2", 2, 4, 3], ["K3", 2, 3, 4], ["K4", 0, 0, 5],
    ]);
    const runoff = await api(server.url, "POST", `/api/events/${made.code}/areas/${a.id}/runoff`, { token: made.adminToken, body: { top: 2 } });
    expect(runoff.status, runoff.text).toBe(201);
    const r = (runoff.body as AreaReply).area;
    expect([r.method, r.maxVotes, r.maxPerProposal, r.roundOf]).toEqual(["ranking", 2, 1, a.id]);
    expect(r.proposals.map((x) => x.title)).toEqual(["K0", "K1"]);
  });
});

describe("changing the method before votes", () => {
  it("switches, with maxPerProposal defaulted and reset", async () => {
    const added = await api(server.url, "POST", `/api/events/${ev.code}/areas`, { token: ev.adminToken, body: { title: "Later", maxVotes: 3, proposals: five("L") } });
    expect(added.status, added.text).toBe(201);
    const id = (added.body as AreaReply).area.id;
    const patch = async (body: object) => {
      const res = await api(server.url, "PATCH", `/api/events/${ev.code}/areas/${id}`, { token: ev.adminToken, body });
      expect(res.status, res.text).toBe(200);
      return (res.body as AreaReply).area;
    };
    expect(await patch({ method: "dots" })).toMatchObject({ method: "dots", maxPerProposal: 3 });
    expect(await patch({ maxPerProposal: 2 })).toMatchObject({ method: "dots", maxPerProposal: 2 });
    // Lowering the limit below the cap takes the cap down with it.
    expect(await patch({ maxVotes: 1 })).toMatchObject({ maxVotes: 1, maxPerProposal: 1 });
    expect(await patch({ maxVotes: 4, maxPerProposal: 4 })).toMatchObject({ maxVotes: 4, maxPerProposal: 4 });
    expect(await patch({ method: "ranking" })).toMatchObject({ method: "ranking", maxPerProposal: 1 });
    expect(await patch({ method: "approval", maxPerProposal: 3 })).toMatchObject({ method: "approval", maxPerProposal: 1 });
  });
});
