// The projector in a real Chromium against the real app: phones vote (over HTTP, as a phone's
// page does) and the projector's bars and turnout follow; on-reveal keeps counts off the screen
// until the facilitator reveals; the summary states the same top three as the Markdown export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PROJECTOR, actOnFirstDraw, api, createDemoEvent, join, launchBrowser, openVoting, startServer, vote } from "./harness";
import type { TestServer } from "../helpers/app";
import type { Event } from "../../shared/schemas";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

interface Projector {
  page: Page;
  requested: string[];
}

async function openProjector(code: string, screenKey: string, query = "", viewport = PROJECTOR.viewport): Promise<Projector> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  await page.goto(`${server.url}/e/${code}/screen${query}#key=${screenKey}`);
  await page.getByRole("heading", { name: "Vote on your phone" }).waitFor();
  return { page, requested };
}

/** The bars as the projector draws them, in ranked order (their visual slot, not DOM order). */
async function bars(page: Page): Promise<Array<{ title: string; place: string; votes: number }>> {
  const rows = await page.locator(".bar-row").evaluateAll((els) =>
    els.map((el) => ({
      slot: Number(el.getAttribute("aria-posinset")),
      title: el.querySelector(".bar-title")?.textContent ?? "",
      place: el.querySelector(".bar-place")?.textContent ?? "",
      votes: Number(el.querySelector(".bar-count")?.textContent),
    })),
  );
  return rows.sort((a, b) => a.slot - b.slot).map(({ title, place, votes }) => ({ title, place, votes }));
}

async function barWidth(page: Page, title: string): Promise<number> {
  const box = await page.locator(".bar-row", { hasText: title }).locator(".bar-fill").boundingBox();
  return box?.width ?? 0;
}

function proposalsOf(event: Event, areaIndex: number) {
  const area = event.areas[areaIndex];
  if (!area) throw new Error(`no area ${areaIndex}`);
  return { area, p: area.proposals.map((x) => x.id), titles: area.proposals.map((x) => x.title) };
}

describe("projector", () => {
  it("shows the join panel, then follows a phone's vote live in the bars and the turnout", async () => {
    const demo = await createDemoEvent(server.url);
    const { area, p, titles } = proposalsOf(demo.event, 0);
    await openVoting(server.url, demo.code, demo.adminToken, [area.id]);
    const { page, requested } = await openProjector(demo.code, demo.screenKey);

    const url = await page.getByTestId("join-url").textContent();
    expect(url).toMatch(new RegExp(`^https?://.+/e/${demo.code}$`));
    expect(await page.getByTestId("join-code").textContent()).toBe(demo.code);
    // the room's turnout counts people who voted against the 54 expected, never joined devices
    await expect.poll(() => page.getByTestId("turnout").textContent()).toBe("0 of 54 have voted");
    const qr = page.getByRole("img", { name: `QR code for ${url}` });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);

    const phone1 = await join(server.url, demo.code);
    await page.waitForTimeout(300);
    expect(await page.getByTestId("turnout").textContent()).toBe("0 of 54 have voted");

    await page.keyboard.press("ArrowRight");
    await page.getByRole("heading", { name: area.title }).waitFor();
    expect(await page.getByTestId("area-status").textContent()).toBe("Voting open");
    expect((await bars(page)).every((b) => b.votes === 0)).toBe(true);
    const before = await barWidth(page, titles[1] ?? "");

    expect((await vote(server.url, demo.code, phone1, area.id, [p[0] ?? "", p[1] ?? ""])).status).toBe(200);
    await expect.poll(async () => (await bars(page)).filter((b) => b.votes === 1).length).toBe(2);
    await expect.poll(() => page.getByTestId("area-turnout").textContent()).toBe("1 of 54 has voted");

    const phone2 = await join(server.url, demo.code);
    expect((await vote(server.url, demo.code, phone2, area.id, [p[1] ?? ""])).status).toBe(200);
    await expect.poll(async () => (await bars(page))[0]).toEqual({ title: titles[1], place: "1st", votes: 2 });
    expect((await bars(page))[1]).toEqual({ title: titles[0], place: "2nd", votes: 1 });
    // the leader's bar has grown from its zero stub to the chart's full scale (after its transition)
    await expect.poll(() => barWidth(page, titles[1] ?? "")).toBeGreaterThan(before + 200);

    // a changed vote moves the count and rank back
    expect((await vote(server.url, demo.code, phone2, area.id, [])).status).toBe(200);
    await expect.poll(async () => (await bars(page)).slice(0, 2).map((b) => b.place)).toEqual(["=1st", "=1st"]);

    // the screen key travels in the fragment only: never in a requested URL
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => u.includes(demo.screenKey))).toEqual([]);
  });

  it("under on-reveal shows turnout only until the facilitator reveals the area, and hides it again", async () => {
    const demo = await createDemoEvent(server.url, { resultsVisibility: "on-reveal" });
    const { area, p, titles } = proposalsOf(demo.event, 1);
    await openVoting(server.url, demo.code, demo.adminToken, [area.id]);
    for (const choice of [[0, 1], [0, 2], [0]]) {
      const token = await join(server.url, demo.code);
      expect((await vote(server.url, demo.code, token, area.id, choice.map((i) => p[i] ?? ""))).status).toBe(200);
    }
    const { page } = await openProjector(demo.code, demo.screenKey);
    await page.keyboard.press("2");
    await page.getByRole("heading", { name: area.title }).waitFor();

    const withheld = page.getByTestId("withheld");
    await withheld.waitFor();
    expect(await withheld.textContent()).toContain("Results hidden until the facilitator reveals them");
    await expect.poll(() => page.getByTestId("area-turnout").textContent()).toBe("3 of 54 have voted");
    expect(await page.locator(".bar-row").count()).toBe(0);

    const reveal = (revealed: boolean) =>
      api(server.url, "PATCH", `/api/events/${demo.code}/areas/${area.id}`, { token: demo.adminToken, body: { revealed } });
    expect((await reveal(true)).status).toBe(200);
    await expect.poll(async () => (await bars(page))[0]).toEqual({ title: titles[0], place: "1st", votes: 3 });
    expect((await bars(page)).slice(1, 3).map((b) => [b.place, b.votes])).toEqual([["=2nd", 1], ["=2nd", 1]]);
    expect(await withheld.count()).toBe(0);

    expect((await reveal(false)).status).toBe(200);
    await withheld.waitFor();
    expect(await page.locator(".bar-row").count()).toBe(0);

    // the summary keeps the same rule
    await page.keyboard.press("s");
    const card = page.locator(`.summary-card[data-area-id="${area.id}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain("Results hidden until the facilitator reveals them");
    expect(await card.getByTestId("summary-row").count()).toBe(0);
  });

  it("shows on the summary slide the same top three per area as the Markdown export", async () => {
    const demo = await createDemoEvent(server.url);
    await openVoting(server.url, demo.code, demo.adminToken);
    // 15 voters with a skew towards the first proposals, so the ranking has leaders and ties
    for (let v = 0; v < 15; v++) {
      const token = await join(server.url, demo.code);
      for (const [i, area] of demo.event.areas.entries()) {
        const ids = area.proposals.map((x) => x.id);
        const pick = [...new Set([ids[(v * (i + 1)) % 3], ids[(v * 7 + i) % ids.length]])].filter((x): x is string => !!x);
        expect((await vote(server.url, demo.code, token, area.id, pick)).status).toBe(200);
      }
    }
    const { page } = await openProjector(demo.code, demo.screenKey);
    await expect.poll(() => page.getByTestId("turnout").textContent()).toBe("15 of 54 have voted");
    await page.keyboard.press("S");
    await page.getByRole("heading", { name: "Top three per area" }).waitFor();

    const onScreen = await page.locator(".summary-card").evaluateAll((cards) =>
      cards.map((card) => ({
        area: card.querySelector("h2")?.textContent ?? "",
        rows: Array.from(card.querySelectorAll("[data-testid=summary-row]")).map((row) => [
          row.querySelector(".summary-place")?.textContent ?? "",
          row.querySelector(".summary-label")?.textContent ?? "",
          row.querySelector(".summary-title")?.textContent ?? "",
          row.querySelector(".summary-votes")?.textContent ?? "",
        ]),
      })),
    );

    const md = await api(server.url, "GET", `/api/events/${demo.code}/export?format=md`, { token: demo.adminToken });
    expect(md.status).toBe(200);
    const top = md.text.split(/^## /m).find((s) => s.startsWith("Top 3 per area")) ?? "";
    const unescape = (s: string) => s.replace(/\\(.)/g, "$1");
    const inExport = top.split(/^### /m).slice(1).map((section) => {
      const [heading = "", ...lines] = section.split("\n");
      return {
        area: unescape(heading.trim()),
        rows: lines
          .map((l) => /^- \*\*(.+?)\*\* \((.+?)\) (.+) — (\d+ votes?)$/.exec(l))
          .filter((m): m is RegExpExecArray => m !== null)
          .map((m) => [m[1] ?? "", m[2] ?? "", unescape(m[3] ?? ""), m[4] ?? ""]),
      };
    });

    expect(inExport).toHaveLength(4);
    expect(inExport.every((a) => a.rows.length >= 3)).toBe(true);
    expect(onScreen).toEqual(inExport);
  });

  it("is driven from the keyboard alone and keeps its slide in the fragment across a reload", async () => {
    const demo = await createDemoEvent(server.url);
    const areas = [...demo.event.areas].sort((a, b) => a.position - b.position);
    const { page } = await openProjector(demo.code, demo.screenKey);
    const heading = () => page.locator("h1").first().textContent();

    for (const area of areas) {
      await page.keyboard.press("ArrowRight");
      await expect.poll(heading).toBe(area.title);
    }
    await page.keyboard.press("ArrowRight");
    await expect.poll(heading).toBe("Top three per area");
    await page.keyboard.press("ArrowRight");
    await expect.poll(heading).toBe("Top three per area");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(heading).toBe(areas.at(-1)?.title);
    await page.keyboard.press("J");
    await expect.poll(heading).toBe("Vote on your phone");
    await page.keyboard.press("3");
    await expect.poll(heading).toBe(areas[2]?.title);
    expect(await page.getByTestId("area-status").textContent()).toBe("Not yet open");

    await page.reload();
    await expect.poll(heading).toBe(areas[2]?.title);
    expect(new URL(page.url()).hash).toContain(`key=${demo.screenKey}`);

    await page.keyboard.press("f");
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press("f");
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
  });

  it("drops its chrome with ?mini=1 and scales down whole", async () => {
    const demo = await createDemoEvent(server.url);
    const { page } = await openProjector(demo.code, demo.screenKey, "?mini=1", { width: 480, height: 270 });
    expect(await page.locator(".screen-foot").count()).toBe(0);
    const qr = await page.locator(".qr").boundingBox();
    // the QR code keeps its share of the stage: 80% of its height
    expect(qr?.height ?? 0).toBeGreaterThan(270 * 0.75);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || document.documentElement.scrollHeight > window.innerHeight);
    expect(overflow).toBe(false);
  });

  it("says when its connection drops and catches up with votes cast meanwhile", async () => {
    const demo = await createDemoEvent(server.url);
    const { area, p, titles } = proposalsOf(demo.event, 3);
    await openVoting(server.url, demo.code, demo.adminToken, [area.id]);
    const { page } = await openProjector(demo.code, demo.screenKey);
    await page.keyboard.press("4");
    await page.getByRole("heading", { name: area.title }).waitFor();
    const phone = await join(server.url, demo.code);
    expect((await vote(server.url, demo.code, phone, area.id, [p[2] ?? ""])).status).toBe(200);
    await expect.poll(async () => (await bars(page))[0]).toEqual({ title: titles[2], place: "1st", votes: 1 });

    // Cut the projector's transport (as a Wi-Fi drop does) and vote while it is away.
    const live = [...server.realtime.io.sockets.sockets.values()];
    expect(live.length).toBeGreaterThan(0);
    for (const socket of live) socket.conn.close();
    await page.getByRole("status").filter({ hasText: "Reconnecting" }).waitFor();
    expect((await vote(server.url, demo.code, phone, area.id, [p[3] ?? "", p[4] ?? ""])).status).toBe(200);

    await expect.poll(async () => (await bars(page)).slice(0, 2).map((b) => [b.title, b.place, b.votes])).toEqual([
      [titles[3], "=1st", 1],
      [titles[4], "=1st", 1],
    ]);
    expect((await bars(page)).find((b) => b.title === titles[2])?.votes).toBe(0);
    await page.getByRole("status").filter({ hasText: "Reconnecting" }).waitFor({ state: "detached" });
  });

  it("animates bars, except when the viewer asks for reduced motion", async () => {
    const demo = await createDemoEvent(server.url);
    const areaId = demo.event.areas[0]?.id ?? "";
    const durations = async (reducedMotion: "reduce" | "no-preference") => {
      const context = await browser.newContext({ ...PROJECTOR, reducedMotion });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/e/${demo.code}/screen#key=${demo.screenKey}&view=area-${areaId}`);
      await page.locator(".bar-fill").first().waitFor();
      return page.evaluate(() =>
        [".bar-fill", ".bar-row"].map((sel) => {
          const el = document.querySelector(sel);
          return el ? Math.max(...getComputedStyle(el).transitionDuration.split(",").map((d) => parseFloat(d) * (d.trim().endsWith("ms") ? 0.001 : 1))) : -1;
        }),
      );
    };
    for (const d of await durations("no-preference")) expect(d).toBeGreaterThanOrEqual(0.3);
    for (const d of await durations("reduce")) expect(d).toBeLessThan(0.01);
  });

  // A clicker pressed as the page comes up, in the very task after the first slide is drawn (the
  // page's plain effects wait for the next frame): the key is taken, not lost. The screen's words
  // arrive after the event, as they can on a busy laptop, so the stage and its first slide come in
  // one render.
  it("takes a key pressed the moment the first slide appears", async () => {
    const demo = await createDemoEvent(server.url);
    const [a1, a2] = [...demo.event.areas].sort((a, b) => a.position - b.position);
    const context = await browser.newContext(PROJECTOR);
    contexts.push(context);
    const page = await context.newPage();
    // The rules' catalog (it holds "votesLeft") is the last of the screen's words to load.
    await page.route(/\/assets\/[^/]*\.js$/, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes("votesLeft:")) await new Promise((r) => setTimeout(r, 1500));
      await route.fulfill({ response, body });
    });
    await actOnFirstDraw(page, ".slide h1", { key: "ArrowRight" });
    await page.goto(`${server.url}/e/${demo.code}/screen#key=${demo.screenKey}&view=area-${a1?.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(a2?.title);
  });

  it("refuses to start without its key, and says why", async () => {
    const demo = await createDemoEvent(server.url);
    const context = await browser.newContext(PROJECTOR);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/e/${demo.code}/screen`);
    await page.getByRole("heading", { name: "This projector link does not work" }).waitFor();
    await page.goto(`${server.url}/e/${demo.code}/screen#key=not-the-key`);
    await page.reload();
    await page.getByRole("heading", { name: "This projector link does not work" }).waitFor();
  });
});
