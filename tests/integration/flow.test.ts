// The whole life of a vote against the real app over real HTTP: create → join → open → vote →
// change → close → results → export, plus the visibility rules and the ballot-card path.
import { parse as parseCsv } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CODE_ALPHABET } from "../../shared/codes";
import { BallotReply, CreateEventReply, EventReply, Results } from "../../shared/schemas";
import type { Event, Results as ResultsT } from "../../shared/schemas";
import { api, createEvent, join, openVoting, startServer, vote, type TestServer } from "../helpers/app";
import { expectError, getJson, smallEvent } from "./support";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

/** "title:votes:rank" per row, in the order the results list them. */
function table(results: ResultsT, areaIndex: number): string[] {
  const area = results.areas[areaIndex];
  if (!area) throw new Error(`no area ${areaIndex}`);
  return area.results.map((r) => `${r.title}:${r.votes}:${r.rank}`);
}

describe("the whole flow", () => {
  it("create → join → open → vote → change → close → results → export", async () => {
    const { url } = server;

    // create
    const created = await api(url, "POST", "/api/events", { body: smallEvent() });
    expect(created.status).toBe(201);
    const reply = CreateEventReply.parse(created.body);
    const { code } = reply.event;
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(reply.adminToken).not.toBe(reply.screenKey);
    // ≥128 bits: base64url carries 6 bits a character.
    for (const token of [reply.adminToken, reply.screenKey]) expect(token.replace(/^[a-z]+_/, "").length * 6).toBeGreaterThanOrEqual(128);
    expect(reply.event).toMatchObject({ title: "Test forum", access: "open", votesPerArea: 2, resultsVisibility: "live", privacyThreshold: 0 });
    expect(reply.event.areas.map((a) => [a.title, a.maxVotes, a.status, a.revealed, a.proposals.length])).toEqual([
      ["Health", 2, "draft", false, 4],
      ["Law", 1, "draft", false, 3],
    ]);
    const admin = reply.adminToken;
    const [health, law] = reply.event.areas as [Event["areas"][number], Event["areas"][number]];
    const h = health.proposals.map((p) => p.id);
    const l = law.proposals.map((p) => p.id);

    // the code is matched case-insensitively
    const lower = await api(url, "GET", `/api/events/${code.toLowerCase()}`);
    expect(lower.status).toBe(200);
    expect(EventReply.parse(lower.body).event).toEqual(reply.event);

    // join
    const p1 = await join(url, code);
    const p2 = await join(url, code);
    const p3 = await join(url, code);
    expect(new Set([p1, p2, p3, admin]).size).toBe(4);
    const emptyBallot = BallotReply.parse(await getJson(url, `/api/events/${code}/ballot`, p1));
    expect(emptyBallot).toEqual({ ballot: { [health.id]: [], [law.id]: [] } });
    let results = Results.parse(await getJson(url, `/api/events/${code}/results`));
    expect(results).toMatchObject({ code, participants: 3, voters: 0 });
    let seq = results.seq;

    // not open yet
    expectError(await vote(url, code, p1, health.id, [h[0]!]), 409, "VOTING_CLOSED");

    // open
    const opened = await api(url, "POST", `/api/events/${code}/voting`, { token: admin, body: { status: "open" } });
    expect(opened.status).toBe(200);
    const openEvent = EventReply.parse(opened.body).event;
    expect(openEvent.areas.map((a) => a.status)).toEqual(["open", "open"]);
    for (const a of openEvent.areas) expect(Number.isNaN(Date.parse(a.openedAt ?? ""))).toBe(false);

    // vote
    const v1 = await vote(url, code, p1, health.id, [h[0]!, h[1]!]);
    expect(v1.status).toBe(200);
    expect(v1.body).toEqual({ areaId: health.id, proposalIds: [h[0], h[1]] });
    expect((await vote(url, code, p2, health.id, [h[0]!])).status).toBe(200);
    expect((await vote(url, code, p3, health.id, [h[2]!, h[0]!])).status).toBe(200);
    expect((await vote(url, code, p1, law.id, [l[1]!])).status).toBe(200);

    results = Results.parse(await getJson(url, `/api/events/${code}/results`));
    expect(results.seq).toBeGreaterThan(seq);
    seq = results.seq;
    expect(results).toMatchObject({ participants: 3, voters: 3 });
    expect(results.areas.map((a) => [a.status, a.voters, a.withheld])).toEqual([["open", 3, false], ["open", 1, false]]);
    expect(table(results, 0)).toEqual(["H0:3:1", "H1:1:2", "H2:1:2", "H3:0:4"]);
    expect(table(results, 1)).toEqual(["L1:1:1", "L0:0:2", "L2:0:2"]);

    // change: p1 moves both Health votes; a repeat of the same set is harmless
    expect((await vote(url, code, p1, health.id, [h[3]!, h[2]!])).body).toEqual({ areaId: health.id, proposalIds: [h[3], h[2]] });
    const repeat = await vote(url, code, p1, health.id, [h[2]!, h[3]!]);
    expect(repeat.status).toBe(200);
    expect([...(repeat.body as { proposalIds: string[] }).proposalIds].sort()).toEqual([h[2], h[3]].sort());
    expect(BallotReply.parse(await getJson(url, `/api/events/${code}/ballot`, p1)).ballot[health.id]?.sort()).toEqual([h[2], h[3]].sort());
    // p2 withdraws
    expect((await vote(url, code, p2, health.id, [])).body).toEqual({ areaId: health.id, proposalIds: [] });

    results = Results.parse(await getJson(url, `/api/events/${code}/results`));
    expect(results.seq).toBeGreaterThan(seq);
    expect(results).toMatchObject({ participants: 3, voters: 2 });
    expect(results.areas[0]?.voters).toBe(2);
    expect(table(results, 0)).toEqual(["H2:2:1", "H0:1:2", "H3:1:2", "H1:0:4"]);

    // a paper ballot is one more participant
    const paper = await api(url, "POST", `/api/events/${code}/paper-ballots`, { token: admin, body: { ballot: { [health.id]: [h[2]!], [law.id]: [l[0]!] } } });
    expect(paper.status).toBe(201);
    results = Results.parse(await getJson(url, `/api/events/${code}/results`));
    expect(results).toMatchObject({ participants: 4, voters: 3 });
    expect(table(results, 0)).toEqual(["H2:3:1", "H0:1:2", "H3:1:2", "H1:0:4"]);
    expect(table(results, 1)).toEqual(["L0:1:1", "L1:1:1", "L2:0:3"]);

    // close
    const closed = await api(url, "POST", `/api/events/${code}/voting`, { token: admin, body: { status: "closed" } });
    expect(closed.status).toBe(200);
    for (const a of EventReply.parse(closed.body).event.areas) {
      expect(a.status).toBe("closed");
      expect(Date.parse(a.closedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(a.openedAt ?? ""));
    }
    expectError(await vote(url, code, p3, health.id, [h[1]!]), 409, "VOTING_CLOSED");
    expectError(await vote(url, code, p3, health.id, []), 409, "VOTING_CLOSED");
    // the ballot is kept after closing
    expect(BallotReply.parse(await getJson(url, `/api/events/${code}/ballot`, p3)).ballot[health.id]?.sort()).toEqual([h[0], h[2]].sort());

    // results: the same for the room, the admin and the screen under "live"
    const final = Results.parse(await getJson(url, `/api/events/${code}/results`));
    expect(final.areas.map((a) => a.status)).toEqual(["closed", "closed"]);
    expect(Results.parse(await getJson(url, `/api/events/${code}/results`, admin))).toEqual(final);
    expect(Results.parse(await getJson(url, `/api/events/${code}/results`, reply.screenKey))).toEqual(final);

    // export: every format agrees with the final results
    const csv = await api(url, "GET", `/api/events/${code}/export?format=csv`, { token: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment/);
    const rows = parseCsv<Record<string, string>>(csv.text, { bom: true, columns: true });
    expect(rows.map((r) => `${r.area}|${r.proposal}|${r.votes}|${r.rank}`)).toEqual(
      final.areas.flatMap((a) => a.results.map((r) => `${a.title}|${r.title}|${r.votes}|${r.rank}`)),
    );
    const json = await api(url, "GET", `/api/events/${code}/export?format=json`, { token: admin });
    expect(json.status).toBe(200);
    const exported = json.body as { results: ResultsT; ballots: Array<{ areaId: string; proposalIds: string[] }> };
    expect(exported.results).toEqual(final);
    // p1 Health + Law, p3 Health, paper Health + Law (p2 withdrew)
    expect(exported.ballots).toHaveLength(5);
    const md = await api(url, "GET", `/api/events/${code}/export?format=md`, { token: admin });
    expect(md.status).toBe(200);
    const label = (title: string) => final.areas[0]!.results.find((r) => r.title === title)?.label;
    expect(md.text).toContain(`**1st** (${label("H2")}) H2 — 3 votes`);
    expect(md.text).toContain(`**=2nd** (${label("H0")}) H0 — 1 vote`);
  });

  it("on-reveal keeps counts from the room until the area is revealed, but not from admin or screen", async () => {
    const { url } = server;
    const ev = await createEvent(url, smallEvent({ resultsVisibility: "on-reveal" }));
    const health = ev.event.areas[0]!;
    const p = await join(url, ev.code);
    await openVoting(url, ev.code, ev.adminToken);
    expect((await vote(url, ev.code, p, health.id, [health.proposals[3]!.id])).status).toBe(200);

    const pub = Results.parse(await getJson(url, `/api/events/${ev.code}/results`));
    expect(pub.areas[0]).toMatchObject({ withheld: true, revealed: false });
    // withheld rows keep the organiser's order and carry no counts
    expect(pub.areas[0]?.results.map((r) => [r.title, r.votes, r.rank])).toEqual([["H0", null, null], ["H1", null, null], ["H2", null, null], ["H3", null, null]]);
    // a participant token is no privilege
    expect(Results.parse(await getJson(url, `/api/events/${ev.code}/results`, p)).areas[0]?.withheld).toBe(true);
    for (const token of [ev.adminToken, ev.screenKey]) {
      const priv = Results.parse(await getJson(url, `/api/events/${ev.code}/results`, token));
      expect(priv.areas[0]?.withheld).toBe(false);
      expect(priv.areas[0]?.results[0]).toMatchObject({ title: "H3", votes: 1, rank: 1 });
    }

    const revealed = await api(url, "PATCH", `/api/events/${ev.code}/areas/${health.id}`, { token: ev.adminToken, body: { revealed: true } });
    expect(revealed.status).toBe(200);
    const after = Results.parse(await getJson(url, `/api/events/${ev.code}/results`));
    expect(after.areas[0]).toMatchObject({ withheld: false, revealed: true });
    expect(after.areas[0]?.results[0]).toMatchObject({ title: "H3", votes: 1, rank: 1 });
    expect(after.areas[1]?.withheld).toBe(true);
  });

  it("the privacy threshold withholds an area's counts until k participants have voted in it", async () => {
    const { url } = server;
    const ev = await createEvent(url, smallEvent({ privacyThreshold: 2 }));
    const health = ev.event.areas[0]!;
    const [a, b] = [await join(url, ev.code), await join(url, ev.code)];
    await openVoting(url, ev.code, ev.adminToken);
    await vote(url, ev.code, a, health.id, [health.proposals[0]!.id]);
    const one = Results.parse(await getJson(url, `/api/events/${ev.code}/results`, ev.adminToken));
    expect(one.areas[0]).toMatchObject({ voters: 1, withheld: true });
    expect(one.areas[0]?.results.every((r) => r.votes === null && r.rank === null)).toBe(true);
    await vote(url, ev.code, b, health.id, [health.proposals[1]!.id]);
    const two = Results.parse(await getJson(url, `/api/events/${ev.code}/results`));
    expect(two.areas[0]).toMatchObject({ voters: 2, withheld: false });
    expect(two.areas[0]?.results.slice(0, 2).map((r) => r.votes)).toEqual([1, 1]);
  });

  it("ballot cards: invite events need a card; rejoining with the same card returns to the same ballot", async () => {
    const { url } = server;
    const ev = await createEvent(url, smallEvent({ access: "invite" }));
    const health = ev.event.areas[0]!;
    const issued = await api(url, "POST", `/api/events/${ev.code}/invites`, { token: ev.adminToken, body: { count: 3 } });
    expect(issued.status).toBe(201);
    const invites = (issued.body as { invites: string[] }).invites;
    expect(invites).toHaveLength(3);
    expect(new Set(invites).size).toBe(3);
    expect(await getJson(url, `/api/events/${ev.code}/invites`, ev.adminToken)).toEqual({ issued: 3, used: 0 });

    const first = await join(url, ev.code, invites[0]);
    await openVoting(url, ev.code, ev.adminToken);
    expect((await vote(url, ev.code, first, health.id, [health.proposals[2]!.id])).status).toBe(200);
    // a second phone (or a cleared browser), the card typed in lower case without its dash
    const again = await join(url, ev.code, invites[0]!.toLowerCase().replace("-", ""));
    expect(again).not.toBe(first);
    expect(BallotReply.parse(await getJson(url, `/api/events/${ev.code}/ballot`, again)).ballot[health.id]).toEqual([health.proposals[2]!.id]);
    const results = Results.parse(await getJson(url, `/api/events/${ev.code}/results`));
    expect(results.participants).toBe(1);
    expect(await getJson(url, `/api/events/${ev.code}/invites`, ev.adminToken)).toEqual({ issued: 3, used: 1 });
    // both tokens write the same ballot
    await vote(url, ev.code, again, health.id, [health.proposals[0]!.id]);
    expect(BallotReply.parse(await getJson(url, `/api/events/${ev.code}/ballot`, first)).ballot[health.id]).toEqual([health.proposals[0]!.id]);
  });
});
