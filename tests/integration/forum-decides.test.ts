// Issue 15's "done when", as one forum: the full-length 2017 programme with its first area by dots,
// its second by ranking, its third on a clock that closes it by itself, and its fourth ("Enhanced
// cooperation", =3rd twice as at the rehearsal) decided by a runoff of the top three — then the
// report, which must account for every one of those numbers. Real app, real database, real waits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area, Event, Results } from "../../shared/schemas";
import { api, join, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { createMethodsForum, EXPECTED, voteThePlan } from "../helpers/methods-forum";
import { sleep } from "./fixtures/kit";

let server: TestServer;
let ev: CreatedTestEvent;
let tokens: string[];
const voting = (body: unknown) => api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body });
const eventNow = async () => ((await api(server.url, "GET", `/api/events/${ev.code}`, { token: ev.adminToken })).body as { event: Event }).event;
const resultsNow = async () => (await api(server.url, "GET", `/api/events/${ev.code}/results`, { token: ev.adminToken })).body as Results;

beforeAll(async () => {
  server = await startServer();
  ev = await createMethodsForum(server.url);
  const [dots, ranking, , cooperation] = ev.event.areas as [Area, Area, Area, Area];
  expect((await voting({ status: "open", areaIds: [dots.id, ranking.id, cooperation.id] })).status).toBe(200);
  tokens = await voteThePlan(server.url, ev);
  // The rehearsal's "Enhanced cooperation": P7 6, P4 5, P1 3, P2 3, P0 1 — =3rd twice.
  const p = cooperation.proposals.map((x) => x.id);
  const ballots = [...Array<number[]>(5).fill([7, 4]), [7, 1], [1, 2], [1, 2], [2, 0]];
  for (const [i, ballot] of ballots.entries()) {
    const res = await vote(server.url, ev.code, tokens[i]!, cooperation.id, ballot.map((n) => p[n]!));
    expect(res.status, res.text).toBe(200);
  }
}, 120_000);
afterAll(async () => server?.close());

describe("the forum decides: dots, ranking, a timed close and a runoff for a tie at third", () => {
  it("closes the timed area by itself at its time, and refuses a ballot after it", async () => {
    const timed = ev.event.areas[2]!;
    const opened = await voting({ status: "open", areaIds: [timed.id], durationSeconds: 10 });
    expect(opened.status, opened.text).toBe(200);
    const closesAt = (await eventNow()).areas.find((a) => a.id === timed.id)!.closesAt;
    expect(closesAt).not.toBeNull();
    // Half the room votes before the time (two picks each, the first 27 people).
    for (const token of tokens.slice(0, 27)) {
      const res = await vote(server.url, ev.code, token, timed.id, [timed.proposals[3]!.id, timed.proposals[1]!.id]);
      expect(res.status, res.text).toBe(200);
    }
    let area: Area | undefined;
    for (let waited = 0; waited < 20_000; waited += 200) {
      area = (await eventNow()).areas.find((a) => a.id === timed.id);
      if (area?.status === "closed") break;
      await sleep(200);
    }
    expect(area).toMatchObject({ status: "closed", closedAt: closesAt });
    const late = await vote(server.url, ev.code, await join(server.url, ev.code), timed.id, [timed.proposals[0]!.id]);
    expect(late.status).toBe(409);
    const row = (await resultsNow()).areas.find((a) => a.id === timed.id)!;
    expect(row.voters).toBe(27);
    expect(row.results.slice(0, 2).map((r) => [r.proposalId, r.votes, r.points, r.rank])).toEqual([
      [timed.proposals[1]!.id, 27, 27, 1],
      [timed.proposals[3]!.id, 27, 27, 1],
    ]);
  }, 60_000);

  it("counts the dots and the ranking by their methods", async () => {
    expect((await voting({ status: "closed" })).status).toBe(200);
    const results = await resultsNow();
    const [dots, ranking] = ev.event.areas as [Area, Area];
    const of = (areaId: string) => results.areas.find((a) => a.id === areaId)!;
    expect(of(dots.id)).toMatchObject({ method: "dots", maxPerProposal: 3, voters: 54 });
    expect(of(dots.id).results.slice(0, 4).map((r) => [r.proposalId, r.votes, r.points])).toEqual(EXPECTED.dots.map((e) => [dots.proposals[e.index]!.id, e.dots, e.dots]));
    expect(of(ranking.id)).toMatchObject({ method: "ranking", voters: 54 });
    expect(of(ranking.id).results.slice(0, 4).map((r) => [r.proposalId, r.votes, r.points])).toEqual(EXPECTED.ranking.map((e) => [ranking.proposals[e.index]!.id, e.ballots, e.points]));
  });

  it("runs off the top three of the tied area, both tied proposals included, and the report shows every number", async () => {
    const cooperation = ev.event.areas[3]!;
    const made = await api(server.url, "POST", `/api/events/${ev.code}/areas/${cooperation.id}/runoff`, { token: ev.adminToken, body: { top: 3 } });
    expect(made.status, made.text).toBe(201);
    const runoff = (made.body as { area: Area }).area;
    expect(runoff).toMatchObject({ roundOf: cooperation.id, method: "approval", status: "draft" });
    expect(runoff.proposals.map((p) => p.title)).toEqual([1, 2, 4, 7].map((i) => cooperation.proposals[i]!.title));
    // The runoff votes: P4 wins it 6 to 3 (nine people again).
    expect((await voting({ status: "open", areaIds: [runoff.id] })).status).toBe(200);
    const p4 = runoff.proposals.find((p) => p.title === cooperation.proposals[4]!.title)!;
    const p1 = runoff.proposals.find((p) => p.title === cooperation.proposals[1]!.title)!;
    for (const [i, token] of tokens.slice(0, 9).entries()) {
      const res = await vote(server.url, ev.code, token, runoff.id, [i < 6 ? p4.id : p1.id]);
      expect(res.status, res.text).toBe(200);
    }
    expect((await voting({ status: "closed", areaIds: [runoff.id] })).status).toBe(200);

    const md = (await api(server.url, "GET", `/api/events/${ev.code}/export?format=md`, { token: ev.adminToken })).text;
    const [dots, ranking, timed] = ev.event.areas as [Area, Area, Area];
    // Each method said, with how its numbers were counted.
    expect(md).toContain("Dot voting: each participant could place up to 5 dots, at most 3 on one proposal");
    expect(md).toContain("Ranking (Borda): each participant could rank up to 3 proposals in order of preference; points per place: 1st 3 points, 2nd 2 points, 3rd 1 point.");
    expect(md).toContain(`${dots.proposals[EXPECTED.dots[0].index]!.title.replace(/([\\`*_[\]|<>])/g, "\\$1")} — 100 dots`);
    expect(md).toContain("— 132 points (54 ballots)");
    // The timed area: the two that tied at first, with their votes.
    expect(md).toMatch(new RegExp(`### ${timed.title}\\n\\n- \\*\\*=1st\\*\\*`));
    // Both rounds of the tied area: the first with =3rd twice, the runoff naming its first round.
    expect(md).toContain(`### ${cooperation.title}\n\n- **1st**`);
    expect((md.match(/\*\*=3rd\*\*/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(md).toContain(`### ${cooperation.title} — runoff\n\n_Runoff of “${cooperation.title}”._`);
    const runoffTop = md.slice(md.indexOf(`### ${cooperation.title} — runoff`)).split("\n").find((l) => l.startsWith("- **1st**"));
    expect(runoffTop).toContain(`(${p4.label})`);
    expect(runoffTop).toContain("— 6 votes");
    expect(ranking.method).toBe("ranking");
  }, 60_000);
});
