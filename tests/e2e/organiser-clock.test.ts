// The organiser's clock and runoff controls in real Chromium, on the full-length forum: open an area
// for 2 minutes, add a minute, and from a closed area with a tie at 3rd ("Enhanced cooperation", as
// at the rehearsal) create the runoff of the top 3 — all through the page, checked on the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { api, createDemoEvent, join, launchBrowser, openVoting, startServer, vote } from "./harness";
import type { CreatedTestEvent, TestServer } from "../helpers/app";
import type { Area, Event } from "../../shared/schemas";

/** The organiser's text inside a sentence, as the page isolates it (admin/isolate.ts: U+2068 … U+2069). */
const isolated = (text: string) => `\u2068${text}\u2069`;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ev: CreatedTestEvent;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ev = await createDemoEvent(server.url);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function areaOnServer(id: string): Promise<Area> {
  const event = ((await api(server.url, "GET", `/api/events/${ev.code}`)).body as { event: Event }).event;
  const area = event.areas.find((a) => a.id === id);
  if (!area) throw new Error(`no area ${id}`);
  return area;
}

describe("the organiser's clock", () => {
  it("opens an area for 2 minutes, then adds a minute to what is left", async () => {
    const area = ev.event.areas[0];
    if (!area) throw new Error("no area");
    await page.goto(`${server.url}/e/${ev.code}/admin#key=${ev.adminToken}`);
    const row = page.getByRole("row", { name: new RegExp(literally(area.title)) }).first();
    await row.getByLabel(`Minutes for “${isolated(area.title)}”`).fill("2");
    const before = Date.now();
    await row.getByRole("button", { name: "Open for 2 minutes" }).click();
    await row.getByTestId("organiser-countdown").waitFor();
    const opened = await areaOnServer(area.id);
    expect(opened.status).toBe("open");
    const first = Date.parse(opened.closesAt ?? "");
    expect(Math.abs(first - (before + 120_000))).toBeLessThan(3000);
    expect(await row.getByTestId("organiser-countdown").textContent()).toMatch(/^Closes by itself in (2:00|1:5\d)$/);

    await row.getByRole("button", { name: `Add 1 minute to the time left in “${isolated(area.title)}”` }).click();
    await page.waitForFunction(() => /in (3:00|2:5\d)$/.test(document.querySelector("[data-testid=organiser-countdown]")?.textContent ?? ""));
    const extended = Date.parse((await areaOnServer(area.id)).closesAt ?? "");
    // The new deadline is the old one plus a minute (to the second the button rounds to).
    expect(Math.abs(extended - (first + 60_000))).toBeLessThan(1500);
  });

  it("creates the runoff of the top 3 of a closed area with =3rd twice, as a draft right after it", async () => {
    const area = ev.event.areas.find((a) => a.title.startsWith("Enhanced cooperation"));
    if (!area) throw new Error("no Enhanced cooperation area");
    await openVoting(server.url, ev.code, ev.adminToken, [area.id]);
    const p = area.proposals.map((x) => x.id);
    for (const ballot of [[7, 4], [7, 4], [7, 1], [1, 4], [2, 0], [2, 5]]) {
      const token = await join(server.url, ev.code);
      expect((await vote(server.url, ev.code, token, area.id, ballot.map((i) => p[i] ?? ""))).status).toBe(200);
    }
    // 7: 3, 4: 3, 1: 2, 2: 2 → 1st, 1st, =3rd, =3rd; the top 3 holds four proposals.
    await api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status: "closed", areaIds: [area.id] } });
    await page.goto(`${server.url}/e/${ev.code}/admin#key=${ev.adminToken}`);
    // The first such row: the runoff's row, added after it, starts with the same title.
    const row = page.getByRole("row", { name: new RegExp(`^${literally(area.title)}`) }).first();
    await row.getByLabel(`Places in the runoff of “${isolated(area.title)}”`).fill("3");
    await row.getByRole("button", { name: "Runoff of the top 3" }).click();
    await row.getByText(`Runoff added as a draft after “${isolated(area.title)}”`).waitFor();
    const event = ((await api(server.url, "GET", `/api/events/${ev.code}`)).body as { event: Event }).event;
    const index = event.areas.findIndex((a) => a.id === area.id);
    const runoff = event.areas[index + 1];
    expect(runoff).toMatchObject({ roundOf: area.id, status: "draft", title: `${area.title} — runoff` });
    expect(runoff?.proposals.map((x) => x.title)).toEqual([1, 2, 4, 7].map((i) => area.proposals[i]?.title));
    await page.getByRole("row", { name: new RegExp(`^${literally(area.title)} — runoff`) }).waitFor();

    // The printable report reads as two rounds: the runoff says whose runoff it is.
    await page.goto(`${server.url}/e/${ev.code}/report#key=${ev.adminToken}`);
    const note = page.locator(`[data-round-of="${area.id}"]`);
    await note.waitFor();
    expect(await note.textContent()).toBe(`Runoff of “${area.title}”.`);
    expect(await page.locator(".report-round").count()).toBe(1);
  });
});
