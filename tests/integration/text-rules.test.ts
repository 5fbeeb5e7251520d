// The text rules of docs/SECURITY.md through the real app: every route that stores a title or body
// refuses what is not text (400 BAD_REQUEST, nothing stored) and keeps every language as sent.
import { execFile } from "node:child_process";
import { join as joinPath } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area, Event } from "../../shared/schemas";
import { api, createEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { dumpDb, expectError, smallEvent } from "./support";

let server: TestServer;
let ev: CreatedTestEvent;
let area: Area;

beforeAll(async () => {
  server = await startServer();
  ev = await createEvent(server.url, smallEvent());
  area = ev.event.areas[0] as Area;
});
afterAll(() => server.close());

/** Text no title may hold, with the words the refusal must use. */
const BAD_TITLES: Array<[string, string, RegExp]> = [
  ["NUL", "Night\u0000buses", /NUL/],
  ["a lone high surrogate", "Night \uD83D buses", /lone surrogate/],
  ["a lone low surrogate", "\uDE00 buses", /lone surrogate/],
  ["ESC (a terminal escape)", "Night \u001B[31mbuses", /control character U\+001B/],
  ["a C1 control", "Night \u0085buses", /control character U\+0085/],
  ["DEL", "Night\u007Fbuses", /control character U\+007F/],
  ["a line break", "Night\nbuses", /one line/],
  ["a lone CR", "Night\rbuses", /one line/],
  ["a tab", "Night\tbuses", /one line/],
  ["a right-to-left override", "Night buses \u202E12", /bidi control U\+202E/],
  ["a left-to-right isolate", "\u2066Night buses", /bidi control U\+2066/],
  ["zero-width characters only", "\u200B\u200C\u200D\u2060\uFEFF", /visible character/],
  ["a Hangul filler and a soft hyphen", "\u3164\u00AD", /visible character/],
  ["a lone combining mark", " \u0301 ", /visible character/],
];

/** Every route that takes a title, as (label, request) with the bad title in place. */
function titleRoutes(bad: string): Array<[string, string, string, unknown, string | undefined]> {
  const proposal = area.proposals[0];
  return [
    ["create event", "POST", "/api/events", smallEvent({ title: bad }), undefined],
    ["create event, area title", "POST", "/api/events", smallEvent({ areas: [{ title: bad, proposals: [{ title: "P" }] }] }), undefined],
    ["create event, proposal title", "POST", "/api/events", smallEvent({ areas: [{ title: "A", proposals: [{ title: bad }] }] }), undefined],
    ["patch event", "PATCH", `/api/events/${ev.code}`, { title: bad }, ev.adminToken],
    ["add area", "POST", `/api/events/${ev.code}/areas`, { title: bad }, ev.adminToken],
    ["patch area", "PATCH", `/api/events/${ev.code}/areas/${area.id}`, { title: bad }, ev.adminToken],
    ["add proposal", "POST", `/api/events/${ev.code}/areas/${area.id}/proposals`, { title: bad }, ev.adminToken],
    ["patch proposal", "PATCH", `/api/events/${ev.code}/proposals/${proposal?.id ?? ""}`, { title: bad }, ev.adminToken],
    ["replace content", "PUT", `/api/events/${ev.code}/content`, { areas: [{ title: "A", proposals: [{ title: bad }] }] }, ev.adminToken],
  ];
}

async function readEvent(): Promise<Event> {
  const res = await api(server.url, "GET", `/api/events/${ev.code}`, { token: ev.adminToken });
  expect(res.status).toBe(200);
  return (res.body as { event: Event }).event;
}

describe("text that is not text is refused", () => {
  it.each(BAD_TITLES)("a title with %s: 400 on every route, with a clear message, nothing stored", async (_name, bad, words) => {
    for (const [label, method, path, body, token] of titleRoutes(bad)) {
      const before = dumpDb(server.db);
      const res = await api(server.url, method, path, token ? { body, token } : { body });
      expectError(res, 400, "BAD_REQUEST");
      expect((res.body as { error: { message: string } }).error.message, label).toMatch(words);
      expect(dumpDb(server.db), `${label}: the refused request changed the database`).toEqual(before);
    }
  });

  it("a body may hold line breaks and tabs, but not NUL, other controls or lone surrogates", async () => {
    const proposal = area.proposals[1];
    const path = `/api/events/${ev.code}/proposals/${proposal?.id ?? ""}`;
    for (const [bad, words] of [["First\u0000", /NUL/], ["Sound \u0007 bell", /U\+0007/], ["Half \uD800 emoji", /lone surrogate/], ["\u001B]0;title\u0007", /U\+001B/]] as const) {
      const before = dumpDb(server.db);
      const res = await api(server.url, "PATCH", path, { token: ev.adminToken, body: { body: bad } });
      expectError(res, 400, "BAD_REQUEST");
      expect((res.body as { error: { message: string } }).error.message).toMatch(words);
      expect(dumpDb(server.db)).toEqual(before);
    }
    // The same NUL sent as a JSON escape by hand (not through JSON.stringify) is refused too.
    const raw = await api(server.url, "PATCH", path, { token: ev.adminToken, raw: '{"body":"a\\u0000b"}', headers: { "content-type": "application/json" } });
    expectError(raw, 400, "BAD_REQUEST");

    const body = "Two paragraphs:\n\n\tindented, then\r\nCRLF.";
    const ok = await api(server.url, "PATCH", path, { token: ev.adminToken, body: { body } });
    expect(ok.status).toBe(200);
    expect((await readEvent()).areas[0]?.proposals[1]?.body).toBe(body);
  });
});

describe("every language is kept exactly", () => {
  const GOOD = [
    "تقليل الضرر في السجون", // Arabic (right to left)
    "减少危害：社区戒毒", // Chinese
    "Families 👨‍👩‍👧 and pride 🏳️‍🌈", // emoji joined with ZWJ and variation selectors
    "Réduction des risques — Straßenarbeit, Ñandú", // accents, ß, a dash
    "עברית and English 12 votes", // Hebrew mixed with English and a number
    "क्षेत्र नीति", // Devanagari: combining marks on a base
    "Rights\u200E (LRM) and \u00A0 no-break space", // a direction mark and a no-break space are text
  ];

  it("creates, adds, patches and reads back international titles and bodies unchanged", async () => {
    const created = await api(server.url, "POST", "/api/events", {
      body: { title: GOOD[0], areas: [{ title: GOOD[1], proposals: GOOD.map((t) => ({ title: t, body: `${t}\n${t}` })) }] },
    });
    expect(created.status, created.text).toBe(201);
    const { event, adminToken } = created.body as { event: Event; adminToken: string };
    expect(event.title).toBe(GOOD[0]);
    expect(event.areas[0]?.title).toBe(GOOD[1]);
    expect(event.areas[0]?.proposals.map((p) => [p.title, p.body])).toEqual(GOOD.map((t) => [t, `${t}\n${t}`]));

    const target = event.areas[0]?.proposals[0]?.id ?? "";
    const patched = await api(server.url, "PATCH", `/api/events/${event.code}/proposals/${target}`, { token: adminToken, body: { title: GOOD[2] } });
    expect(patched.status, patched.text).toBe(200);
    const read = await api(server.url, "GET", `/api/events/${event.code}`, { token: adminToken });
    expect((read.body as { event: Event }).event.areas[0]?.proposals[0]?.title).toBe(GOOD[2]);
  });
});

describe("exports keep right-to-left text in its place", () => {
  const ARABIC = "تقليل الضرر";
  /** A title stored before these rules existed: a right-to-left override, ESC and a lone CR. */
  const LEGACY = "Night \u202Ebuses \u001B[2J\u001B]0;pwned\u0007 over\rwrite";

  async function votedEvent(): Promise<{ code: string; adminToken: string }> {
    const created = await createEvent(server.url, { title: "Bidi forum", areas: [{ title: "Health", proposals: [{ title: ARABIC }, { title: "Plain English" }, { title: "Placeholder" }] }] });
    const [health] = created.event.areas as [Area];
    const legacy = health.proposals[2]?.id ?? "";
    server.db.prepare("UPDATE proposals SET title = ? WHERE id = ?").run(LEGACY, legacy);
    await openVoting(server.url, created.code, created.adminToken);
    for (const ids of [[health.proposals[0]?.id ?? ""], [health.proposals[0]?.id ?? "", legacy], [health.proposals[1]?.id ?? ""]]) {
      const res = await vote(server.url, created.code, await join(server.url, created.code), health.id, ids);
      expect(res.status).toBe(200);
    }
    return { code: created.code, adminToken: created.adminToken };
  }

  async function download(code: string, token: string, format: string): Promise<string> {
    const res = await api(server.url, "GET", `/api/events/${code}/export?format=${format}`, { token });
    expect(res.status).toBe(200);
    return res.text;
  }

  it("isolates right-to-left titles and bidi controls in the Markdown and CSV, and leaves plain text as it was", async () => {
    const { code, adminToken } = await votedEvent();
    const md = await download(code, adminToken, "md");
    expect(md).toContain(`- **1st** (HE-1) \u2068${ARABIC}\u2069 — 2 votes`);
    expect(md).toContain(`| 1st | HE-1 | \u2068${ARABIC}\u2069 | 2 | 67% |`);
    expect(md).toContain("** (HE-2) Plain English — 1 vote"); // no isolate marks where none are needed
    // The override is closed by the isolate's end, before the count.
    const legacyLine = md.split("\n").find((l) => l.includes("Night"));
    expect(legacyLine).toMatch(/^- \*\*=2nd\*\* \(HE-3\) \u2068Night \u202Ebuses .*write\u2069 — 1 vote$/s);
    expect(md).toMatch(/^# Bidi forum — results\n/);
    const csv = await download(code, adminToken, "csv");
    expect(csv).toContain(`Health,1,\u2068${ARABIC}\u2069,2,0.6667,HE-1,\u2068${ARABIC}\u2069,approval,2\r\n`);
    expect(csv).toContain("Health,2,Plain English,1,0.3333,HE-2,Plain English,approval,1\r\n");
  });

  it("npm run export writes the exact bytes to a pipe, and no control character to a terminal", async () => {
    const { code, adminToken } = await votedEvent();
    const tsx = joinPath(process.cwd(), "node_modules", ".bin", "tsx");
    const env = { ...process.env, DATA_DIR: server.dataDir };
    const run = promisify(execFile);
    const piped = await run(tsx, ["scripts/export.ts", code, "--format", "md"], { env });
    expect(piped.stdout).toBe(await download(code, adminToken, "md"));
    expect(piped.stdout).toContain("\u001B\\[2J");
    expect(piped.stdout).toContain("over\rwrite");
    // `script` runs the command on a pseudo-terminal, as a person at a console would.
    const tty = await run("script", ["-qec", `${tsx} scripts/export.ts ${code} --format md`, "/dev/null"], { env });
    const shown = tty.stdout.replace(/\r\n/g, "\n"); // the terminal's own line ends
    expect(shown).toContain("Night");
    expect(shown).toContain(ARABIC);
    expect(shown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(shown).toContain("\\[2J\\]0;pwned overwrite"); // what was an escape is now harmless text
  });
});
