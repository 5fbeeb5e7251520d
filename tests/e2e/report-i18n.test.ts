// The printable report in the event's language (issue 12), in a real Chromium whose browser is
// English: the full-length forum (language "fr"), 54 people replaying each area's reported top three,
// then the report page reads as French — "1er", French headings, French dates — with no English word
// of Plenary's own left once the organiser's content (proposal texts, area and event titles, labels,
// the code) is taken out. The same event switched to Arabic: <html dir="rtl">, no Latin letter outside
// that isolated content, the podium and chart mirrored, nothing wider than the page.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Results } from "../../shared/schemas";
import en_common from "../../shared/i18n/catalogs/en/common";
import en_organiser from "../../shared/i18n/catalogs/en/organiser";
import en_report from "../../shared/i18n/catalogs/en/report";
import fr_common from "../../shared/i18n/catalogs/fr/common";
import fr_organiser from "../../shared/i18n/catalogs/fr/organiser";
import fr_report from "../../shared/i18n/catalogs/fr/report";
import { api, createDemoEvent, launchBrowser, openVoting, startServer } from "./harness";
import { FORUM, voteTheForum } from "../helpers/forum";
import type { TestServer } from "../helpers/app";

const PEOPLE = FORUM.event.participants;

let server: TestServer;
let browser: Browser;
let page: Page;
let code = "";
let adminToken = "";
let results: Results;
let dir = "";

/** The words of catalog sentences, ICU syntax (argument names, plural keywords) taken out. */
function catalogWords(...catalogs: Array<Readonly<Record<string, string>>>): Set<string> {
  const words = new Set<string>();
  for (const c of catalogs) {
    for (const source of Object.values(c)) {
      const text = source.replace(/\{\s*\w+\s*,\s*(plural|selectordinal|select)\s*,/g, " ").replace(/(=\d+|\b(zero|one|two|few|many|other)\b)\s*\{/g, " ").replace(/\{\w+\}/g, " ");
      for (const w of text.match(/\p{L}+/gu) ?? []) words.add(w.toLowerCase());
    }
  }
  return words;
}

/** The page's visible text with the organiser's content and the server's values (all isolated) taken out. */
async function plenaryText(p: Page, opts: { printedOnly?: boolean } = {}): Promise<string> {
  return p.evaluate((printedOnly) => {
    const main = document.querySelector("main")?.cloneNode(true) as HTMLElement | undefined;
    if (!main) return "";
    const drop = ["bdi", ".proposal-text", ".report-chart-label", "svg title", ...(printedOnly ? [".no-print"] : [])];
    Array.from(main.querySelectorAll(drop.join(","))).forEach((el) => el.remove());
    // Text nodes, not innerText: the clone is not laid out; svg <text> (places, counts) stays in.
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? "");
    return parts.join(" ");
  }, opts.printedOnly ?? false);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(["--lang=en-US"]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  dir = mkdtempSync(joinPath(tmpdir(), "plenary-report-i18n-"));
  const created = await createDemoEvent(server.url, { language: "fr" });
  ({ code, adminToken } = created);
  expect(created.event.language).toBe("fr");
  await openVoting(server.url, code, adminToken);
  // As in tests/integration/real-forum.test.ts: the reported top three come out 1st, 2nd, 3rd.
  await voteTheForum(server.url, created, { top: [30, 24, 18] });
  await api(server.url, "POST", `/api/events/${code}/voting`, { token: adminToken, body: { status: "closed" } });
  results = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
}, 120_000);

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("reads as French in an English browser: places, headings, plurals, turnout, dates", async () => {
  await page.goto(`${server.url}/e/${code}/report#key=${adminToken}`);
  await page.locator("#annex-h", { hasText: "Annexe" }).waitFor();
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["fr", "ltr"]);
  expect(await page.title()).toMatch(/ — résultats$/);
  expect(await page.locator("h2#rules-h").textContent()).toBe("Déroulement du vote");
  expect(await page.locator("h2#turnout-h").textContent()).toBe("Participation");
  expect(await page.locator("#annex-h").textContent()).toBe("Annexe\u00A0: classement complet");
  expect(await page.locator(".report-turnout").textContent()).toBe(`${PEOPLE} personnes sur ${PEOPLE} attendues ont voté dans au moins un domaine (${PEOPLE} participants ont rejoint l’événement).`);
  for (const area of results.areas) {
    const region = page.getByRole("region", { name: area.title, exact: true });
    expect(await region.locator(".podium .place").allTextContents(), area.title).toEqual(["1er", "2e", "3e"]);
    expect(await region.locator(".podium-votes").allTextContents()).toEqual(["30 voix", "24 voix", "18 voix"]);
    expect(await region.locator(".report-meta").textContent()).toMatch(new RegExp(`^${PEOPLE} votants · jusqu’à 2 voix chacun · ouvert le .+ · clos le .+$`));
    expect(await region.locator(".report-chart-place").first().textContent()).toBe("1er");
    expect(await region.locator("svg").getAttribute("aria-label")).toMatch(/^Voix dans «\u00A0.+\u00A0»\. 1er /);
  }
  // Dates through Intl in French: a French month name, "à" before the time.
  const sub = (await page.locator(".report-sub").textContent()) ?? "";
  expect(sub).toMatch(/^Résultats du vote de priorisation · événement [A-Z0-9-]+ · rapport établi le \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4} à \d{2}:\d{2}$/);
  // Shares as French writes them: "56 %" (a no-break space before the sign).
  expect(await page.locator(".report-annex tbody tr td:nth-child(5)").first().textContent()).toMatch(/^\d+[\u00A0\u202F]%$/);
  expect(await page.locator(".report-annex thead th").first().textContent()).toBe("Rang");
});

it("has no English word of Plenary's own once the organiser's content is taken out", async () => {
  const text = await plenaryText(page);
  const seen = new Set((text.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase()));
  // Words only English uses: every word of the English catalogs that no French sentence has too ("PDF", "Chatham" are both).
  const french = catalogWords(fr_common, fr_report, fr_organiser);
  const englishOnly = [...catalogWords(en_common, en_report, en_organiser)].filter((w) => !french.has(w));
  expect(englishOnly.length).toBeGreaterThan(100);
  expect(englishOnly.filter((w) => seen.has(w))).toEqual([]);
  // And the other way round: every word left is a French catalog word or a French date word from Intl.
  const months = Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat("fr", { month: "long" }).format(new Date(2017, m, 1)));
  const known = new Set([...french, ...months, "à", "er", "e"]);
  expect([...seen].filter((w) => !known.has(w))).toEqual([]);
});

it("prints as French: the PDF's first page holds the first area with its 1er (looked at: see SHOT_DIR)", async () => {
  for (const tool of ["pdftotext", "pdftoppm"]) if (!existsSync(`/usr/bin/${tool}`)) throw new Error(`${tool} not found: apt-get install -y poppler-utils`);
  const pdf = joinPath(dir, "rapport.pdf");
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-raw", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(first).toContain("Déroulement du vote");
  expect(first).toContain("1er");
  expect(first).not.toMatch(/\b(Turnout|votes|Annex|Rank)\b/);
  if (process.env.SHOT_DIR) execFileSync("pdftoppm", ["-f", "1", "-l", "2", "-r", "70", "-png", pdf, joinPath(process.env.SHOT_DIR, "report-fr")]);
});

it("in Arabic: <html dir=rtl>, no Latin letter outside the isolated content, mirrored podium and chart", async () => {
  const patched = await api(server.url, "PATCH", `/api/events/${code}`, { token: adminToken, body: { language: "ar" } });
  expect(patched.status, patched.text).toBe(200);
  await page.goto("about:blank"); // the same URL again would only be a hash change, not a new load
  await page.goto(`${server.url}/e/${code}/report#key=${adminToken}`);
  await page.locator("#annex-h", { hasText: "ملحق" }).waitFor();
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
  // The printed report: the screen-only print button says "PDF", a format's own name.
  const latin = (await plenaryText(page, { printedOnly: true })).match(/[A-Za-z]+/g) ?? [];
  expect(latin).toEqual([]);
  const first = results.areas[0];
  if (!first) throw new Error("no area");
  const region = page.getByRole("region", { name: first.title, exact: true });
  expect(await region.locator(".podium .place").allTextContents()).toEqual(["الأول", "الثاني", "الثالث"]);
  expect(await region.locator(".podium-votes").first().textContent()).toBe("30 صوتًا");
  // Right to left: the place stands right of the label; in the chart the bar grows leftwards from the places.
  const row = region.locator(".podium li").first();
  const placeBox = await row.locator(".place").boundingBox();
  const labelBox = await row.locator(".podium-label").boundingBox();
  expect((placeBox?.x ?? 0) > (labelBox?.x ?? 0)).toBe(true);
  const chart = await region.locator(".report-chart-row").first().evaluate((g) => {
    const box = (sel: string) => {
      const b = g.querySelector<SVGGraphicsElement>(sel)?.getBBox();
      return b ? { x: b.x, right: b.x + b.width } : { x: 0, right: 0 };
    };
    return { place: box(".report-chart-place"), label: box(".report-chart-label"), bar: box(".report-chart-bar") };
  });
  expect(chart.place.x, "place right of label").toBeGreaterThan(chart.label.right);
  expect(chart.label.x, "label right of bar").toBeGreaterThan(chart.bar.right);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  if (process.env.SHOT_DIR) await page.screenshot({ path: joinPath(process.env.SHOT_DIR, "report-ar.png") });
});
