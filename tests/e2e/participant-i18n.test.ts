// The phone in the participant's language (issue 12): a phone set to Arabic, Spanish or Chinese
// votes on the full-length forum without meeting an English word of Plenary's own; `?lang=`
// overrides, the switcher is remembered, an unsupported browser language falls back to the event's.
// Screenshots (Arabic, 360×740) go to PHONE_SHOTS if set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { api, createDemoEvent, launchBrowser, PHONE, startServer } from "./harness";
import { area, proposal, setVoting, waitSaved } from "./participant-helpers";
import type { TestServer } from "../helpers/app";
import type { Event, FeedbackResults } from "../../shared/schemas";
import { LANGUAGE_NAMES } from "../../shared/i18n/languages";
import enPhone from "../../shared/i18n/catalogs/en/phone";
import enRules from "../../shared/i18n/catalogs/en/rules";

const VIEWPORT = { width: 360, height: 740 };
const shots = process.env.PHONE_SHOTS;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function phoneIn(locale: string, url: string): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, viewport: VIEWPORT, locale });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function openForum(overrides: Parameters<typeof createDemoEvent>[1] = {}) {
  const demo = await createDemoEvent(server.url, overrides);
  await setVoting(server.url, demo.code, demo.adminToken, "open");
  const first = [...demo.event.areas].sort((a, b) => a.position - b.position)[0]!;
  return { ...demo, link: `${server.url}/e/${demo.code}`, first };
}

async function pageLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/**
 * What the page says in its own words: the visible text, every aria-label and the document title,
 * with the organiser's content (event and area titles, proposals, labels), the languages' own names
 * in the switcher, bidi isolates and figures taken out.
 */
async function ownWords(page: Page, event: Event): Promise<string> {
  const said = await page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll("[aria-label]")).map((el) => el.getAttribute("aria-label") ?? "");
    return [document.body.innerText, ...labels, document.title].join("\n");
  });
  const content = [
    event.title,
    ...event.areas.flatMap((a) => [a.title, ...a.proposals.flatMap((p) => [p.title, p.body, p.label])]),
    ...Object.values(LANGUAGE_NAMES),
  ]
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
  let rest = said.replace(/[\u2066-\u2069]/g, "");
  for (const c of content) rest = rest.split(c).join(" ");
  return rest.replace(/[0-9]/g, " ");
}

/** The English words of the phone's and the rules' catalogs (four letters or more, placeholders aside). */
function englishWords(): Set<string> {
  const words = new Set<string>();
  for (const source of [...Object.values(enPhone), ...Object.values(enRules)]) {
    const text = source.replace(/\{[a-zA-Z]+(,\s*[a-z]+)?/g, " ").replace(/\b(one|two|few|many|other|zero)\s*\{/g, " ");
    for (const w of text.match(/[A-Za-z]{4,}/g) ?? []) words.add(w.toLowerCase());
  }
  return words;
}

/** Votes twice in the first area, then taps a third proposal: saved, then the limit explained. */
async function voteToTheLimit(page: Page, forum: Awaited<ReturnType<typeof openForum>>): Promise<string> {
  const [a, b, c] = forum.first.proposals.map((p) => p.title) as [string, string, string];
  await proposal(page, forum.first.title, a).check();
  await waitSaved(page, forum.first.title);
  await proposal(page, forum.first.title, b).check();
  await waitSaved(page, forum.first.title);
  await proposal(page, forum.first.title, c).click();
  const alert = area(page, forum.first.title).getByRole("alert");
  await page.waitForFunction((el) => (el?.textContent ?? "").trim().length > 0, await alert.elementHandle(), { timeout: 2000 });
  expect(await proposal(page, forum.first.title, c).isChecked()).toBe(false);
  return (await alert.textContent()) ?? "";
}

describe("the phone in the participant's language", () => {
  it("an Arabic phone: right to left, a vote saved, the limit explained, no English word of ours", async () => {
    const forum = await openForum();
    expect(forum.event.areas.flatMap((a) => a.proposals).length).toBe(40);
    const page = await phoneIn("ar", forum.link);
    await page.locator(".proposal-title").nth(39).waitFor();
    expect(await pageLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });

    if (shots) await page.screenshot({ path: `${shots}/ar-top.png` });
    const limit = await voteToTheLimit(page, forum);
    expect(limit).toContain("استخدمت صوتيك كليهما");
    expect(limit).toContain(forum.first.title);
    await area(page, forum.first.title).getByText("حُفظ").waitFor();
    expect(await area(page, forum.first.title).locator(".votes-left").textContent()).toBe("لم يتبقَّ أي صوت من 2");
    if (shots) await page.screenshot({ path: `${shots}/ar-limit.png` });

    // Content and labels keep their own direction inside the Arabic page.
    const isolation = await page.evaluate(() => ({
      titles: Array.from(document.querySelectorAll(".proposal-title")).every((el) => el.getAttribute("dir") === "auto"),
      labels: Array.from(document.querySelectorAll(".proposal-label")).every((el) => el.querySelector("bdi")),
    }));
    expect(isolation).toEqual({ titles: true, labels: true });

    const left = await ownWords(page, forum.event);
    expect(left).toContain("اختر المقترحات التي تؤيدها"); // the page's own words are still there to check
    expect(left.match(/[A-Za-z]+/g) ?? [], left).toEqual([]);

    // The end of the vote, in Arabic too.
    await setVoting(server.url, forum.code, forum.adminToken, "closed");
    await page.getByRole("heading", { name: "انتهى التصويت" }).waitFor({ timeout: 15_000 });
    await page.evaluate(() => window.scrollTo({ top: 0 }));
    if (shots) await page.screenshot({ path: `${shots}/ar-ended.png` });
    const ended = await ownWords(page, forum.event);
    expect(ended.match(/[A-Za-z]+/g) ?? [], ended).toEqual([]);
  });

  for (const [locale, saved, limitWords] of [
    ["es-ES", "Guardado", "Ya usó sus dos votos"],
    ["zh-CN", "已保存", "已用完两票"],
  ] as const) {
    it(`a phone set to ${locale}: a vote saved, the limit explained, no English word of ours`, async () => {
      const forum = await openForum();
      const page = await phoneIn(locale, forum.link);
      await page.locator(".proposal-title").nth(39).waitFor();
      expect((await pageLanguage(page)).lang).toBe(locale.slice(0, 2));
      expect(await voteToTheLimit(page, forum)).toContain(limitWords);
      await area(page, forum.first.title).getByText(saved).waitFor();
      const english = englishWords();
      const own = await ownWords(page, forum.event);
      expect(own).toContain(saved);
      const words = own.match(/[A-Za-z]{4,}/g) ?? [];
      expect(words.filter((w) => english.has(w.toLowerCase()))).toEqual([]);
    });
  }

  it("the switcher changes the language and is remembered after a reload", async () => {
    const forum = await openForum();
    const page = await phoneIn("en-US", forum.link);
    await page.getByText("Tick the proposals you support").waitFor();
    await page.getByLabel("Language").selectOption("es");
    await page.getByText("Marque las propuestas que apoya").waitFor();
    expect(await pageLanguage(page)).toEqual({ lang: "es", dir: "ltr" });
    await page.reload();
    await page.getByText("Marque las propuestas que apoya").waitFor();
    await page.getByLabel("Idioma").selectOption("ar");
    await page.getByText("اختر المقترحات التي تؤيدها").waitFor();
    expect(await pageLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });
  });

  it("?lang= overrides the browser's language", async () => {
    const forum = await openForum();
    const page = await phoneIn("ar", `${forum.link}?lang=fr`);
    await page.getByText("Cochez les propositions que vous soutenez").waitFor();
    expect(await pageLanguage(page)).toEqual({ lang: "fr", dir: "ltr" });
  });

  it("a browser language Plenary does not speak falls back to the event's language", async () => {
    const forum = await openForum({ language: "de" });
    const page = await phoneIn("ja-JP", forum.link);
    await page.getByText("Kreuzen Sie in jedem Bereich die Vorschläge an").waitFor();
    expect(await pageLanguage(page)).toEqual({ lang: "de", dir: "ltr" });
    // An unknown ?lang= is ignored quietly, too.
    await page.goto(`${forum.link}?lang=xx`);
    await page.getByText("Kreuzen Sie in jedem Bereich die Vorschläge an").waitFor();
  });
});

describe("the evaluation form in Arabic, right to left", () => {
  it("opens beside the ballot, says everything in Arabic, saves an answer and fits 360 px without sideways scrolling", async () => {
    const forum = await openForum();
    // The organiser's questions in Arabic too: the form's own words are what is checked here.
    const questions = [
      { kind: "agree5", prompt: "اكتسبت أفكارًا جديدة" },
      { kind: "useful4", prompt: "ما مدى فائدة المحتوى؟" },
      { kind: "yesno", prompt: "هل ستحضر مرة أخرى؟" },
      { kind: "choice", prompt: "أي جلسة أفادتك أكثر؟", options: ["الجلسة العامة", "مجموعات العمل"] },
      { kind: "text", prompt: "ملاحظات أخرى" },
    ];
    const put = await api(server.url, "PUT", `/api/events/${forum.code}/feedback`, { token: forum.adminToken, body: { status: "open", questions } });
    expect(put.status, put.text).toBe(200);
    const page = await phoneIn("ar", forum.link);
    await page.getByRole("heading", { name: "تقييمك للاجتماع" }).waitFor({ timeout: 10_000 });
    expect(await pageLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });
    const panel = page.locator(".fb-panel");
    expect(await panel.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");

    // An answer by tap: "أوافق" (agree) on the first statement, saved only once the server said so.
    const group = page.getByRole("radiogroup", { name: questions[0]!.prompt });
    await group.getByRole("radio", { name: "أوافق", exact: true }).click();
    await page.locator(".fb-save[data-save=saved]").waitFor();
    expect(await page.locator(".fb-save").textContent()).not.toMatch(/[A-Za-z]/);
    const results = (await api(server.url, "GET", `/api/events/${forum.code}/feedback/results`, { token: forum.adminToken })).body as FeedbackResults;
    expect(results.respondents).toBe(1);
    expect(results.questions[0]!.counts).toEqual([0, 0, 0, 1, 0]);

    // Right to left: the scale reads from the start edge on the right; nothing leaves the screen.
    await panel.scrollIntoViewIfNeeded();
    const fit = await page.evaluate(() => {
      const W = window.innerWidth;
      const outside = Array.from(document.querySelectorAll(".fb-panel, .fb-panel *"))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.left < -0.5 || r.right > W + 0.5))
        .map(({ el, r }) => `${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
      const options = Array.from(document.querySelectorAll(".fb-question")[0]?.querySelectorAll(".fb-option") ?? []).map((el) => el.getBoundingClientRect());
      return { scrollWidth: document.scrollingElement?.scrollWidth ?? 0, W, outside, firstRight: options[0]?.right ?? 0, lastRight: options.at(-1)?.right ?? 0 };
    });
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.W);
    expect(fit.outside).toEqual([]);
    // The first choice of the scale sits at the start (right) edge, or above the last one when stacked.
    expect(fit.firstRight).toBeGreaterThanOrEqual(fit.lastRight);
    // The form's own words: Arabic only (the organiser's questions are Arabic here too).
    const words = await panel.evaluate((el) => (el as HTMLElement).innerText);
    expect(words.match(/[A-Za-z]+/g) ?? [], words).toEqual([]);
    if (shots) await panel.screenshot({ path: `${shots}/ar-feedback.png` });
  });
});
