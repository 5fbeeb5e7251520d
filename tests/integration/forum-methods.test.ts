// The full-length forum (issue 15, "Done when"): one area by ranking, one by dots, the others by
// approval; 54 people vote over real HTTP, paper ballots come in after the close, and the results,
// the CSV and the JSON audit file all equal a count the test makes itself from the ballots it sent.
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area, Results } from "../../shared/schemas";
import { seededRandom } from "../../shared/shuffle";
import { api, createDemoEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { FORUM } from "../helpers/forum";
import { getJson } from "./support";

let server: TestServer;
let ev: CreatedTestEvent;
const random = seededRandom(2017);
/** Every ballot the test had acknowledged, per area: what the count must be made of. */
const sent = new Map<string, string[][]>();

const RANKING = { method: "ranking", maxVotes: 3 } as const;
const DOTS = { method: "dots", maxVotes: 5, maxPerProposal: 3 } as const;

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A plausible ballot of the area's method: the room leans to the reported top three. */
function ballotFor(area: Area, reported: readonly number[]): string[] {
  const favourites = reported.map((i) => area.proposals[i]!.id);
  const pool = [...favourites, ...favourites, ...area.proposals.map((p) => p.id)];
  if (area.method === "ranking") {
    const out: string[] = [];
    while (out.length < 1 + Math.floor(random() * area.maxVotes)) {
      const id = pool[Math.floor(random() * pool.length)]!;
      if (!out.includes(id)) out.push(id);
    }
    return out;
  }
  if (area.method === "dots") {
    const out: string[] = [];
    const dots = 1 + Math.floor(random() * area.maxVotes);
    while (out.length < dots) {
      const id = pool[Math.floor(random() * pool.length)]!;
      if (out.filter((x) => x === id).length < area.maxPerProposal) out.push(id);
    }
    return shuffled(out);
  }
  return shuffled([...new Set(pool)]).slice(0, 1 + Math.floor(random() * area.maxVotes));
}

/** The count, made here: votes one per entry (a dot, a ranked or chosen proposal), points by the method. */
function expectedRows(area: Area, ballots: readonly string[][]) {
  const votes = new Map(area.proposals.map((p) => [p.id, 0]));
  const points = new Map(area.proposals.map((p) => [p.id, 0]));
  for (const b of ballots) {
    b.forEach((id, place) => {
      votes.set(id, (votes.get(id) ?? 0) + 1);
      points.set(id, (points.get(id) ?? 0) + (area.method === "ranking" ? area.maxVotes - place : 1));
    });
  }
  const rows = area.proposals.map((p) => ({ proposalId: p.id, votes: votes.get(p.id) ?? 0, points: points.get(p.id) ?? 0, position: p.position }));
  return rows
    .map((r) => ({ ...r, rank: 1 + rows.filter((q) => q.points > r.points).length }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map(({ proposalId, votes: v, points: pts, rank }) => ({ proposalId, votes: v, points: pts, rank }));
}

beforeAll(async () => {
  server = await startServer();
  ev = await createDemoEvent(server.url);
  const [first, second] = ev.event.areas;
  for (const [area, counting] of [[first!, RANKING], [second!, DOTS]] as const) {
    const res = await api(server.url, "PATCH", `/api/events/${ev.code}/areas/${area.id}`, { token: ev.adminToken, body: counting });
    expect(res.status, res.text).toBe(200);
  }
  ev.event = (await getJson<{ event: typeof ev.event }>(server.url, `/api/events/${ev.code}`)).event;
  await openVoting(server.url, ev.code, ev.adminToken);
  for (let p = 0; p < FORUM.event.participants; p++) {
    const token = await join(server.url, ev.code);
    for (const [a, area] of ev.event.areas.entries()) {
      const ballot = ballotFor(area, FORUM.areas[a]!.reportedTop3);
      const res = await vote(server.url, ev.code, token, area.id, ballot);
      expect(res.status, res.text).toBe(200);
      (sent.get(area.id) ?? sent.set(area.id, []).get(area.id)!).push(ballot);
    }
  }
  // After the close, three people without a phone hand in paper.
  await api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status: "closed" } });
  for (let i = 0; i < 3; i++) {
    const ballot = Object.fromEntries(ev.event.areas.slice(0, 2).map((area, a) => [area.id, ballotFor(area, FORUM.areas[a]!.reportedTop3)]));
    const res = await api(server.url, "POST", `/api/events/${ev.code}/paper-ballots`, { token: ev.adminToken, body: { ballot } });
    expect(res.status, res.text).toBe(201);
    for (const [areaId, ids] of Object.entries(ballot)) sent.get(areaId)!.push(ids);
  }
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("the forum with a ranking area and a dots area", () => {
  it("the areas say how they count", () => {
    expect(ev.event.areas.map((a) => [a.method, a.maxVotes, a.maxPerProposal])).toEqual([
      ["ranking", 3, 1],
      ["dots", 5, 3],
      ...ev.event.areas.slice(2).map((a) => ["approval", a.maxVotes, 1]),
    ]);
  });

  it("results: every row's votes, points and rank are the test's own count of the ballots sent", async () => {
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    expect(results.participants).toBe(FORUM.event.participants + 3);
    for (const area of ev.event.areas) {
      const got = results.areas.find((a) => a.id === area.id)!;
      expect(got.method).toBe(area.method);
      expect(got.voters).toBe(FORUM.event.participants + (area.method === "approval" ? 0 : 3));
      expect(got.results.map(({ proposalId, votes, points, rank }) => ({ proposalId, votes, points, rank })), area.title).toEqual(expectedRows(area, sent.get(area.id)!));
    }
    // The ranking's points are not its votes, so ranking by them is a real difference.
    const ranking = results.areas[0]!.results;
    expect(ranking.some((r) => r.points !== r.votes)).toBe(true);
    expect(ranking.reduce((s, r) => s + (r.points ?? 0), 0)).toBe(sent.get(ev.event.areas[0]!.id)!.reduce((s, b) => s + b.reduce((t, _, i) => t + 3 - i, 0), 0));
    // Dots: somebody stacked.
    expect(sent.get(ev.event.areas[1]!.id)!.some((b) => new Set(b).size < b.length)).toBe(true);
  });

  it("the CSV and the JSON audit file carry the same counts and the method", async () => {
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    const csv = await api(server.url, "GET", `/api/events/${ev.code}/export?format=csv`, { token: ev.adminToken });
    const rows = parseCsv<Record<string, string>>(csv.text, { bom: true, columns: true }).filter((r) => r.area !== "feedback");
    expect(rows.map((r) => [r.label, r.method, r.votes, r.points, r.rank])).toEqual(
      results.areas.flatMap((a) => a.results.map((r) => [r.label, a.method, String(r.votes), String(r.points), String(r.rank)])),
    );
    const json = await api(server.url, "GET", `/api/events/${ev.code}/export?format=json`, { token: ev.adminToken });
    const data = JSON.parse(json.text) as { ballots: Array<{ areaId: string; proposalIds: string[] }>; results: Results };
    expect(data.results.areas).toEqual(results.areas);
    for (const area of ev.event.areas) {
      const key = (b: readonly string[]) => (area.method === "ranking" ? b.join("+") : [...b].sort().join("+"));
      expect(data.ballots.filter((b) => b.areaId === area.id).map((b) => key(b.proposalIds)).sort(), area.title).toEqual(sent.get(area.id)!.map(key).sort());
    }
    const md = await api(server.url, "GET", `/api/events/${ev.code}/export?format=md`, { token: ev.adminToken });
    expect(md.status).toBe(200);
  });
});
