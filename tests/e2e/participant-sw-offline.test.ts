// The page that opens offline (client/sw.js): a phone that voted, lost the network and reloads sees
// its ballot and that it is offline; a choice made then is marked "not sent yet", and is sent (once)
// when the network returns. And an upgrade: a new build deployed while a phone is open never reloads
// it mid-vote, its votes still save, and the next load is the new build's page, not a stale copy.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_CLIENT_DIR } from "../../server/app";
import { buildApp, type PlenaryApp } from "../../server/app";
import { api, createDemoEvent, launchBrowser, PHONE } from "./harness";
import { area, checkedTitles, proposal, setVoting, votesIn, waitSaved } from "./participant-helpers";

let browser: Browser;
const dirs: string[] = [];
const apps: PlenaryApp[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const a of apps) await a.app.close().catch(() => {});
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The real app serving `clientDir` on `port` (0: any) over `databaseFile`. */
async function serve(clientDir: string, databaseFile: string, port = 0): Promise<{ app: PlenaryApp; url: string; port: number }> {
  const built = await buildApp({ databaseFile, clientDir, rateLimits: false, publicResultsIntervalMs: 250 });
  await built.app.listen({ port, host: "127.0.0.1" });
  apps.push(built);
  const p = (built.app.server.address() as AddressInfo).port;
  return { app: built, url: `http://127.0.0.1:${p}`, port: p };
}

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Polls an async check inside the page (waitForFunction would take its promise for a truthy value). */
async function pageEventually(page: Page, what: string, check: () => Promise<boolean>, timeout = 20_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await page.evaluate(check))) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await page.waitForTimeout(250);
  }
}

/** Waits until the worker is active and holds everything this page loaded from /assets/. */
async function offlineReady(page: Page): Promise<void> {
  await pageEventually(page, "the worker holds the page's files", async () => {
    const reg = await navigator.serviceWorker.getRegistration("/e/");
    if (!reg?.active) return false;
    const urls = performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith("/assets/"))
      .map((u) => u.pathname);
    const hits = await Promise.all([...urls, "/participant.html"].map((u) => caches.match(u, { ignoreVary: true })));
    return hits.every(Boolean);
  });
}

const cacheNames = (page: Page): Promise<string[]> => page.evaluate(() => caches.keys());

const banner = (page: Page) => page.locator(".pp-connection");

describe("the participant page offline (service worker)", () => {
  it("reloads with no network: the ballot, the offline state, a choice 'not sent yet', sent once when back", async () => {
    const dataDir = tempDir("plenary-sw-");
    const { url } = await serve(DEFAULT_CLIENT_DIR, join(dataDir, "plenary.db"));
    const demo = await createDemoEvent(url);
    await setVoting(url, demo.code, demo.adminToken, "open");
    const health = demo.event.areas[1]!;
    const [a, b] = health.proposals.map((p) => p.title) as [string, string];
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${url}/e/${demo.code}`);

    // The server answers /sw.js as a script that is never cached stale.
    const sw = await api(url, "GET", "/sw.js");
    expect(sw.status).toBe(200);
    expect(sw.headers.get("content-type")).toMatch(/javascript/);
    expect(sw.headers.get("cache-control")).toBe("no-cache");

    await proposal(page, health.title, a).check();
    await waitSaved(page, health.title);
    await offlineReady(page);

    await context.setOffline(true);
    await page.reload();
    // The ballot as this phone last saw it, its saved choice, and a clear offline state.
    await proposal(page, health.title, a).waitFor({ timeout: 10_000 });
    expect(await checkedTitles(page, health.title)).toEqual([a]);
    await banner(page).waitFor();
    expect(await banner(page).textContent()).toContain("No connection");
    await page.getByRole("heading", { level: 1, name: demo.event.title }).waitFor();

    // A choice made offline is kept and marked as not sent — never "saved".
    await proposal(page, health.title, b).check();
    await area(page, health.title).getByText("Not sent yet — will retry").waitFor();
    expect(await votesIn(url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1 });

    // Still offline, a second reload keeps it pending.
    await page.reload();
    await proposal(page, health.title, b).waitFor({ timeout: 10_000 });
    expect(await proposal(page, health.title, b).isChecked()).toBe(true);

    await context.setOffline(false);
    await waitSaved(page, health.title, 20_000);
    expect(await votesIn(url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1, [b]: 1 });
    // Exactly once: one participant, one ballot in the export.
    const exported = await api(url, "GET", `/api/events/${demo.code}/export?format=json`, { token: demo.adminToken });
    const ballots = (exported.body as { ballots: { areaId: string; proposalIds: string[] }[] }).ballots.filter((x) => x.areaId === health.id);
    expect(ballots.length).toBe(1);
    expect([...ballots[0]!.proposalIds].sort()).toEqual([health.proposals[0]!.id, health.proposals[1]!.id].sort());
    // The live connection comes back at once with the network (not after its backoff).
    await banner(page).waitFor({ state: "detached", timeout: 5000 });
    await context.close();
  });

  it("an upgrade while a phone is open: no reload mid-vote, votes still save, the next load is the new build", async () => {
    const dataDir = tempDir("plenary-sw-up-");
    const databaseFile = join(dataDir, "plenary.db");
    const oldBuild = tempDir("plenary-build-a-");
    cpSync(DEFAULT_CLIENT_DIR, oldBuild, { recursive: true });
    const first = await serve(oldBuild, databaseFile);
    const { url, port } = first;
    const demo = await createDemoEvent(url);
    await setVoting(url, demo.code, demo.adminToken, "open");
    const health = demo.event.areas[1]!;
    const [a, b] = health.proposals.map((p) => p.title) as [string, string];
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${url}/e/${demo.code}`);
    await proposal(page, health.title, a).check();
    await waitSaved(page, health.title);
    await offlineReady(page);
    const oldWorkerBuild = (await cacheNames(page)).filter((k) => k !== "plenary-meta");
    expect(oldWorkerBuild.length).toBe(1);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    // The new build: another worker, another page (marked), served by a restarted server.
    const newBuild = tempDir("plenary-build-b-");
    cpSync(oldBuild, newBuild, { recursive: true });
    const swFile = join(newBuild, "sw.js");
    writeFileSync(swFile, readFileSync(swFile, "utf8").replace(/^const BUILD = "[^"]*";/, 'const BUILD = "upgrade-test";'));
    const htmlFile = join(newBuild, "participant.html");
    writeFileSync(htmlFile, readFileSync(htmlFile, "utf8").replace("</head>", '<meta name="plenary-build" content="B"></head>'));
    for (const f of ["sw.js", "participant.html"]) for (const ext of [".gz", ".br"]) rmSync(join(newBuild, f + ext), { force: true });
    await first.app.app.close();
    await serve(newBuild, databaseFile, port);

    // The open page learns of the new worker (the browser checks on its own; here, as on navigation).
    // Installed is not enough to go on: its cache exists from the start of its install, and a reload
    // during the swap of workers raced it (a CI run's reload never reached "load"). The new worker
    // takes the open page over once active (clients.claim): that change is the signal.
    await page.evaluate(async () => {
      navigator.serviceWorker.addEventListener("controllerchange", () => ((window as unknown as { swapped: boolean }).swapped = true));
      await (await navigator.serviceWorker.getRegistration("/e/"))?.update();
    });
    await pageEventually(page, "the new worker active and in control", async () => {
      const reg = await navigator.serviceWorker.getRegistration("/e/");
      return (window as unknown as { swapped?: boolean }).swapped === true && reg?.active?.state === "activated" && !reg.installing && !reg.waiting && (await caches.keys()).includes("plenary-upgrade-test");
    });
    // Mid-vote: the page was not reloaded, and a tap still saves.
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await proposal(page, health.title, b).check();
    await waitSaved(page, health.title);
    expect(await votesIn(url, demo.code, demo.adminToken, health.title)).toEqual({ [a]: 1, [b]: 1 });

    // The next load is the new build's page; the old build's cache is kept for pages still open.
    await page.reload();
    await proposal(page, health.title, b).waitFor();
    expect(await page.locator('meta[name="plenary-build"]').getAttribute("content")).toBe("B");
    expect(await checkedTitles(page, health.title)).toEqual([a, b].sort());
    const names = await cacheNames(page);
    expect(names).toContain("plenary-upgrade-test");
    for (const k of oldWorkerBuild) expect(names).toContain(k);
    // Offline after the upgrade: the new build's shell.
    await offlineReady(page);
    await context.setOffline(true);
    await page.reload();
    await proposal(page, health.title, b).waitFor({ timeout: 10_000 });
    expect(await page.locator('meta[name="plenary-build"]').getAttribute("content")).toBe("B");
    await context.close();
  });
});
