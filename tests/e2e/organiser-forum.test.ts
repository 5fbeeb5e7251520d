// Issue 5's "done when", in a real Chromium: an organiser prepares the 2017 forum's four areas from
// a pasted outline, prints a ballot card for each of its 54 participants, runs the vote, and
// leaves with a report whose top three per area are the projector's summary, word for word.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { api, join, launchBrowser, PROJECTOR, startServer, vote } from "./harness";
import type { TestServer } from "../helpers/app";
import type { Event } from "../../shared/schemas";

const OUTLINE = readFileSync(new URL("../unit/fixtures/brandenburg-forum-2017.md", import.meta.url), "utf8");
const FORUM = JSON.parse(readFileSync(new URL("../../db/demo/brandenburg-forum-2017.json", import.meta.url), "utf8")) as {
  event: { participants: number };
  areas: Array<{ title: string; reportedTop3: number[] }>;
};

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

type Row = [place: string, title: string, votes: string];

/** Per area heading, the rows of a top-three list as [place, title, votes] text, read from the page. */
async function topThree(page: Page, card: string, row: string, cells: [string, string, string]): Promise<Record<string, Row[]>> {
  return page.locator(card).evaluateAll(
    (cards, [rowSel, cellSels]) =>
      Object.fromEntries(
        cards.map((c) => [
          c.querySelector("h2")?.textContent ?? "",
          Array.from(c.querySelectorAll(rowSel)).map((r) => cellSels.map((sel) => r.querySelector(sel)?.textContent ?? "")),
        ]),
      ),
    [row, cells] as const,
  ) as Promise<Record<string, Row[]>>;
}

it("prepares the forum from an outline, prints 54 ballot cards, runs the vote and reports what the projector shows", async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel("Event title").fill("2nd Brandenburg Forum on Drugs and Development Policies");
  await page.getByLabel("Ballot cards only").check();
  await page.getByRole("button", { name: "Create event" }).click();
  await page.waitForURL(/\/admin#/);
  const url = new URL(page.url());
  const code = /\/e\/([A-Z0-9]{6})\//.exec(url.pathname)?.[1] ?? "";
  const screenKey = new URLSearchParams(url.hash.slice(1)).get("screen") ?? "";
  await page.getByRole("button", { name: "I have saved the link" }).click();

  await page.getByLabel("Paste the programme").fill(OUTLINE);
  await page.getByRole("button", { name: "Save 4 areas and 40 proposals" }).click();
  await page.getByText("Imported 4 areas with 40 proposals.").waitFor();

  const participants = FORUM.event.participants;
  await page.getByLabel("Number of cards").fill(String(participants));
  await page.getByRole("button", { name: "Generate cards" }).click();
  await page.getByRole("link", { name: `Print ${participants} cards` }).click();
  await page.waitForURL(/\/cards#/);
  await expect.poll(() => page.locator(".ballot-card .qr img").count()).toBe(participants);
  expect(await page.locator(".sheet").count()).toBe(Math.ceil(participants / 8));
  const cards = (await page.locator(".card-code").allTextContents()).map((c) => c.replace("-", ""));
  await page.getByRole("link", { name: "Back to the organiser page" }).click();
  await page.waitForURL(/\/admin#/);
  await page.getByRole("button", { name: "Open all areas" }).click();

  // Each card votes twice per area, favouring the proposals the forum reported as its top three.
  const event = ((await api(server.url, "GET", `/api/events/${code}`)).body as { event: Event }).event;
  await Promise.all(
    cards.map(async (card, i) => {
      const token = await join(server.url, code, card);
      for (const [a, area] of event.areas.entries()) {
        const top = FORUM.areas[a]?.reportedTop3 ?? [];
        const n = area.proposals.length;
        const first = i < 45 ? (top[i % 3] ?? 0) : i % n;
        let second = (i * 7 + a) % n;
        if (second === first) second = (second + 1) % n;
        const res = await vote(server.url, code, token, area.id, [area.proposals[first]!.id, area.proposals[second]!.id]);
        if (res.status !== 200) throw new Error(`vote: ${res.status} ${res.text}`);
      }
    }),
  );
  await expect.poll(() => page.locator(".invite-stats").textContent()).toBe(`Cards issued: ${participants} · used: ${participants}`);
  await page.getByRole("button", { name: "Close all areas" }).click();
  await page.getByRole("button", { name: "Yes, close" }).click();
  await expect.poll(() => page.locator(".area-table .status-closed").count()).toBe(4);

  const projector = await context.newPage();
  await projector.setViewportSize(PROJECTOR.viewport);
  await projector.goto(`${server.url}/e/${code}/screen#key=${screenKey}`);
  await projector.getByRole("heading", { name: "Vote on your phone" }).waitFor();
  await projector.keyboard.press("s");
  await projector.getByRole("heading", { name: "Top three per area" }).waitFor();
  await expect.poll(() => projector.locator("[data-testid=summary-row]").count()).toBeGreaterThanOrEqual(12);
  const onScreen = await topThree(projector, ".summary-card", "[data-testid=summary-row]", [".summary-place", ".summary-title", ".summary-votes"]);

  const [report] = await Promise.all([context.waitForEvent("page"), page.getByRole("link", { name: "Printable report" }).click()]);
  await report.getByRole("heading", { name: "Annex: full ranking" }).waitFor();
  const onPaper = await topThree(report, ".report-area", ".podium li", [".place", ".podium-title", ".podium-votes"]);

  expect(Object.keys(onPaper)).toEqual(event.areas.map((a) => a.title));
  expect(onPaper).toEqual(onScreen);
  // The vote reproduces what the forum reported: the same three proposals on top of every area.
  for (const [a, area] of event.areas.entries()) {
    const reported = (FORUM.areas[a]?.reportedTop3 ?? []).map((i) => area.proposals[i]?.title).sort();
    expect((onPaper[area.title] ?? []).map((r) => r[1]).sort()).toEqual(reported);
  }
  await report.getByText(`Ballot cards: ${participants} issued, ${participants} used.`).waitFor();
});
