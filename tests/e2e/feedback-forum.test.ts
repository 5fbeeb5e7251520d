// The forum's evaluation, end to end on the full-length forum: the organiser builds the form from
// the forum's template and opens it on its page; 54 phones answer — three real Chromium phones by
// tapping, the rest over HTTP — with the shares the forum reported (90% gained new ideas, 90% found
// the content extremely or quite useful, all will apply ideas); the form's code reaches a phone only
// once the form opens; the projector shows the bars (never a comment); the Markdown report and the
// printed report say "90% … 90% … All respondents …".
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { api, createDemoEvent, join, launchBrowser, openVoting, PHONE, PROJECTOR, startServer } from "./harness";
import type { TestServer } from "../helpers/app";
import type { Feedback, FeedbackResults } from "../../shared/schemas";

const FORUM = JSON.parse(readFileSync(new URL("../../db/demo/brandenburg-forum-2017-full.json", import.meta.url), "utf8")) as {
  event: { participants: number };
  feedback: { respondentsShareAgreedNewIdeas: number; respondentsShareUseful: number; respondentsShareWouldApply: number };
};
const PEOPLE = FORUM.event.participants;
/** Phones that leave the first two statements unanswered: 45 of the other 50 is the reported 90%. */
const SKIP_FIRST_TWO = 4;
const CHROMIUM_PHONES = [4, 5, 6];
const COMMENT = "The working groups should meet again next year";

let server: TestServer;
let browser: Browser;
let code = "";
let adminToken = "";
let screenKey = "";
const contexts: BrowserContext[] = [];

async function newPage(options: object): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const created = await createDemoEvent(server.url);
  ({ code, adminToken, screenKey } = created);
  await openVoting(server.url, code, adminToken);
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

it("54 phones answer the forum's form; the projector and both reports say 90%, 90% and all respondents", async () => {
  // A phone already on the ballot before the form opens: it must not fetch the form's code yet.
  const early = await newPage(PHONE);
  const requested: string[] = [];
  early.on("request", (r) => void requested.push(r.url()));
  await early.goto(`${server.url}/e/${code}`);
  await early.getByRole("heading", { level: 1 }).waitFor();
  await early.waitForTimeout(500);
  expect(requested.some((u) => /FeedbackPanel|\/feedback-/.test(u))).toBe(false);

  // The organiser: the forum's template, then open.
  const organiser = await newPage({ viewport: { width: 1280, height: 900 } });
  await organiser.goto(`${server.url}/e/${code}/admin#key=${adminToken}&screen=${screenKey}`);
  const editor = organiser.getByRole("region", { name: "Evaluation form" });
  await editor.getByRole("button", { name: "Use the forum's template" }).click();
  await editor.getByRole("button", { name: "Open the form on the phones" }).click();
  await editor.getByText("Open: phones show the form.").waitFor();
  const form = ((await api(server.url, "GET", `/api/events/${code}/feedback`)).body as { feedback: Feedback }).feedback;
  expect(form.status).toBe("open");
  expect(form.questions.map((q) => q.kind)).toEqual(["agree5", "useful4", "agree5", "text"]);
  const [ideas, useful, apply, comment] = form.questions as [Feedback["questions"][number], Feedback["questions"][number], Feedback["questions"][number], Feedback["questions"][number]];

  // The early phone hears the form open and only now loads it (its own small chunk).
  await early.getByRole("heading", { name: "Your evaluation of the meeting" }).waitFor({ timeout: 10_000 });
  expect(requested.some((u) => u.includes("FeedbackPanel"))).toBe(true);

  // Three Chromium phones tap their answers; every answer is a target of at least 44 px.
  for (const [n, k] of CHROMIUM_PHONES.entries()) {
    const page = n === 0 ? early : await newPage(PHONE);
    if (n > 0) await page.goto(`${server.url}/e/${code}`);
    const group = (prompt: string) => page.getByRole("group", { name: prompt });
    await group(ideas.prompt).getByRole("radio", { name: k % 2 ? "Strongly agree" : "Agree", exact: true }).click();
    await page.locator(".fb-save[data-save=saved]").waitFor();
    await group(useful.prompt).getByRole("radio", { name: "Quite useful", exact: true }).click();
    await group(apply.prompt).getByRole("radio", { name: "Strongly agree", exact: true }).click();
    if (n === 0) {
      await group(comment.prompt).getByRole("textbox").fill(COMMENT);
      await group(comment.prompt).getByRole("button", { name: "Save comment" }).click();
    }
    await page.waitForFunction(() => document.querySelector(".fb-save")?.getAttribute("data-save") === "saved");
    const sizes = await page.locator(".fb-option, .fb-clear, .fb-save-comment").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(sizes.length).toBeGreaterThan(10);
    for (const h of sizes) expect(h).toBeGreaterThanOrEqual(44);
    // Changeable until the form closes: a reload shows the saved answers, and a change is saved again.
    if (n === 1) {
      await page.reload();
      await expect.poll(() => group(ideas.prompt).getByRole("radio", { checked: true }).textContent()).toBe(k % 2 ? "Strongly agree" : "Agree");
      await group(ideas.prompt).getByRole("radio", { name: k % 2 ? "Agree" : "Strongly agree", exact: true }).click();
      await page.waitForFunction(() => document.querySelector(".fb-save")?.getAttribute("data-save") === "saved");
    }
  }

  // The other 51 over HTTP: the reported shares across all 54.
  for (let k = 0; k < PEOPLE; k++) {
    if (CHROMIUM_PHONES.includes(k)) continue;
    const token = await join(server.url, code);
    const answers: Record<string, number | string> = { [apply.id]: 4 + (k % 2) };
    if (k >= SKIP_FIRST_TWO) {
      // Of the 50 who answer them, 5 disagree or find it of little use (k = 7..11).
      const dissent = k >= 7 && k < 12;
      answers[ideas.id] = dissent ? 1 + (k % 3) : 4 + (k % 2);
      answers[useful.id] = dissent ? 1 + (k % 2) : 3 + (k % 2);
    }
    const res = await api(server.url, "PUT", `/api/events/${code}/feedback/answers`, { token, body: { answers } });
    expect(res.status, res.text).toBe(200);
  }

  const live = (await api(server.url, "GET", `/api/events/${code}/feedback/results`, { token: adminToken })).body as FeedbackResults;
  expect(live.respondents).toBe(PEOPLE);
  expect(live.questions.slice(0, 3).map((q) => q.agreedShare)).toEqual([
    FORUM.feedback.respondentsShareAgreedNewIdeas,
    FORUM.feedback.respondentsShareUseful,
    FORUM.feedback.respondentsShareWouldApply,
  ]);
  // The room sees nothing while the form is open.
  expect(((await api(server.url, "GET", `/api/events/${code}/feedback/results`)).body as FeedbackResults).withheld).toBe(true);

  // The projector: E shows the bars and the shares, never a comment.
  const projector = await newPage(PROJECTOR);
  await projector.goto(`${server.url}/e/${code}/screen#key=${screenKey}`);
  await projector.locator("main[data-view]").waitFor();
  await projector.keyboard.press("E");
  await projector.locator(".feedback-slide").waitFor();
  await expect.poll(() => projector.locator(".fb-slide-q").evaluateAll((qs) => qs.map((q) => q.getAttribute("data-agreed")))).toEqual(["0.9", "0.9", "1"]);
  expect(await projector.locator(".fb-slide-agreed").allTextContents()).toEqual(["90% agreed", "90% agreed", "100% agreed"]);
  expect(await projector.locator(".fb-slide-q .fb-stack").count()).toBe(3);
  expect(await projector.locator("main").textContent()).not.toContain(COMMENT);
  expect(await projector.locator("main").textContent()).not.toContain(comment.prompt);
  await projector.keyboard.press("?");
  expect(await projector.getByTestId("key-help").textContent()).toContain("the participants' evaluation");

  // Closed from the organiser page: phones say so and keep no input.
  await editor.getByRole("button", { name: "Close the form" }).click();
  await editor.getByText("Closed: answers can no longer change.").waitFor();
  await early.getByText("The evaluation form is closed. Thank you for your answers.").waitFor({ timeout: 10_000 });
  expect(await early.locator(".fb-option").count()).toBe(0);

  // The Markdown report ends with the evaluation in its own words.
  const md = (await api(server.url, "GET", `/api/events/${code}/export?format=md`, { token: adminToken })).text;
  const evaluation = md.slice(md.indexOf("## Evaluation by the participants"));
  expect(md.indexOf("## Evaluation by the participants")).toBeGreaterThan(md.indexOf("## Turnout"));
  expect(evaluation).toMatch(/54 participants answered the evaluation form\./);
  expect(evaluation).toMatch(/90% of respondents agreed: I gained new ideas about drug policy[^\n]*\(50 of 54 answered this question\)/);
  expect(evaluation).toMatch(/90% of respondents rated it extremely or quite useful: Overall, how useful was the content of the event\?/);
  expect(evaluation).toMatch(/All respondents agreed: I will most likely put ideas from the event to use in my own work\./);
  expect(evaluation).toMatch(/90%[\s\S]*90%[\s\S]*All respondents/);
  expect(md).not.toContain(COMMENT);
  const json = JSON.parse((await api(server.url, "GET", `/api/events/${code}/export?format=json`, { token: adminToken })).text) as { feedback: { comments: Array<{ text: string }> } };
  expect(json.feedback.comments.map((c) => c.text)).toEqual([COMMENT]);

  // The printable report, as Chromium renders it.
  const report = await newPage({ viewport: { width: 1280, height: 900 } });
  await report.goto(`${server.url}/e/${code}/report#key=${adminToken}`);
  const section = report.getByRole("region", { name: "Evaluation by the participants" });
  await section.waitFor();
  const lines = await section.locator("li").allTextContents();
  expect(lines[0]).toMatch(/^90% of respondents agreed: I gained new ideas/);
  expect(lines[1]).toMatch(/^90% of respondents rated it extremely or quite useful/);
  expect(lines[2]).toMatch(/^All respondents agreed: I will most likely put ideas/);
  expect(await section.textContent()).toContain("54 participants answered the evaluation form.");
  expect(await report.locator("main").textContent()).not.toContain(COMMENT);
  // Public once closed.
  expect(((await api(server.url, "GET", `/api/events/${code}/feedback/results`)).body as FeedbackResults).questions[0]?.agreedShare).toBe(0.9);
}, 240_000);

it("answers tapped offline are kept on the phone, shown as not sent, and saved once the network is back", async () => {
  const created = await createDemoEvent(server.url);
  const put = await api(server.url, "PUT", `/api/events/${created.code}/feedback`, { token: created.adminToken, body: { status: "open", questions: [{ kind: "yesno", prompt: "Would you come again?" }] } });
  expect(put.status).toBe(200);
  const question = (put.body as { feedback: Feedback }).feedback.questions[0];
  const context = await browser.newContext(PHONE);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/e/${created.code}`);
  const group = page.getByRole("group", { name: "Would you come again?" });
  await group.getByRole("radio", { name: "Yes", exact: true }).waitFor();
  await context.setOffline(true);
  await group.getByRole("radio", { name: "Yes", exact: true }).click();
  await page.locator(".fb-save[data-save=queued]").waitFor();
  expect(await page.locator(".fb-save").textContent()).toContain("Not sent yet");
  const before = (await api(server.url, "GET", `/api/events/${created.code}/feedback/results`, { token: created.adminToken })).body as FeedbackResults;
  expect(before.respondents).toBe(0);
  await context.setOffline(false);
  await page.locator(".fb-save[data-save=saved]").waitFor({ timeout: 40_000 });
  const after = (await api(server.url, "GET", `/api/events/${created.code}/feedback/results`, { token: created.adminToken })).body as FeedbackResults;
  expect(after.respondents).toBe(1);
  expect(after.questions[0]?.id).toBe(question?.id);
  expect(after.questions[0]?.counts).toEqual([0, 1]);
}, 90_000);
