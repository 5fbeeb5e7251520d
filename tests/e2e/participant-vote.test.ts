// The participant's phone, end to end in Chromium at 360×640: two phones join the demo event and
// vote; the limit is explained; a reload restores ballot and order; a second tab follows; an area
// closed by the facilitator locks within a second; the page fits a small phone.
import { describe, expect, it } from "vitest";
import { createDemoEvent } from "./harness";
import {
  area,
  checkedTitles,
  phoneSuite,
  proposal,
  setVoting,
  shownOrder,
  votesIn,
  waitSaved,
} from "./participant-helpers";

const suite = phoneSuite();
const phone = (url: string) => suite.phone(url);

async function openDemo() {
  const demo = await createDemoEvent(suite.server().url);
  await setVoting(suite.server().url, demo.code, demo.adminToken, "open");
  const titles = (i: number) => (demo.event.areas[i]?.proposals ?? []).map((p) => p.title);
  return { ...demo, link: `${suite.server().url}/e/${demo.code}`, health: "Public health", healthTitles: titles(1) };
}

describe("participant phone", () => {
  it("two phones join by link and vote; the server counts what they show", async () => {
    const demo = await openDemo();
    const [p1, p2] = [await phone(demo.link), await phone(demo.link)];
    const [a, b, c] = demo.healthTitles as [string, string, string];

    await proposal(p1.page, demo.health, a).check();
    await proposal(p1.page, demo.health, b).check();
    await proposal(p2.page, demo.health, b).check();
    await proposal(p2.page, demo.health, c).check();
    await waitSaved(p1.page, demo.health);
    await waitSaved(p2.page, demo.health);

    expect(await area(p1.page, demo.health).getByText("0 of 2 votes left").count()).toBe(1);
    expect(await checkedTitles(p1.page, demo.health)).toEqual([a, b].sort());
    expect(await checkedTitles(p2.page, demo.health)).toEqual([b, c].sort());
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, demo.health)).toEqual({ [a]: 1, [b]: 2, [c]: 1 });
    await p1.page.getByText("You have voted in 1 of 4 areas").first().waitFor();

    // Each phone has its own order (against ballot-order bias) of the same proposals.
    const o1 = await shownOrder(p1.page, demo.health);
    const o2 = await shownOrder(p2.page, demo.health);
    expect([...o1].sort()).toEqual([...demo.healthTitles].sort());
    expect(o1).not.toEqual(o2);

    // A change of mind replaces the earlier choice on the server too.
    await proposal(p1.page, demo.health, a).uncheck();
    await waitSaved(p1.page, demo.health);
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, demo.health)).toEqual({ [b]: 2, [c]: 1 });
  });

  it("explains the limit instead of silently refusing, in the shared rule's words", async () => {
    const demo = await openDemo();
    const { page } = await phone(demo.link);
    const [a, b, c] = demo.healthTitles as [string, string, string];
    await proposal(page, demo.health, a).check();
    await proposal(page, demo.health, b).check();
    await waitSaved(page, demo.health);

    await proposal(page, demo.health, c).click();
    const alert = area(page, demo.health).getByRole("alert");
    await alert.getByText("You have used both votes in Public health — remove one to choose another.").waitFor({ timeout: 2000 });
    expect(await proposal(page, demo.health, c).isChecked()).toBe(false);
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, demo.health)).toEqual({ [a]: 1, [b]: 1 });

    // Doing what it says works, and the explanation goes away.
    await proposal(page, demo.health, a).uncheck();
    await proposal(page, demo.health, c).check();
    await waitSaved(page, demo.health);
    expect((await alert.textContent())?.trim()).toBe("");
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, demo.health)).toEqual({ [b]: 1, [c]: 1 });
  });

  it("restores the ballot and the proposal order after a reload, and a second tab follows", async () => {
    const demo = await openDemo();
    const p = await phone(demo.link);
    const [a, b] = demo.healthTitles as [string, string];
    await proposal(p.page, demo.health, a).waitFor();
    const before = await shownOrder(p.page, demo.health);
    await proposal(p.page, demo.health, a).check();
    await waitSaved(p.page, demo.health);

    await p.page.reload();
    await proposal(p.page, demo.health, a).waitFor();
    expect(await shownOrder(p.page, demo.health)).toEqual(before);
    await p.page.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 1);
    expect(await checkedTitles(p.page, demo.health)).toEqual([a]);
    await waitSaved(p.page, demo.health);

    // Same phone, second tab: same participant (token on the device), follows the first live.
    const tab2 = await p.context.newPage();
    await tab2.goto(demo.link);
    await proposal(tab2, demo.health, a).waitFor();
    await tab2.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 1);
    await proposal(p.page, demo.health, b).check();
    await waitSaved(p.page, demo.health);
    await tab2.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 2, undefined, { timeout: 3000 });
    expect(await checkedTitles(tab2, demo.health)).toEqual([a, b].sort());
    const results = await votesIn(suite.server().url, demo.code, demo.adminToken, demo.health);
    expect(results).toEqual({ [a]: 1, [b]: 1 });
  });

  it("locks an area within a second when the facilitator closes it, keeping the participant's choices", async () => {
    const demo = await openDemo();
    const { page } = await phone(demo.link);
    const [a] = demo.healthTitles as [string];
    await proposal(page, demo.health, a).check();
    await waitSaved(page, demo.health);

    const healthId = demo.event.areas[1]?.id as string;
    const started = Date.now();
    await setVoting(suite.server().url, demo.code, demo.adminToken, "closed", [healthId]);
    await page.locator(`#area-${healthId}[data-area-status="closed"]`).waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);

    const boxes = area(page, demo.health).getByRole("checkbox");
    expect(await boxes.count()).toBe(demo.healthTitles.length);
    for (const box of await boxes.all()) expect(await box.isDisabled()).toBe(true);
    expect(await proposal(page, demo.health, a).isChecked()).toBe(true);
    await area(page, demo.health).getByText("Voting closed").waitFor();
    // Named by label: the proposals are paragraphs with their own punctuation (no "…,;" run-ons).
    const label = demo.event.areas[1]?.proposals.find((p) => p.title === a)?.label as string;
    await area(page, demo.health).getByText(`Your choice: ${label}.`, { exact: true }).waitFor();
    // The other areas stay open.
    expect(await area(page, "Human rights").getByRole("checkbox").first().isDisabled()).toBe(false);

    // Reopened, it unlocks again without a reload.
    await setVoting(suite.server().url, demo.code, demo.adminToken, "open", [healthId]);
    await page.locator(`#area-${healthId}[data-area-status="open"]`).waitFor({ timeout: 1000 });
    expect(await proposal(page, demo.health, a).isDisabled()).toBe(false);
  });

  it("shows draft areas read-only and counts voted areas in the summary", async () => {
    const demo = await createDemoEvent(suite.server().url);
    const [dev, health, rights, un] = demo.event.areas.map((x) => x.id) as [string, string, string, string];
    await setVoting(suite.server().url, demo.code, demo.adminToken, "open", [dev, health, rights]);
    const { page } = await phone(`${suite.server().url}/e/${demo.code}`);
    const unTitle = demo.event.areas[3]?.title as string;
    await area(page, unTitle).getByText("Voting not open yet").waitFor();
    expect(await area(page, unTitle).getByRole("checkbox").first().isDisabled()).toBe(true);
    await page.getByText("You have voted in 0 of 4 areas").first().waitFor();

    for (const [i, id] of [dev, health, rights].entries()) {
      const a = demo.event.areas[i];
      if (!a || !a.proposals[0]) throw new Error("demo areas");
      await proposal(page, a.title, a.proposals[0].title).check();
      await page.locator(`#area-${id} [data-save="saved"]`).waitFor();
    }
    await page.getByText("You have voted in 3 of 4 areas").first().waitFor();

    // Opened later, the fourth area becomes votable without a reload.
    await setVoting(suite.server().url, demo.code, demo.adminToken, "open", [un]);
    await page.locator(`#area-${un}[data-area-status="open"]`).waitFor({ timeout: 1000 });
  });

  it("works with the keyboard alone, proposals named by their titles", async () => {
    const demo = await openDemo();
    const { page } = await phone(demo.link);
    await proposal(page, "(Alternative) development", demo.event.areas[0]?.proposals[0]?.title as string).waitFor();
    const first = (await shownOrder(page, "(Alternative) development"))[0] as string;
    // Tab from the top of the page to the first proposal of the first area.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el instanceof HTMLInputElement && el.type === "checkbox" ? (el.closest("label")?.querySelector(".proposal-title")?.textContent ?? "") : null;
      });
      if (focused !== null) {
        expect(focused).toBe(first);
        break;
      }
    }
    await page.keyboard.press("Space");
    await waitSaved(page, "(Alternative) development");
    expect(await proposal(page, "(Alternative) development", first).isChecked()).toBe(true);
    // A screen reader hears the whole proposal as the checkbox's name (the exact match above), and its
    // label ("AD-3") as the description, so it can be referred to aloud like everyone else does.
    const described = await proposal(page, "(Alternative) development", first).getAttribute("aria-describedby");
    expect(described).toBeTruthy();
    const label = demo.event.areas[0]?.proposals.find((p) => p.title === first)?.label;
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe(label);
  });

  it("fits a 360-pixel phone: no sideways scrolling, tap targets of at least 44 pixels", async () => {
    const demo = await openDemo();
    const { page } = await phone(demo.link);
    await proposal(page, demo.health, demo.healthTitles[0] as string).waitFor();
    const report = await page.evaluate(() => {
      const small: string[] = [];
      const targets = document.querySelectorAll<HTMLElement>("main label, main button, main a, main input:not([type=checkbox])");
      for (const el of Array.from(targets)) {
        const r = el.getBoundingClientRect();
        if (r.height > 0 && (r.height < 44 || r.width < 44)) small.push(`${el.tagName} ${el.textContent?.slice(0, 30)} ${r.width}x${r.height}`);
      }
      // Every checkbox is inside its label, so the whole row is the tap target.
      const bare = Array.from(document.querySelectorAll("input[type=checkbox]")).filter((el) => !el.closest("label")).length;
      return { scrollWidth: document.documentElement.scrollWidth, small, bare };
    });
    expect(report.scrollWidth).toBeLessThanOrEqual(360);
    expect(report.small).toEqual([]);
    expect(report.bare).toBe(0);
  });
});
