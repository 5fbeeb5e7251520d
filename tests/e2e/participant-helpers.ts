// Shared steps of the participant end-to-end tests: a phone-sized browser context, the parts of the
// ballot page a person looks at (found by role and accessible name, as a screen reader would), and
// what the server holds, read over HTTP as the organiser would.
import { afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { api, launchBrowser, PHONE, startServer } from "./harness";
import type { TestServer } from "../helpers/app";
import type { Results } from "../../shared/schemas";

export interface Phone {
  context: BrowserContext;
  page: Page;
}

export interface PhoneSuite {
  /** The running server (after beforeAll). */
  server(): TestServer;
  /**
   * A new phone (its own browser context: its own storage, so its own participant) opened at `url`;
   * `prepare` runs on the page before it loads (an init script, say).
   */
  phone(url: string, viewport?: { width: number; height: number }, prepare?: (page: Page) => Promise<unknown>): Promise<Phone>;
}

/** One real server and one Chromium for a test file; every phone opened is closed at the end. */
export function phoneSuite(): PhoneSuite {
  let server: TestServer | null = null;
  let browser: Browser | null = null;
  const phones: Phone[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const p of phones) await p.context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });
  return {
    server() {
      if (!server) throw new Error("the server starts in beforeAll");
      return server;
    },
    async phone(url, viewport, prepare) {
      if (!browser) throw new Error("the browser starts in beforeAll");
      const context = await browser.newContext(viewport ? { ...PHONE, viewport } : PHONE);
      const page = await context.newPage();
      await prepare?.(page);
      await page.goto(url);
      const p = { context, page };
      phones.push(p);
      return p;
    },
  };
}

/** The server's live sockets of participants (joined phones, with a token) of the event `code`. */
export function participantSockets(server: TestServer, code: string) {
  return [...server.realtime.io.of("/").sockets.values()].filter((s) => s.data.code === code && s.data.participantId !== null);
}

/** An area of the ballot: a <section> labelled by its heading. */
export function area(page: Page, title: string): Locator {
  return page.getByRole("region", { name: title, exact: true });
}

export function proposal(page: Page, areaTitle: string, proposalTitle: string): Locator {
  return area(page, areaTitle).getByRole("checkbox", { name: proposalTitle, exact: true });
}

/** Waits until the area says its last change reached the server. */
export async function waitSaved(page: Page, areaTitle: string, timeout = 10_000): Promise<void> {
  await area(page, areaTitle).locator('[data-save="saved"]').waitFor({ timeout });
}

export async function waitSaveState(page: Page, areaTitle: string, state: string, timeout = 10_000): Promise<void> {
  await area(page, areaTitle).and(page.locator(`[data-save-state="${state}"]`)).waitFor({ timeout });
}

/** Proposal titles in the order this phone shows them. */
export async function shownOrder(page: Page, areaTitle: string): Promise<string[]> {
  return area(page, areaTitle).locator(".proposal-title").allTextContents();
}

export async function checkedTitles(page: Page, areaTitle: string): Promise<string[]> {
  const boxes = area(page, areaTitle).getByRole("checkbox", { checked: true });
  const out: string[] = [];
  for (const box of await boxes.all()) out.push((await box.evaluate((el) => el.closest("label")?.querySelector(".proposal-title")?.textContent ?? "")).trim());
  return out.sort();
}

/** The counts as the organiser sees them (admin token: nothing withheld). */
export async function adminResults(url: string, code: string, adminToken: string): Promise<Results> {
  const res = await api(url, "GET", `/api/events/${code}/results`, { token: adminToken });
  if (res.status !== 200) throw new Error(`results: ${res.status} ${res.text}`);
  return res.body as Results;
}

/** Votes per proposal title in one area, only proposals with at least one vote. */
export async function votesIn(url: string, code: string, adminToken: string, areaTitle: string): Promise<Record<string, number>> {
  const results = await adminResults(url, code, adminToken);
  const a = results.areas.find((x) => x.title === areaTitle);
  if (!a) throw new Error(`no area ${areaTitle}`);
  const out: Record<string, number> = {};
  for (const r of a.results) if (r.votes) out[r.title] = r.votes;
  return out;
}

export async function setVoting(url: string, code: string, adminToken: string, status: "open" | "closed", areaIds?: string[]): Promise<void> {
  const res = await api(url, "POST", `/api/events/${code}/voting`, { token: adminToken, body: areaIds ? { status, areaIds } : { status } });
  if (res.status !== 200) throw new Error(`voting ${status}: ${res.status} ${res.text}`);
}

/** The room's count of participants, as anyone may read it (GET /results, no token). */
export async function participantCount(url: string, code: string): Promise<number> {
  const res = await api(url, "GET", `/api/events/${code}/results`);
  if (res.status !== 200) throw new Error(`results: ${res.status} ${res.text}`);
  return (res.body as Results).participants;
}

/** Polls a condition on the Node side (the server's state), failing with `what` after `timeout`. */
export async function eventually(what: string, check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
