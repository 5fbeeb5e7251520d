// The three export formats exactly as API.md specifies them, read back the way their readers would:
// the CSV by a CSV parser, the JSON by JSON.parse, the Markdown report line by line.
import { parse as parseCsv } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csvCell } from "../../server/exports/csv";
import { isTied, ordinal } from "../../shared/ranking";
import type { Area, Event, Results } from "../../shared/schemas";
import { api, createEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { getJson } from "./support";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const TRICKY = {
  comma: 'Cut costs, then "reinvest"',
  // Titles are one line (shared/text.ts): the line break of a cell is checked on csvCell below.
  newline: "Line one; line two",
  formula: '=HYPERLINK("http://example.invalid")',
  plus: "+1 idea",
  minus: "-minus",
  at: "@at home",
  plain: "Plain = fine",
};

interface Fixture {
  ev: CreatedTestEvent;
  care: Area;
  law: Area;
  empty: Area;
  tokens: string[];
}

/**
 * Health, care: Cut 3, Line 2, =HYPERLINK 2, +1 1, the rest 0 (5 voters).
 * @Law (one vote): L0 2, L1 1, L2 0 (3 voters). Empty: no votes. Closed at the end.
 */
async function fixture(overrides: { access?: "open" | "invite"; privacyThreshold?: number; resultsVisibility?: "live" | "on-reveal" } = {}): Promise<Fixture> {
  const ev = await createEvent(server.url, {
    title: "Export, \"test\" forum",
    ...overrides,
    areas: [
      { title: "Health, care", proposals: Object.values(TRICKY).map((title) => ({ title, body: "Body, with \"quotes\"" })) },
      { title: "@Law", maxVotes: 1, proposals: [{ title: "L0" }, { title: "L1" }, { title: "L2" }] },
      { title: "Empty", proposals: [{ title: "E0" }, { title: "E1" }] },
    ],
  });
  const [care, law, empty] = ev.event.areas as [Area, Area, Area];
  const c = (i: number) => care.proposals[i]!.id;
  const l = (i: number) => law.proposals[i]!.id;
  let tokens: string[] = [];
  if (overrides.access === "invite") {
    const issued = await api(server.url, "POST", `/api/events/${ev.code}/invites`, { token: ev.adminToken, body: { count: 6 } });
    const cards = (issued.body as { invites: string[] }).invites;
    for (const card of cards.slice(0, 5)) tokens.push(await join(server.url, ev.code, card));
  } else {
    tokens = await Promise.all(Array.from({ length: 5 }, () => join(server.url, ev.code)));
  }
  await openVoting(server.url, ev.code, ev.adminToken);
  const ballots: Array<[number, string, string[]]> = [
    [0, care.id, [c(0), c(1)]], [1, care.id, [c(0), c(2)]], [2, care.id, [c(0), c(1)]], [3, care.id, [c(3)]], [4, care.id, [c(2)]],
    [0, law.id, [l(0)]], [1, law.id, [l(1)]], [2, law.id, [l(0)]],
  ];
  for (const [who, areaId, ids] of ballots) {
    const res = await vote(server.url, ev.code, tokens[who]!, areaId, ids);
    if (res.status !== 200) throw new Error(res.text);
  }
  await api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status: "closed" } });
  return { ev, care, law, empty, tokens };
}

async function download(code: string, token: string, format?: string) {
  const res = await fetch(`${server.url}/api/events/${code}/export${format ? `?format=${format}` : ""}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString("utf8") };
}

describe("CSV export", () => {
  it("UTF-8 with BOM, the header of API.md, CRLF rows, as an attachment", async () => {
    const { ev } = await fixture();
    const file = await download(ev.code, ev.adminToken, "csv");
    expect(file.status).toBe(200);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // API 1.1: label and text after the five columns of version 1, then method and points (issue 15)
    expect(file.text.slice(1).split("\r\n")[0]).toBe("area,rank,proposal,votes,share_of_voters,label,text,method,points");
    expect(file.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment;\s*filename="[^"]+\.csv"$/);
    // RFC 4180: records end with CRLF; a bare LF only inside a quoted field
    expect(file.text.endsWith("\r\n")).toBe(true);
    const outsideQuotes = file.text.replace(/"(?:[^"]|"")*"/g, '""');
    expect(/[^\r]\n/.test(outsideQuotes)).toBe(false);
    expect(csvCell("Line one\nline two")).toBe('"Line one\nline two"');
  });

  it("one row per proposal, areas in order, ranks and votes as in Results, share of voters", async () => {
    const { ev } = await fixture();
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    const file = await download(ev.code, ev.adminToken, "csv");
    const rows = parseCsv<Record<string, string>>(file.text, { bom: true, columns: true, relax_column_count: false });
    const expected = results.areas.flatMap((a) =>
      a.results.map((r) => ({ area: a.title, rank: String(r.rank), proposal: r.title, label: r.label, votes: String(r.votes), voters: a.voters })),
    );
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const want = expected[i]!;
      // text cells starting with = + - @ come back with the ' that defuses them
      const defused = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
      expect(row.area).toBe(defused(want.area));
      expect(row.proposal).toBe(defused(want.proposal));
      expect(row.label).toBe(want.label);
      // the whole proposal: its title, then its background, never cut
      expect(row.text).toBe(defused(want.area === "Health, care" ? `${want.proposal}\n\nBody, with "quotes"` : want.proposal));
      expect(row.rank).toBe(want.rank);
      expect(row.votes).toBe(want.votes);
      expect(row.share_of_voters).toMatch(/^(0|1)(\.\d+)?$/);
      const share = Number(row.share_of_voters);
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
      expect(Math.abs(share - (want.voters === 0 ? 0 : Number(want.votes) / want.voters))).toBeLessThan(1e-3);
    });
    // spot checks against the fixture, independent of the Results endpoint
    expect(rows.slice(0, 4).map((r) => [r.rank, r.proposal, r.votes, r.share_of_voters])).toEqual([
      ["1", TRICKY.comma, "3", "0.6"],
      ["2", TRICKY.newline, "2", "0.4"],
      ["2", `'${TRICKY.formula}`, "2", "0.4"],
      ["4", `'${TRICKY.plus}`, "1", "0.2"],
    ]);
    expect(rows.map((r) => r.area)).toEqual([...Array(7).fill("Health, care"), ...Array(3).fill("'@Law"), "Empty", "Empty"]);
    expect(rows.filter((r) => r.area === "Empty").map((r) => r.share_of_voters)).toEqual(["0", "0"]);
  });

  it("quotes commas, quotes and newlines (RFC 4180), and prefixes formula cells with '", async () => {
    const { ev } = await fixture();
    const { text } = await download(ev.code, ev.adminToken, "csv");
    expect(text).toContain('"Health, care"');
    expect(text).toContain('"Cut costs, then ""reinvest"""');
    expect(csvCell("Line one\nline two")).toBe('"Line one\nline two"');
    expect(text).toContain('"\'=HYPERLINK(""http://example.invalid"")"');
    expect(text).toContain(",'+1 idea,");
    expect(text).toContain(",'-minus,");
    expect(text).toContain(",'@at home,");
    expect(text).toContain("'@Law,");
    // only a leading formula character is defused
    expect(text).toContain(",Plain = fine,");
  });

  it("defuses tab and carriage return too (titles cannot start with them through the API: they are trimmed)", () => {
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    const cr = csvCell("\rcmd");
    expect(cr).toBe('"\'\rcmd"');
    expect(parseCsv(`a,${cr},b\r\n`)).toEqual([["a", "'\rcmd", "b"]]);
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
    expect(csvCell("a\"b")).toBe('"a""b"');
  });

  it("csv is the default format", async () => {
    const { ev } = await fixture();
    const file = await download(ev.code, ev.adminToken);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(file.text.slice(1).startsWith("area,rank,proposal,votes,share_of_voters,label,text,method,points\r\n")).toBe(true);
  });

  it("withheld areas export no counts", async () => {
    const { ev } = await fixture({ privacyThreshold: 4 });
    const rows = parseCsv<Record<string, string>>((await download(ev.code, ev.adminToken, "csv")).text, { bom: true, columns: true });
    // Health, care has 5 voters (shown); @Law has 3 (withheld); Empty has 0 (withheld)
    expect(rows.filter((r) => r.area === "Health, care").every((r) => r.votes !== "" && r.rank !== "")).toBe(true);
    const hidden = rows.filter((r) => r.area !== "Health, care");
    expect(hidden).toHaveLength(5);
    for (const r of hidden) expect([r.rank, r.votes, r.share_of_voters]).toEqual(["", "", ""]);
  });
});

describe("JSON export", () => {
  it("the event, the final results, per-area times, turnout and anonymous ballots", async () => {
    const { ev, tokens } = await fixture({ access: "invite", resultsVisibility: "on-reveal" });
    const file = await download(ev.code, ev.adminToken, "json");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^application\/json/);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment;\s*filename="[^"]+\.json"$/);
    const data = JSON.parse(file.text) as {
      event: Event;
      results: Results;
      areas: Array<{ id: string; openedAt: string | null; closedAt: string | null }>;
      turnout: { participants: number; voters: number; invites: { issued: number; used: number } | null; areas: Array<{ areaId: string; voters: number }> };
      ballots: Array<{ areaId: string; proposalIds: string[] }>;
    };
    const event = (await getJson<{ event: Event }>(server.url, `/api/events/${ev.code}`)).event;
    expect(data.event).toEqual(event);
    // the final results with counts, even under on-reveal (the export is the organiser's)
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    expect(data.results).toEqual(results);
    expect(data.results.areas[0]?.withheld).toBe(false);
    expect(data.areas.map((a) => a.id)).toEqual(event.areas.map((a) => a.id));
    for (const a of data.areas) {
      expect(Number.isNaN(Date.parse(a.openedAt ?? ""))).toBe(false);
      expect(Date.parse(a.closedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(a.openedAt ?? ""));
    }
    expect(data.turnout).toEqual({
      participants: 5,
      voters: 5,
      invites: { issued: 6, used: 5 },
      areas: [
        { areaId: event.areas[0]!.id, voters: 5 },
        { areaId: event.areas[1]!.id, voters: 3 },
        { areaId: event.areas[2]!.id, voters: 0 },
      ],
    });
    // ballots: exactly the cast ones, as { areaId, proposalIds } and nothing else
    expect(data.ballots).toHaveLength(8);
    for (const b of data.ballots) expect(Object.keys(b).sort()).toEqual(["areaId", "proposalIds"]);
    const cast = server.db.prepare("SELECT area_id, group_concat(proposal_id) AS ids FROM (SELECT * FROM votes ORDER BY proposal_id) GROUP BY participant_id, area_id").all() as Array<{ area_id: string; ids: string }>;
    const canon = (areaId: string, ids: string[]) => `${areaId}:${[...ids].sort().join(",")}`;
    expect(data.ballots.map((b) => canon(b.areaId, b.proposalIds)).sort()).toEqual(cast.map((c) => canon(c.area_id, c.ids.split(","))).sort());
    // no participant, invite or token data anywhere in the file
    for (const secret of [...tokens, ev.adminToken, ev.screenKey]) expect(file.text).not.toContain(secret);
    expect(file.text).not.toMatch(/participant_?id|token|hash|"invite(_?id|Code)?"\s*:/i);
    const participantIds = server.db.prepare("SELECT id FROM participants").pluck().all() as number[];
    expect(participantIds.length).toBe(5);
  });

  it("ballots come in random order, not the order people voted in", async () => {
    const ev = await createEvent(server.url, { title: "Order", areas: [{ title: "Eight", proposals: Array.from({ length: 8 }, (_, i) => ({ title: `P${i}` })) }] });
    const area = ev.event.areas[0]!;
    await openVoting(server.url, ev.code, ev.adminToken);
    // 28 participants, each with a different pair, cast in a known order
    const pairs: string[][] = [];
    for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) pairs.push([area.proposals[i]!.id, area.proposals[j]!.id]);
    for (const pair of pairs) {
      const token = await join(server.url, ev.code);
      expect((await vote(server.url, ev.code, token, area.id, pair)).status).toBe(200);
    }
    const order = async () => {
      const data = JSON.parse((await download(ev.code, ev.adminToken, "json")).text) as { ballots: Array<{ proposalIds: string[] }> };
      return data.ballots.map((b) => [...b.proposalIds].sort().join("+"));
    };
    const castOrder = pairs.map((p) => [...p].sort().join("+"));
    const first = await order();
    const second = await order();
    expect([...first].sort()).toEqual([...castOrder].sort());
    // 28! orders: an unshuffled export would match the cast order (or the reverse) every time
    expect(first).not.toEqual(castOrder);
    expect(first).not.toEqual([...castOrder].reverse());
    expect(second).not.toEqual(first);
  });

  it("leaves out the ballots of an area whose counts are withheld", async () => {
    const { ev, care } = await fixture({ privacyThreshold: 4 });
    const data = JSON.parse((await download(ev.code, ev.adminToken, "json")).text) as { ballots: Array<{ areaId: string }> };
    expect(data.ballots).toHaveLength(5);
    expect(new Set(data.ballots.map((b) => b.areaId))).toEqual(new Set([care.id]));
  });
});

/** Undoes the report's Markdown escaping of organiser text. */
const unescape = (s: string) => s.replace(/\\([\\`*_[\]|<>])/g, "$1");

function section(md: string, heading: string): string {
  const start = md.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const next = md.indexOf("\n## ", start + 1);
  return md.slice(start, next < 0 ? undefined : next);
}

function subsections(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of text.split("\n### ").slice(1)) {
    const [title, ...lines] = part.split("\n");
    out.set(unescape(title!), lines.filter((l) => l.trim() !== ""));
  }
  return out;
}

describe("Markdown report", () => {
  it("per area 1st / 2nd / 3rd with counts, ties written =2nd, then the annex and turnout", async () => {
    const { ev } = await fixture();
    const file = await download(ev.code, ev.adminToken, "md");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment;\s*filename="[^"]+\.md"$/);
    const md = file.text;
    expect(md.split("\n")[0]).toBe(`# ${unescape("Export, \"test\" forum")} — results`);

    const top = subsections(section(md, "Top 3 per area"));
    const background = '  - Body, with "quotes"';
    expect(top.get("Health, care")).toEqual([
      `- **1st** (HC-1) ${TRICKY.comma} — 3 votes`, background,
      "- **=2nd** (HC-2) Line one; line two — 2 votes", background,
      `- **=2nd** (HC-3) ${TRICKY.formula} — 2 votes`, background,
    ]);
    expect(top.get("@Law")).toEqual(["- **1st** (LA-1) L0 — 2 votes", "- **2nd** (LA-2) L1 — 1 vote"]);
    expect(top.get("Empty")).toEqual(["No votes were cast."]);

    const turnout = section(md, "Turnout");
    expect(turnout).toContain("- Participants joined: 5");
    expect(turnout).toContain("- Voted in at least one area: 5");
    expect(turnout).toContain("- Health, care: 5 voters");
    expect(turnout).toContain("- @Law: 3 voters");
    expect(turnout).toContain("- Empty: 0 voters");
    // the order of the report: top three, then the annex, then turnout
    expect(md.indexOf("## Top 3 per area")).toBeLessThan(md.indexOf("## Annex"));
    expect(md.indexOf("## Annex")).toBeLessThan(md.indexOf("## Turnout"));
  });

  it("the ranking in the report equals the results, row for row", async () => {
    const { ev } = await fixture();
    const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
    const md = (await download(ev.code, ev.adminToken, "md")).text;
    const annex = subsections(section(md, "Annex: full ranking"));
    const top = subsections(section(md, "Top 3 per area"));
    for (const area of results.areas) {
      const table = (annex.get(area.title) ?? [])
        .filter((l) => /^\| [=\d]/.test(l))
        .map((l) => l.slice(2, -2).split(" | "))
        .map(([rank, label, text, votes]) => ({ rank: rank!, label: label!, text: unescape(text!), votes: Number(votes) }));
      const body = (id: string) => ev.event.areas.flatMap((a) => a.proposals).find((p) => p.id === id)?.body ?? "";
      const textOf = (r: Results["areas"][number]["results"][number]) => [r.title, body(r.proposalId)].filter(Boolean).join(" — ").replace(/\n/g, " ");
      expect(table, area.title).toEqual(area.results.map((r) => ({ rank: ordinal(r.rank!, isTied(area.results, r.rank)), label: r.label, text: textOf(r), votes: r.votes })));
      const listed = (top.get(area.title) ?? []).filter((l) => l.startsWith("- "));
      const backgrounds = (top.get(area.title) ?? []).filter((l) => l.startsWith("  - "));
      expect(backgrounds, area.title).toEqual(
        area.results.filter((r) => r.rank! <= 3 && r.votes! > 0 && body(r.proposalId)).map((r) => `  - ${body(r.proposalId).replace(/\n/g, " ")}`),
      );
      const expectedTop = area.results.filter((r) => r.rank! <= 3 && r.votes! > 0);
      expect(listed, area.title).toEqual(
        expectedTop.map((r) => `- **${ordinal(r.rank!, isTied(area.results, r.rank))}** (${r.label}) ${r.title.replace(/\n/g, " ")} — ${r.votes} ${r.votes === 1 ? "vote" : "votes"}`),
      );
    }
  });

  it("a tie at the third place is reported whole", async () => {
    const ev = await createEvent(server.url, { title: "Ties", areas: [{ title: "Five", maxVotes: 5, proposals: ["A", "B", "C", "D", "E"].map((title) => ({ title })) }] });
    const area = ev.event.areas[0]!;
    const id = (i: number) => area.proposals[i]!.id;
    await openVoting(server.url, ev.code, ev.adminToken);
    // A 4, B 3, C 2, D 2, E 1
    const ballots = [[0, 1, 2, 3, 4], [0, 1, 2, 3], [0, 1], [0]];
    for (const b of ballots) await vote(server.url, ev.code, await join(server.url, ev.code), area.id, b.map(id));
    const md = (await download(ev.code, ev.adminToken, "md")).text;
    expect(subsections(section(md, "Top 3 per area")).get("Five")).toEqual([
      "- **1st** (FI-1) A — 4 votes",
      "- **2nd** (FI-2) B — 3 votes",
      "- **=3rd** (FI-3) C — 2 votes",
      "- **=3rd** (FI-4) D — 2 votes",
    ]);
    expect(md).toContain("| 5th | FI-5 | E | 1 | 25% |");
  });

  it("names ballot cards in the turnout of an invite event, and withheld areas as withheld", async () => {
    const { ev } = await fixture({ access: "invite", privacyThreshold: 4 });
    const md = (await download(ev.code, ev.adminToken, "md")).text;
    expect(section(md, "Turnout")).toContain("- Ballot cards issued: 6, used: 5");
    const top = subsections(section(md, "Top 3 per area"));
    expect(top.get("@Law")?.[0]).toMatch(/^Results withheld/);
    expect(top.get("@Law")?.join("\n")).not.toMatch(/L0 —/);
    expect(subsections(section(md, "Annex: full ranking")).get("@Law")).toContain("Withheld.");
  });
});
