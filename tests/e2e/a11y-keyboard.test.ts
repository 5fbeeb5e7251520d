// Keyboard alone, and what a screen reader is told, for the participant and the facilitator, on the
// full-length forum in a real Chromium:
// - the phone: Tab to a proposal, Space to vote, change a vote, reach the limit; the area's live
//   region (role=status, mounted before anything happens, so screen readers announce each change)
//   says "Saved", "Not sent yet — will retry", "Not saved: …"; the alert says the limit; the focus stays
//   on the box through a save, a live update from the server, and its area closing under it;
//   checkboxes are named by the proposal's text and described by its label;
// - the projector: every slide reached by its key, each announced through a live region; the live
//   bars have a text alternative in ranked order with each count, which follows the votes;
// - the organiser: import the full-length forum, open an area, close it, reveal it, export, every
//   step by keyboard with the focus drawn at every stop and never dropped to the page after an action.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { PHONE, PROJECTOR, api, createDemoEvent, join, launchBrowser, startServer, vote } from "./harness";
import { area, setVoting, votesIn } from "./participant-helpers";
import { focusKept, tabUntil, type FocusState } from "./focus-helpers";
import type { CreatedTestEvent, TestServer } from "../helpers/app";

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

async function open(url: string, options: Parameters<Browser["newContext"]>[0]): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return { page, context };
}

/** The accessible name and description of the focused element, and what it is, as Chromium computes them. */
async function focused(page: Page): Promise<{ tag: string; type: string; name: string; area: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const names = (attr: string) => (el?.getAttribute(attr) ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim();
    return { tag: el?.tagName ?? "", type: el?.type ?? "", name: names("aria-labelledby"), area: el?.closest("section.area")?.id ?? "" };
  });
}

/** Presses Tab until the focus is on the checkbox named `title`; returns how many presses it took. */
async function tabTo(page: Page, title: string, key = "Tab", max = 120): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f.type === "checkbox" && f.name === title) return n;
  }
  throw new Error(`${title} not reached with ${key}`);
}

/** A literal for a RegExp, with \0 standing for any number. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\u0000/g, "\\d+");

const isFocused = (box: Locator) => box.evaluate((el) => el === document.activeElement);

describe("the phone, by keyboard, with what a screen reader hears", () => {
  it("votes, changes a vote, reaches the limit; the live regions say so and the focus stays put", async () => {
    const demo = await createDemoEvent(server.url);
    await setVoting(server.url, demo.code, demo.adminToken, "open");
    const first = demo.event.areas[0]!;
    const { page, context } = await open(`${server.url}/e/${demo.code}`, PHONE);
    await page.locator(".proposal-title").nth(39).waitFor();
    const section = area(page, first.title);
    const boxes = section.getByRole("checkbox");
    const shown = await section.locator(".proposal-title").allTextContents();
    const [a, b, c] = shown as [string, string, string];
    const box = (title: string) => section.getByRole("checkbox", { name: title, exact: true });

    // Every box: a checkbox named by its proposal's whole text and described by its label ("AD-3").
    expect(await boxes.count()).toBe(first.proposals.length);
    for (const p of first.proposals) {
      const el = box(p.title);
      expect(await el.getAttribute("type")).toBe("checkbox");
      expect(await el.evaluate((e) => (e.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent).join(" "))).toContain(p.label);
    }

    // The live regions are there, empty, before anything happens: a region added with its words is often not read.
    const status = section.getByRole("status");
    const alert = section.getByRole("alert");
    expect(await status.count()).toBe(1);
    expect(await alert.count()).toBe(1);
    await status.evaluate((el) => el.setAttribute("data-probe", "status"));
    await alert.evaluate((el) => el.setAttribute("data-probe", "alert"));
    expect((await status.textContent())?.trim()).toBe("");
    expect((await alert.textContent())?.trim()).toBe("");
    const probe = section.locator('[data-probe="status"]');

    // Tab from the top of the page to the first proposal, Space to tick it.
    const presses = await tabTo(page, a);
    expect(presses).toBeLessThan(20);
    await page.keyboard.press("Space");
    await expect.poll(() => probe.textContent()).toContain("Saved");
    expect(await box(a).isChecked()).toBe(true);
    expect(await isFocused(box(a))).toBe(true);

    await tabTo(page, b);
    await page.keyboard.press("Space");
    await expect.poll(() => votesIn(server.url, demo.code, demo.adminToken, first.title), { timeout: 10_000 }).toEqual({ [a]: 1, [b]: 1 });
    await expect.poll(() => probe.textContent()).toContain("Saved");
    expect(await isFocused(box(b))).toBe(true);

    // A third: refused on the phone, said in the alert, nothing sent, the focus where it was.
    await tabTo(page, c);
    await page.keyboard.press("Space");
    await expect.poll(() => section.locator('[data-probe="alert"]').textContent()).toBe(`You have used both votes in ${first.title} — remove one to choose another.`);
    expect(await box(c).isChecked()).toBe(false);
    expect(await isFocused(box(c))).toBe(true);

    // Change: untick the first (Shift+Tab back to it), then the third is allowed.
    await tabTo(page, a, "Shift+Tab");
    await page.keyboard.press("Space");
    await tabTo(page, c);
    await page.keyboard.press("Space");
    await expect.poll(() => votesIn(server.url, demo.code, demo.adminToken, first.title), { timeout: 10_000 }).toEqual({ [b]: 1, [c]: 1 });
    await expect.poll(() => probe.textContent()).toContain("Saved");
    expect(await section.locator('[data-probe="alert"]').textContent()).toBe("");
    expect(await isFocused(box(c))).toBe(true);

    // A live update from the server (another area closes) re-renders the page: the focus stays.
    const second = demo.event.areas[1]!;
    await setVoting(server.url, demo.code, demo.adminToken, "closed", [second.id]);
    await area(page, second.title).getByText("Voting closed", { exact: true }).waitFor();
    expect(await isFocused(box(c))).toBe(true);

    // Offline: "Not sent yet — will retry"; the area closes before the change arrives: "Not saved: …".
    await context.setOffline(true);
    await page.keyboard.press("Space");
    await expect.poll(() => probe.textContent()).toBe("Not sent yet — will retry");
    await setVoting(server.url, demo.code, demo.adminToken, "closed", [first.id]);
    await context.setOffline(false);
    await expect.poll(() => probe.textContent(), { timeout: 15_000 }).toBe("Not saved: Voting in this area is closed.");
    await section.getByText("Voting closed", { exact: true }).waitFor();
    // The closed area's boxes say they are unavailable, and the one under the focus keeps it.
    expect(await box(c).getAttribute("aria-disabled")).toBe("true");
    expect(await isFocused(box(c))).toBe(true);
    // Space on a closed area's box changes nothing and says why.
    await page.keyboard.press("Space");
    await expect.poll(() => section.locator('[data-probe="alert"]').textContent()).toBe(`Voting in “${first.title}” is closed.`);
    expect(await votesIn(server.url, demo.code, demo.adminToken, first.title)).toEqual({ [b]: 1, [c]: 1 });
  });

  it("never hides the focused proposal under the pinned area header, tabbing down or back up", async () => {
    const demo = await createDemoEvent(server.url);
    await setVoting(server.url, demo.code, demo.adminToken, "open");
    const { page } = await open(`${server.url}/e/${demo.code}`, PHONE);
    await page.locator(".proposal-title").nth(39).waitFor();
    // The share of the focused box itself in sight: below the pinned header, above the screen's foot.
    const covered = () =>
      page.evaluate(() => {
        const box = (document.activeElement as HTMLElement).getBoundingClientRect();
        const head = document.activeElement?.closest("section.area")?.querySelector(".area-head")?.getBoundingClientRect();
        const visible = Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, head?.bottom ?? 0));
        return visible / box.height;
      });
    const seen: number[] = [];
    for (let n = 0; n < 30; n++) {
      await page.keyboard.press("Tab");
      if ((await focused(page)).type === "checkbox") seen.push(await covered());
    }
    for (let n = 0; n < 25; n++) {
      await page.keyboard.press("Shift+Tab");
      if ((await focused(page)).type === "checkbox") seen.push(await covered());
    }
    expect(seen.length).toBeGreaterThan(20);
    // WCAG 2.4.11 asks for "not entirely hidden"; here the whole box is in sight every time (2.4.12).
    expect(seen.every((v) => v >= 0.99), seen.map((v) => v.toFixed(2)).join(" ")).toBe(true);
  });
});

describe("the projector, by keyboard, with what a screen reader hears", () => {
  let demo: CreatedTestEvent;
  beforeAll(async () => {
    demo = await createDemoEvent(server.url);
    await setVoting(server.url, demo.code, demo.adminToken, "open");
    for (let k = 0; k < 6; k++) {
      const token = await join(server.url, demo.code);
      const ids = demo.event.areas[0]!.proposals.map((p) => p.id);
      const res = await vote(server.url, demo.code, token, demo.event.areas[0]!.id, k < 4 ? [ids[2]!, ids[5]!] : [ids[5]!]);
      expect(res.status).toBe(200);
    }
  });

  it("reaches every slide by its key and announces each one", async () => {
    const { page } = await open(`${server.url}/e/${demo.code}/screen#key=${demo.screenKey}`, PROJECTOR);
    await page.getByRole("heading", { name: "Vote on your phone" }).waitFor();
    const spoken = page.getByTestId("slide-spoken");
    expect(await spoken.getAttribute("aria-live")).toBe("polite");
    const title = demo.event.title;
    await expect.poll(() => spoken.textContent()).toBe(`${title}. Vote on your phone`);
    // The code is spelt out for a screen reader, once, not read as a word.
    expect(await page.getByText(`Event code ${demo.code.split("").join(" ")}`).count()).toBe(1);
    const [a1, a2] = demo.event.areas as [(typeof demo.event.areas)[0], (typeof demo.event.areas)[0]];
    const steps: Array<[key: string, eyebrow: string, heading: string]> = [
      ["ArrowRight", "Area 1 of 4", a1.title],
      ["ArrowRight", "Area 2 of 4", a2.title],
      ["ArrowLeft", "Area 1 of 4", a1.title],
      ["w", "Area 1 of 4 · Top three", a1.title],
      ["Escape", "Area 1 of 4", a1.title],
      ["s", title, "Top three per area"],
      ["j", title, "Vote on your phone"],
      ["2", "Area 2 of 4", a2.title],
      // Reading mode's first page: as many proposals as fit ("Proposals 1–2 of 12").
      ["r", `Area 2 of 4 · Proposals 1–${"\u0000"} of ${a2.proposals.length}`, a2.title],
    ];
    for (const [key, eyebrow, heading] of steps) {
      await page.keyboard.press(key);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { message: key }).toBe(heading);
      await expect.poll(() => spoken.textContent(), { message: key }).toMatch(new RegExp(`^${escape(eyebrow)}\\. ${escape(heading)}$`));
    }
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keys" }).waitFor();
    await page.keyboard.press("?");
    await page.getByRole("dialog").waitFor({ state: "detached" });
  });

  // WCAG 2.1.4: a speech-input user's words, or a stray key, must not drive the stage. The letters
  // can be turned off from the keys list, by keyboard alone, and the laptop remembers it.
  it("turns the single-key shortcuts off and on again by keyboard alone, remembered across a reload", async () => {
    const [a1, a2] = demo.event.areas as [(typeof demo.event.areas)[0], (typeof demo.event.areas)[0]];
    const { page } = await open(`${server.url}/e/${demo.code}/screen#key=${demo.screenKey}&view=area-${a1.id}`, PROJECTOR);
    const heading = page.getByRole("heading", { level: 1 });
    const spoken = page.getByTestId("slide-spoken");
    await expect.poll(() => heading.textContent()).toBe(a1.title);
    // On by default: W shows the winners, Escape goes back.
    await page.keyboard.press("w");
    await expect.poll(() => spoken.textContent()).toBe(`Area 1 of 4 · Top three. ${a1.title}`);
    await page.keyboard.press("Escape");
    await expect.poll(() => spoken.textContent()).toBe(`Area 1 of 4. ${a1.title}`);

    // The footer's "all keys" is a button: Tab reaches it, Enter opens the list with the focus on the setting.
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.id === "key-help-open", "the keys button");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Keys" });
    await dialog.waitFor();
    const setting = dialog.getByRole("checkbox", { name: "Single-key shortcuts (letters, digits, ?, space)" });
    expect(await setting.isChecked()).toBe(true);
    await focusKept(page, "the setting", (f) => f.tag === "INPUT");
    expect(await setting.evaluate((el) => el === document.activeElement)).toBe(true);
    // Space ticks the box, it does not step the slide; nor does a letter typed on it.
    await page.keyboard.press("Space");
    expect(await setting.isChecked()).toBe(false);
    await page.keyboard.press("w");
    expect(await dialog.isVisible()).toBe(true);
    expect(await heading.textContent()).toBe(a1.title);
    expect(await dialog.textContent()).toContain("Off: only the arrows, PageUp/PageDown, Home, End and Esc act.");
    expect(await page.evaluate(() => localStorage.getItem("plenary:screen-letter-keys"))).toBe("off");
    // Esc closes the list and gives the focus back to the button, not to the page.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await focusKept(page, "after closing the keys list", (f) => f.id === "key-help-open");

    // After a reload (the focus on the page itself) no character key acts; the others still do.
    await page.reload();
    await expect.poll(() => heading.textContent()).toBe(a1.title);
    for (const key of ["w", "s", "j", "r", "e", "2", "?", "Space"]) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
      expect(await heading.textContent(), key).toBe(a1.title);
      expect(await spoken.textContent(), key).toBe(`Area 1 of 4. ${a1.title}`);
      expect(await page.getByRole("dialog").count(), key).toBe(0);
    }
    // The hints no longer offer letters: only the arrows, and the button.
    const hints = (await page.getByTestId("key-hints").textContent()) ?? "";
    expect(hints).not.toMatch(/\bW\b|\bS\b|\bJ\b/);
    expect(hints).toContain("all keys");
    const steps: Array<[key: string, heading: string]> = [["ArrowRight", a2.title], ["ArrowLeft", a1.title], ["End", "Top three per area"], ["Home", "Vote on your phone"]];
    for (const [key, h] of steps) {
      await page.keyboard.press(key);
      await expect.poll(() => heading.textContent(), { message: key }).toBe(h);
    }

    // On again, the same way; W acts again.
    await tabUntil(page, (f) => f.id === "key-help-open", "the keys button");
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    // As on the first opening: Space only once the focus has moved to the setting (pressed while it
    // is still on the button, Space would close the list again — a race the test must not run).
    await focusKept(page, "the setting, opened again", (f) => f.tag === "INPUT");
    await page.keyboard.press("Space");
    expect(await setting.isChecked()).toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => localStorage.getItem("plenary:screen-letter-keys"))).toBeNull();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => heading.textContent()).toBe(a1.title);
    // The focus is on the keys button, which keeps its letters: give the page the focus back as a
    // facilitator does, with a click on the stage, then W.
    await page.locator(".slide").click();
    await page.keyboard.press("w");
    await expect.poll(() => spoken.textContent()).toBe(`Area 1 of 4 · Top three. ${a1.title}`);
  });

  it("gives the live bars a text alternative in ranked order, with each count, that follows the votes", async () => {
    const first = demo.event.areas[0]!;
    const { page } = await open(`${server.url}/e/${demo.code}/screen#key=${demo.screenKey}&view=area-${first.id}`, PROJECTOR);
    await page.locator(".bar-row").first().waitFor();
    const list = page.getByRole("list", { name: `Votes in ${first.title}` });
    const items = list.getByRole("listitem");
    expect(await items.count()).toBe(first.proposals.length);
    const [p2, p5] = [first.proposals[2]!, first.proposals[5]!];
    await expect.poll(() => items.nth(0).textContent()).toBe(`1st ${p5.label} ${p5.title}: 6 votes`);
    expect(await items.nth(1).textContent()).toBe(`2nd ${p2.label} ${p2.title}: 4 votes`);
    // The drawn bars are hidden from the screen reader: it hears the list once, in ranked order.
    expect(await page.locator(".bar-chart").getAttribute("aria-hidden")).toBe("true");
    const tree = await page.locator("main").ariaSnapshot();
    expect(tree.split(p5.title).length - 1).toBe(1);

    // Four more people vote for p2: the text alternative follows the new ranking.
    for (let k = 0; k < 4; k++) {
      const token = await join(server.url, demo.code);
      expect((await vote(server.url, demo.code, token, first.id, [p2.id])).status).toBe(200);
    }
    await expect.poll(() => items.nth(0).textContent()).toBe(`1st ${p2.label} ${p2.title}: 8 votes`);
    expect(await items.nth(1).textContent()).toBe(`2nd ${p5.label} ${p5.title}: 6 votes`);
  });
});

// ---- the organiser ------------------------------------------------------------------------------

/** The full-length forum as the Markdown outline an organiser pastes: an area per heading, a proposal per item. */
function forumOutline(): { text: string; areas: number; proposals: number } {
  const forum = JSON.parse(readFileSync(new URL("../../db/demo/brandenburg-forum-2017-full.json", import.meta.url), "utf8")) as { areas: Array<{ title: string; proposals: Array<{ text: string }> }> };
  const text = forum.areas.map((a) => `# ${a.title}\n\n${a.proposals.map((p) => `- ${p.text}`).join("\n")}\n`).join("\n");
  return { text, areas: forum.areas.length, proposals: forum.areas.reduce((n, a) => n + a.proposals.length, 0) };
}

describe("the organiser, by keyboard alone", () => {
  it("imports the full-length forum, opens an area, closes it, reveals it and exports, the focus drawn and never lost", async () => {
    const outline = forumOutline();
    const demo = await createDemoEvent(server.url, { resultsVisibility: "on-reveal" });
    const { page } = await open(`${server.url}/e/${demo.code}/admin#key=${demo.adminToken}&screen=${demo.screenKey}`, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("#live table").waitFor();

    // The section links move the focus to their section (the fragment holds the key, so no #import).
    await tabUntil(page, (f) => f.tag === "A" && f.name === "Import", "the Import link");
    await page.keyboard.press("Enter");
    await focusKept(page, "after the Import link", (f) => f.id === "import");

    // Paste the programme into the field (the keyboard's paste), then its save button, then confirm.
    await tabUntil(page, (f) => f.id === "import-text", "the programme field");
    await page.keyboard.insertText(outline.text);
    const save = `Save ${outline.areas} areas and ${outline.proposals} proposals`;
    await page.getByRole("button", { name: save }).waitFor();
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === save, "the save button");
    await page.keyboard.press("Enter");
    // The programme replaces the demo's: the second step's "Replace programme" has the focus.
    await page.getByRole("group", { name: /./ }).getByRole("button", { name: "Replace programme" }).waitFor();
    await focusKept(page, "the confirm step", (f) => f.name === "Replace programme");
    await page.keyboard.press("Enter");
    await page.locator("#import-summary").getByText(`Imported ${outline.areas} areas with ${outline.proposals} proposals.`).waitFor({ timeout: 15_000 });
    await focusKept(page, "after the import");
    const event = ((await api(server.url, "GET", `/api/events/${demo.code}`, { token: demo.adminToken })).body as { event: { areas: Array<{ id: string; title: string; status: string; revealed?: boolean; proposals: unknown[] }> } }).event;
    expect(event.areas.map((a) => a.proposals.length).reduce((n, k) => n + k, 0)).toBe(outline.proposals);
    const first = event.areas[0]!;
    const status = async () => ((await api(server.url, "GET", `/api/events/${demo.code}`, { token: demo.adminToken })).body as { event: typeof event }).event.areas[0]!;

    // Open the first area: back up the page with Shift+Tab to its row's button.
    await tabUntil(page, (f) => f.name === `Open voting in ${first.title}`, "the area's Open button", "Shift+Tab");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await status()).status).toBe("open");
    await page.locator("#live").getByText("Open", { exact: true }).first().waitFor();
    await focusKept(page, "after opening the area");

    // Close it: the button, then "Yes, close" in the second step, focused for us.
    await tabUntil(page, (f) => f.name === `Close voting in ${first.title}`, "the area's Close button", "Tab", 40).catch(async () => tabUntil(page, (f) => f.name === `Close voting in ${first.title}`, "the area's Close button", "Shift+Tab", 40));
    await page.keyboard.press("Enter");
    await focusKept(page, "the close step", (f) => f.name === "Yes, close");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await status()).status).toBe("closed");
    await focusKept(page, "after closing the area");

    // Reveal its results.
    const reveal = (f: FocusState) => f.name === `Reveal results of ${first.title}`;
    await tabUntil(page, reveal, "the Reveal button", "Tab", 40).catch(async () => tabUntil(page, reveal, "the Reveal button", "Shift+Tab", 40));
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await status()).revealed).toBe(true);
    await focusKept(page, "after revealing");

    // Export the Markdown report.
    await tabUntil(page, (f) => f.name === "Download Markdown", "the Markdown export");
    const download = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.md$/);
    await page.locator("#exports").getByText(`Downloaded ${file.suggestedFilename()}.`).waitFor();
    await focusKept(page, "after the export", (f) => f.name === "Download Markdown");
  });
});

describe("the organiser, by keyboard alone: cards, paper ballots, the evaluation form, the clock", () => {
  it("prints a batch of ballot cards and marks it printed, the focus drawn and never lost", async () => {
    const demo = await createDemoEvent(server.url, { access: "invite" });
    const { page } = await open(`${server.url}/e/${demo.code}/admin#key=${demo.adminToken}&screen=${demo.screenKey}`, { viewport: { width: 1280, height: 900 } });
    await page.getByRole("heading", { level: 1 }).waitFor();
    await tabUntil(page, (f) => f.id === "invite-count", "the number of cards");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("8");
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Generate cards", "Generate cards");
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "Print 8 cards" }).waitFor();
    await focusKept(page, "after generating: on the print link, the next step", (f) => f.tag === "A" && f.name === "Print 8 cards");
    const batches = async () => ((await api(server.url, "GET", `/api/events/${demo.code}/invite-batches`, { token: demo.adminToken })).body as { batches: Array<{ count: number; printedAt: string | null }> }).batches;
    expect((await batches()).map((b) => b.count)).toEqual([8]);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/cards#key=/);
    await expect.poll(() => page.locator(".ballot-card").count()).toBe(8);
    // The browser's print dialog cannot be driven headless: count the calls instead.
    await page.evaluate(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Print cards", "Print cards");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await focusKept(page, "after printing", (f) => f.name === "Print cards");
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name.startsWith("Mark as printed"), "Mark as printed");
    page.once("dialog", (d) => void d.accept());
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await batches())[0]!.printedAt).not.toBeNull();
    await focusKept(page, "after marking printed: on the message saying so", (f) => f.id === "cards-message" && f.name.startsWith("Marked as printed"));
  });

  it("enters a paper ballot and undoes it, writes the evaluation form and opens it, opens an area for 3 minutes and adds one", async () => {
    const demo = await createDemoEvent(server.url);
    const [first, , third] = demo.event.areas;
    await setVoting(server.url, demo.code, demo.adminToken, "open");
    await setVoting(server.url, demo.code, demo.adminToken, "closed", [first!.id]);
    const { page } = await open(`${server.url}/e/${demo.code}/admin#key=${demo.adminToken}&screen=${demo.screenKey}`, { viewport: { width: 1280, height: 900 } });
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("#live table").waitFor();
    const votes = async () => ((await api(server.url, "GET", `/api/events/${demo.code}/results`, { token: demo.adminToken })).body as { areas: Array<{ results: Array<{ label: string; votes: number }> }> }).areas[0]!.results.filter((r) => r.votes > 0).map((r) => r.label).sort();

    // Paper ballot: open the section, tick two boxes of the closed area with Space, enter it.
    await tabUntil(page, (f) => f.tag === "SUMMARY" && f.name.startsWith("Enter a paper ballot"), "the paper ballot section");
    await page.keyboard.press("Enter");
    const [p1, p2] = first!.proposals;
    for (const p of [p1!, p2!]) {
      await tabUntil(page, (f) => f.name === `${p.label}: ${p.title}`, `the box of ${p.label}`);
      await page.keyboard.press("Space");
    }
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Enter paper ballot", "Enter paper ballot");
    await page.keyboard.press("Enter");
    await expect.poll(votes).toEqual([p1!.label, p2!.label].sort());
    await focusKept(page, "after entering the ballot");
    // Undo it: the list's Undo, then the confirm step's "Undo ballot", which takes the focus.
    await page.getByRole("list", { name: "Entered paper ballots" }).getByRole("button", { name: "Undo paper ballot 1" }).waitFor();
    await tabUntil(page, (f) => f.name === "Undo paper ballot 1", "the ballot's Undo");
    await page.keyboard.press("Enter");
    await focusKept(page, "the undo step", (f) => f.name === "Undo ballot");
    await page.keyboard.press("Enter");
    await expect.poll(votes).toEqual([]);
    // Its row is gone: the list's heading ("Entered (0 paper ballots)") has the focus.
    await focusKept(page, "after undoing the ballot", (f) => f.id === "paper-list-heading" && f.name === "Entered (0 paper ballots)");

    // The evaluation form: add a question (its field takes the focus), type it, open the form.
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Add a question", "Add a question");
    await page.keyboard.press("Enter");
    await focusKept(page, "the new question", (f) => f.tag === "INPUT");
    await page.keyboard.type("Was the venue easy to reach?");
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Open the form on the phones", "Open the form");
    await page.keyboard.press("Enter");
    const form = async () => ((await api(server.url, "GET", `/api/events/${demo.code}/feedback`, { token: demo.adminToken })).body as { feedback: { status: string; questions: Array<{ prompt: string }> } }).feedback;
    await expect.poll(async () => (await form()).status).toBe("open");
    expect((await form()).questions.map((q) => q.prompt)).toEqual(["Was the venue easy to reach?"]);
    await focusKept(page, "after opening the form");

    // The clock: the third area (open, no deadline) for 3 minutes, then +1 min.
    const minutes = await page.getByLabel(`Minutes for “\u2068${third!.title}\u2069”`).evaluate((el) => el.id);
    await tabUntil(page, (f) => f.id === minutes, "the third area's minutes", "Shift+Tab");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("3");
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Open for 3 minutes", "Open for 3 minutes");
    const closesAt = async () => ((await api(server.url, "GET", `/api/events/${demo.code}`)).body as { event: { areas: Array<{ id: string; closesAt: string | null }> } }).event.areas.find((a) => a.id === third!.id)!.closesAt;
    const before = Date.now();
    await page.keyboard.press("Enter");
    await expect.poll(closesAt).not.toBeNull();
    const deadline = Date.parse((await closesAt())!);
    expect(deadline - before).toBeGreaterThan(170_000);
    expect(deadline - before).toBeLessThan(190_000);
    const plusOne = `+1 min — Add 1 minute to the time left in “\u2068${third!.title}\u2069”`;
    await focusKept(page, "after opening for 3 minutes", (f) => f.name === plusOne);
    // Pressed once the page has its answer (a press while the first request runs does nothing).
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-disabled"))).toBe("false");
    await page.keyboard.press("Enter");
    await expect.poll(async () => Date.parse((await closesAt())!) - deadline).toBeGreaterThan(50_000);
    await focusKept(page, "after +1 min", (f) => f.name === plusOne);
  });
});
