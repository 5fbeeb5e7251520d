// WCAG 1.4.12 Text spacing, measured in a real Chromium on the full-length forum: the criterion's
// own overrides (line height 1.5, paragraph spacing 2em, letter spacing 0.12em, word spacing
// 0.16em, each with !important, as the W3C's test bookmarklet sets them) injected before the page
// starts, on the phone (360×740 and 320 px), the projector's join, bars, winners, reading and
// summary slides (1920×1080), the organiser page and the report (1280×900), in English and Arabic.
// What "no loss of content" is measured as:
// - the phone never scrolls sideways (scrollWidth ≤ clientWidth of the page);
// - no text is cut: no element that clips (overflow hidden or clip) holds more than it shows,
//   scrollWidth/scrollHeight against clientWidth/clientHeight, except where it clips in the same
//   way without the overrides (a deliberate truncation, listed separately and checked by hand);
// - nothing overlaps: no box that lets its text spill (overflow visible) has more content than
//   height where it had none without the overrides (a fixed height the spacing overflowed).
// - on the projector, nothing leaves the stage (the 16:9 box): every text's box inside it.
// A11Y_SHOTS=dir keeps the screenshots (360×740, 1920×1080) that were looked at.
import { mkdirSync } from "node:fs";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PHONE, createDemoEvent, join, launchBrowser, startServer, vote } from "./harness";
import { setVoting } from "./participant-helpers";
import type { CreatedTestEvent, TestServer } from "../helpers/app";

const SHOTS = process.env.A11Y_SHOTS;
let server: TestServer;
let browser: Browser;
let voted: CreatedTestEvent;
const contexts: BrowserContext[] = [];

/** The criterion's values, as the W3C's text-spacing bookmarklet applies them. */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  voted = await createDemoEvent(server.url);
  await setVoting(server.url, voted.code, voted.adminToken, "open");
  for (let k = 0; k < 12; k++) {
    const token = await join(server.url, voted.code);
    for (const a of voted.event.areas) {
      const res = await vote(server.url, voted.code, token, a.id, [a.proposals[k % 3]!.id, a.proposals[3 + (k % (a.proposals.length - 3))]!.id]);
      expect(res.status).toBe(200);
    }
  }
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

type Options = Parameters<Browser["newContext"]>[0];

/** A page with the overrides (or without, for the baseline) in place before its first render. */
async function open(url: string, options: Options, spaced: boolean, ready: string): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  if (spaced) {
    await context.addInitScript((css: string) => {
      // As a user style sheet would be: in place as soon as <head> exists, before the app's scripts run.
      const add = () => {
        const style = document.createElement("style");
        style.dataset.textSpacing = "";
        style.textContent = css;
        document.head.append(style);
      };
      if (document.head) add();
      else {
        const watch = new MutationObserver(() => {
          if (!document.head) return;
          watch.disconnect();
          add();
        });
        watch.observe(document, { childList: true, subtree: true });
      }
    }, SPACING);
  }
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  // Bars glide in (0.7 s); text that fits itself to the slide measures once the fonts are in.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(1000);
  return page;
}

interface Measured {
  scrollWidth: number;
  clientWidth: number;
  /** Elements that clip and hold more than they show: "selector path → overflow px". */
  clipped: Record<string, string>;
  /** Elements that let their text spill out of their own box. */
  spilled: Record<string, string>;
  /** Texts whose box reaches out of the projector's stage: "selector path → how far". */
  offStage: Record<string, string>;
  applied: boolean;
}

function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const path = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const node: Element = e;
        const cls = Array.from(node.classList).filter((c) => !/^P\d/.test(c)).slice(0, 2).join(".");
        const same = node.parentElement ? Array.from(node.parentElement.children).filter((c) => c.tagName === node.tagName && c.className === node.className) : [];
        parts.unshift(`${node.tagName.toLowerCase()}${cls ? `.${cls}` : ""}${same.length > 1 ? `:${same.indexOf(node)}` : ""}`);
      }
      return parts.join(">");
    };
    const hiddenForSight = (el: HTMLElement) => el.closest(".visually-hidden, [aria-hidden=true] .visually-hidden") !== null || el.clientWidth <= 2 || el.clientHeight <= 2;
    const clipped: Record<string, string> = {};
    const spilled: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      if (!(el.textContent ?? "").trim() || hiddenForSight(el)) continue;
      const s = getComputedStyle(el);
      if (s.display === "inline" || s.display === "contents" || s.position === "fixed") continue;
      const dx = el.scrollWidth - el.clientWidth;
      const dy = el.scrollHeight - el.clientHeight;
      if (dx <= 1 && dy <= 1) continue;
      const clips = (v: string) => v === "hidden" || v === "clip";
      const scrolls = (v: string) => v === "auto" || v === "scroll";
      const what = `${dx > 1 ? `${dx}px wide` : ""}${dx > 1 && dy > 1 ? ", " : ""}${dy > 1 ? `${dy}px tall` : ""} “${(el.textContent ?? "").trim().slice(0, 40)}”`;
      if (clips(s.overflowX) || clips(s.overflowY)) clipped[path(el)] = what;
      else if (!scrolls(s.overflowX) && !scrolls(s.overflowY) && el !== document.documentElement) spilled[path(el)] = what;
    }
    const offStage: Record<string, string> = {};
    const stage = document.querySelector(".stage")?.getBoundingClientRect();
    if (stage) {
      // Inside a box that clips, a text is cut rather than off the stage: `clipped` has it.
      const insideClip = (el: HTMLElement) => {
        for (let e = el.parentElement; e && !e.classList.contains("stage"); e = e.parentElement) {
          const s = getComputedStyle(e);
          if (["hidden", "clip"].includes(s.overflowX) || ["hidden", "clip"].includes(s.overflowY)) return true;
        }
        return false;
      };
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(".stage *"))) {
        if (!(el.textContent ?? "").trim() || hiddenForSight(el) || el.closest(".key-help") || insideClip(el)) continue;
        const box = el.getBoundingClientRect();
        const out = Math.max(stage.top - box.top, box.bottom - stage.bottom, stage.left - box.left, box.right - stage.right);
        if (out > 1) offStage[path(el)] = `${Math.round(out)}px out “${(el.textContent ?? "").trim().slice(0, 40)}”`;
      }
    }
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, clipped, spilled, offStage, applied: getComputedStyle(document.body).letterSpacing !== "normal" };
  });
}

/** What the overrides cut or spilled that was whole without them. */
function newlyLost(base: Record<string, string>, spaced: Record<string, string>): string[] {
  return Object.entries(spaced).filter(([k]) => !(k in base)).map(([k, v]) => `${k}: ${v}`);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: joinPath(SHOTS, `${name}.png`) });
}

interface Scene {
  name: string;
  url: (lang: string) => string;
  options: Options;
  ready: string;
  /** The phone: no sideways scrolling at all. */
  phone?: boolean;
}

const q = (lang: string) => (lang === "en" ? "" : `?lang=${lang}`);
const screen = (view: string) => (l: string) => `${server.url}/e/${voted.code}/screen${q(l)}#key=${voted.screenKey}&view=${view}`;
const BEAMER = { viewport: { width: 1920, height: 1080 } };
const SCENES: Scene[] = [
  { name: "phone 360×740", url: (l) => `${server.url}/e/${voted.code}${q(l)}`, options: { ...PHONE, viewport: { width: 360, height: 740 } }, ready: ".proposal-title >> nth=39", phone: true },
  { name: "phone 320 px", url: (l) => `${server.url}/e/${voted.code}${q(l)}`, options: { ...PHONE, viewport: { width: 320, height: 640 } }, ready: ".proposal-title >> nth=39", phone: true },
  { name: "projector join", url: screen("join"), options: BEAMER, ready: ".join-turnout:not(:empty)" },
  { name: "projector bars", url: (l) => screen(`area-${voted.event.areas[0]!.id}`)(l), options: BEAMER, ready: ".bar-row" },
  { name: "projector winners", url: (l) => screen(`winners-${voted.event.areas[0]!.id}`)(l), options: BEAMER, ready: "[data-testid=winner]" },
  { name: "projector reading", url: (l) => screen(`reading-${voted.event.areas[0]!.id}`)(l), options: BEAMER, ready: "[data-testid=reading-item]" },
  { name: "projector summary", url: screen("summary"), options: BEAMER, ready: "[data-testid=summary-row]" },
  { name: "organiser", url: (l) => `${server.url}/e/${voted.code}/admin${q(l)}#key=${voted.adminToken}&screen=${voted.screenKey}`, options: { viewport: { width: 1280, height: 900 } }, ready: "#live table" },
  { name: "report", url: (l) => `${server.url}/e/${voted.code}/report${q(l)}#key=${voted.adminToken}`, options: { viewport: { width: 1280, height: 900 } }, ready: ".report-area" },
];

describe("WCAG 1.4.12: the text-spacing overrides lose no content", () => {
  for (const scene of SCENES) {
    for (const lang of ["en", "ar"] as const) {
      it(`${scene.name} (${lang})`, async () => {
        const base = await measure(await open(scene.url(lang), scene.options, false, scene.ready));
        const page = await open(scene.url(lang), scene.options, true, scene.ready);
        const spaced = await measure(page);
        await shot(page, `spacing-${scene.name.replace(/\W+/g, "-")}-${lang}`);
        expect(spaced.applied, "the overrides are in place").toBe(true);
        expect(base.applied).toBe(false);
        if (scene.phone) expect(spaced.scrollWidth, "sideways scrolling on the phone").toBeLessThanOrEqual(spaced.clientWidth);
        expect(newlyLost(base.clipped, spaced.clipped), "text cut by the spacing").toEqual([]);
        expect(newlyLost(base.spilled, spaced.spilled), "text spilling out of its box").toEqual([]);
        expect(base.offStage, "text off the stage without the overrides").toEqual({});
        expect(spaced.offStage, "text off the stage").toEqual({});
        // Deliberate truncations (the same without the overrides) are listed for the hand review.
        if (Object.keys(base.clipped).length > 0) console.log(`${scene.name} (${lang}) clips without the overrides too:`, base.clipped);
      });
    }
  }
});
