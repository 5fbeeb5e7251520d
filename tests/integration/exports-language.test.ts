// Exports in the event's language (API 1.1, issue 12): the full-length forum, 54 people replaying the
// reported top three, exported as French and Arabic Markdown and read back — headings, places and
// ties, counts and shares, turnout — with every piece of organisers' text isolated in the Arabic one.
// Also Event.language itself (create, patch, bad values) and error messages in the caller's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mdText } from "../../server/exports/markdown";
import { isTied } from "../../shared/ranking";
import type { Area, Event, Results } from "../../shared/schemas";
import { api, createDemoEvent, createEvent, join, openVoting, startServer, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { voteTheForum } from "../helpers/forum";
import { dumpDb, expectError, getJson, smallEvent } from "./support";

let server: TestServer;
let forum: CreatedTestEvent;
let results: Results;
beforeAll(async () => {
  server = await startServer();
  forum = await createDemoEvent(server.url, { language: "fr" });
  await openVoting(server.url, forum.code, forum.adminToken);
  // As in real-forum: 30, 24, 18 votes; in the first area the third gets 24 too, so the report has a
  // tie for second place to write.
  await voteTheForum(server.url, forum, { top: (a) => (a === 0 ? [30, 24, 24] : [30, 24, 18]) });
  results = await getJson<Results>(server.url, `/api/events/${forum.code}/results`, forum.adminToken);
}, 120_000);
afterAll(async () => {
  await server.close();
});

const admin = (ev: CreatedTestEvent, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  api(server.url, method, `/api/events/${ev.code}${path}`, { token: ev.adminToken, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });

async function markdownIn(language: string): Promise<string> {
  const patch = await admin(forum, "PATCH", "", { language });
  expect(patch.status, patch.text).toBe(200);
  const res = await admin(forum, "GET", "/export?format=md");
  expect(res.status).toBe(200);
  return res.text;
}

/** The lines of the section under `heading`, up to the next "## ". */
function section(lines: string[], heading: string): string[] {
  const start = lines.indexOf(heading);
  expect(start, `heading ${JSON.stringify(heading)}`).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** Area by area: the lines after each "### title" of a section. */
function byArea(lines: string[], title: (area: Area) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const heads = forum.event.areas.map((a) => lines.indexOf(`### ${title(a)}`));
  forum.event.areas.forEach((a, i) => {
    expect(heads[i], `### ${a.title}`).toBeGreaterThan(-1);
    out.set(a.id, lines.slice((heads[i] ?? 0) + 1, heads[i + 1] ?? lines.length).filter((l) => l !== ""));
  });
  return out;
}

const unescape = (s: string) => s.replace(/\\([\\`*_[\]|<>])/g, "$1");
const share = (votes: number, voters: number) => Math.round((votes / voters) * 100);

describe("the French report", () => {
  it("reads as French and parses back: places with ties, counts, shares and turnout", async () => {
    const md = await markdownIn("fr");
    const lines = md.split("\n");
    const event = (await getJson<{ event: Event }>(server.url, `/api/events/${forum.code}`)).event;
    expect(event.language).toBe("fr");
    expect(lines[0]).toBe(`# ${mdText(event.title)} — résultats`);
    expect(lines[2]).toBe("Chaque participant pouvait choisir jusqu’à 2 propositions par domaine. Les propositions à égalité de voix partagent un rang (=2e).");
    const frPlace = (rank: number, tied: boolean) => `${tied ? "=" : ""}${rank}${rank === 1 ? "er" : "e"}`;

    const top = byArea(section(lines, "## Les 3 premiers par domaine"), (a) => mdText(a.title));
    let ties = 0;
    for (const area of results.areas) {
      const rows = (top.get(area.id) ?? []).map((l) => /^- \*\*(=?\d+(?:er|e))\*\* \((.+?)\) (.+) — (\d+) voix$/.exec(l));
      const expected = area.results.filter((r) => (r.rank ?? 99) <= 3);
      expect(rows.map((m) => m && { place: m[1], label: m[2], title: unescape(m[3] ?? ""), votes: Number(m[4]) }), area.title).toEqual(
        expected.map((r) => ({ place: frPlace(r.rank!, isTied(area.results, r.rank)), label: r.label, title: r.title, votes: r.votes })),
      );
      ties += expected.filter((r) => isTied(area.results, r.rank)).length;
    }
    expect(top.get(results.areas[0]!.id)?.map((l) => l.slice(0, 9))).toEqual(["- **1er**", "- **=2e**", "- **=2e**"]);
    expect(ties).toBeGreaterThanOrEqual(2);

    const annex = byArea(section(lines, "## Annexe\u00A0: classement complet"), (a) => mdText(a.title));
    for (const area of results.areas) {
      const [limit, header, rule, ...rows] = annex.get(area.id) ?? [];
      // The annex names the method (API 1.1) and how a count was made, then the voters.
      expect(limit).toBe(`Approbation\u00A0: chaque participant pouvait choisir jusqu’à ${area.maxVotes} propositions\u202F; une proposition compte les participants qui l’ont choisie. ${area.voters} votants.`);
      expect(header).toBe("| Rang | Étiquette | Proposition | Voix | Part des votants |");
      expect(rule).toBe("| ---: | --- | --- | ---: | ---: |");
      const parsed = rows.map((l) => /^\| (=?\d+(?:er|e)) \| (\S+) \| (.+) \| (\d+) \| (\d+)[\u00A0\u202F]% \|$/.exec(l));
      expect(parsed.map((m) => m && { place: m[1], label: m[2], text: unescape(m[3] ?? ""), votes: Number(m[4]), share: Number(m[5]) }), area.title).toEqual(
        area.results.map((r) => ({ place: frPlace(r.rank!, isTied(area.results, r.rank)), label: r.label, text: r.title, votes: r.votes, share: share(r.votes!, area.voters) })),
      );
    }

    expect(section(lines, "## Participation").filter((l) => l !== "")).toEqual([
      "- Participants attendus\u00A0: 54",
      "- Participants ayant rejoint\u00A0: 54",
      "- Ont voté dans au moins un domaine\u00A0: 54 sur 54 attendus",
      ...results.areas.map((a) => `- ${mdText(a.title)}\u00A0: ${a.voters} votants`),
      "_Ni noms ni identités n’ont été enregistrés (règle de Chatham House)._",
    ]);

    // Plenary's own words are all French: with the organisers' text taken out, no English is left.
    let frame = md;
    for (const t of [event.title, ...event.areas.flatMap((a) => [a.title, ...a.proposals.map((p) => p.title)])]) frame = frame.split(mdText(t)).join("");
    expect(frame).not.toMatch(/\b(results|Top|Annex|ranking|Turnout|votes?|voters?|Rank|Label|Proposal|Share|withheld|Expected|joined|per area|recorded)\b/i);
  });
});

// ---- Arabic -------------------------------------------------------------------------------------

const AR_PLACES = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
const FSI = "\u2068";
const PDI = "\u2069";

function arPlace(text: string): { rank: number; tied: boolean } | null {
  const m = /^(\S+?)( مكرر)?$/.exec(text);
  if (!m) return null;
  const word = AR_PLACES.indexOf(m[1] ?? "");
  const rank = word >= 0 ? word + 1 : /^الـ(\d+)$/.test(m[1] ?? "") ? Number((m[1] ?? "").slice(3)) : NaN;
  return Number.isNaN(rank) ? null : { rank, tied: m[2] !== undefined };
}

/** A count of votes back to its number, only if written in the form Arabic grammar gives that number. */
function arVotes(text: string): number | null {
  if (text === "صوت واحد") return 1;
  if (text === "صوتان") return 2;
  const m = /^(\d+) (أصوات|صوتًا|صوت)$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const mod = n % 100;
  const form = mod >= 3 && mod <= 10 ? "أصوات" : mod >= 11 ? "صوتًا" : "صوت";
  return form === m[2] && n !== 1 && n !== 2 ? n : null;
}

describe("the Arabic report", () => {
  it("isolates every piece of organisers' text and every label, and parses back", async () => {
    const md = await markdownIn("ar");
    const lines = md.split("\n");
    const event = (await getJson<{ event: Event }>(server.url, `/api/events/${forum.code}`)).event;
    const iso = (s: string) => `${FSI}${mdText(s)}${PDI}`;
    expect(lines[0]).toBe(`# ${iso(event.title)} — النتائج`);
    expect(lines[2]).toContain("حتى مقترحين في كل مجال");
    expect(lines[2]).toContain("(الثاني مكرر)");

    const top = byArea(section(lines, "## المراكز الـ3 الأولى في كل مجال"), (a) => iso(a.title));
    for (const area of results.areas) {
      const rows = (top.get(area.id) ?? []).map((l) => /^- \*\*(.+?)\*\* \(\u2068(.+?)\u2069\) \u2068(.+)\u2069 — (.+)$/.exec(l));
      expect(rows.map((m) => m && { place: arPlace(m[1] ?? ""), label: m[2], title: unescape(m[3] ?? ""), votes: arVotes(m[4] ?? "") }), area.title).toEqual(
        area.results.filter((r) => (r.rank ?? 99) <= 3).map((r) => ({ place: { rank: r.rank, tied: isTied(area.results, r.rank) }, label: r.label, title: r.title, votes: r.votes })),
      );
    }
    expect(top.get(results.areas[0]!.id)?.map((l) => /\*\*(.+?)\*\*/.exec(l)?.[1])).toEqual(["الأول", "الثاني مكرر", "الثاني مكرر"]);
    expect(top.get(results.areas[0]!.id)?.[0]).toMatch(/ — 30 صوتًا$/);

    const annex = byArea(section(lines, "## ملحق: الترتيب الكامل"), (a) => iso(a.title));
    for (const area of results.areas) {
      const [limit, header, , ...rows] = annex.get(area.id) ?? [];
      expect(limit).toBe(`الموافقة: كان بإمكان كل مشارك أن يختار حتى مقترحين؛ يُحتسب لكل مقترح عدد المشاركين الذين اختاروه. ${area.voters} مصوّتًا.`);
      expect(header).toBe("| المركز | الرمز | المقترح | الأصوات | النسبة من المصوّتين |");
      const parsed = rows.map((l) => /^\| (.+?) \| \u2068(\S+)\u2069 \| \u2068(.+)\u2069 \| (\d+) \| (.+) \|$/.exec(l));
      expect(parsed.map((m) => m && { place: arPlace(m[1] ?? ""), label: m[2], text: unescape(m[3] ?? ""), votes: Number(m[4]), share: Number((m[5] ?? "").replace(/[\u200E\u200F\u061C%]/g, "")) }), area.title).toEqual(
        area.results.map((r) => ({ place: { rank: r.rank, tied: isTied(area.results, r.rank) }, label: r.label, text: r.title, votes: r.votes, share: share(r.votes!, area.voters) })),
      );
    }
    expect(section(lines, "## المشاركة").filter((l) => l !== "").slice(0, 3)).toEqual([
      "- عدد المشاركين المتوقع: 54",
      "- عدد المشاركين المنضمين: 54",
      "- صوّتوا في مجال واحد على الأقل: 54 من أصل 54 (العدد المتوقع)",
    ]);
    expect(lines.at(-2)).toBe("_لم تُسجَّل أي أسماء أو هويات (قاعدة تشاتام هاوس)._");

    // Direction: outside the isolates, not one Latin letter is left — every English title, body
    // and label sits in its own FSI…PDI, so it cannot pull the Arabic punctuation around it.
    const outside = md.replace(/\u2068[^\u2068\u2069]*\u2069/g, "");
    expect(outside).not.toMatch(/[A-Za-z]/);
    expect(md.split(FSI).length).toBe(md.split(PDI).length);
    // Western digits throughout (shared/i18n/languages.ts, intlLocale)
    expect(outside).not.toMatch(/[\u0660-\u0669]/);
  });
});

describe("English stays as it was", () => {
  it("back to en, the report is the English one, byte for byte as an English event's", async () => {
    const md = await markdownIn("en");
    expect(md).toContain("## Top 3 per area");
    expect(md).toContain("- Voted in at least one area: 54 of 54 expected");
    expect(md).toContain("Equal votes share a rank (=2nd).");
    expect(md).not.toMatch(/[\u2068\u2069]/);
  });
});

describe("Event.language", () => {
  it("defaults to en, is set on create and on patch", async () => {
    const plain = await createEvent(server.url, smallEvent());
    expect(plain.event.language).toBe("en");
    const zh = await createEvent(server.url, smallEvent({ language: "zh" }));
    expect(zh.event.language).toBe("zh");
    const patched = await admin(zh, "PATCH", "", { language: "pt" });
    expect((patched.body as { event: Event }).event.language).toBe("pt");
    expect((await getJson<{ event: Event }>(server.url, `/api/events/${zh.code}`)).event.language).toBe("pt");
  });

  it("refuses a language that is not one of the eight with BAD_REQUEST, changing nothing", async () => {
    const ev = await createEvent(server.url, smallEvent({ language: "de" }));
    for (const language of ["xx", "FR", "fr-FR", "", 3, null, ["fr"], "en\u0000"]) {
      const before = dumpDb(server.db);
      expectError(await api(server.url, "POST", "/api/events", { body: { ...smallEvent(), language } }), 400, "BAD_REQUEST");
      expectError(await admin(ev, "PATCH", "", { language }), 400, "BAD_REQUEST");
      expect(dumpDb(server.db), String(language)).toEqual(before);
    }
    expect((await getJson<{ event: Event }>(server.url, `/api/events/${ev.code}`)).event.language).toBe("de");
  });
});

describe("error messages in the caller's language", () => {
  it("follow Accept-Language, else the event's language; the code never changes", async () => {
    const ev = await createEvent(server.url, smallEvent({ language: "fr" }));
    await openVoting(server.url, ev.code, ev.adminToken);
    const token = await join(server.url, ev.code);
    const area = ev.event.areas[0]!;
    const tooMany = (headers: Record<string, string>) =>
      api(server.url, "PUT", `/api/events/${ev.code}/ballot/${area.id}`, { token, body: { proposalIds: area.proposals.slice(0, 3).map((p) => p.id) }, headers });
    const message = (res: { body: unknown }) => (res.body as { error: { message: string } }).error.message;

    const fr = await tooMany({ "accept-language": "xx, *" });
    expectError(fr, 422, "TOO_MANY_VOTES");
    expect(message(fr)).toBe("«\u00A0Health\u00A0» permet au plus 2 voix.");
    const en = await tooMany({ "accept-language": "en-GB,en;q=0.9,fr;q=0.8" });
    expectError(en, 422, "TOO_MANY_VOTES");
    expect(message(en)).toBe("“Health” allows 2 votes.");
    const ar = await tooMany({ "accept-language": "ar-LB" });
    expect(message(ar)).toBe("الحد الأقصى في «Health» هو صوتان.");

    // No rule sentence: the catalog's sentence for the code, still never English for a French reader.
    const unknown = await api(server.url, "GET", "/api/events/ZZZZZZ", { headers: { "accept-language": "zh-CN" } });
    expectError(unknown, 404, "NOT_FOUND");
    expect(message(unknown)).toBe("此处未找到任何内容。");
    const endpoint = await api(server.url, "GET", "/api/nowhere", { headers: { "accept-language": "de-AT" } });
    expectError(endpoint, 404, "NOT_FOUND");
    expect(message(endpoint)).toBe("Hier wurde nichts gefunden.");
    const badJson = await api(server.url, "PATCH", `/api/events/${ev.code}`, { token: ev.adminToken, raw: "{", headers: { "accept-language": "es" } });
    expectError(badJson, 400, "BAD_REQUEST");
    expect(message(badJson)).toBe("La solicitud no es válida.");
    const english = await api(server.url, "GET", "/api/nowhere", { headers: { "accept-language": "it" } });
    expect(message(english)).toBe("No such endpoint.");
  });
});
