// The Markdown report of the full-length forum with one area by dots and one by ranking (issue 15):
// each area says which method it used and how points were counted, the counts are named for the
// method (dots; points with their ballots), the annex puts points beside ballots, and a runoff of
// the ranking keeps its method in the second round. In the event's language, Arabic included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area } from "../../shared/schemas";
import { api, openVoting, startServer, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { createMethodsForum, EXPECTED, voteThePlan } from "../helpers/methods-forum";

let server: TestServer;
let ev: CreatedTestEvent;

beforeAll(async () => {
  server = await startServer();
  ev = await createMethodsForum(server.url);
  await openVoting(server.url, ev.code, ev.adminToken);
  await voteThePlan(server.url, ev);
  await api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status: "closed" } });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function markdown(code = ev.code, token = ev.adminToken): Promise<string> {
  const res = await fetch(`${server.url}/api/events/${code}/export?format=md`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The lines of a `### title` subsection inside the `## heading` section. */
function lines(md: string, heading: string, title: string): string[] {
  const start = md.indexOf(`\n## ${heading}`);
  const end = md.indexOf("\n## ", start + 1);
  const section = md.slice(start, end < 0 ? undefined : end);
  const part = section.split("\n### ").find((p) => p.split("\n")[0]!.replace(/\\(.)/g, "$1") === title);
  if (!part) throw new Error(`no ${title} in ${heading}`);
  return part.split("\n").slice(1).filter((l) => l.trim() !== "");
}

const mdEscape = (s: string) => s.replace(/([\\`*_[\]|<>])/g, "\\$1");

describe("Markdown report of areas by dots and by ranking", () => {
  it("names each area's method and how it was counted, and counts in dots and points", async () => {
    const md = await markdown();
    const [dots, ranking, approval] = ev.event.areas as [Area, Area, Area];
    expect(md).toContain("Each area was counted by its own method");

    const top = lines(md, "Top 3 per area", dots.title);
    expect(top[0]).toBe("_Dot voting: each participant could place up to 5 dots, at most 3 on one proposal; a proposal's count is the dots it received. 54 voters._");
    const listed = top.filter((l) => l.startsWith("- "));
    expect(listed).toEqual(EXPECTED.dots.slice(0, 3).map((e, i) => `- **${["1st", "2nd", "3rd"][i]}** (${dots.proposals[e.index]!.label}) ${mdEscape(dots.proposals[e.index]!.title)} — ${e.dots} dots`));

    const rtop = lines(md, "Top 3 per area", ranking.title);
    expect(rtop[0]).toBe(
      "_Ranking (Borda): each participant could rank up to 3 proposals in order of preference; points per place: 1st 3 points, 2nd 2 points, 3rd 1 point. Proposals are ranked by their points; “ballots” are the participants who ranked the proposal at all. 54 voters._",
    );
    expect(rtop.filter((l) => l.startsWith("- "))).toEqual(
      EXPECTED.ranking.slice(0, 3).map((e, i) => `- **${["1st", "2nd", "3rd"][i]}** (${ranking.proposals[e.index]!.label}) ${mdEscape(ranking.proposals[e.index]!.title)} — ${e.points} points (${e.ballots} ballots)`),
    );

    // An approval area is not given a method line in the top list; the annex names it.
    expect(lines(md, "Top 3 per area", approval.title).some((l) => l.startsWith("_"))).toBe(false);
    expect(lines(md, "Annex: full ranking", approval.title)[0]).toMatch(/^Approval: each participant could choose up to 2 proposals; .* 0 voters\.$/);
  });

  it("puts points beside ballots in the ranking's annex, and dots with their share of all dots", async () => {
    const md = await markdown();
    const [dots, ranking] = ev.event.areas as [Area, Area];
    const annex = lines(md, "Annex: full ranking", ranking.title);
    expect(annex).toContain("| Rank | Label | Proposal | Points | Ballots | Share of voters |");
    const rows = annex.filter((l) => /^\| [=\d]/.test(l)).map((l) => l.slice(2, -2).split(" | "));
    expect(rows.slice(0, 4).map(([, label, , points, ballots, share]) => [label, Number(points), Number(ballots), share])).toEqual(
      EXPECTED.ranking.map((e) => [ranking.proposals[e.index]!.label, e.points, e.ballots, `${Math.round((100 * e.ballots) / 54)}%`]),
    );
    const dotsAnnex = lines(md, "Annex: full ranking", dots.title);
    expect(dotsAnnex).toContain("| Rank | Label | Proposal | Dots | Share of all dots |");
    const all = 54 * 5;
    const drows = dotsAnnex.filter((l) => /^\| [=\d]/.test(l)).map((l) => l.slice(2, -2).split(" | "));
    expect(drows.slice(0, 4).map(([, label, , n, share]) => [label, Number(n), share])).toEqual(
      EXPECTED.dots.map((e) => [dots.proposals[e.index]!.label, e.dots, `${Math.round((100 * e.dots) / all)}%`]),
    );
  });

  it("writes the method in the event's language (Arabic)", async () => {
    const patched = await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body: { language: "ar" } });
    expect(patched.status, patched.text).toBe(200);
    try {
      const md = await markdown();
      expect(md).toContain("الترتيب (طريقة بوردا)");
      expect(md).toContain("التصويت بالنقاط");
      expect(md).not.toContain("Borda)");
    } finally {
      await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, body: { language: "en" } });
    }
  });

  it("a runoff of the ranking keeps its method: both rounds say ranking", async () => {
    const ranking = ev.event.areas[1]!;
    const res = await api(server.url, "POST", `/api/events/${ev.code}/areas/${ranking.id}/runoff`, { token: ev.adminToken, body: { top: 2 } });
    expect(res.status, res.text).toBe(201);
    const runoff = (res.body as { area: Area }).area;
    expect(runoff.method).toBe("ranking");
    const md = await markdown();
    const annex = lines(md, "Annex: full ranking", runoff.title);
    expect(annex[0]).toMatch(/^_Runoff of “/);
    expect(annex[1]).toMatch(/^Ranking \(Borda\): each participant could rank up to \d+ proposals?/);
  });
});
