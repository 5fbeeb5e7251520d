// Script injection: event, area and proposal texts full of markup and script, rendered by the phone,
// projector, organiser, report and cards pages in a real Chromium. Nothing may run (no dialog, no
// flag set, no CSP violation, no markup turned into elements), and the texts must still be shown
// as the plain text they are.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEFAULT_CLIENT_DIR } from "../../server/app";
import type { TestServer } from "../helpers/app";
import { PHONE, PROJECTOR, api, createEvent, join as joinEvent, launchBrowser, openVoting, startServer, vote } from "./harness";

/** Each payload sets window.__xss (or opens a dialog) if it ever runs. */
const PAYLOADS = [
  "<script>window.__xss='script'</script>",
  "<img src=x onerror=\"window.__xss='img'\">",
  "\"><svg onload=window.__xss='svg'>",
  "<iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
  "javascript:window.__xss='href'",
  "[click](javascript:window.__xss='md')",
  "</style></title></textarea><script>window.__xss='breakout'</script>",
  "<img src=x onerror=alert('xss')>",
  "{{constructor.constructor('window.__xss=\"tpl\"')()}}",
  "<a href=\"javascript:alert(1)\">link</a><details open ontoggle=alert(2)>",
  "=HYPERLINK(\"javascript:alert(1)\")",
  "\u2028\u2029<math><mtext><script>window.__xss='math'</script>",
];
const MARKER = "window.__xss";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer({ publicResultsIntervalMs: 100 });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

interface Watch {
  page: Page;
  dialogs: string[];
  errors: string[];
  offsite: string[];
}

async function open(path: string, device: typeof PHONE | typeof PROJECTOR): Promise<Watch> {
  const context = await browser.newContext(device);
  contexts.push(context);
  const page = await context.newPage();
  const watch: Watch = { page, dialogs: [], errors: [], offsite: [] };
  // Runs before any page script, in every frame: records CSP refusals, which mean markup got as far as being tried.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("dialog", (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => watch.errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) watch.errors.push(m.text());
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) watch.offsite.push(r.url());
  });
  await page.goto(server.url + path);
  return watch;
}

/** What the page shows as text, including form fields (the organiser edits titles in inputs). */
async function shownText(page: Page): Promise<string> {
  const texts = await Promise.all(
    page.frames().map((f) =>
      f.evaluate(() => {
        const fields = Array.from(document.querySelectorAll("input, textarea")).map((el) => (el as HTMLInputElement).value);
        return `${document.body?.innerText ?? ""}\n${fields.join("\n")}`;
      }).catch(() => ""),
    ),
  );
  return texts.join("\n");
}

/** Nothing ran and no markup from the data became an element, in the page and every frame in it. */
async function expectInert(w: Watch, where: string): Promise<void> {
  // Give late renders (lazy chunks, socket snapshots, the projector miniature) time to happen.
  await w.page.waitForTimeout(800);
  expect(w.dialogs, `${where}: dialogs`).toEqual([]);
  expect(w.errors, `${where}: page errors / CSP refusals`).toEqual([]);
  expect(w.offsite, `${where}: requests off this server`).toEqual([]);
  for (const frame of w.page.frames()) {
    const found = await frame.evaluate((origin) => {
      const w2 = window as unknown as { __xss?: unknown; __csp?: string[] };
      const bad = [
        ...Array.from(document.querySelectorAll("script:not([src])")),
        ...Array.from(document.querySelectorAll("script[src]")).filter((s) => !(s as HTMLScriptElement).src.startsWith(origin)),
        ...Array.from(document.querySelectorAll("[onerror], [onload], [onclick], [ontoggle], img[src='x'], svg, math, object, embed, base, details[open][ontoggle]")),
        ...Array.from(document.querySelectorAll("a[href]")).filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")),
        ...Array.from(document.querySelectorAll("iframe")).filter((f) => f.hasAttribute("srcdoc") || !f.src.startsWith(`${origin}/e/`)),
      ];
      // The QR code is an <svg> the app draws itself: allow svgs without any attribute starting with "on".
      const markup = bad.filter((el) => !(el.tagName.toLowerCase() === "svg" && !Array.from(el.attributes).some((a) => a.name.startsWith("on"))));
      return { xss: w2.__xss ?? null, csp: w2.__csp ?? [], markup: markup.map((el) => el.outerHTML.slice(0, 120)) };
    }, server.url);
    expect(found.xss, `${where}: a payload ran (frame ${frame.url()})`).toBeNull();
    expect(found.csp, `${where}: CSP refused something (frame ${frame.url()})`).toEqual([]);
    expect(found.markup, `${where}: markup from data became elements (frame ${frame.url()})`).toEqual([]);
  }
}

describe("the built pages", () => {
  it("contain no inline script and load nothing from elsewhere", () => {
    const html = readFileSync(join(DEFAULT_CLIENT_DIR, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs, "every script has a src").toMatch(/\bsrc="\/assets\//);
      expect(body?.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});

describe("script injection in event, area and proposal texts", () => {
  let code = "";
  let adminToken = "";
  let screenKey = "";

  beforeAll(async () => {
    const created = await createEvent(server.url, {
      title: `Forum ${PAYLOADS[0]}`,
      resultsVisibility: "live",
      areas: PAYLOADS.slice(0, 4).map((p, i) => ({
        title: `Area ${i} ${p}`,
        maxVotes: i === 0 ? 1 : 2,
        proposals: PAYLOADS.map((q, j) => ({ title: `P${i}.${j} ${q}`.slice(0, 200), body: `Body ${q} ${PAYLOADS[(j + 1) % PAYLOADS.length]}` })),
      })),
    });
    ({ code, adminToken, screenKey } = created);
    await openVoting(server.url, code, adminToken);
    // Some votes, so the projector and the report draw bars, ranks and a top three from these titles.
    for (let i = 0; i < 3; i++) {
      const token = await joinEvent(server.url, code);
      for (const area of created.event.areas) await vote(server.url, code, token, area.id, [area.proposals[i]?.id ?? ""]);
    }
    const invites = await api(server.url, "POST", `/api/events/${code}/invites`, { token: adminToken, body: { count: 2 } });
    expect(invites.status).toBe(201);
  });

  it("phone: shows the texts as text, runs nothing, also after choosing and hitting the limit", async () => {
    const w = await open(`/e/${code}`, PHONE);
    await w.page.getByText("P0.0", { exact: false }).first().waitFor();
    // Area 0 allows one vote: a second choice brings up the "You have used your vote in <area title>" message.
    const boxes = w.page.locator("input[type=checkbox]");
    await boxes.nth(0).check();
    await boxes.nth(1).click();
    await w.page.waitForTimeout(300);
    const text = await shownText(w.page);
    expect(text).toContain(PAYLOADS[0]);
    expect(text).toContain(PAYLOADS[1]);
    await expectInert(w, "phone");
  });

  it("projector: join screen, live bars and top three run nothing", async () => {
    const w = await open(`/e/${code}/screen#key=${screenKey}`, PROJECTOR);
    // The projector sets the event title in capitals (CSS), hence the case-blind look.
    await w.page.waitForFunction((marker) => document.body.innerText.toLowerCase().includes(marker.toLowerCase()), MARKER);
    // Walk through the slides (join panel, each area, summary) with the keyboard as a facilitator does.
    for (let i = 0; i < 6; i++) {
      await w.page.keyboard.press("ArrowRight");
      await w.page.waitForTimeout(150);
    }
    expect((await shownText(w.page)).toLowerCase()).toContain(PAYLOADS[0]?.toLowerCase());
    await expectInert(w, "projector");
  });

  it("organiser: editors, live controls and the projector preview run nothing", async () => {
    const w = await open(`/e/${code}/admin#key=${adminToken}`, PROJECTOR);
    await w.page.waitForFunction((marker) => document.body.innerText.includes(marker) || Array.from(document.querySelectorAll("input, textarea")).some((el) => (el as HTMLInputElement).value.includes(marker)), MARKER);
    expect(await shownText(w.page)).toContain(MARKER);
    await expectInert(w, "organiser");
  });

  it("report and ballot cards run nothing", async () => {
    const report = await open(`/e/${code}/report#key=${adminToken}`, PROJECTOR);
    await report.page.waitForFunction((marker) => document.body.innerText.includes(marker), MARKER);
    await expectInert(report, "report");
    const cards = await open(`/e/${code}/cards#key=${adminToken}`, PROJECTOR);
    await cards.page.waitForFunction((marker) => document.body.innerText.includes(marker) || document.body.innerText.length > 20, MARKER);
    await expectInert(cards, "cards");
  });
});
