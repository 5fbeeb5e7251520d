// The countdown in real Chromium, on devices whose clocks are wrong: the projector's runs 3 minutes
// fast, the phone's 7 minutes slow (an init script shifts Date before the page's own code runs).
// Both must show the server's remaining time to within a second, and the phone warns in the last
// minute, in a live region, by the server's clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PHONE, PROJECTOR, api, createDemoEvent, launchBrowser, startServer } from "./harness";
import type { CreatedTestEvent, TestServer } from "../helpers/app";
import type { Event } from "../../shared/schemas";

let server: TestServer;
let browser: Browser;
let ev: CreatedTestEvent;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ev = await createDemoEvent(server.url);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

/** A browser context whose Date runs skewMs off the real time (as a badly set device's clock does). */
async function skewedPage(options: object, skewMs: number): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  await context.addInitScript((skew: number) => {
    const RealDate = Date;
    class SkewedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + skew);
        else super(...(args as [string]));
      }
      static override now(): number {
        return RealDate.now() + skew;
      }
    }
    (globalThis as { Date: DateConstructor }).Date = SkewedDate as DateConstructor;
  }, skewMs);
  return context.newPage();
}

async function openFor(areaId: string, durationSeconds: number): Promise<string> {
  const res = await api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status: "open", areaIds: [areaId], durationSeconds } });
  expect(res.status, res.text).toBe(200);
  const closesAt = (res.body as { event: Event }).event.areas.find((a) => a.id === areaId)?.closesAt;
  if (!closesAt) throw new Error("no deadline");
  return closesAt;
}

/** The seconds a countdown shows ("Voting closes in 9:57" → 597), and what the server has left at that moment. */
async function shownAndTrue(page: Page, scope: string, closesAt: string): Promise<{ shown: number; truth: number; text: string }> {
  const countdown = page.locator(`${scope} [data-testid="countdown"]`);
  await countdown.waitFor();
  // Give the clock sync its round trips: the first render may still use the device's own time.
  await page.waitForTimeout(1200);
  const text = (await countdown.locator(".countdown-time").textContent()) ?? "";
  const truth = (Date.parse(closesAt) - Date.now()) / 1000;
  const m = /(\d+):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!m) throw new Error(`no time in “${text}”`);
  const shown = m[3] === undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return { shown, truth, text };
}

describe("the countdown follows the server's clock, not the device's", () => {
  it("on the projector running 3 minutes fast", async () => {
    const area = ev.event.areas[0];
    if (!area) throw new Error("no area");
    const closesAt = await openFor(area.id, 600);
    const page = await skewedPage(PROJECTOR, 3 * 60_000);
    await page.goto(`${server.url}/e/${ev.code}/screen#key=${ev.screenKey}`);
    await page.getByRole("heading", { name: "Vote on your phone" }).waitFor();
    await page.keyboard.press("1");
    await page.locator(`[data-area-id="${area.id}"]`).waitFor();
    const { shown, truth, text } = await shownAndTrue(page, `[data-area-id="${area.id}"]`, closesAt);
    expect(text).toMatch(/^Voting closes in \d+:\d{2}$/);
    // Without the sync it would show 7:00 or so: three minutes short. The display ticks once a
    // second and is read a moment after the server's time: up to a second behind, and a frame more
    // on a loaded machine.
    expect(Math.abs(shown - truth), `${text} vs ${truth.toFixed(2)} s`).toBeLessThanOrEqual(1.5);
  });

  it("on a phone running 7 minutes slow, with the minute's warning shown and announced by the server's clock", async () => {
    const [, timed, other] = ev.event.areas;
    if (!timed || !other) throw new Error("no areas");
    const closesAt = await openFor(timed.id, 64);
    const page = await skewedPage(PHONE, -7 * 60_000);
    await page.goto(`${server.url}/e/${ev.code}`);
    const scope = `#area-${timed.id}`;
    const { shown, truth, text } = await shownAndTrue(page, scope, closesAt);
    expect(text).toMatch(/^Voting closes in 1:0\d$/);
    expect(Math.abs(shown - truth), `${text} vs ${truth.toFixed(2)} s`).toBeLessThanOrEqual(1.5);
    // An area without a deadline shows no countdown.
    expect(await page.locator(`#area-${other.id} [data-testid="countdown"]`).count()).toBe(0);

    const warning = page.locator(`${scope} [data-testid="countdown-warning"]`);
    expect(await warning.getAttribute("aria-live")).toBe("assertive");
    expect(((await warning.textContent()) ?? "").trim()).toBe("");
    await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? "").length > 0, `${scope} [data-testid="countdown-warning"]`, { timeout: 10_000 });
    const left = (Date.parse(closesAt) - Date.now()) / 1000;
    // Shown at the server's 60 s (±1), though the phone believes the deadline is 7 minutes away.
    expect(left).toBeLessThanOrEqual(60.5);
    expect(left).toBeGreaterThan(58);
    expect(await warning.textContent()).toBe(`Less than a minute left to vote in “${timed.title}”.`);
    expect(await warning.isVisible()).toBe(true);
  }, 30_000);
});
