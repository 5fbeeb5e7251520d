// The projector in the event's language, in a real Chromium at 1920×1080: the full-length forum
// with `language: "ar"` is shown right to left (`<html lang="ar" dir="rtl">`), its bars growing
// from the right, and its bars, winners, summary and key list carry no English word of Plenary's
// own — only the organiser's texts, labels, numbers, the address and the code are Latin. `?lang=fr`
// pins French on the same event; an unknown `?lang=` falls back quietly to the event's language.
// Set PLENARY_SCREENSHOTS=dir to keep the screenshots looked at (bars, winners, summary, keys).
import { mkdirSync } from "node:fs";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createDemoEvent, launchBrowser, openVoting, startServer } from "./harness";
import { voteTheForum } from "../helpers/forum";
import type { CreatedTestEvent, TestServer } from "../helpers/app";

const SHOTS = process.env.PLENARY_SCREENSHOTS;
const FULL_HD = { width: 1920, height: 1080 };

let server: TestServer;
let browser: Browser;
let forum: CreatedTestEvent;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  forum = await createDemoEvent(server.url, { language: "ar" });
  await openVoting(server.url, forum.code, forum.adminToken);
  // Each area's reported top three gets 30 / 22 / 16 votes, the rest share the second votes (ties).
  await voteTheForum(server.url, forum, { top: [30, 22, 16] });
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function openProjector(query = "", view = ""): Promise<Page> {
  const context = await browser.newContext({ viewport: FULL_HD });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/e/${forum.code}/screen${query}#key=${forum.screenKey}${view}`);
  await page.locator(".slide").first().waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: joinPath(SHOTS, `${name}.png`) });
}

const heading = (page: Page) => page.locator(".slide h1").first().textContent();
const html = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/**
 * The stage's visible text (and its accessible names) with everything the organiser wrote taken
 * out — event title, area titles, proposal texts and labels — and the join address, the code and
 * the key caps (letters printed on the keyboard). What remains is Plenary's own words.
 */
async function plenaryWords(page: Page): Promise<string> {
  const { text, caps, names } = await page.evaluate(() => {
    const stage = document.querySelector<HTMLElement>(".stage");
    const named = Array.from(document.querySelectorAll<HTMLElement>(".stage [aria-label], .stage img[alt]"));
    return {
      text: stage?.innerText ?? "",
      caps: Array.from(document.querySelectorAll(".stage kbd")).map((k) => k.textContent ?? ""),
      names: named.map((el) => el.getAttribute("aria-label") ?? el.getAttribute("alt") ?? "").join("\n"),
    };
  });
  const organiser = [
    forum.event.title,
    ...forum.event.areas.flatMap((a) => [a.title, ...a.proposals.flatMap((p) => [p.title, p.label])]),
    `${server.url}/e/${forum.code}`,
    forum.code,
    forum.code.split("").join(" "), // spelled out for a screen reader
    ...caps,
  ]
    .filter((s) => s.trim() !== "")
    .sort((x, y) => y.length - x.length);
  let rest = `${text}\n${names}`.replace(/\s+/g, " ");
  // innerText applies text-transform (the eyebrow is upper case), so the organiser's texts are matched case-blind.
  for (const s of organiser) rest = rest.replace(new RegExp(s.replace(/\s+/g, " ").replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), " ");
  // The URL's pieces (scheme, host) sit in separate elements and innerText may break them apart.
  return rest.replace(/https?:\/\/[^\s]+/g, " ").replace(/127\.0\.0\.1:\d+|localhost:\d+/g, " ");
}

/** Until the bars have stopped gliding (a new layout moves rows by a 700 ms transition) and the fit has settled. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
  await page.waitForTimeout(100);
}

/** Whatever spills at this size: the page scrolls sideways, or a text element lies outside the viewport or scrolls across. */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page scrolls across (${doc.scrollWidth} > ${doc.clientWidth})`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(".stage *"))) {
      if (!el.textContent?.trim() || el.closest(".visually-hidden, .foot-keys")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const what = `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? "").slice(0, 30)}`;
      if (box.left < -1 || box.right > window.innerWidth + 1 || box.top < -1 || box.bottom > window.innerHeight + 1) out.push(`${what} — off screen`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") out.push(`${what} — scrolls across`);
    }
    return out;
  });
}

describe("projector in the event's language (Arabic, right to left)", () => {
  it("shows bars that grow from the right, in Arabic words only, with nothing spilling at 1920×1080", async () => {
    const page = await openProjector();
    await expect.poll(() => html(page)).toEqual({ lang: "ar", dir: "rtl" });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("صوّت من هاتفك");
    await expect.poll(() => page.getByTestId("turnout").textContent()).toBe("صوّت 54 من أصل 54");
    expect(await plenaryWords(page)).not.toMatch(/[A-Za-z]/);
    await shot(page, "ar-join");
    for (const [a, area] of forum.event.areas.entries()) {
      await page.keyboard.press(String(a + 1));
      await expect.poll(() => heading(page)).toBe(area.title);
      await page.locator(".bar-row").first().waitFor();
      const geometry = await page.locator(".bar-row").evaluateAll((els) =>
        els.map((el) => {
          const track = el.querySelector(".bar-track")?.getBoundingClientRect();
          const fill = el.querySelector(".bar-fill")?.getBoundingClientRect();
          const place = el.querySelector<HTMLElement>(".bar-place");
          return {
            slot: Number(el.getAttribute("aria-posinset")),
            place: place?.textContent ?? "",
            placeFits: !!place && place.scrollWidth <= place.clientWidth + 1,
            left: el.getBoundingClientRect().left,
            fillRightGap: track && fill ? track.right - fill.right : NaN,
            fillLeftGap: track && fill ? fill.left - track.left : NaN,
          };
        }),
      );
      geometry.sort((x, y) => x.slot - y.slot);
      const leader = geometry[0];
      const last = geometry.at(-1);
      // the leader's bar fills its track; a shorter one is anchored at the right (inline start)
      expect(leader?.fillLeftGap).toBeLessThan(2);
      expect(last?.fillRightGap).toBeLessThan(2);
      expect(last?.fillLeftGap).toBeGreaterThan(100);
      // places in Arabic words, a tie marked "مكرر", and every place whole in its column
      expect(geometry.slice(0, 3).map((g) => g.place)).toEqual(["الأول", "الثاني", "الثالث"]);
      expect(geometry.some((g) => g.place.endsWith("مكرر"))).toBe(true);
      expect(geometry.filter((g) => !g.placeFits).map((g) => g.place)).toEqual([]);
      // a second column, when there is one, lies to the left of the first
      const lefts = [...new Set(geometry.map((g) => Math.round(g.left)))];
      if (lefts.length > 1) expect(geometry[0]?.left).toBe(Math.max(...geometry.map((g) => g.left)));
      expect(await page.getByTestId("area-status").textContent()).toBe("التصويت مفتوح");
      expect(await page.getByTestId("area-turnout").textContent()).toBe("صوّت 54 من أصل 54");
      expect(await plenaryWords(page)).not.toMatch(/[A-Za-z]/);
      await settled(page);
      expect(await overflows(page)).toEqual([]);
      await shot(page, `ar-bars-${area.prefix}`);
    }
  });

  it("shows the winners and the summary in Arabic words only, whole at 1920×1080", async () => {
    const page = await openProjector();
    for (const [a, area] of forum.event.areas.entries()) {
      await page.keyboard.press(String(a + 1));
      await expect.poll(() => heading(page)).toBe(area.title);
      await page.keyboard.press("w");
      await page.getByTestId("winner").first().waitFor();
      const winners = await page.getByTestId("winner").evaluateAll((els) =>
        els.map((el) => [el.querySelector(".winner-place")?.textContent ?? "", el.querySelector(".winner-votes")?.textContent ?? ""]),
      );
      expect(winners).toEqual([["الأول", "30 صوتًا"], ["الثاني", "22 صوتًا"], ["الثالث", "16 صوتًا"]]);
      expect(await page.locator(".slide .eyebrow").textContent()).toBe(`المجال ${a + 1} من ${forum.event.areas.length} · المراكز الثلاثة الأولى`);
      await settled(page);
      expect(await plenaryWords(page)).not.toMatch(/[A-Za-z]/);
      expect(await overflows(page)).toEqual([]);
      await shot(page, `ar-winners-${area.prefix}`);
      await page.keyboard.press("w");
      await page.locator(".bar-row").first().waitFor();
    }
    await page.keyboard.press("s");
    await page.getByTestId("summary-row").first().waitFor();
    expect(await page.locator(".slide h1").textContent()).toBe("المراكز الثلاثة الأولى في كل مجال");
    await settled(page);
    expect(await plenaryWords(page)).not.toMatch(/[A-Za-z]/);
    expect(await overflows(page)).toEqual([]);
    await shot(page, "ar-summary");
  });

  it("walks the areas with the arrows in reading direction (← on, → back) and says so in its key list", async () => {
    const page = await openProjector();
    await page.keyboard.press("1");
    await expect.poll(() => heading(page)).toBe(forum.event.areas[0]?.title);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => heading(page)).toBe(forum.event.areas[1]?.title);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => heading(page)).toBe(forum.event.areas[0]?.title);
    // the footer lists the arrows back-then-on as the reader meets them: → first (on the right)
    expect(await page.getByTestId("key-hints").locator("kbd").evaluateAll((ks) => ks.slice(0, 2).map((k) => k.textContent))).toEqual(["→", "←"]);
    // W pressed on an Arabic layout sends "ص": the key's place still counts
    await page.keyboard.press("KeyW", { delay: 0 });
    await page.getByTestId("winner").first().waitFor();
    await page.keyboard.press("?");
    await page.getByTestId("key-help").waitFor();
    expect(await page.getByTestId("key-help-rtl").textContent()).toContain("→ للرجوع");
    expect(await plenaryWords(page)).not.toMatch(/[A-Za-z]/);
    expect(await overflows(page)).toEqual([]);
    await shot(page, "ar-keys");
  });

  it("shows French with ?lang=fr, on the same Arabic event", async () => {
    const page = await openProjector("?lang=fr");
    await expect.poll(() => html(page)).toEqual({ lang: "fr", dir: "ltr" });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Votez sur votre téléphone");
    await expect.poll(() => page.getByTestId("turnout").textContent()).toBe("54 sur 54 ont voté");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => heading(page)).toBe(forum.event.areas[0]?.title);
    expect(await page.getByTestId("area-status").textContent()).toBe("Vote ouvert");
    await page.keyboard.press("w");
    await page.getByTestId("winner").first().waitFor();
    expect(await page.getByTestId("winner").evaluateAll((els) => els.map((el) => el.getAttribute("data-place")))).toEqual(["1er", "2e", "3e"]);
    expect(await page.locator(".winner-votes").first().textContent()).toBe("30 voix");
    expect(await page.getByTestId("key-hints").textContent()).toContain("plein écran");
  });

  it("falls back quietly to the event's language for an unknown ?lang=", async () => {
    for (const query of ["?lang=xx", "?lang=", "?lang=%3Cscript%3E"]) {
      const page = await openProjector(query);
      await expect.poll(() => html(page)).toEqual({ lang: "ar", dir: "rtl" });
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("صوّت من هاتفك");
      await page.context().close();
    }
  });
});
