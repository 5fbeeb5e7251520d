// Saving you can trust, end to end: a phone that loses the network mid-vote shows "offline, will
// retry", never "saved", keeps the choice through a reload, and sends it when the network returns —
// and the server then counts it exactly once.
import { describe, expect, it } from "vitest";
import type { Route } from "playwright-core";
import { api, createDemoEvent } from "./harness";
import {
  adminResults,
  area,
  checkedTitles,
  phoneSuite,
  proposal,
  setVoting,
  votesIn,
  waitSaveState,
  waitSaved,
} from "./participant-helpers";

const suite = phoneSuite();
const phone = (url: string) => suite.phone(url);

async function setup() {
  const demo = await createDemoEvent(suite.server().url);
  await setVoting(suite.server().url, demo.code, demo.adminToken, "open");
  const health = demo.event.areas[1];
  if (!health) throw new Error("demo areas");
  const p = await phone(`${suite.server().url}/e/${demo.code}`);
  const titles = health.proposals.map((x) => x.title) as [string, string, string];
  await proposal(p.page, health.title, titles[0]).waitFor();
  return { demo, health, titles, ...p };
}

/** A phone whose first choice is saved and whose second waits in the queue, the network gone. */
async function savedThenQueuedOffline() {
  const s = await setup();
  const [a, b] = s.titles;
  await proposal(s.page, s.health.title, a).check();
  await waitSaved(s.page, s.health.title);
  await s.context.setOffline(true);
  await proposal(s.page, s.health.title, b).check();
  await waitSaveState(s.page, s.health.title, "offline");
  return s;
}

/** The ballots the organiser's export holds for one area: one entry per participant who voted in it. */
async function exportedBallots(code: string, adminToken: string, areaId: string): Promise<string[][]> {
  const res = await api(suite.server().url, "GET", `/api/events/${code}/export?format=json`, { token: adminToken });
  expect(res.status).toBe(200);
  const ballots = (res.body as { ballots: { areaId: string; proposalIds: string[] }[] }).ballots;
  return ballots.filter((b) => b.areaId === areaId).map((b) => [...b.proposalIds].sort());
}

describe("participant phone offline", () => {
  it("goes offline mid-vote, says so, and saves exactly once when back", async () => {
    const { demo, health, titles, page, context } = await savedThenQueuedOffline();
    const [a, b] = titles;
    await area(page, health.title).getByText("Not sent yet — will retry").waitFor();
    // Never "saved" while the server has not acknowledged.
    expect(await area(page, health.title).locator('[data-save="saved"]').count()).toBe(0);
    expect(await proposal(page, health.title, b).isChecked()).toBe(true);
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1 });

    // Still offline: a few retries fail (backoff), nothing reaches the server.
    await page.waitForTimeout(2500);
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1 });

    await context.setOffline(false);
    await waitSaved(page, health.title, 15_000);
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1, [b]: 1 });
    const results = await adminResults(suite.server().url, demo.code, demo.adminToken);
    expect(results.participants).toBe(1);
    expect(results.areas.find((x) => x.id === health.id)?.voters).toBe(1);
    expect(await exportedBallots(demo.code, demo.adminToken, health.id)).toEqual([[a, b].map((t) => idOf(health, t)).sort()]);
  });

  it("keeps a pending choice through a reload while the server cannot be reached, then sends it", async () => {
    const { demo, health, titles, page } = await setup();
    const [a, b] = titles;
    // The page itself still loads, but every ballot write fails as on a flaky venue network (the
    // first vote rides with the join, API 1.1: that request fails too).
    const dropWrites = (route: Route) =>
      route.request().method() === "PUT" || route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue();
    await page.route("**/api/events/*/ballot/*", dropWrites);
    await page.route("**/api/events/*/participants", dropWrites);

    await proposal(page, health.title, a).check();
    await proposal(page, health.title, b).check();
    await waitSaveState(page, health.title, "offline");
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({});

    await page.reload();
    await proposal(page, health.title, a).waitFor();
    await page.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 2);
    expect(await checkedTitles(page, health.title)).toEqual([a, b].sort());
    await waitSaveState(page, health.title, "offline");
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({});

    await page.unroute("**/api/events/*/ballot/*", dropWrites);
    await page.unroute("**/api/events/*/participants", dropWrites);
    await area(page, health.title).getByRole("button", { name: "Try now" }).click();
    await waitSaved(page, health.title);
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1, [b]: 1 });
    expect(await exportedBallots(demo.code, demo.adminToken, health.id)).toHaveLength(1);
  });

  it("sends a choice made offline from a tab closed before the network returned", async () => {
    const { demo, health, titles, page, context } = await setup();
    const [a] = titles;
    await context.setOffline(true);
    await proposal(page, health.title, a).check();
    await waitSaveState(page, health.title, "offline");
    await page.close();

    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${suite.server().url}/e/${demo.code}`);
    await waitSaved(again, health.title);
    expect(await proposal(again, health.title, a).isChecked()).toBe(true);
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1 });
  });

  it("shows a refusal in plain words when the area closed before a queued choice arrived", async () => {
    const { demo, health, titles, page, context } = await savedThenQueuedOffline();
    const [a] = titles;
    await setVoting(suite.server().url, demo.code, demo.adminToken, "closed", [health.id]);
    await context.setOffline(false);

    await waitSaveState(page, health.title, "refused", 15_000);
    await area(page, health.title).getByText("Not saved: Voting in this area is closed.").waitFor({ timeout: 2000 });
    // The refusal makes the page read the event again: the area now shows as closed.
    await area(page, health.title).getByText("Voting closed", { exact: true }).waitFor({ timeout: 2000 });
    // The screen falls back to what the server holds.
    await page.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 1);
    expect(await checkedTitles(page, health.title)).toEqual([a]);
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1 });
  });
});

describe("a choice refused because the area closed while the phone was offline", () => {
  it("is kept (through a reload), said plainly, and sent when the area reopens", async () => {
    const { demo, health, titles, page, context } = await savedThenQueuedOffline();
    const [a, b] = titles;
    const label = (t: string) => health.proposals.find((p) => p.title === t)?.label as string;
    await setVoting(suite.server().url, demo.code, demo.adminToken, "closed", [health.id]);
    await context.setOffline(false);

    const held = area(page, health.title).locator('[data-held="closed"]');
    await held.waitFor({ timeout: 15_000 });
    expect(await held.textContent()).toContain(`Not sent — voting closed.`);
    expect(await held.textContent()).toContain(`(${label(a)} and ${label(b)})`);
    // The ticks show what the server holds; the banner and header agree that voting is closed.
    await page.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 1);
    await area(page, health.title).getByText("Voting closed", { exact: true }).waitFor();
    // The socket may still be reconnecting: a banner then must not promise to send what was refused.
    expect(await page.getByText("sent when it returns").count()).toBe(0);

    await page.reload();
    await area(page, health.title).locator('[data-held="closed"]').waitFor();
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1 });

    await setVoting(suite.server().url, demo.code, demo.adminToken, "open", [health.id]);
    const offer = area(page, health.title).locator('[data-held="open"]');
    await offer.waitFor({ timeout: 3000 });
    expect(await offer.textContent()).toContain("Voting has reopened.");
    // Offered, not sent behind the participant's back.
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1 });
    await offer.getByRole("button", { name: "Send this choice" }).click();
    await waitSaved(page, health.title);
    expect(await checkedTitles(page, health.title)).toEqual([a, b].sort());
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1, [b]: 1 });
    expect(await area(page, health.title).locator("[data-held]").count()).toBe(0);
    expect((await adminResults(suite.server().url, demo.code, demo.adminToken)).participants).toBe(1);
  });

  it("when every area has closed, the phone says the vote has ended and still names the unsent choice", async () => {
    const { demo, health, titles, page, context } = await savedThenQueuedOffline();
    const [a] = titles;
    await setVoting(suite.server().url, demo.code, demo.adminToken, "closed");
    await context.setOffline(false);
    await page.getByRole("heading", { name: "Voting has ended" }).waitFor({ timeout: 15_000 });
    await area(page, health.title).locator('[data-held="closed"]').waitFor({ timeout: 15_000 });
    await area(page, health.title).getByText(`Your choice: ${health.proposals.find((p) => p.title === a)?.label}.`).waitFor();
    expect(await page.getByText("until the area closes").count()).toBe(0);
    expect(await page.getByText("sent when it returns").count()).toBe(0);
  });
});

function idOf(a: { proposals: { id: string; title: string }[] }, title: string): string {
  const p = a.proposals.find((x) => x.title === title);
  if (!p) throw new Error(`no proposal ${title}`);
  return p.id;
}
