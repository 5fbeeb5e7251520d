// The projector with the default live batches (issue 15): the full-length forum expects 54 people,
// so its room's bars move every 15 s and only after 5 changed ballots. In a real Chromium: the note
// "Updates every 15 s" is beside the open area's bars; four ballots leave the bars at zero, however
// long one waits; the fifth brings all five at the next batch (≤ 15 s after the last update).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { PROJECTOR, createEvent, join, launchBrowser, openVoting, startServer, vote } from "./harness";
import type { TestServer } from "../helpers/app";
import { demoEventBody } from "../../server/demo";
import { EVENT_DEFAULTS } from "../../shared/limits";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("projector with live batches (the default for 54 expected)", () => {
  it("says it updates every 15 s, holds the bars until 5 ballots, then moves once", async () => {
    // The demo as an organiser creates it: no batch setting given, so the default applies.
    const demo = await createEvent(server.url, demoEventBody());
    expect([demo.event.liveBatchSeconds, demo.event.liveBatchBallots]).toEqual([EVENT_DEFAULTS.liveBatchSeconds, EVENT_DEFAULTS.liveBatchBallots]);
    const area = demo.event.areas[0]!;
    await openVoting(server.url, demo.code, demo.adminToken, [area.id]);
    const phones = await Promise.all(Array.from({ length: 5 }, () => join(server.url, demo.code)));

    const context = await browser.newContext({ viewport: PROJECTOR.viewport });
    const page = await context.newPage();
    await page.goto(`${server.url}/e/${demo.code}/screen#key=${demo.screenKey}`);
    await page.getByRole("heading", { name: "Vote on your phone" }).waitFor();
    await page.keyboard.press("ArrowRight");
    await page.getByRole("heading", { name: area.title }).waitFor();
    expect(await page.getByTestId("batch-note").textContent()).toBe("Updates every 15 s");
    const counted = () => page.locator(".bar-row .bar-count").evaluateAll((els) => els.reduce((n, el) => n + Number(el.textContent), 0));
    expect(await counted()).toBe(0);

    const opened = Date.now();
    for (const phone of phones.slice(0, 4)) expect((await vote(server.url, demo.code, phone, area.id, [area.proposals[0]!.id])).status).toBe(200);
    // Four ballots: nothing moves, even past the batch's 15 s (and a reload shows no more).
    await page.waitForTimeout(Math.max(0, opened + 16_000 - Date.now()));
    expect(await counted()).toBe(0);
    // (The slide is kept in the fragment across a reload: the area's slide comes back by itself.)
    await page.reload();
    await page.getByRole("heading", { name: area.title }).waitFor();
    await page.locator(".bar-row").first().waitFor();
    expect(await counted()).toBe(0);

    // The fifth: the batch is due (15 s passed), so all five show together.
    expect((await vote(server.url, demo.code, phones[4]!, area.id, [area.proposals[0]!.id])).status).toBe(200);
    await expect.poll(counted, { timeout: 5000 }).toBe(5);
    await context.close();
  }, 60_000);
});
