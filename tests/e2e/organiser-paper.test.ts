// Paper ballots at the forum's full length, in a real Chromium: the printable ballot carries every
// proposal's label and whole paragraph with a box to tick and the rule per area, for every area
// (drafts too: it is printed before the day); the form lists the same labels and texts for the
// areas that take paper, a closed one included, and refuses a third tick as a phone would.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { api, createDemoEvent, launchBrowser, startServer } from "./harness";
import type { CreatedTestEvent, TestServer } from "../helpers/app";
import type { Event, Results } from "../../shared/schemas";

let server: TestServer;
let browser: Browser;
let page: Page;
let created: CreatedTestEvent;

const getEvent = async () => ((await api(server.url, "GET", `/api/events/${created.code}`)).body as { event: Event }).event;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  created = await createDemoEvent(server.url);
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});

it("prints a paper ballot with every proposal's label, full text and a box, and the rule of each area", async () => {
  const event = await getEvent();
  expect(event.areas.every((a) => a.status === "draft")).toBe(true);
  await page.goto(`${server.url}/e/${created.code}/paper-ballot`);
  await page.getByRole("heading", { name: event.title }).waitFor();
  for (const area of event.areas) {
    const region = page.getByRole("region", { name: new RegExp(`^${area.title.replace(/[()]/g, "\\$&")}`) });
    expect(await region.getByRole("heading").textContent()).toBe(`${area.title} tick at most 2 proposals in this area`);
    const rows = await region.locator(".paper-ballot-row").evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute("data-proposal-id"), li.querySelector(".paper-ballot-label")?.textContent, li.querySelector(".paper-ballot-text")?.textContent, li.querySelectorAll(".tick-box").length]),
    );
    expect(rows).toEqual(area.proposals.map((p) => [p.id, p.label, p.title + p.body, 1]));
  }
  expect(await page.locator(".paper-rule-main").textContent()).toContain("In each area, tick at most 2 proposals");
  expect(await page.locator("main").textContent()).not.toContain("…");
  // Printed rows are never split across pages (the print CSS), so each box stays beside its text.
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".paper-ballot-row").first().evaluate((li) => getComputedStyle(li).breakInside)).toBe("avoid");
});

it("offers the same labels and texts on the form for an open and a closed area, under the phone's limit", async () => {
  const [first, second] = created.event.areas;
  if (!first || !second) throw new Error("areas missing");
  await api(server.url, "POST", `/api/events/${created.code}/voting`, { token: created.adminToken, body: { status: "open", areaIds: [first.id, second.id] } });
  await api(server.url, "POST", `/api/events/${created.code}/voting`, { token: created.adminToken, body: { status: "closed", areaIds: [first.id] } });
  await page.emulateMedia({ media: "screen" });
  await page.goto(`${server.url}/e/${created.code}/admin#key=${created.adminToken}&screen=${created.screenKey}`);
  await page.getByText("Enter a paper ballot").click();
  const event = await getEvent();
  const closed = page.getByRole("group", { name: new RegExp(`^${first.title.replace(/[()]/g, "\\$&")}`) });
  await closed.getByText("closed, still takes paper").waitFor();
  const form = page.getByRole("form", { name: "Paper ballot" });
  expect(await form.getByRole("group").count()).toBe(2); // the two drafts are not on it
  const a = event.areas[0]!;
  for (const p of a.proposals) expect(await closed.getByRole("checkbox", { name: `${p.label}: ${p.title}`, exact: true }).count()).toBe(1);

  const [p1, p2, p3] = a.proposals;
  await closed.getByRole("checkbox", { name: `${p1!.label}: ${p1!.title}` }).check();
  await closed.getByRole("checkbox", { name: `${p2!.label}: ${p2!.title}` }).check();
  await closed.getByRole("checkbox", { name: `${p3!.label}: ${p3!.title}` }).click();
  await closed.getByRole("alert").getByText("You have used both votes", { exact: false }).waitFor();
  expect(await closed.getByRole("checkbox", { name: `${p3!.label}: ${p3!.title}` }).isChecked()).toBe(false);
  await page.getByRole("button", { name: "Enter paper ballot" }).click();
  await expect.poll(() => page.getByRole("list", { name: "Entered paper ballots" }).locator(".paper-ticks").allTextContents()).toEqual([`${p1!.label}, ${p2!.label}`]);
  const results = (await api(server.url, "GET", `/api/events/${created.code}/results`, { token: created.adminToken })).body as Results;
  expect(results.areas[0]!.results.filter((r) => r.votes === 1).map((r) => r.label).sort()).toEqual([p1!.label, p2!.label].sort());
});
