// Every page in the pseudo-locale (shared/i18n/pseudo.ts: every `en` catalog sentence accented and
// 40% longer), in a real Chromium at 360×740 and 1280×720, on the full-length forum: the start page,
// the phone (draft, open with a vote saved, at the limit, closed), the projector (join, bars,
// winners, reading, summary), the report, the ballot-cards page, the paper ballot and the organiser
// page. Two things are asserted on each:
//  - no untranslated word: every visible text of Plenary's own is pseudo-accented. The event's
//    content (titles, texts, labels), codes, the address and what Intl writes (dates) are taken out
//    first; any ASCII letter left is a word that did not come from a catalog.
//  - nothing overflows across: the document and the page's key containers do not scroll sideways, no
//    text lies beyond the viewport's sides, and no text is cut by an overflow that hides it.
// The test turns the pseudo-locale on by a flag set before the page's scripts run (load.ts); no
// user is ever offered it. Set PLENARY_SCREENSHOTS=dir to keep a screenshot of every page.
import { mkdirSync } from "node:fs";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { LANGUAGE_NAMES } from "../../shared/i18n/languages";
import type { Event } from "../../shared/schemas";
import { api, createDemoEvent, join, launchBrowser, openVoting, startServer, vote } from "./harness";
import { area, proposal, setVoting, waitSaved } from "./participant-helpers";
import { DOTS, methodsForum } from "./methods-helpers";
import type { CreatedTestEvent, TestServer } from "../helpers/app";

const SHOTS = process.env.PLENARY_SCREENSHOTS;
const VIEWPORTS = [
  { name: "360x740", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: "1280x720", viewport: { width: 1280, height: 720 } },
] as const;

let server: TestServer;
let browser: Browser;
/** Every area a draft: the phone before the vote, the printable paper ballot. */
let draft: CreatedTestEvent;
/** Voting open, 12 people have voted, ballot cards: the projector, report, cards and organiser pages. */
let live: CreatedTestEvent;
/** Voting closed. */
let closed: CreatedTestEvent;
const contexts: BrowserContext[] = [];

async function replay(ev: CreatedTestEvent, voters: number, invites: readonly string[] = []): Promise<void> {
  for (let v = 0; v < voters; v++) {
    const invite = invites[v];
    const token = await join(server.url, ev.code, invite);
    for (const a of ev.event.areas) {
      const ids = a.proposals.map((p) => p.id);
      const pick = [ids[v % 3], ids[3 + (v % Math.max(1, ids.length - 3))]].filter((x, i, all): x is string => !!x && all.indexOf(x) === i);
      expect((await vote(server.url, ev.code, token, a.id, pick.slice(0, a.maxVotes))).status).toBe(200);
    }
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  draft = await createDemoEvent(server.url);
  live = await createDemoEvent(server.url, { access: "invite", expectedParticipants: 20 });
  const { invites } = (await api(server.url, "POST", `/api/events/${live.code}/invites`, { token: live.adminToken, body: { count: 20 } })).body as { invites: string[] };
  await openVoting(server.url, live.code, live.adminToken);
  await replay(live, 12, invites);
  // A paper ballot, so the organiser page lists one.
  const first = live.event.areas[0]!;
  expect((await api(server.url, "POST", `/api/events/${live.code}/paper-ballots`, { token: live.adminToken, body: { ballot: { [first.id]: [first.proposals[0]!.id] } } })).status).toBeLessThan(300);
  closed = await createDemoEvent(server.url);
  await openVoting(server.url, closed.code, closed.adminToken);
  await replay(closed, 3);
  await setVoting(server.url, closed.code, closed.adminToken, "closed");
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function pseudoPage(vp: (typeof VIEWPORTS)[number]): Promise<Page> {
  const { name: _name, ...options } = vp;
  const context = await browser.newContext({ ...options, locale: "en-US" });
  contexts.push(context);
  await context.addInitScript(() => {
    (globalThis as Record<string, unknown>).__plenaryPseudoLocale = true;
  });
  return context.newPage();
}

/** What the organiser and the server wrote, and what is written as data rather than words. */
function contentOf(ev: Event, extra: readonly string[] = []): string[] {
  return [
    ev.title,
    ev.code,
    ...ev.areas.flatMap((a) => [a.title, ...a.proposals.flatMap((p) => [p.title, p.body, p.label])]),
    ...Object.values(LANGUAGE_NAMES),
    new URL(server.url).host,
    ...extra,
  ]
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
}

interface Finding {
  untranslated: string[];
  overflow: string[];
}

/**
 * Measured in the page: each visible text node (and placeholder) that still holds an ASCII letter
 * once content, codes, addresses and Intl's dates are taken out; and every horizontal overflow.
 */
function inspect(page: Page, content: string[], containers: readonly string[]): Promise<Finding> {
  return page.evaluate(
    ({ content, containers }) => {
      const untranslated = new Set<string>();
      const overflow: string[] = [];
      const visible = (el: Element) => {
        const style = getComputedStyle(el);
        if (style.visibility === "hidden" || style.display === "none") return false;
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || el.closest("[hidden], select, option, script, style, noscript, svg, kbd") !== null) return false;
        // Inside a visually-hidden box (clipped to nothing, for screen readers): never seen.
        for (let p: Element | null = el; p && p !== document.body; p = p.parentElement) {
          const s = getComputedStyle(p);
          if (s.clipPath !== "none" || (s.clip !== "auto" && s.clip !== "")) return false;
        }
        return true;
      };
      const intl = [
        /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g,
        /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/g,
        /\b(AM|PM)\b/g,
        /\d{4},?\s+at\b/g,
      ];
      const plainLeft = (raw: string) => {
        let rest = raw
          .replace(/[\u2066-\u2069\u200e\u200f]/g, "")
          .replace(/https?:\/\/\S*/g, " ")
          .replace(/\b[\w-]+(\.[\w-]+)+:\d+(\/\S*)?/g, " ") // host:port/path
          .replace(/\/e\/[A-Z0-9]*/g, " ");
        for (const c of content) if (rest.includes(c)) rest = rest.split(c).join(" ");
        for (const re of intl) rest = rest.replace(re, " ");
        rest = rest
          .replace(/\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/g, " ") // a card code
          .replace(/\b[A-Z0-9]{6}\b/g, " ") // an event code (K7XQ2M in an example)
          .replace(/\bPlenary\b|\bPUBLIC_URL\b|\bCSV\b|\bJSON\b|\bMarkdown\b/g, " "); // names, not words
        return /[A-Za-z]/.test(rest) ? rest.trim() : null;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        if (!/[A-Za-z]/.test(text)) continue;
        const parent = node.parentElement;
        if (!parent || !visible(parent)) continue;
        const left = plainLeft(text);
        if (left !== null) untranslated.add(`${parent.tagName.toLowerCase()}.${parent.className}: “${text.trim().slice(0, 80)}”`);
      }
      for (const el of Array.from(document.querySelectorAll<HTMLInputElement>("[placeholder]"))) {
        if (visible(el) && plainLeft(el.placeholder) !== null) untranslated.add(`placeholder: “${el.placeholder}”`);
      }

      const doc = document.documentElement;
      if (doc.scrollWidth > doc.clientWidth + 1) {
        // Name the culprits: the innermost elements that reach past the viewport's side.
        const beyond = Array.from(document.querySelectorAll<HTMLElement>("body *")).filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && (box.right > doc.clientWidth + 1 || box.left < -1);
        });
        const innermost = beyond.filter((el) => !beyond.some((other) => other !== el && el.contains(other)));
        const names = innermost.slice(0, 6).map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)})`);
        overflow.push(`the document scrolls across: ${doc.scrollWidth} > ${doc.clientWidth}, reached by ${names.join(", ")}`);
      }
      for (const sel of containers) {
        for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
          if (visible(el) && el.scrollWidth > el.clientWidth + 1) overflow.push(`${sel} scrolls across: ${el.scrollWidth} > ${el.clientWidth}`);
        }
      }
      for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && /\S/.test(n.textContent ?? ""));
        if (!own || !visible(el)) continue;
        const what = `${el.tagName.toLowerCase()}.${el.className}: “${(el.textContent ?? "").trim().slice(0, 50)}”`;
        const box = el.getBoundingClientRect();
        // Inside a container that scrolls on purpose (a wide table), reaching past the side is fine.
        let scroller = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const s = getComputedStyle(p);
          if ((s.overflowX === "auto" || s.overflowX === "scroll") && p.scrollWidth > p.clientWidth) scroller = true;
        }
        // The layout width, not innerWidth: a phone zooms out to fit a page that is too wide.
        if (!scroller && (box.right > doc.clientWidth + 1 || box.left < -1)) overflow.push(`${what} lies beyond the viewport (${Math.round(box.left)}–${Math.round(box.right)} of ${doc.clientWidth})`);
        const style = getComputedStyle(el);
        // The projector's footer line of key hints is shortened on purpose (its address and code
        // beside it must never be cut, and "?" lists every key in full): not a cut that matters.
        // So is a closed proposal's one-line title on the organiser page (opened, it shows in full),
        // as long as it still shows a good part of itself.
        const deliberate = el.matches(".foot-keys, .foot-keys-some") || (el.matches(".proposal-details:not([open]) .proposal-title") && el.clientWidth >= 160);
        const hides = !deliberate && (style.overflowX === "hidden" || style.overflowX === "clip" || style.textOverflow === "ellipsis");
        // A visually-hidden label (1 px, clipped) is read by screen readers, never seen: not cut.
        if (hides && box.width > 2 && el.scrollWidth > el.clientWidth + 1) overflow.push(`${what} is cut (${el.scrollWidth} > ${el.clientWidth})`);
      }
      return { untranslated: [...untranslated], overflow };
    },
    { content, containers },
  );
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(150);
}

async function check(page: Page, name: string, content: string[], containers: readonly string[] = []): Promise<void> {
  await settle(page);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: joinPath(SHOTS, `pseudo-${name}.png`), fullPage: true });
  }
  // The page really is in the pseudo-locale (a vacuous pass would see no accent at all).
  expect(await page.evaluate(() => /[áéíóúñçšţ]/.test(document.body.innerText)), `${name}: pseudo-locale text shown`).toBe(true);
  const found = await inspect(page, content, containers);
  // Joined, so a failure lists every finding rather than the first few.
  expect(found.untranslated.join("\n"), `${name}: untranslated`).toBe("");
  expect(found.overflow.join("\n"), `${name}: overflow`).toBe("");
}

for (const vp of VIEWPORTS) {
  describe(`pseudo-locale at ${vp.name}`, () => {
    it("the start page", async () => {
      const page = await pseudoPage(vp);
      await page.goto(`${server.url}/`);
      await page.locator(".home-create").waitFor();
      await page.locator(".home-import summary").click();
      await check(page, `home-${vp.name}`, contentOf(draft.event), [".page", ".card"]);
    });

    it("the phone: draft, a vote saved, at the limit, closed", async () => {
      const page = await pseudoPage(vp);
      await page.goto(`${server.url}/e/${draft.code}`);
      await page.locator(".proposal-title").first().waitFor();
      await check(page, `phone-draft-${vp.name}`, contentOf(draft.event), ["main"]);

      const ev = await createDemoEvent(server.url);
      await openVoting(server.url, ev.code, ev.adminToken);
      await page.goto(`${server.url}/e/${ev.code}`);
      const first = ev.event.areas[0]!;
      const [a, b, c] = first.proposals.map((p) => p.title) as [string, string, string];
      await proposal(page, first.title, a).check();
      await waitSaved(page, first.title);
      await check(page, `phone-saved-${vp.name}`, contentOf(ev.event), ["main"]);
      await proposal(page, first.title, b).check();
      await waitSaved(page, first.title);
      await proposal(page, first.title, c).click();
      await page.waitForFunction((el) => (el?.textContent ?? "").trim().length > 0, await area(page, first.title).getByRole("alert").elementHandle());
      await check(page, `phone-limit-${vp.name}`, contentOf(ev.event), ["main"]);

      await page.goto(`${server.url}/e/${closed.code}`);
      await page.locator("main h1, main h2").first().waitFor();
      await page.waitForLoadState("networkidle");
      await check(page, `phone-closed-${vp.name}`, contentOf(closed.event), ["main"]);
    });

    it("the phone: dots at the cap, a ranking of three", async () => {
      const page = await pseudoPage(vp);
      const ev = await methodsForum(server.url);
      await openVoting(server.url, ev.code, ev.adminToken);
      await page.goto(`${server.url}/e/${ev.code}`);
      const [dots, ranking] = ev.event.areas as [(typeof ev.event.areas)[0], (typeof ev.event.areas)[0]];
      const add = area(page, dots.title).locator(".dot-stepper button:last-of-type").first();
      for (let n = 0; n < DOTS.maxPerProposal; n++) await add.click();
      await add.focus();
      await page.keyboard.press("Enter");
      await area(page, dots.title).locator(".area-notice:not(:empty)").waitFor();
      for (let i = 0; i < 3; i++) await area(page, ranking.title).locator(".rank-choice").nth(i).click();
      await area(page, ranking.title).locator(".rank-item").nth(2).waitFor();
      await waitSaved(page, dots.title);
      await waitSaved(page, ranking.title);
      await check(page, `phone-methods-${vp.name}`, contentOf(ev.event), ["main", ".rank-order", ".dot-stepper"]);
    });

    it("the projector: join, bars, winners, reading, summary", async () => {
      const page = await pseudoPage(vp);
      await page.goto(`${server.url}/e/${live.code}/screen#key=${live.screenKey}`);
      await page.locator(".slide").first().waitFor();
      const content = contentOf(live.event);
      await page.keyboard.press("j");
      await page.locator(".slide.join").waitFor();
      await check(page, `screen-join-${vp.name}`, content, [".stage"]);
      await page.keyboard.press("1");
      await page.locator(".bar-row").first().waitFor();
      await check(page, `screen-bars-${vp.name}`, content, [".stage"]);
      await page.keyboard.press("w");
      await page.getByTestId("winner").first().waitFor();
      await check(page, `screen-winners-${vp.name}`, content, [".stage"]);
      await page.keyboard.press("r");
      await page.getByTestId("reading-item").first().waitFor();
      await check(page, `screen-reading-${vp.name}`, content, [".stage"]);
      await page.keyboard.press("s");
      await page.locator(".slide.summary").waitFor();
      await check(page, `screen-summary-${vp.name}`, content, [".stage"]);
    });

    it("the report", async () => {
      const page = await pseudoPage(vp);
      await page.goto(`${server.url}/e/${live.code}/report#key=${live.adminToken}`);
      await page.locator(".report h2").first().waitFor();
      await check(page, `report-${vp.name}`, contentOf(live.event), ["main"]);
    });

    it("the ballot-cards page", async () => {
      const page = await pseudoPage(vp);
      await page.goto(`${server.url}/e/${live.code}/cards#key=${live.adminToken}`);
      await page.locator(".ballot-card").first().waitFor();
      const codes = await page.locator(".card-code").allTextContents();
      await check(page, `cards-${vp.name}`, contentOf(live.event, codes), [".cards-toolbar", ".ballot-card"]);
      // A card hides what does not fit (it is cut to size): in a longer language all of it must still fit.
      const cut = await page.locator(".ballot-card").evaluateAll((cards) =>
        cards.flatMap((card) => {
          const inner = [card, ...Array.from(card.querySelectorAll<HTMLElement>(".card-text, .card-text p, .card-event"))];
          return inner.filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map((el) => `${el.className}: ${el.textContent?.slice(0, 40)}`);
        }),
      );
      expect(cut).toEqual([]);
      if (SHOTS) await page.locator(".ballot-card").first().screenshot({ path: joinPath(SHOTS, `pseudo-card-${vp.name}.png`) });
    });

    it("the paper ballot", async () => {
      const page = await pseudoPage(vp);
      await page.goto(`${server.url}/e/${draft.code}/paper-ballot`);
      await page.locator(".paper-ballot-row").first().waitFor();
      await check(page, `paper-ballot-${vp.name}`, contentOf(draft.event), [".paper-ballot"]);
    });

    it("the organiser page", async () => {
      const page = await pseudoPage(vp);
      await page.goto(`${server.url}/e/${live.code}/admin#key=${live.adminToken}`);
      await page.locator("#cards-heading").waitFor();
      await page.locator("#paper .paper-toggle summary").click();
      await check(page, `organiser-${vp.name}`, contentOf(live.event), ["main", ".admin-section"]);
    });
  });
}
