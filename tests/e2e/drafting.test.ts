// Before the vote (issue 13) in a real Chromium with the full-length forum: four rapporteurs fill the
// four areas at once from the editor links the organiser page makes, while the organiser page shows the
// lists fill in live; a concurrent edit shows the conflict message with the text saved meanwhile; a
// phone suggests twice, the organiser merges one and accepts the other, the phone sees the statuses
// and the projector's reading mode presents the new proposal; after opening, the rapporteur's page is
// read-only. Screenshots (rapporteur at 360×740, organiser queue at 1280×720) go to
// PLENARY_SCREENSHOTS when set.
import { mkdirSync } from "node:fs";
import { join as joinPath } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PHONE, api, createEvent, launchBrowser, openVoting, startServer } from "./harness";
import { FORUM } from "../helpers/forum";
import type { CreatedTestEvent, TestServer } from "../helpers/app";
import type { Event } from "../../shared/schemas";

const SHOTS = process.env.PLENARY_SCREENSHOTS;
let server: TestServer;
let browser: Browser;
let forum: CreatedTestEvent;
let admin: Page;
const links: string[] = [];
const contexts: BrowserContext[] = [];

async function open(url: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", ...options });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: joinPath(SHOTS, `${name}.png`), fullPage: false });
}

/** axe's WCAG 2.2 A/AA violations of the page as it is now, one line each (as in a11y-axe.test.ts). */
async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
}

async function eventNow(): Promise<Event> {
  return ((await api(server.url, "GET", `/api/events/${forum.code}`)).body as { event: Event }).event;
}

const areaItem = (i: number) => admin.locator("#programme .area-list > li").nth(i);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The forum's four areas, empty: the groups write their proposals themselves.
  forum = await createEvent(server.url, {
    title: FORUM.event.title,
    votesPerArea: FORUM.event.votesPerArea,
    areas: FORUM.areas.map((a) => ({ title: a.title, prefix: a.prefix, proposals: [] })),
  });
  admin = await open(`${server.url}/e/${forum.code}/admin#key=${forum.adminToken}&screen=${forum.screenKey}`, { viewport: { width: 1280, height: 720 } });
  await admin.locator("#programme").waitFor();
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

describe("drafting before the vote", () => {
  it("four rapporteurs enter the forum's 40 proposals at once while the organiser page shows the lists fill in live", async () => {
    const areas = FORUM.areas.map((_, i) => i);
    expect(areas).toHaveLength(4);
    for (const i of areas) {
      await areaItem(i).getByRole("button", { name: "Create editor link" }).click();
      const field = areaItem(i).getByLabel(`Editor link for “${FORUM.areas[i]!.title}”`);
      await expect.poll(() => field.inputValue()).toMatch(/\/edit\/.+#key=edt_/);
      links.push(await field.inputValue());
      await areaItem(i).locator(".qr img").waitFor();
    }
    // Two on phones, two on laptops.
    const rapporteurs = await Promise.all(
      areas.map((i) => open(links[i]!, i % 2 === 0 ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 720 } })),
    );
    const started = Date.now();
    await Promise.all(rapporteurs.map(async (page, i) => {
      await page.getByRole("heading", { level: 1, name: FORUM.areas[i]!.title }).waitFor();
      for (const [j, p] of FORUM.areas[i]!.proposals.entries()) {
        await page.locator("#ed-new-title").fill(p.text);
        await page.getByRole("button", { name: "Add", exact: true }).click();
        await page.getByRole("status").filter({ hasText: `Added ${FORUM.areas[i]!.prefix}-${j + 1}.` }).waitFor();
      }
    }));
    const ms = Date.now() - started;
    // The organiser page follows over its socket (no reload): every text in its area's list, in order.
    for (const i of areas) {
      const texts = FORUM.areas[i]!.proposals.map((p) => p.text);
      await expect.poll(async () => (await areaItem(i).textContent()) ?? "", { timeout: 10_000 }).toContain(texts.at(-1)!.slice(0, 60));
      const area = (await eventNow()).areas[i]!;
      expect(area.proposals.map((p) => p.title)).toEqual(texts);
      expect(area.proposals.every((p) => p.origin === "group")).toBe(true);
    }
    const entered = FORUM.areas.reduce((n, a) => n + a.proposals.length, 0);
    expect(entered).toBe(40);
    console.log(`four rapporteurs entered ${entered} proposals in parallel in ${ms} ms`);
    // reorder and delete with its confirmation, on the phone-sized page
    const phoneEditor = rapporteurs[0]!;
    const [first, second] = (await eventNow()).areas[0]!.proposals;
    await phoneEditor.getByRole("button", { name: `Move ${second!.label} up` }).click();
    await expect.poll(async () => (await eventNow()).areas[0]!.proposals[0]!.id).toBe(second!.id);
    // labels follow the order until the area first opens: the first proposal is now the second
    const moved = (await eventNow()).areas[0]!.proposals.find((p) => p.id === first!.id)!;
    expect(moved.label).toBe(second!.label);
    // The page itself sent the move: its buttons stay aria-disabled until its reply is back, and a
    // press meanwhile is ignored (the API can show the move first). Press in the moved proposal's own
    // row, once it shows its new label and takes presses again.
    const row = phoneEditor.locator("li.ed-item").filter({ hasText: first!.title.slice(0, 60) });
    const del = row.getByRole("button", { name: `Delete ${moved.label}` });
    await expect.poll(() => del.getAttribute("aria-disabled")).not.toBe("true");
    await del.click();
    const yes = row.getByRole("button", { name: "Yes, delete" });
    await expect.poll(() => yes.getAttribute("aria-disabled")).not.toBe("true");
    await yes.click();
    await expect.poll(async () => (await eventNow()).areas[0]!.proposals.some((p) => p.id === first!.id)).toBe(false);
    await phoneEditor.evaluate(() => window.scrollTo(0, 0));
    await shot(phoneEditor, "rapporteur-360x740");
    expect(await axe(phoneEditor)).toEqual([]);
    // nothing scrolls sideways at 360 px
    expect(await phoneEditor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }, 120_000);

  it("shows a conflicting edit as a conflict, with the text saved meanwhile, and keeps the first save", async () => {
    const [a, b] = await Promise.all([open(links[1]!), open(links[1]!)]);
    const target = (await eventNow()).areas[1]!.proposals[0]!;
    for (const page of [a, b]) await page.getByRole("button", { name: `Edit ${target.label}`, exact: true }).click();
    await a.locator(".ed-form").getByLabel("Proposal", { exact: true }).fill("The group's agreed wording.");
    await a.getByRole("button", { name: "Save" }).click();
    await a.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await b.locator(".ed-form").getByLabel("Proposal", { exact: true }).fill("A rival wording.");
    await b.getByRole("button", { name: "Save" }).click();
    const alert = b.getByRole("alert").filter({ hasText: `Someone else saved ${target.label}` });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("The group's agreed wording.");
    expect(await b.locator(".ed-form").getByLabel("Proposal", { exact: true }).inputValue()).toBe("A rival wording.");
    expect((await eventNow()).areas[1]!.proposals[0]!.title).toBe("The group's agreed wording.");
    // the organiser's lock makes the page read-only at once; unlocking gives it back
    await areaItem(1).getByLabel("Lock content").check();
    await a.getByText("The organiser has locked this area's proposals").waitFor({ timeout: 10_000 });
    expect(await a.getByRole("button", { name: /^(Edit|Delete|Move) / }).count()).toBe(0);
    await areaItem(1).getByLabel("Lock content").uncheck();
    await a.getByRole("button", { name: `Edit ${target.label}`, exact: true }).waitFor({ timeout: 10_000 });
  }, 60_000);

  it("a phone suggests twice; the organiser merges one and accepts the other; the phone and the projector follow", async () => {
    const area = (await eventNow()).areas[1]!;
    await areaItem(1).getByLabel("Suggestions from the room open").check();
    const phone = await open(`${server.url}/e/${forum.code}`, PHONE);
    await phone.getByRole("heading", { name: "Suggest a proposal" }).waitFor();
    const texts = ["Publish the minutes of every working group online within a week.", "Invite the youth council to the next forum."];
    for (const text of texts) {
      await phone.getByLabel("Your proposal").fill(text);
      await phone.getByRole("button", { name: "Send suggestion" }).click();
      await phone.getByRole("status").filter({ hasText: "your suggestion was sent" }).waitFor();
      await phone.getByLabel("Your proposal").fill("");
    }
    const mine = phone.locator(".pp-mine li");
    await expect.poll(() => mine.count()).toBe(2);
    // the organiser's queue fills in live
    const queue = admin.locator("#suggestions");
    await queue.getByRole("heading", { name: "Suggestions from the room (2 waiting)" }).waitFor({ timeout: 10_000 });
    const queueText = (await queue.textContent()) ?? "";
    for (const t of texts) expect(queueText).toContain(t);
    await queue.scrollIntoViewIfNeeded();
    await shot(admin, "organiser-queue-1280x720");
    expect(await axe(admin)).toEqual([]);
    expect(await axe(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const items = queue.locator(".mod-item");
    const mergeTarget = area.proposals[2]!;
    await items.filter({ hasText: texts[0]! }).getByLabel("Merge into").selectOption(mergeTarget.id);
    await items.filter({ hasText: texts[0]! }).getByRole("button", { name: "Merge", exact: true }).click();
    await queue.getByRole("status").filter({ hasText: `Merged into ${mergeTarget.label}.` }).waitFor();
    await items.filter({ hasText: texts[1]! }).getByRole("button", { name: "Accept", exact: true }).click();
    await queue.getByRole("status").filter({ hasText: "Accepted as a new proposal." }).waitFor();
    await expect.poll(() => items.count()).toBe(0);
    const after = (await eventNow()).areas[1]!;
    const accepted = after.proposals.find((p) => p.title === texts[1]);
    expect(accepted?.origin).toBe("suggestion");
    expect(after.proposals.find((p) => p.id === mergeTarget.id)!.merged).toBe(1);
    // the phone sees each status
    await expect.poll(async () => (await mine.filter({ hasText: texts[0]! }).textContent()) ?? "", { timeout: 10_000 }).toContain("Merged into a proposal");
    await expect.poll(async () => (await mine.filter({ hasText: texts[1]! }).textContent()) ?? "", { timeout: 10_000 }).toContain("Accepted");
    // the projector's reading mode presents the new proposal: step through the pages to it
    const screen = await open(`${server.url}/e/${forum.code}/screen#key=${forum.screenKey}`, { viewport: { width: 1280, height: 720 } });
    await screen.locator(".slide").first().waitFor();
    await screen.keyboard.press("r");
    let found = false;
    for (let step = 0; step < 40 && !found; step++) {
      await screen.getByTestId("reading-item").first().waitFor();
      found = ((await screen.locator(".reading").textContent()) ?? "").includes(texts[1]!);
      if (!found) await screen.keyboard.press("ArrowDown");
      await screen.waitForTimeout(100);
    }
    expect(found).toBe(true);
  }, 120_000);

  it("after opening, the rapporteur's page is read-only and says so", async () => {
    const page = await open(links[0]!, { viewport: { width: 360, height: 740 } });
    await page.getByRole("heading", { level: 1, name: FORUM.areas[0]!.title }).waitFor();
    expect(await page.getByRole("button", { name: /^Edit / }).count()).toBeGreaterThan(0);
    // in Arabic the page turns right to left, in its own words
    const arabic = await open(links[0]!, { viewport: { width: 360, height: 740 }, locale: "ar" });
    await arabic.getByText("أنت مقرِّر هذا المجال").waitFor();
    expect(await arabic.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await arabic.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(arabic, "rapporteur-ar-360x740");
    await openVoting(server.url, forum.code, forum.adminToken, [forum.event.areas[0]!.id]);
    await page.getByText("Voting has started in this area").waitFor({ timeout: 10_000 });
    expect(await page.getByRole("button", { name: /^(Edit|Delete|Move) / }).count()).toBe(0);
    expect(await page.locator("#ed-new-title").count()).toBe(0);
  }, 60_000);
});
