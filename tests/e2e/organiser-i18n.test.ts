// The organiser page in the organiser's language (issue 12), in a real Chromium whose browser is
// English: the full-length forum, one area open with votes and results on reveal, opened with
// ?lang=fr and ?lang=ar at 360×740 and 1280×720. The main sections are walked (live controls with the
// hidden counts, the programme editor opened, an import whose preview has a problem, exports,
// settings), then: French has no sentence of the English organiser catalog left and no word outside
// the French catalogs once the organiser's content (isolated in <bdi>) is taken out; Arabic is
// right-to-left, mirrored where a reader expects it, wider than nothing, and its only Latin words
// are those its own catalog writes (CSV, PDF, column names). Screenshots go to SHOT_DIR when set.
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Catalog } from "../../shared/i18n/catalog";
import ar_organiser from "../../shared/i18n/catalogs/ar/organiser";
import en_organiser from "../../shared/i18n/catalogs/en/organiser";
import fr_clock from "../../shared/i18n/catalogs/fr/clock";
import fr_common from "../../shared/i18n/catalogs/fr/common";
import fr_feedback from "../../shared/i18n/catalogs/fr/feedback";
import fr_organiser from "../../shared/i18n/catalogs/fr/organiser";
import fr_rules from "../../shared/i18n/catalogs/fr/rules";
import fr_drafting from "../../shared/i18n/catalogs/fr/drafting";
import { parseMessage } from "../../shared/i18n/message";
import type { TestServer } from "../helpers/app";
import { createDemoEvent, join, launchBrowser, openVoting, startServer, vote } from "./harness";

const SIZES = [
  { width: 360, height: 740 },
  { width: 1280, height: 720 },
] as const;

let server: TestServer;
let browser: Browser;
let code = "";
let adminToken = "";
let screenKey = "";

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(["--lang=en-US"]);
  const created = await createDemoEvent(server.url, { resultsVisibility: "on-reveal", expectedParticipants: 54 });
  ({ code, adminToken, screenKey } = created);
  const first = created.event.areas[0];
  if (!first) throw new Error("the forum has no area");
  // One area open with a few votes: turnout, hidden counts with places, the other areas still drafts.
  await openVoting(server.url, code, adminToken, [first.id]);
  const [a, b, c] = first.proposals.map((p) => p.id);
  for (let person = 0; person < 12; person++) {
    const token = await join(server.url, code);
    // 8, 7 and 5 votes: three places, no tie.
    const res = await vote(server.url, code, token, first.id, person < 8 ? [a ?? "", (person < 5 ? b : c) ?? ""] : [c ?? ""]);
    if (res.status !== 200) throw new Error(`vote: ${res.status} ${res.text}`);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text parts of a message (ICU arguments and plural syntax taken out), options included. */
function fragments(source: string): string[] {
  const out: string[] = [];
  const walk = (parts: ReturnType<typeof parseMessage>) => {
    for (const p of parts) {
      if (typeof p === "string") out.push(p);
      else if ("options" in p) for (const o of Object.values(p.options)) walk(o);
    }
  };
  walk(parseMessage(source));
  return out;
}

/** Words (lower case) of catalogs' sentences. */
function catalogWords(...catalogs: Catalog[]): Set<string> {
  const words = new Set<string>();
  for (const c of catalogs) for (const source of Object.values(c)) for (const f of fragments(source)) for (const w of f.match(/\p{L}+/gu) ?? []) words.add(w.toLowerCase());
  return words;
}

const wordBounded = (fragment: string) => new RegExp(`(?<!\\p{L})${fragment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\p{L})`, "u");

/**
 * The visible words of the organiser page that are Plenary's own: the organiser's content (titles,
 * labels, the code: all in <bdi>) and the language switcher's names are taken out, and so are the
 * sections other catalogs word (ballot cards, paper ballots: `cards`; the event's settings fields,
 * shared with the start page: `home`), which their own tests check.
 */
async function plenaryText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of Array.from(body.querySelectorAll("bdi, .language-switcher select, #cards, #paper, .settings-fields, script, style"))) el.remove();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? "");
    // Values inside plain-text sentences are isolated with U+2068 … U+2069 (admin/isolate.ts).
    return parts.join("\n").replace(/\u2068[^\u2069]*\u2069/g, " ");
  });
}

/** Opens the page in one language and size, and walks its main sections as an organiser would. */
async function walk(lang: "fr" | "ar", size: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${server.url}/e/${code}/admin?lang=${lang}#key=${adminToken}&screen=${screenKey}`);
  await page.locator("#live-heading").waitFor();
  // Live controls: the counts only the facilitator sees.
  await page.locator(".hidden-counts > button").click();
  await page.locator(".hidden-rows li").first().waitFor();
  // Programme: one area's proposals and one proposal opened for editing.
  await page.locator(".area-proposals > summary").first().click();
  await page.locator(".proposal-details > summary").first().click();
  // Import: the format help, and a paste with a problem on line 3.
  await page.locator(".format-help > summary").click();
  await page.locator("#import-text").fill("# Santé\n- Un\nTexte égaré\n");
  await page.locator(".import-errors li").first().waitFor();
  await page.locator("#exports").scrollIntoViewIfNeeded();
  await page.locator("#settings").scrollIntoViewIfNeeded();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.SHOT_DIR) return;
  await page.locator("#live").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: joinPath(process.env.SHOT_DIR, `${name}-top.png`) });
  await page.locator("#import").scrollIntoViewIfNeeded();
  await page.screenshot({ path: joinPath(process.env.SHOT_DIR, `${name}-import.png`) });
  await page.screenshot({ path: joinPath(process.env.SHOT_DIR, `${name}-full.png`), fullPage: true });
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe("in French", () => {
  for (const size of SIZES) {
    it(`reads as French at ${size.width}×${size.height}: no sentence of the English catalog, no word outside the French ones`, async () => {
      const page = await walk("fr", size);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["fr", "ltr"]);
      expect(await page.locator("#live-heading").textContent()).toBe("Conduire le vote");
      expect(await page.locator(".import-errors li").first().textContent()).toBe(
        "Ligne 3 Mettez le texte de contexte en retrait de deux espaces sous sa proposition, ou commencez une nouvelle proposition par «\u00A0- \u00A0».",
      );
      expect(await page.locator(".import-count").textContent()).toBe("Lu comme plan Markdown\u00A0: 1 domaine, 1 proposition, 1 problème à corriger d’abord.");
      expect(await page.locator(".hidden-rows .place").first().textContent()).toBe("1er");
      expect(await page.locator(".turnout-total strong").textContent()).toBe("12 sur 54 personnes attendues ont voté");

      const text = await plenaryText(page);
      // Every English sentence part (a plural's forms included) that French does not write too.
      const french = Object.values(fr_organiser).join("\n");
      const english = [...new Set(Object.values(en_organiser).flatMap(fragments).map((f) => f.trim()))]
        .filter((f) => (f.match(/\p{L}/gu) ?? []).length >= 3 && !wordBounded(f).test(french));
      expect(english.length).toBeGreaterThan(250);
      expect(english.filter((f) => wordBounded(f).test(text))).toEqual([]);
      // And the other way round: each word left is a word of the French catalogs the page loads.
      // The clock controls, the evaluation editor and the editor links are sections of the page with their own catalogs.
      const known = new Set([...catalogWords(fr_organiser, fr_common, fr_rules, fr_clock, fr_feedback, fr_drafting), "json"]);
      expect([...new Set((text.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase()))].filter((w) => !known.has(w))).toEqual([]);
      expect(await noOverflow(page)).toBe(true);
      if (size.width === 1280) await shot(page, "organiser-fr");
      await page.context().close();
    }, 60_000);
  }
});

describe("in Arabic", () => {
  for (const size of SIZES) {
    it(`is right to left at ${size.width}×${size.height}, mirrored, and its Latin words are its catalog's own`, async () => {
      const page = await walk("ar", size);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
      expect(await page.locator("#live-heading").textContent()).toBe(ar_organiser.adminNavLive);
      expect(await noOverflow(page)).toBe(true);

      const latin = new Set(((await plenaryText(page)).match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()));
      // The export formats are named as they are everywhere (a parameter, not a catalog word).
      const own = new Set([...(Object.values(ar_organiser).join(" ").match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()), "csv", "json", "markdown"]);
      expect([...latin].filter((w) => !own.has(w)).join(" ")).toBe("");

      // The problems' bar stands on the reading side (the right), the list indented from it.
      const bar = await page.locator(".import-errors").evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.borderRightWidth, s.borderLeftWidth, Number.parseFloat(s.paddingRight) > Number.parseFloat(s.paddingLeft)];
      });
      expect(bar).toEqual(["4px", "0px", true]);
      // The first section link is the rightmost; the counter of a proposal text sits at the end (left).
      const navX = await page.locator(".admin-nav li").evaluateAll((lis) => lis.slice(0, 2).map((li) => li.getBoundingClientRect().x));
      expect((navX[0] ?? 0) > (navX[1] ?? 0)).toBe(true);
      if (size.width === 1280) {
        // In the area table the area's name comes first, on the right, then its status and turnout.
        const row = page.locator(".area-table tbody tr").first();
        const th = await row.locator("th").boundingBox();
        const status = await row.locator("td").first().boundingBox();
        expect((th?.x ?? 0) > (status?.x ?? 0)).toBe(true);
        await shot(page, "organiser-ar");
      }
      await page.context().close();
    }, 60_000);
  }
});

it("stays English for an English browser", async () => {
  const context = await browser.newContext({ viewport: SIZES[1], locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${server.url}/e/${code}/admin#key=${adminToken}&screen=${screenKey}`);
  await page.getByRole("heading", { name: "Run the vote" }).waitFor();
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["en", "ltr"]);
  expect(await page.locator(".turnout-total strong").textContent()).toBe("12 of 54 expected have voted");
  await context.close();
});
