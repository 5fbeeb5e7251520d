// The projector with the forum at full length (40 paragraph proposals, 54 people) in a real
// Chromium at 1920×1080 and 1280×720: the bars' text is large enough for the back row, the winners
// slide shows the reported top three of each area whole (measured in the page: nothing scrolls,
// clamps or ends in an ellipsis), reading mode presents every proposal in full, the turnout counts
// the 54 who voted against the 54 expected while 3 phones only look, and the keys are listed.
// Set PLENARY_SCREENSHOTS=dir to keep a screenshot of every slide measured.
import { mkdirSync } from "node:fs";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PHONE, api, createDemoEvent, join, launchBrowser, openVoting, startServer, vote } from "./harness";
import { FORUM, voteTheForum } from "../helpers/forum";
import type { CreatedTestEvent, TestServer } from "../helpers/app";

const SHOTS = process.env.PLENARY_SCREENSHOTS;
const VIEWPORTS = [
  { name: "1080p", width: 1920, height: 1080 },
  { name: "720p", width: 1280, height: 720 },
] as const;

let server: TestServer;
let browser: Browser;
let forum: CreatedTestEvent;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  forum = await createDemoEvent(server.url);
  await openVoting(server.url, forum.code, forum.adminToken);
  // Each area's reported top three gets 30 / 22 / 16 votes, the rest share the second votes (ties).
  await voteTheForum(server.url, forum, { top: [30, 22, 16] });
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function openProjector(demo: CreatedTestEvent, viewport: { width: number; height: number }, view = ""): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/e/${demo.code}/screen#key=${demo.screenKey}${view}`);
  await page.locator(".slide").first().waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: joinPath(SHOTS, `${name}.png`) });
}

/**
 * Every way a text can be cut, measured in the page for the shown slide: an element (or any
 * ancestor up to the stage) that scrolls across or down, an ellipsis, a line clamp, or a text box
 * that lies outside the viewport. Returns a description of each cut found.
 */
function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const cuts: string[] = [];
    const stage = document.querySelector(".stage");
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const what = `${el.className}: ${(el.textContent ?? "").slice(0, 40)}`;
      for (let node: HTMLElement | null = el; node && node !== stage; node = node.parentElement) {
        if (node.scrollHeight > node.clientHeight + 1) cuts.push(`${what} — ${node.className} scrolls down`);
        if (node.scrollWidth > node.clientWidth + 1) cuts.push(`${what} — ${node.className} scrolls across`);
        const style = getComputedStyle(node);
        if (style.textOverflow === "ellipsis") cuts.push(`${what} — ${node.className} has an ellipsis`);
        if (style.webkitLineClamp !== "none" && style.webkitLineClamp !== "") cuts.push(`${what} — ${node.className} is line-clamped`);
      }
      const box = el.getBoundingClientRect();
      if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1) cuts.push(`${what} — off screen`);
      if (box.height < 1) cuts.push(`${what} — has no height`);
    }
    return cuts;
  }, selector);
}

const heading = (page: Page) => page.locator(".slide h1").first().textContent();

describe("projector with the full-length forum", () => {
  for (const vp of VIEWPORTS) {
    it(`shows each area's bars with label, count and text of back-row size at ${vp.name}`, async () => {
      const page = await openProjector(forum, vp);
      const figures: string[] = [];
      for (const [a, area] of forum.event.areas.entries()) {
        await page.keyboard.press(String(a + 1));
        await expect.poll(() => heading(page)).toBe(area.title);
        await page.locator(".bar-row").first().waitFor();
        const rows = await page.locator(".bar-row").evaluateAll((els) =>
          els.map((el) => {
            const title = el.querySelector<HTMLElement>(".bar-title");
            const box = el.getBoundingClientRect();
            const chart = el.closest(".chart-box")?.getBoundingClientRect();
            return {
              slot: Number(el.getAttribute("aria-posinset")),
              label: el.querySelector(".bar-label")?.textContent ?? "",
              count: el.querySelector(".bar-count")?.textContent ?? "",
              font: parseFloat(getComputedStyle(title ?? el).fontSize),
              lines: title ? Math.round(title.clientHeight / parseFloat(getComputedStyle(title).lineHeight)) : 0,
              inside: !!chart && box.top >= chart.top - 1 && box.bottom <= chart.bottom + 1 && box.left >= chart.left - 1 && box.right <= chart.right + 1,
            };
          }),
        );
        rows.sort((x, y) => x.slot - y.slot);
        expect(rows).toHaveLength(area.proposals.length);
        const labels = new Map(area.proposals.map((p) => [p.id, p.label]));
        const top = FORUM.areas[a]?.reportedTop3 ?? [];
        expect(rows.slice(0, 3).map((r) => [r.label, r.count])).toEqual([
          [area.proposals[top[0] ?? 0]?.label, "30"],
          [area.proposals[top[1] ?? 0]?.label, "22"],
          [area.proposals[top[2] ?? 0]?.label, "16"],
        ]);
        expect(new Set(rows.map((r) => r.label))).toEqual(new Set(labels.values()));
        for (const r of rows) {
          expect(r.inside).toBe(true);
          expect(r.lines).toBeGreaterThanOrEqual(1);
          // ≥ 32 px at 1080p, and the same share of the height at any other size
          expect(r.font).toBeGreaterThanOrEqual((32 * vp.height) / 1080);
        }
        // the footer's join address and code are never cut by the key hints beside them
        expect(await page.locator(".foot-join").evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
        figures.push(`${area.prefix}: ${rows.length} bars, ${rows[0]?.font.toFixed(1)} px, ${rows[0]?.lines} lines`);
        await shot(page, `bars-${vp.name}-${area.prefix}`);
      }
      console.log(`bars at ${vp.name}: ${figures.join("; ")}`);
    });

    it(`shows each area's reported top three in full on its winners slide at ${vp.name}`, async () => {
      const page = await openProjector(forum, vp);
      const figures: string[] = [];
      for (const [a, area] of forum.event.areas.entries()) {
        await page.keyboard.press(String(a + 1));
        await expect.poll(() => heading(page)).toBe(area.title);
        await page.keyboard.press("w");
        await page.getByTestId("winner").first().waitFor();
        expect(await page.locator(".slide .eyebrow").textContent()).toContain("Top three");
        const winners = await page.getByTestId("winner").evaluateAll((els) =>
          els.map((el) => ({
            place: el.querySelector(".winner-place")?.textContent ?? "",
            label: el.querySelector(".winner-label")?.textContent ?? "",
            votes: el.querySelector(".winner-votes")?.textContent ?? "",
            text: el.querySelector(".winner-text")?.textContent ?? "",
            font: parseFloat(getComputedStyle(el.querySelector(".winner-text") ?? el).fontSize),
          })),
        );
        const top = (FORUM.areas[a]?.reportedTop3 ?? []).map((i) => area.proposals[i]);
        expect(winners.map(({ place, label, votes, text }) => ({ place, label, votes, text }))).toEqual([
          { place: "1st", label: top[0]?.label, votes: "30 votes", text: top[0]?.title },
          { place: "2nd", label: top[1]?.label, votes: "22 votes", text: top[1]?.title },
          { place: "3rd", label: top[2]?.label, votes: "16 votes", text: top[2]?.title },
        ]);
        // settle the fit (fonts, resize observer), then measure every text on the slide
        await page.waitForTimeout(100);
        expect(await cutTexts(page, ".winners .winner-text, .winners .winner-side > *, .winners .eyebrow")).toEqual([]);
        const font = Math.min(...winners.map((w) => w.font));
        expect(font).toBeGreaterThanOrEqual((24 * vp.height) / 1080);
        figures.push(`${area.prefix}: ${font.toFixed(1)} px`);
        await shot(page, `winners-${vp.name}-${area.prefix}`);
        await page.keyboard.press("w");
        await page.locator(".bar-row").first().waitFor();
      }
      console.log(`winners text at ${vp.name}: ${figures.join("; ")}`);
    });

    it(`reads out every proposal of every area in full, stepping with the keys, at ${vp.name}`, async () => {
      const draft = await createDemoEvent(server.url);
      const page = await openProjector(draft, vp);
      await page.keyboard.press("r");
      const seen: Array<{ label: string; text: string }> = [];
      let pages = 0;
      // ↓ steps through an area's pages, then on into the next area's first page
      for (let step = 0; step < 60; step++) {
        await page.getByTestId("reading-item").first().waitFor();
        const where = `${await page.locator(".reading").getAttribute("data-area-id")}:${await page.locator(".reading").getAttribute("data-page")}`;
        const items = await page.getByTestId("reading-item").evaluateAll((els) =>
          els.map((el) => ({ label: el.querySelector(".reading-label")?.textContent ?? "", text: el.querySelector(".reading-text")?.textContent ?? "" })),
        );
        await page.waitForTimeout(50);
        expect(await cutTexts(page, ".reading .reading-text, .reading .reading-label, .reading .eyebrow")).toEqual([]);
        const font = await page.locator(".reading-text").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        expect(font).toBeGreaterThanOrEqual((32 * vp.height) / 1080);
        if (pages < 2 || (where.endsWith(":1") && seen.length > 0)) await shot(page, `reading-${vp.name}-${pages}`);
        seen.push(...items);
        pages += 1;
        await page.keyboard.press("ArrowDown");
        // the last page of the last area stays put
        const moved = await expect
          .poll(async () => `${await page.locator(".reading").getAttribute("data-area-id")}:${await page.locator(".reading").getAttribute("data-page")}`, { timeout: 1000 })
          .not.toBe(where)
          .then(() => true, () => false);
        if (!moved) break;
      }
      const all = draft.event.areas.flatMap((a) => [...a.proposals].sort((x, y) => x.position - y.position).map((p) => ({ label: p.label, text: p.title })));
      expect(seen).toEqual(all);
      expect(pages).toBeGreaterThan(draft.event.areas.length);
      expect(pages).toBeLessThan(all.length);
      // ↑ goes back a page (across the area boundary too); Esc leaves reading mode for the bars
      const lastArea = draft.event.areas.at(-1);
      const lastPage = Number(await page.locator(".reading").getAttribute("data-page"));
      expect(lastPage).toBeGreaterThan(1);
      await page.keyboard.press("ArrowUp");
      await expect.poll(() => page.locator(".reading").getAttribute("data-page")).toBe(String(lastPage - 1));
      await page.keyboard.press("Escape");
      await expect.poll(() => heading(page)).toBe(lastArea?.title);
      expect(await page.locator(".slide.area").count()).toBe(1);
    });
  }

  it('counts people: "54 of 54 have voted" with 3 phones that only look', async () => {
    const lookers: Page[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext(PHONE);
      contexts.push(context);
      const phone = await context.newPage();
      await phone.goto(`${server.url}/e/${forum.code}`);
      await phone.getByText(forum.event.areas[0]?.proposals[0]?.title ?? "", { exact: false }).first().waitFor();
      lookers.push(phone);
    }
    const page = await openProjector(forum, VIEWPORTS[0]);
    await expect.poll(() => page.getByTestId("turnout").textContent()).toBe("54 of 54 have voted");
    await shot(page, "join-1080p");
    await page.keyboard.press("1");
    await expect.poll(() => page.getByTestId("area-turnout").textContent()).toBe("54 of 54 have voted");
    await page.keyboard.press("s");
    await page.getByTestId("summary-row").first().waitFor();
    await shot(page, "summary-1080p");
    const results = await api(server.url, "GET", `/api/events/${forum.code}/results`, { token: forum.adminToken });
    expect((results.body as { voters: number }).voters).toBe(54);
    expect(lookers).toHaveLength(3);
  });

  it("keeps counts of an unrevealed area off the winners slide, though its key could read them", async () => {
    const demo = await createDemoEvent(server.url, { resultsVisibility: "on-reveal", expectedParticipants: 0 });
    const area = demo.event.areas[0];
    if (!area) throw new Error("no area");
    await openVoting(server.url, demo.code, demo.adminToken, [area.id]);
    for (let v = 0; v < 3; v++) {
      const token = await join(server.url, demo.code);
      expect((await vote(server.url, demo.code, token, area.id, [area.proposals[0]?.id ?? ""])).status).toBe(200);
    }
    const page = await openProjector(demo, VIEWPORTS[1], `&view=winners-${area.id}`);
    await page.getByTestId("withheld").waitFor();
    expect(await page.getByTestId("withheld").textContent()).toContain("Results hidden until the facilitator reveals them");
    expect(await page.getByTestId("area-turnout").textContent()).toBe("3 people have voted");
    expect(await page.getByTestId("winner").count()).toBe(0);
    expect(await page.locator(".slide").textContent()).not.toContain("votes");

    const reveal = await api(server.url, "PATCH", `/api/events/${demo.code}/areas/${area.id}`, { token: demo.adminToken, body: { revealed: true } });
    expect(reveal.status).toBe(200);
    await expect.poll(() => page.getByTestId("winner").first().getAttribute("data-votes")).toBe("3");
  });

  it("lists its keys on screen, and all of them on ?", async () => {
    const page = await openProjector(forum, VIEWPORTS[1]);
    const hints = await page.getByTestId("key-hints").textContent();
    for (const word of ["areas", "winners", "reading", "summary", "evaluation", "join", "full screen", "keys"]) expect(hints).toContain(word);
    // When the line gives way, "? all keys" is never the part cut off.
    expect(await page.locator(".foot-keys-all").evaluate((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.left >= -1 && r.right <= innerWidth + 1; })).toBe(true);
    // The hints that fit are shown whole, the others not at all: never a key without its word.
    const line = await page.locator(".foot-keys-some").evaluate((el) => {
      const box = el.getBoundingClientRect();
      return Array.from(el.querySelectorAll<HTMLElement>(".foot-hint")).map((h) => {
        const r = h.getBoundingClientRect();
        return { shown: !h.hidden && r.width > 0, whole: r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 };
      });
    });
    expect(line.filter((h) => h.shown).length).toBeGreaterThan(1);
    expect(line.filter((h) => h.shown && !h.whole)).toEqual([]);
    // Those left out are the last ones: the line reads from its start.
    expect(line.map((h) => h.shown)).toEqual([...line].map((h) => h.shown).sort((a, b) => Number(b) - Number(a)));
    expect(await page.getByTestId("key-help").count()).toBe(0);
    await page.keyboard.press("?");
    const help = page.getByTestId("key-help");
    await help.waitFor();
    for (const word of ["winners", "reading mode", "PageUp", "full screen"]) expect(await help.textContent()).toContain(word);
    await shot(page, "keys-720p");
    await page.keyboard.press("?");
    await help.waitFor({ state: "detached" });

    // R from the join panel reads the first area; → keeps reading mode; W from there shows winners
    await page.keyboard.press("R");
    await page.locator(".reading").waitFor();
    expect(await page.getByTestId("key-hints").textContent()).toContain("proposals");
    // the hints never push the join address and code off the footer
    expect(await page.locator(".foot-join").evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => heading(page)).toBe(forum.event.areas[1]?.title);
    expect(await page.locator(".reading").count()).toBe(1);
    await page.keyboard.press("W");
    await page.getByTestId("winner").first().waitFor();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => heading(page)).toBe(forum.event.areas[2]?.title);
    expect(await page.getByTestId("winner").count()).toBe(3);
    // the slide survives a reload, page and all
    await page.keyboard.press("r");
    await page.keyboard.press("PageDown");
    await expect.poll(() => page.locator(".reading").getAttribute("data-page")).toBe("2");
    await page.reload();
    await expect.poll(() => page.locator(".reading").getAttribute("data-page")).toBe("2");
    expect(await heading(page)).toBe(forum.event.areas[2]?.title);
  });
});
