// Waking from the lock screen: a phone asleep while the organiser closed an area shows the current
// state within a second of waking. The sleep: the page is told it is hidden (visibilitychange, as a
// phone's browser does at the lock screen), then its scripts are suspended (CDP
// Emulation.setScriptExecutionDisabled: no timers, no socket messages handled). Waking undoes both
// in the other order. (Page.setWebLifecycleState "frozen" would be closer, but headless Chromium
// keeps its pages visible and does not freeze them: timers kept running in a trial.)
// A ten-minute sleep is compressed to six seconds (past the page's 5 s after which it opens a fresh socket on waking);
// what makes it ten minutes for the page is done to its live connection meanwhile, on the server:
// either the pushes sent while it slept never reach it (its socket still looks open: a half-open
// connection after the radio slept), or the server has dropped it (ping timeout).
import { describe, expect, it } from "vitest";
import type { CDPSession, Page } from "playwright-core";
import { createDemoEvent } from "./harness";
import { area, participantSockets, phoneSuite, proposal, setVoting, waitSaved } from "./participant-helpers";

const suite = phoneSuite();

async function phoneThatVoted() {
  const server = suite.server();
  const demo = await createDemoEvent(server.url);
  await setVoting(server.url, demo.code, demo.adminToken, "open");
  const health = demo.event.areas[1]!;
  const { page, context } = await suite.phone(`${server.url}/e/${demo.code}`);
  await proposal(page, health.title, health.proposals[0]!.title).check();
  await waitSaved(page, health.title);
  // The live connection is up (the phone's socket with its token).
  const sockets = () => participantSockets(server, demo.code);
  for (let i = 0; sockets().length === 0; i++) {
    if (i > 100) throw new Error("the phone's socket never connected");
    await page.waitForTimeout(100);
  }
  const cdp = await context.newCDPSession(page);
  return { server, demo, health, page, cdp, sockets };
}

/** The page as the browser sees it behind the lock screen, or in front again. */
async function setVisibility(page: Page, state: "hidden" | "visible"): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => s === "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

async function sleepPhone(page: Page, cdp: CDPSession): Promise<void> {
  await setVisibility(page, "hidden");
  await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
}

async function wakePhone(page: Page, cdp: CDPSession): Promise<void> {
  await cdp.send("Emulation.setScriptExecutionDisabled", { value: false });
  await setVisibility(page, "visible");
}

/** Resumes the page and measures how long until the area says voting is closed. */
async function wakeAndTime(page: Page, cdp: CDPSession, areaTitle: string): Promise<number> {
  const started = Date.now();
  await wakePhone(page, cdp);
  await area(page, areaTitle).getByText("Voting closed", { exact: true }).first().waitFor({ timeout: 5000 });
  return Date.now() - started;
}

describe("a phone waking from the lock screen", () => {
  it("shows an area closed while it slept within a second, though the pushes never reached it", async () => {
    const { server, demo, health, page, cdp, sockets } = await phoneThatVoted();
    await sleepPhone(page, cdp);
    // The connection still looks open to the phone, but nothing sent meanwhile arrives.
    for (const s of sockets()) for (const room of [...s.rooms]) if (room !== s.id) await s.leave(room);
    await setVoting(server.url, demo.code, demo.adminToken, "closed", [health.id]);
    await page.waitForTimeout(6000);
    const ms = await wakeAndTime(page, cdp, health.title);
    console.info(`wake → area shown closed: ${ms} ms`);
    expect(ms).toBeLessThanOrEqual(1000);
  });

  it("shows it within a second when the server dropped its socket while it slept", async () => {
    const { server, demo, health, page, cdp, sockets } = await phoneThatVoted();
    await sleepPhone(page, cdp);
    for (const s of sockets()) s.disconnect(true);
    await setVoting(server.url, demo.code, demo.adminToken, "closed", [health.id]);
    await page.waitForTimeout(6000);
    const ms = await wakeAndTime(page, cdp, health.title);
    console.info(`wake → area shown closed: ${ms} ms`);
    expect(ms).toBeLessThanOrEqual(1000);
    // And the live connection is back, so later changes arrive by themselves.
    for (let i = 0; sockets().length === 0; i++) {
      if (i > 50) throw new Error("the phone did not reconnect after waking");
      await page.waitForTimeout(100);
    }
  });
});
