// The voting methods as the room, the organiser and the paper see them (issue 15), at the forum's
// full length in a real Chromium: the organiser sets an area to ranking and another to dots with a
// cap (stored over the API; locked with its reason once people vote); the projector at 1920×1080
// shows a ranking area's bars in points ("132 points", ranked by points, not ballots), a dots area's
// in dots, the method sentence under the title at the back row's size, and a screen reader hears
// "points from N ballots"; a paper ballot typed in by places is stored in that order; the printed
// paper ballot explains each method and gives a number box. PLENARY_SCREENSHOTS=dir keeps pictures.
import { mkdirSync } from "node:fs";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { api, createDemoEvent, join, launchBrowser, openVoting, startServer, vote } from "./harness";
import type { CreatedTestEvent, TestServer } from "../helpers/app";
import { createMethodsForum, EXPECTED, voteThePlan } from "../helpers/methods-forum";
import type { Area, Event, PaperBallot, Results } from "../../shared/schemas";

const SHOTS = process.env.PLENARY_SCREENSHOTS;

let server: TestServer;
let browser: Browser;
let forum: CreatedTestEvent;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  forum = await createMethodsForum(server.url);
  await openVoting(server.url, forum.code, forum.adminToken);
  await voteThePlan(server.url, forum);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: joinPath(SHOTS, `${name}.png`), fullPage });
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const getEvent = async (ev: CreatedTestEvent) => ((await api(server.url, "GET", `/api/events/${ev.code}`)).body as { event: Event }).event;

async function organiserPage(ev: CreatedTestEvent): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/e/${ev.code}/admin#key=${ev.adminToken}&screen=${ev.screenKey}`);
  await page.locator("[data-testid=method-field]").first().waitFor();
  return page;
}

const editor = (page: Page, area: Area) => page.locator(`article.area-editor[aria-labelledby="area-${area.id}-h"]`);

describe("the organiser sets each area's method", () => {
  it("ranking for one area, dots with a cap for another, stored over the API and then locked by votes", async () => {
    const ev = await createDemoEvent(server.url);
    const [first, second] = ev.event.areas as [Area, Area];
    const page = await organiserPage(ev);
    const one = editor(page, first);
    const group = one.getByRole("group", { name: "How people vote" });
    // A real radio group, each choice explained by the sentence the phones will show.
    expect(await group.getByRole("radio").count()).toBe(3);
    expect(await group.getByRole("radio", { name: /^Approval/ }).isChecked()).toBe(true);
    const dots = group.getByRole("radio", { name: /^Dots/ });
    await dots.check();
    await one.getByLabel("At most this many dots on one proposal").waitFor();
    await one.getByLabel("Votes each").fill("5");
    await one.getByLabel("At most this many dots on one proposal").fill("3");
    expect(await one.locator(`#area-${first.id}-how-dots`).textContent()).toBe("Place up to 5 dots, at most 3 on one proposal.");
    expect(await dots.getAttribute("aria-describedby")).toBe(`area-${first.id}-how-dots`);
    await shot(page, "organiser-1280-method");
    await one.getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => (await getEvent(ev)).areas[0]).toMatchObject({ method: "dots", maxVotes: 5, maxPerProposal: 3 });

    const two = editor(page, second);
    await two.getByRole("radio", { name: /^Ranking/ }).check();
    expect(await two.locator(`#area-${second.id}-how-ranking`).textContent()).toBe("Rank up to 2 proposals in order: your first gets 2 points, the next one fewer.");
    await two.getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => (await getEvent(ev)).areas[1]?.method).toBe("ranking");

    // Votes lock the method: the group is disabled and says why (the server would answer EVENT_LOCKED).
    await openVoting(server.url, ev.code, ev.adminToken);
    const token = await join(server.url, ev.code);
    expect((await vote(server.url, ev.code, token, second.id, [second.proposals[1]!.id, second.proposals[0]!.id])).status).toBe(200);
    const locked = two.getByRole("group", { name: "How people vote" });
    // (A disabled fieldset disables its controls: each radio is then disabled.)
    await expect.poll(() => locked.getByRole("radio", { name: /^Ranking/ }).isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await two.locator(".method-field .reason").textContent()).toBe(`How “${second.title}” is counted can no longer change: people have voted in it.`);
    const refused = await api(server.url, "PATCH", `/api/events/${ev.code}/areas/${second.id}`, { token: ev.adminToken, body: { method: "approval" } });
    expect([refused.status, (refused.body as { error?: { code?: string } }).error?.code]).toEqual([409, "EVENT_LOCKED"]);
    // The first area has no votes yet: it can still change.
    expect(await editor(page, first).getByRole("group", { name: "How people vote" }).getByRole("radio", { name: /^Ranking/ }).isDisabled()).toBe(false);
    await page.close();
  });
});

/** Bar counts that do not sit on one line, or spill out of their box ("132" over "points"). */
function countsOnTwoLines(page: Page): Promise<string[]> {
  return page.locator(".bar-count").evaluateAll((els) =>
    els.filter((el) => el.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(el).fontSize) || el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ""),
  );
}

describe("the projector names points and dots", () => {
  async function projector(view: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/e/${forum.code}/screen#key=${forum.screenKey}&view=${view}`);
    await page.locator(".slide").first().waitFor();
    return page;
  }

  it("a ranking area at 1920×1080: bars in points, ranked by points, the method under the title, spoken as points from ballots", async () => {
    const ranking = forum.event.areas[1]!;
    const page = await projector(`area-${ranking.id}`);
    await page.locator(".bar-row").first().waitFor();
    await page.waitForTimeout(900); // the bars glide into place
    const method = page.getByTestId("area-method");
    expect(await method.textContent()).toBe("Rank up to 3 proposals in order: your first gets 3 points, the next one fewer.");
    const spoken = page.getByTestId("bars-spoken");
    expect(await spoken.getAttribute("aria-label")).toBe(`Points in ${ranking.title} (ranking)`);
    const items = await spoken.locator("li").allTextContents();
    const label = (i: number) => ranking.proposals[i]!.label;
    const title = (i: number) => ranking.proposals[i]!.title;
    expect(items.slice(0, 4)).toEqual(
      EXPECTED.ranking.map((e, k) => `${["1st", "2nd", "3rd", "4th"][k]} ${label(e.index)} ${title(e.index)}: ${e.points} points from ${e.ballots} ballots`),
    );
    // The drawn bars: in ranked order from the top, each count with its unit.
    const drawn = await page.locator(".bar-row").evaluateAll((rows) =>
      rows.map((r) => ({ top: r.getBoundingClientRect().top, left: r.getBoundingClientRect().left, label: r.querySelector(".bar-label")?.textContent, count: r.querySelector(".bar-count")?.textContent })).sort((a, b) => a.left - b.left || a.top - b.top),
    );
    expect(drawn.slice(0, 4).map((r) => [r.label, r.count])).toEqual(EXPECTED.ranking.map((e) => [label(e.index), `${e.points} points`]));
    // The back row: the method line and the bars' text at 32 px or more; the counts never cut.
    const sizes = await page.evaluate(() => ({
      method: parseFloat(getComputedStyle(document.querySelector("[data-testid=area-method]")!).fontSize),
      bars: Math.min(...Array.from(document.querySelectorAll(".bar-title, .bar-count")).map((el) => parseFloat(getComputedStyle(el).fontSize))),
      countsCut: Array.from(document.querySelectorAll<HTMLElement>(".bar-count")).filter((el) => el.scrollWidth > el.clientWidth + 1).length,
    }));
    expect(sizes.method).toBeGreaterThanOrEqual(32);
    expect(sizes.bars).toBeGreaterThanOrEqual(32);
    expect(sizes.countsCut).toBe(0);
    expect(await countsOnTwoLines(page)).toEqual([]);
    await shot(page, "projector-1080p-ranking");

    // The winners slide says points and the ballots they came from.
    await page.keyboard.press("w");
    await page.locator("[data-testid=winner]").first().waitFor();
    const winners = await page.locator("[data-testid=winner]").evaluateAll((lis) => lis.map((li) => li.querySelector(".winner-side")?.textContent));
    expect(winners[0]).toBe(`1st${label(1)}132 pointsfrom 54 ballots`);
    // The ballots line wraps in its column rather than shrink the slide: the texts stay at their size.
    expect(await page.locator(".winner-text").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(32);
    await shot(page, "projector-1080p-ranking-winners");
    await page.close();
  });

  it("in Arabic: the counts and the spoken list name points (right to left)", async () => {
    const ranking = forum.event.areas[1]!;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/e/${forum.code}/screen?lang=ar#key=${forum.screenKey}&view=area-${ranking.id}`);
    await page.locator(".bar-row").first().waitFor();
    await page.waitForTimeout(900);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.getByTestId("area-method").textContent()).toContain("رتّب");
    expect(await page.getByTestId("bars-spoken").getAttribute("aria-label")).toBe(`النقاط في «${ranking.title}» (ترتيب)`);
    const first = (await page.getByTestId("bars-spoken").locator("li").first().textContent()) ?? "";
    expect(first).toContain("132 نقطة من 54 ورقة اقتراع");
    expect(await page.locator(".bar-count").allTextContents()).toContain("132 نقطة");
    expect(await countsOnTwoLines(page)).toEqual([]);
    await shot(page, "projector-1080p-ranking-ar");
    await page.close();
  });

  it("a dots area: bars in dots; the summary names dots and points per area", async () => {
    const dots = forum.event.areas[0]!;
    const page = await projector(`area-${dots.id}`);
    await page.locator(".bar-row").first().waitFor();
    await page.waitForTimeout(900);
    expect(await page.getByTestId("area-method").textContent()).toBe("Place up to 5 dots, at most 3 on one proposal.");
    const items = await page.getByTestId("bars-spoken").locator("li").allTextContents();
    expect(items.slice(0, 4)).toEqual(EXPECTED.dots.map((e, k) => `${["1st", "2nd", "3rd", "4th"][k]} ${dots.proposals[e.index]!.label} ${dots.proposals[e.index]!.title}: ${e.dots} dots`));
    expect(await page.locator(".bar-count").allTextContents()).toContain("100 dots");
    await page.keyboard.press("s");
    await page.locator("[data-testid=summary-row]").first().waitFor();
    const card = (area: Area) => page.locator(`.summary-card[data-area-id="${area.id}"] .summary-votes`).allTextContents();
    expect((await card(dots)).slice(0, 3)).toEqual(["100 dots", "82 dots", "74 dots"]);
    expect((await card(forum.event.areas[1]!)).slice(0, 3)).toEqual(["132 points", "90 points", "78 points"]);
    await shot(page, "projector-1080p-summary");
    await page.close();
  });
});

// Before the paper ballots below, which add to the counts.
describe("the printable report names each method", () => {
  it("says how points were counted and puts points beside ballots for the ranking area", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/e/${forum.code}/report#key=${forum.adminToken}`);
    await page.locator(".report-area").first().waitFor();
    const [dots, ranking] = forum.event.areas as [Area, Area];
    const method = (a: Area) => page.locator(`.report-area[aria-labelledby="a-${a.id}"] [data-testid=report-method]`).textContent();
    expect(await method(ranking)).toMatch(/^Ranking \(Borda\): each participant could rank up to 3 proposals in order of preference; points per place: 1st 3 points, 2nd 2 points, 3rd 1 point\./);
    expect(await method(dots)).toMatch(/^Dot voting: each participant could place up to 5 dots, at most 3 on one proposal;/);
    const podium = await page.locator(`.report-area[aria-labelledby="a-${ranking.id}"] .podium-votes`).allTextContents();
    expect(podium).toEqual(EXPECTED.ranking.slice(0, 3).map((e) => `${e.points} points (${e.ballots} ballots)`));
    const table = page.locator(`table[data-method="ranking"]`);
    expect(await table.locator("th").allTextContents()).toEqual(["Rank", "Label", "Proposal", "Points", "Ballots", "Share of voters"]);
    await shot(page, "report-1280-ranking", true);
    await page.close();
  });
});

describe("paper ballots follow the method", () => {
  it("the organiser types a ranking's places from paper and the ballot is stored in that order", async () => {
    const ranking = forum.event.areas[1]!;
    const page = await organiserPage(forum);
    await page.getByText("Enter a paper ballot").click();
    const group = page.getByRole("group", { name: new RegExp(`^${esc(ranking.title)}`) });
    const place = (i: number) => group.getByRole("spinbutton", { name: `Place of ${ranking.proposals[i]!.label}: ${ranking.proposals[i]!.title}`, exact: true });
    // A place written twice is refused with the reason, and nothing is sent.
    await place(3).fill("1");
    await place(0).fill("1");
    await group.getByRole("alert").getByText("Place 1 is written twice", { exact: false }).waitFor();
    await place(0).fill("2");
    await place(2).fill("3");
    expect(await group.getByRole("alert").count()).toBe(0);
    await shot(page, "organiser-1280-paper-ranking");
    const before = ((await api(server.url, "GET", `/api/events/${forum.code}/paper-ballots`, { token: forum.adminToken })).body as { paperBallots: PaperBallot[] }).paperBallots.length;
    await page.getByRole("button", { name: "Enter paper ballot" }).click();
    await expect.poll(async () => ((await api(server.url, "GET", `/api/events/${forum.code}/paper-ballots`, { token: forum.adminToken })).body as { paperBallots: PaperBallot[] }).paperBallots.length).toBe(before + 1);
    const ballots = ((await api(server.url, "GET", `/api/events/${forum.code}/paper-ballots`, { token: forum.adminToken })).body as { paperBallots: PaperBallot[] }).paperBallots;
    const entered = ballots.find((b) => b.ballot[ranking.id]);
    expect(entered?.ballot[ranking.id]).toEqual([3, 0, 2].map((i) => ranking.proposals[i]!.id));
    // Counted as a ranking: #3 gains 3 points, #0 2, #2 1.
    const results = (await api(server.url, "GET", `/api/events/${forum.code}/results`, { token: forum.adminToken })).body as Results;
    const points = Object.fromEntries(results.areas[1]!.results.map((r) => [r.proposalId, r.points]));
    expect([3, 0, 2].map((i) => points[ranking.proposals[i]!.id])).toEqual([24 + 3, 90 + 2, 78 + 1]);
    await page.close();
  });

  it("the printed paper ballot explains each method and gives a number box for dots and places (A4)", async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(`${server.url}/e/${forum.code}/paper-ballot`);
    await page.locator(".paper-ballot-row").first().waitFor();
    expect(await page.locator(".paper-rule-main").textContent()).toMatch(/^Each area says how to fill it in/);
    const [dots, ranking, approval] = forum.event.areas as [Area, Area, Area];
    const region = (a: Area) => page.getByRole("region", { name: new RegExp(`^${esc(a.title)}`) });
    expect(await region(dots).locator(".paper-area-rule").textContent()).toBe("write in the boxes how many dots you give: up to 5 dots in all, at most 3 on one proposal");
    expect(await region(ranking).locator(".paper-area-rule").textContent()).toBe("write 1 in the box of your first choice, 2 for the next, and so on, up to 3; a first place gets 3 points, each next place one fewer");
    expect(await region(dots).locator(".number-box").count()).toBe(dots.proposals.length);
    expect(await region(ranking).locator(".number-box").count()).toBe(ranking.proposals.length);
    expect(await region(approval).locator(".tick-box").count()).toBe(approval.proposals.length);
    // A number box is wide enough for a handwritten "10": at least 11 mm (42 px at 96 dpi).
    await page.emulateMedia({ media: "print" });
    const box = await region(ranking).locator(".number-box").first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(42);
    await shot(page, "paper-ballot-a4-first-page");
    await shot(page, "paper-ballot-a4", true);
    if (SHOTS) await page.pdf({ path: joinPath(SHOTS, "paper-ballot.pdf"), format: "A4" });
    await page.close();
  });
});
