// Reflow, text size, motion, high contrast and contrast, measured in a real Chromium on the
// full-length forum (WCAG 1.4.3, 1.4.4, 1.4.10, 1.4.11, 2.3.3, 2.5.8):
// - the phone at 320 CSS px (1280 at 400% zoom) and at 200% text (the browser's default font size
//   doubled through CDP, as a phone's text-size setting does), in English and Arabic: no sideways
//   scrolling, every proposal card inside the screen, every tap target at least 44×44 px;
// - prefers-reduced-motion stops the bars' glide and the status pulse on the projector;
// - forced colours (Windows high contrast) keep the bars (as outlines), the top ranks, the chosen
//   proposals and the focus ring visible;
// - the projector's dark stage: every bar's text against the bar drawn behind it, at least 4.5:1.
// Set A11Y_SHOTS=dir to keep the screenshots looked at for docs/ACCESSIBILITY.md.
import { mkdirSync } from "node:fs";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PHONE, PROJECTOR, api, createDemoEvent, join, launchBrowser, startServer, vote } from "./harness";
import { area, setVoting, waitSaved, waitSaveState } from "./participant-helpers";
import { DOTS, methodsForum } from "./methods-helpers";
import type { CreatedTestEvent, TestServer } from "../helpers/app";

const SHOTS = process.env.A11Y_SHOTS;
let server: TestServer;
let browser: Browser;
let voted: CreatedTestEvent;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  voted = await createDemoEvent(server.url);
  await setVoting(server.url, voted.code, voted.adminToken, "open");
  for (let k = 0; k < 12; k++) {
    const token = await join(server.url, voted.code);
    const a = voted.event.areas[0]!;
    const res = await vote(server.url, voted.code, token, a.id, [a.proposals[k % 3]!.id, a.proposals[3 + (k % (a.proposals.length - 3))]!.id]);
    expect(res.status).toBe(200);
  }
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: joinPath(SHOTS, `${name}.png`), fullPage });
}

/** A phone with the browser's default font size set to `fontPx` (16 is 100%, 32 is 200%). */
async function phone(url: string, viewport: { width: number; height: number }, fontPx: number): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, viewport });
  contexts.push(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // The user's text-size preference, not a zoom: only what is sized in rem or em follows it.
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: fontPx, fixed: Math.round((fontPx * 13) / 16) } });
  await page.goto(url);
  await page.locator(".proposal-title").nth(39).waitFor();
  return page;
}

interface Reflow {
  bodyFont: number;
  scrollWidth: number;
  innerWidth: number;
  outside: string[];
  small: string[];
  cards: number;
}

/** Everything that leaves the screen sideways, and every tap target under 44×44 px. */
function measure(page: Page): Promise<Reflow> {
  return page.evaluate(() => {
    const W = window.innerWidth;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${el.className || ""} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    const outside: string[] = [];
    const cards = Array.from(document.querySelectorAll(".proposal, .ended-row, .area-head, .pp-jump a, .pp-connection, .dot-stepper, .rank-item"));
    for (const el of cards) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > W + 0.5) outside.push(`${describe(el)} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    // A checkbox's target is its whole label (the card's text): tapping it ticks the box.
    const targets = Array.from(document.querySelectorAll<HTMLElement>("a[href], button, select, summary, input:not([type=checkbox]), .proposal-choice"));
    const small: string[] = [];
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < 44 || r.height < 44) small.push(`${describe(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return {
      bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: W,
      outside,
      small,
      cards: cards.length,
    };
  });
}

const SIZES = [
  { name: "320 px", viewport: { width: 320, height: 640 }, font: 16 },
  { name: "200% text", viewport: { width: 360, height: 640 }, font: 32 },
  { name: "320 px at 200% text", viewport: { width: 320, height: 640 }, font: 32 },
] as const;

describe("the phone reflows at 320 px and at 200% text", () => {
  for (const size of SIZES) {
    for (const lang of ["en", "ar"] as const) {
      it(`${size.name} (${lang}): voting, the limit notice, offline, and the ended view`, async () => {
        const demo = await createDemoEvent(server.url);
        await setVoting(server.url, demo.code, demo.adminToken, "open");
        const page = await phone(`${server.url}/e/${demo.code}?lang=${lang}`, size.viewport, size.font);
        const first = demo.event.areas[0]!;
        const boxes = area(page, first.title).getByRole("checkbox");
        await boxes.nth(0).check();
        await boxes.nth(1).check();
        await waitSaved(page, first.title);
        await boxes.nth(2).click();
        await area(page, first.title).locator(".area-notice:not(:empty)").waitFor();
        await page.context().setOffline(true);
        await boxes.nth(0).uncheck();
        await waitSaveState(page, first.title, "offline");
        const voting = await measure(page);
        expect(voting.bodyFont).toBeCloseTo((17 * size.font) / 16, 0);
        expect(voting.cards).toBeGreaterThan(40);
        expect(voting.scrollWidth).toBeLessThanOrEqual(voting.innerWidth);
        expect(voting.outside).toEqual([]);
        expect(voting.small).toEqual([]);
        await area(page, first.title).locator(".area-notice").scrollIntoViewIfNeeded();
        await shot(page, `phone-${size.viewport.width}-${size.font}-${lang}-voting`);

        await page.context().setOffline(false);
        await waitSaved(page, first.title, 15_000);
        await setVoting(server.url, demo.code, demo.adminToken, "closed");
        await page.locator(".ended-results").first().waitFor();
        const ended = await measure(page);
        expect(ended.scrollWidth).toBeLessThanOrEqual(ended.innerWidth);
        expect(ended.outside).toEqual([]);
        expect(ended.small).toEqual([]);
        await page.locator(".ended-results").first().scrollIntoViewIfNeeded();
        await shot(page, `phone-${size.viewport.width}-${size.font}-${lang}-ended`);
      });
    }
  }
});

describe("the phone's dot stepper and ranking reflow at 320 px and at 200% text", () => {
  for (const size of SIZES) {
    for (const lang of ["en", "ar"] as const) {
      it(`${size.name} (${lang}): dots at the cap, three ranked`, async () => {
        const demo = await methodsForum(server.url);
        await setVoting(server.url, demo.code, demo.adminToken, "open");
        const page = await phone(`${server.url}/e/${demo.code}?lang=${lang}`, size.viewport, size.font);
        const [dots, ranking] = demo.event.areas as [(typeof demo.event.areas)[0], (typeof demo.event.areas)[0]];
        const add = area(page, dots.title).locator(".dot-stepper button:last-of-type").first();
        for (let n = 0; n < DOTS.maxPerProposal; n++) await add.click();
        await add.focus();
        await page.keyboard.press("Enter");
        await area(page, dots.title).locator(".area-notice:not(:empty)").waitFor();
        for (let i = 0; i < 3; i++) await area(page, ranking.title).locator(".rank-choice").nth(i).click();
        await area(page, ranking.title).locator(".rank-item").nth(2).waitFor();
        await waitSaved(page, dots.title);
        await waitSaved(page, ranking.title);
        const m = await measure(page);
        expect(m.scrollWidth).toBeLessThanOrEqual(m.innerWidth);
        expect(m.outside).toEqual([]);
        expect(m.small).toEqual([]);
        await area(page, ranking.title).locator(".rank-order").scrollIntoViewIfNeeded();
        await shot(page, `phone-${size.viewport.width}-${size.font}-${lang}-ranking`);
        await area(page, dots.title).locator(".dot-stepper").first().scrollIntoViewIfNeeded();
        await shot(page, `phone-${size.viewport.width}-${size.font}-${lang}-dots`);
      });
    }
  }
});

/** One question of every kind the evaluation form has (API 1.1), with long words and a choice list. */
const FORM = [
  { kind: "agree5", prompt: "The working groups gave everyone a real chance to speak and to be heard" },
  { kind: "useful4", prompt: "How useful was the content of the plenary and the working groups?" },
  { kind: "yesno", prompt: "Would you come to the next forum?" },
  { kind: "choice", prompt: "Which session helped most?", options: ["The plenary with the keynote speakers", "The working groups", "The market place of initiatives"] },
  { kind: "text", prompt: "Anything else you want the organisers to know?" },
];

describe("the phone's evaluation form reflows at 320 px and at 200% text", () => {
  for (const size of SIZES) {
    for (const lang of ["en", "ar"] as const) {
      it(`${size.name} (${lang}): the form open, an answer saved`, async () => {
        const demo = await createDemoEvent(server.url);
        await setVoting(server.url, demo.code, demo.adminToken, "open");
        const res = await api(server.url, "PUT", `/api/events/${demo.code}/feedback`, { token: demo.adminToken, body: { status: "open", questions: FORM } });
        expect(res.status).toBe(200);
        const page = await phone(`${server.url}/e/${demo.code}?lang=${lang}`, size.viewport, size.font);
        await page.locator(".fb-option").first().waitFor({ timeout: 10_000 });
        await page.locator(".fb-option").first().click();
        await page.locator(".fb-save[data-save=saved]").waitFor();
        const form = await page.evaluate(() => {
          const W = window.innerWidth;
          const describe = (el: Element) => `${el.tagName.toLowerCase()}.${el.className || ""} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
          const panel = document.querySelector(".fb-panel");
          const parts = Array.from(panel?.querySelectorAll(".fb-question, .fb-option, .fb-prompt, .fb-comment textarea, .fb-clear, button") ?? []);
          const outside = parts.filter((el) => { const r = el.getBoundingClientRect(); return r.left < -0.5 || r.right > W + 0.5; }).map(describe);
          const small = parts.filter((el) => el.matches(".fb-option, .fb-clear, button, textarea")).filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.width < 44 || r.height < 44); }).map((el) => `${describe(el)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
          // Text cut inside its own box (an answer's words clipped by a fixed size).
          const cut = parts.filter((el) => (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1).map(describe);
          return { questions: panel?.querySelectorAll(".fb-question").length ?? 0, scrollWidth: document.scrollingElement?.scrollWidth ?? 0, W, outside, small, cut };
        });
        expect(form.questions).toBeGreaterThanOrEqual(4);
        expect(form.scrollWidth).toBeLessThanOrEqual(form.W);
        expect(form.outside).toEqual([]);
        expect(form.small).toEqual([]);
        expect(form.cut).toEqual([]);
        await page.locator(".fb-panel").scrollIntoViewIfNeeded();
        await shot(page, `phone-${size.viewport.width}-${size.font}-${lang}-evaluation`);
      });
    }
  }
});

async function projector(view: string, media: Parameters<Page["emulateMedia"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext(PROJECTOR);
  contexts.push(context);
  const page = await context.newPage();
  await page.emulateMedia(media);
  await page.goto(`${server.url}/e/${voted.code}/screen#key=${voted.screenKey}&view=${view}`);
  await page.locator(".slide").first().waitFor();
  return page;
}

const motion = (page: Page) =>
  page.evaluate(() => {
    const row = document.querySelector(".bar-row");
    const fill = document.querySelector(".bar-fill");
    const pulse = document.querySelector(".status-open");
    return {
      row: row ? getComputedStyle(row).transitionDuration : "",
      fill: fill ? getComputedStyle(fill).transitionDuration : "",
      pulse: pulse ? getComputedStyle(pulse, "::before").animationName : "",
    };
  });

describe("motion, high contrast and the dark stage's contrast", () => {
  const bars = () => `area-${voted.event.areas[0]!.id}`;

  it("prefers-reduced-motion stops the bars' glide and the status pulse", async () => {
    const moving = await projector(bars());
    await moving.locator(".bar-row").first().waitFor();
    // Without the preference the bars glide (700 ms) and the open status pulses.
    expect(await motion(moving)).toEqual({ row: "0.7s", fill: "0.7s, 0.7s, 0.7s", pulse: "screen-pulse" });
    const still = await projector(bars(), { reducedMotion: "reduce" });
    await still.locator(".bar-row").first().waitFor();
    const m = await motion(still);
    for (const d of [m.row, ...m.fill.split(", ")]) expect(parseFloat(d)).toBeLessThanOrEqual(0.0001);
    expect(m.pulse).toBe("none");
  });

  it("forced colours keep the bars, the top ranks and the status visible, as edges not fills", async () => {
    const page = await projector(bars(), { forcedColors: "active" });
    await page.locator(".bar-row").first().waitFor();
    await page.waitForTimeout(900);
    const fills = await page.locator(".bar-row").evaluateAll((rows) =>
      rows.map((row) => {
        const s = getComputedStyle(row.querySelector(".bar-fill") as Element);
        return {
          top: row.classList.contains("top"),
          width: (row.querySelector(".bar-fill") as HTMLElement).getBoundingClientRect().width,
          edges: [s.borderTopWidth, s.borderRightWidth, s.borderBottomWidth, s.borderLeftWidth].map(parseFloat),
          edge: s.borderBottomColor,
          fill: s.backgroundColor,
        };
      }),
    );
    expect(fills.length).toBe(voted.event.areas[0]!.proposals.length);
    for (const f of fills) {
      expect(Math.min(...f.edges)).toBeGreaterThan(0);
      expect(f.edge).not.toBe(f.fill);
      expect(f.width).toBeGreaterThan(0);
    }
    // The top ranks keep a thicker foot (and their place, "1st", says it in words too).
    const top = fills.filter((f) => f.top);
    const rest = fills.filter((f) => !f.top);
    expect(top.length).toBeGreaterThan(0);
    expect(Math.min(...top.map((f) => f.edges[2]!))).toBeGreaterThan(Math.max(...rest.map((f) => f.edges[2]!)));
    const pill = await page.getByTestId("area-status").evaluate((el) => parseFloat(getComputedStyle(el).borderTopWidth));
    expect(pill).toBeGreaterThan(0);
    await shot(page, "projector-forced-colors");
  });

  it("forced colours keep the phone's chosen proposals and the focus ring visible", async () => {
    const demo = await createDemoEvent(server.url);
    await setVoting(server.url, demo.code, demo.adminToken, "open");
    const context = await browser.newContext({ ...PHONE });
    contexts.push(context);
    const page = await context.newPage();
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(`${server.url}/e/${demo.code}`);
    await page.locator(".proposal-title").nth(39).waitFor();
    const first = demo.event.areas[0]!;
    const boxes = area(page, first.title).getByRole("checkbox");
    await boxes.nth(0).check();
    await waitSaved(page, first.title);
    await boxes.nth(1).focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const cards = await area(page, first.title).locator(".proposal").evaluateAll((els) =>
      els.slice(0, 2).map((el) => {
        const s = getComputedStyle(el);
        return { chosen: el.classList.contains("is-chosen"), edge: parseFloat(s.borderTopWidth), outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) };
      }),
    );
    const [chosen, focusedCard] = cards as [(typeof cards)[0], (typeof cards)[0]];
    expect(chosen.chosen).toBe(true);
    expect(focusedCard.chosen).toBe(false);
    // Chosen: a thicker edge than the others (the tint is gone in high contrast).
    expect(chosen.edge).toBeGreaterThan(focusedCard.edge);
    // Focus: the card of the focused box has a visible outline.
    expect(focusedCard.outline).toBe("solid");
    expect(focusedCard.outlineWidth).toBeGreaterThanOrEqual(2);
    await area(page, first.title).locator(".proposal").nth(0).scrollIntoViewIfNeeded();
    await shot(page, "phone-forced-colors");
  });

  it("the focus ring has at least 3:1 against the page around it, in two colours", async () => {
    const demo = await createDemoEvent(server.url);
    const context = await browser.newContext({ ...PHONE });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/e/${demo.code}`);
    await page.locator(".proposal-title").nth(39).waitFor();
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      const num = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
      const lum = ([r, g, b]: [number, number, number]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const ratio = (a: string, b: string) => {
        const [x, y] = [lum(num(a)), lum(num(b))].sort((p, q) => q - p) as [number, number];
        return (x + 0.05) / (y + 0.05);
      };
      const page = getComputedStyle(document.body).backgroundColor;
      const inner = /rgba?\([^)]*\)/.exec(s.boxShadow)?.[0] ?? "";
      return { tag: el.tagName, outline: s.outlineStyle, inner, innerOnPage: ratio(inner || page, page), outerOnInner: ratio(s.outlineColor, inner || page) };
    });
    expect(ring.outline).toBe("solid");
    expect(ring.innerOnPage).toBeGreaterThanOrEqual(3);
    expect(ring.outerOnInner).toBeGreaterThanOrEqual(3);
  });

  it("every bar's text has at least 4.5:1 against the bar drawn behind it on the dark stage", async () => {
    const page = await projector(bars());
    await page.locator(".bar-row").first().waitFor();
    await page.waitForTimeout(900);
    const worst = await page.evaluate(() => {
      const rgba = (c: string): [number, number, number, number] => {
        const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0];
        return [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1];
      };
      const over = (top: string, under: [number, number, number]): [number, number, number] => {
        const [r, g, b, a] = rgba(top);
        return [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)];
      };
      const lum = ([r, g, b]: [number, number, number]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const ratio = (a: [number, number, number], b: [number, number, number]) => {
        const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
        return (x + 0.05) / (y + 0.05);
      };
      const stage = rgba(getComputedStyle(document.querySelector(".screen") as Element).backgroundColor).slice(0, 3) as [number, number, number];
      const out: Array<{ ratio: number; what: string }> = [];
      for (const row of Array.from(document.querySelectorAll(".bar-row"))) {
        const track = over(getComputedStyle(row.querySelector(".bar-track") as Element).backgroundColor, stage);
        const behind = over(getComputedStyle(row.querySelector(".bar-fill") as Element).backgroundColor, track);
        for (const sel of [".bar-place", ".bar-label", ".bar-title", ".bar-count"]) {
          const el = row.querySelector(sel);
          if (!el?.textContent) continue;
          const ink = over(getComputedStyle(el).color, behind);
          out.push({ ratio: Math.min(ratio(ink, behind), ratio(ink, track)), what: `${sel} ${el.textContent.slice(0, 20)}` });
        }
      }
      return out.sort((a, b) => a.ratio - b.ratio).slice(0, 3);
    });
    expect(worst.length).toBeGreaterThan(0);
    expect(worst[0]!.ratio, JSON.stringify(worst)).toBeGreaterThanOrEqual(4.5);
  });
});
