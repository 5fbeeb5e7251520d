// The printable report of the full-length forum (db/demo/brandenburg-forum-2017-full.json), in a
// real Chromium: 54 people replay the top three the forum reported; the report then carries every
// proposal's label and whole paragraph (compared with the API), its charts are the results keyed by
// label, turnout is of people, and the PDF Chromium prints has the first area on page 1 and no
// proposal split across two pages (read back with poppler's pdftotext and pdftoppm).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { api, createDemoEvent, launchBrowser, openVoting, startServer } from "./harness";
import { FORUM, voteTheForum } from "../helpers/forum";
import type { TestServer } from "../helpers/app";
import type { Event, Results } from "../../shared/schemas";
import { isTied, ordinal, topRanked } from "../../shared/ranking";

const PEOPLE = FORUM.event.participants;

let server: TestServer;
let browser: Browser;
let page: Page;
let code = "";
let adminToken = "";
let event: Event;
let results: Results;
let dir = "";

/**
 * Whitespace and ligatures as pdftotext may write them, so texts compare as the reader sees them;
 * a line broken after a word's own hyphen ("Under-Secretary-⏎General") is joined back.
 */
const norm = (s: string) => s.normalize("NFKC").replace(/(\p{L})-\n/gu, "$1-").replace(/\s+/g, " ").trim();

function needPoppler(tool: string): void {
  if (!existsSync(`/usr/bin/${tool}`)) throw new Error(`${tool} not found: apt-get install -y poppler-utils`);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  dir = mkdtempSync(joinPath(tmpdir(), "plenary-report-"));
  const created = await createDemoEvent(server.url);
  ({ code, adminToken } = created);
  await openVoting(server.url, code, adminToken);
  // Per area: the reported 1st gets 45 votes, 2nd 39, 3rd 20, and four votes go elsewhere.
  await voteTheForum(server.url, created, { top: [45, 39, 20] });
  await api(server.url, "POST", `/api/events/${code}/voting`, { token: adminToken, body: { status: "closed" } });
  event = ((await api(server.url, "GET", `/api/events/${code}`)).body as { event: Event }).event;
  results = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
  await page.goto(`${server.url}/e/${code}/report#key=${adminToken}`);
  await page.getByRole("heading", { name: "Annex: full ranking" }).waitFor();
}, 120_000);

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("states turnout as people who voted of those expected", async () => {
  expect(event.expectedParticipants).toBe(PEOPLE);
  expect(results.voters).toBe(PEOPLE);
  expect(norm((await page.locator(".report-turnout").textContent()) ?? "")).toBe(`${PEOPLE} of ${PEOPLE} expected people voted in at least one area (${PEOPLE} participants joined).`);
});

it("gives per area the 1st, 2nd and 3rd with label and full text, the forum's own three", async () => {
  for (const [a, area] of results.areas.entries()) {
    const region = page.getByRole("region", { name: area.title, exact: true });
    const shown = await region.locator(".podium li").evaluateAll((rows) =>
      rows.map((r) => [".place", ".podium-label", ".podium-title", ".podium-votes"].map((s) => r.querySelector(s)?.textContent ?? "")),
    );
    const expected = topRanked(area.results, 3).map((r) => [ordinal(r.rank ?? 0, isTied(area.results, r.rank)), r.label, r.title, `${r.votes} votes`]);
    expect(shown, area.title).toEqual(expected);
    expect(shown.map((r) => r[3])).toEqual(["45 votes", "39 votes", "20 votes"]);
    const reported = (FORUM.areas[a]?.reportedTop3 ?? []).map((i) => event.areas[a]?.proposals[i]?.title);
    expect(shown.map((r) => r[2])).toEqual(reported);
  }
});

it("carries every proposal's label and whole paragraph in the annex, cut nowhere", async () => {
  const proposals = event.areas.flatMap((a) => a.proposals);
  expect(proposals).toHaveLength(40);
  expect(Math.max(...proposals.map((p) => p.title.length))).toBeGreaterThan(300);
  const annex = new Map(
    (await page.locator(".report-annex tbody tr").evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute("data-proposal-id") ?? "", r.querySelector(".annex-label")?.textContent ?? "", r.querySelector(".proposal-text")?.textContent ?? ""] as const),
    )).map(([id, label, text]) => [id, { label, text }]),
  );
  expect(annex.size).toBe(proposals.length);
  for (const p of proposals) expect(annex.get(p.id), p.label).toEqual({ label: p.label, text: p.title + p.body });
  expect(await page.locator("main").textContent()).not.toContain("…");
});

it("draws one chart per area: the results' bars, keyed by label", async () => {
  expect(await page.locator(".report-area svg").count()).toBe(results.areas.length);
  for (const area of results.areas) {
    const svg = page.getByRole("region", { name: area.title, exact: true }).locator("svg");
    const rows = await svg.locator(".report-chart-row").evaluateAll((groups) =>
      groups.map((g) => ({
        id: g.getAttribute("data-proposal-id") ?? "",
        place: g.querySelector(".report-chart-place")?.textContent ?? "",
        label: g.querySelector(".report-chart-label")?.textContent ?? "",
        count: g.querySelector(".report-chart-count")?.textContent ?? "",
        bar: g.querySelector<SVGRectElement>(".report-chart-bar")?.width.baseVal.value ?? -1,
        labelRight: (g.querySelector<SVGTextElement>(".report-chart-label")?.getBBox().x ?? 0) + (g.querySelector<SVGTextElement>(".report-chart-label")?.getComputedTextLength() ?? 0),
        barX: g.querySelector<SVGRectElement>(".report-chart-bar")?.x.baseVal.value ?? 0,
      })),
    );
    expect(rows.map((r) => [r.id, r.label, r.count, r.place])).toEqual(area.results.map((r) => [r.proposalId, r.label, String(r.votes), ordinal(r.rank ?? 0, isTied(area.results, r.rank))]));
    const max = Math.max(...rows.map((r) => r.bar));
    area.results.forEach((r, i) => expect(rows[i]?.bar ?? 0).toBeCloseTo(((r.votes ?? 0) / 45) * max, 3));
    for (const r of rows) expect(r.labelRight, r.label).toBeLessThan(r.barX);
    // The accessible name names the top three with their labels and full texts.
    const name = (await svg.getAttribute("aria-label")) ?? "";
    for (const r of topRanked(area.results, 3)) expect(name).toContain(`${r.label} ${r.title}, ${r.votes} votes`);
  }
});

it("prints to an A4 PDF whose first page holds the first area, with no proposal split across pages", async () => {
  needPoppler("pdftotext");
  needPoppler("pdftoppm");
  const pdf = joinPath(dir, "report.pdf");
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" }).split("\f").map(norm).filter(Boolean);
  expect(pages.length).toBeGreaterThanOrEqual(4);

  const first = results.areas[0];
  const firstTop = first ? topRanked(first.results, 1)[0] : undefined;
  if (!first || !firstTop) throw new Error("no first area");
  expect(pages[0]).toContain(norm(first.title));
  expect(pages[0]).toContain(norm(`1st ${firstTop.label} ${firstTop.title}`));

  // A proposal split across a page break is whole on neither page: count whole copies per page
  // against the copies in the document read as one text (each is in the annex, the top three also
  // on the podium).
  const all = pages.join(" ");
  const count = (hay: string, needle: string) => hay.split(needle).length - 1;
  for (const p of event.areas.flatMap((a) => a.proposals)) {
    const text = norm(p.title);
    const perPage = pages.reduce((n, pg) => n + count(pg, text), 0);
    expect(count(all, text), p.label).toBeGreaterThanOrEqual(1);
    expect(perPage, `${p.label} split across pages`).toBe(count(all, text));
  }

  // Ink reaches well down every page before the annex (text ends near 95% of a full page, margins
  // included), but the last page before the annex, which starts on a page of its own: no page is a
  // few lines above white space, as when a whole area was kept together and pushed to the next page.
  const annexPage = pages.findIndex((pg) => pg.includes("Annex: full ranking"));
  expect(annexPage).toBeGreaterThan(1);
  execFileSync("pdftoppm", ["-f", "1", "-l", String(annexPage - 1), "-r", "30", "-gray", pdf, joinPath(dir, "p")]);
  const images = readdirSync(dir).filter((f) => f.endsWith(".pgm")).sort((a, b) => pageNo(a) - pageNo(b));
  expect(images).toHaveLength(annexPage - 1);
  const reach = images.map((f) => inkReach(readFileSync(joinPath(dir, f))));
  for (const [i, r] of reach.entries()) expect(r, `page ${i + 1} ends at ${Math.round(r * 100)}% of its height`).toBeGreaterThan(0.65);
});

const pageNo = (file: string) => Number(/-(\d+)\.pgm$/.exec(file)?.[1] ?? 0);

/** How far down a greyscale page image (binary PGM) its lowest dark pixel is, as a share of its height. */
function inkReach(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("not a PGM");
  const [w, h, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  let last = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((pgm[offset + y * w + x] ?? 255) < 128) last = y;
  return last / h;
}
