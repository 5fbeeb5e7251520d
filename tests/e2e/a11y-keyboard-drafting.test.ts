// Before the vote, by keyboard alone, in a real Chromium over the full-length forum (issue 17):
// - the suggestion queue: a phone sends four suggestions (Tab to the field, type, Tab to Send,
//   Enter: the emptied field takes the focus); the organiser accepts one, edits and accepts one (the
//   form's text focused on opening, its Cancel giving the focus back), merges one into a proposal
//   (the list chosen with the arrow keys) and rejects one — each action's item leaves the queue and
//   the focus goes to the next item's first button, then to the queue's "none waiting" line; each
//   result said in the queue's live region and each status checked on the server;
// - the programme editor: add an area, a paragraph-long proposal to it and a second one, edit the
//   first, move the second up and back down, delete the first through its confirmation step — the
//   focus on the control that follows each action (the emptied field after adding, Save after
//   saving, the same Move button after a move, "yes" in the confirmation, Delete again after its
//   Cancel, the area's proposal list after the delete); then delete the area (the programme's
//   heading then has the focus) — never dropped to the page; each change said in the programme's
//   live region and checked on the server.
// Every stop on the way drawn (:focus-visible), as tabUntil checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PHONE, api, createDemoEvent, launchBrowser, startServer } from "./harness";
import { focusKept, tabUntil, type FocusState } from "./focus-helpers";
import type { TestServer } from "../helpers/app";
import type { Event, Suggestion } from "../../shared/schemas";

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

async function open(url: string, options: Parameters<Browser["newContext"]>[0]): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", ...options });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const ORGANISER = { viewport: { width: 1280, height: 900 } };

/** The text of the queue item that holds the focus ("" outside one): the buttons' names do not say which suggestion they act on. */
const focusedItem = (page: Page) => page.evaluate(() => document.activeElement?.closest(".mod-item")?.querySelector(".mod-title")?.textContent ?? "");

describe("before the vote, by keyboard alone: the suggestion queue and the programme editor", () => {
  it("a phone suggests four times; the organiser accepts, edits and accepts, merges and rejects them, the focus drawn and never lost", async () => {
    const demo = await createDemoEvent(server.url);
    const area = demo.event.areas[1]!;
    const opened = await api(server.url, "PATCH", `/api/events/${demo.code}/areas/${area.id}`, { token: demo.adminToken, body: { suggestions: "open" } });
    expect(opened.status).toBe(200);

    // The phone: Tab to the suggestion's field, type, Tab to Send, Enter — three times.
    const phone = await open(`${server.url}/e/${demo.code}`, PHONE);
    await phone.getByRole("heading", { name: "Suggest a proposal" }).waitFor();
    const field = await phone.getByLabel("Your proposal").evaluate((el) => el.id);
    const sent = phone.locator(".pp-suggest-msg");
    const texts = [
      "Publish the minutes of every working group online within a week.",
      "Keep the library open until nine on weekdays.",
      "Paint the town hall purple.",
      "Plant trees along the ring road.",
    ];
    for (const [i, text] of texts.entries()) {
      // The first time by Tab down the page; then the field already has the focus (checked below).
      if (i === 0) await tabUntil(phone, (f) => f.id === field, "the suggestion field");
      await phone.keyboard.type(text);
      await tabUntil(phone, (f) => f.tag === "BUTTON" && f.name === "Send suggestion", `Send suggestion (${i + 1})`);
      await phone.keyboard.press("Enter");
      await expect.poll(() => sent.textContent(), { message: `sent ${i + 1}` }).toMatch(/^Thank you: your suggestion was sent\.\s?$/);
      // Ready for the next one: the emptied field has the focus (the button it was on is idle until something is typed).
      await focusKept(phone, `after sending ${i + 1}`, (f) => f.id === field);
      expect(await phone.locator(`[id="${field}"]`).inputValue()).toBe("");
    }
    const suggestions = async () => ((await api(server.url, "GET", `/api/events/${demo.code}/suggestions`, { token: demo.adminToken })).body as { suggestions: Suggestion[] }).suggestions;
    const statusOf = async (text: string) => (await suggestions()).find((s) => s.title === text)?.status;
    expect((await suggestions()).map((s) => `${s.status}: ${s.title}`).sort()).toEqual(texts.map((t) => `pending: ${t}`).sort());

    // The organiser: the queue's first item, by Tab from the top of the page.
    const admin = await open(`${server.url}/e/${demo.code}/admin#key=${demo.adminToken}`, ORGANISER);
    const queue = admin.locator("#suggestions");
    await queue.getByRole("heading", { name: "Suggestions from the room (4 waiting)" }).waitFor({ timeout: 10_000 });
    const live = queue.locator(".queue-live");
    const eventNow = async () => ((await api(server.url, "GET", `/api/events/${demo.code}`)).body as { event: Event }).event.areas.find((a) => a.id === area.id)!;
    const accept = (f: FocusState) => f.tag === "BUTTON" && f.name === "Accept";
    // The live region speaks as soon as the server answers; the item leaves once the queue is read
    // again, and only then does the focus move on: wait for that before asking where it went.
    // (No text of the four is part of another's.)
    const left = (title: string) => queue.locator(".mod-title", { hasText: title }).waitFor({ state: "detached" });
    // In the queue's order (sent within the same second, they are ordered by id): accept the first,
    // edit and accept the second, merge the third, reject the fourth.
    const shown = await queue.locator(".mod-title").allTextContents();
    expect([...shown].sort()).toEqual([...texts].sort());
    const [toAccept, toEdit, toMerge, toReject] = shown as [string, string, string, string];
    expect(await queue.locator(".mod-title", { hasText: toAccept }).count()).toBe(1);

    // Accept the first as is.
    await tabUntil(admin, accept, "the first suggestion's Accept");
    expect(await focusedItem(admin)).toBe(toAccept);
    await admin.keyboard.press("Enter");
    await expect.poll(() => statusOf(toAccept)).toBe("accepted");
    expect((await eventNow()).proposals.find((p) => p.title === toAccept)?.origin).toBe("suggestion");
    await expect.poll(() => live.textContent()).toBe("Accepted as a new proposal.");
    await left(toAccept);
    // Its item is gone: the next one's first button has the focus.
    await focusKept(admin, "after accepting", accept);
    expect(await focusedItem(admin)).toBe(toEdit);

    // Edit and accept the second: the form's text takes the focus; Cancel gives it back to the
    // button that opened it; opened again, the text is changed and accepted.
    const editAccept = (f: FocusState) => f.tag === "BUTTON" && f.name === "Edit and accept";
    await tabUntil(admin, editAccept, "Edit and accept");
    await admin.keyboard.press("Enter");
    await focusKept(admin, "the edit form", (f) => f.tag === "TEXTAREA");
    await tabUntil(admin, (f) => f.tag === "BUTTON" && f.name === "Cancel", "the edit form's Cancel");
    await admin.keyboard.press("Enter");
    await focusKept(admin, "after Cancel", editAccept);
    expect(await focusedItem(admin)).toBe(toEdit);
    await admin.keyboard.press("Enter");
    await focusKept(admin, "the edit form again", (f) => f.tag === "TEXTAREA");
    await admin.keyboard.press("ControlOrMeta+End");
    const edited = `${toEdit.slice(0, -1)}, with benches in the shade.`;
    await admin.keyboard.press("Backspace");
    await admin.keyboard.type(", with benches in the shade.");
    await tabUntil(admin, (f) => f.tag === "BUTTON" && f.name === "Accept edited text", "Accept edited text");
    await admin.keyboard.press("Enter");
    await expect.poll(() => statusOf(toEdit)).toBe("accepted");
    expect((await eventNow()).proposals.find((p) => p.title === edited)?.origin).toBe("suggestion");
    // The same words as the first accept: the region's text still changes, so it is said again.
    await expect.poll(() => live.textContent()).toBe("Accepted as a new proposal.\u00a0");
    await left(toEdit);
    await focusKept(admin, "after accepting the edited text", accept);
    expect(await focusedItem(admin)).toBe(toMerge);

    // Merge the third into the area's third proposal: the list chosen with the arrow keys.
    const target = area.proposals[2]!;
    await tabUntil(admin, (f) => f.tag === "SELECT", "the Merge into list");
    expect(await focusedItem(admin)).toBe(toMerge);
    for (let k = 0; k < 3; k++) await admin.keyboard.press("ArrowDown");
    expect(await admin.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe(target.id);
    await tabUntil(admin, (f) => f.tag === "BUTTON" && f.name === "Merge", "the Merge button");
    await admin.keyboard.press("Enter");
    await expect.poll(() => statusOf(toMerge)).toBe("merged");
    expect((await eventNow()).proposals.find((p) => p.id === target.id)?.merged).toBe(1);
    await expect.poll(() => live.textContent()).toBe(`Merged into ${target.label}.`);
    await left(toMerge);
    await focusKept(admin, "after merging", accept);
    expect(await focusedItem(admin)).toBe(toReject);

    // Reject the fourth: the queue is empty, and its line saying so has the focus.
    await tabUntil(admin, (f) => f.tag === "BUTTON" && f.name === "Reject", "the Reject button");
    expect(await focusedItem(admin)).toBe(toReject);
    await admin.keyboard.press("Enter");
    await expect.poll(() => statusOf(toReject)).toBe("rejected");
    expect((await eventNow()).proposals.some((p) => p.title === toReject)).toBe(false);
    await expect.poll(() => live.textContent()).toBe("Rejected.");
    await left(toReject);
    await focusKept(admin, "after rejecting the last one", (f) => f.name === "No suggestions waiting.");
    expect((await eventNow()).proposals).toHaveLength(area.proposals.length + 2);
  }, 60_000);

  it("adds an area and two proposals, edits one, moves the other up and down, deletes one and the area, the focus drawn and never lost", async () => {
    const demo = await createDemoEvent(server.url);
    const page = await open(`${server.url}/e/${demo.code}/admin#key=${demo.adminToken}`, ORGANISER);
    await page.locator("#programme").waitFor();
    const areas = async () => ((await api(server.url, "GET", `/api/events/${demo.code}`)).body as { event: Event }).event.areas;
    const live = page.locator("#programme .programme-live");
    const n = demo.event.areas.length;

    // Add an area: its field, type, Tab to Add area, Enter; the emptied field keeps the focus.
    const areaTitle = "Culture and sport";
    await tabUntil(page, (f) => f.id === "new-area-title", "the new area's field", "Tab", 400);
    await page.keyboard.type(areaTitle);
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Add area", "the Add area button");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await areas()).length).toBe(n + 1);
    const area = (await areas()).at(-1)!;
    expect(area.title).toBe(areaTitle);
    await expect.poll(() => live.textContent()).toBe(`Added “${areaTitle}”.`);
    await focusKept(page, "after adding the area", (f) => f.id === "new-area-title");
    expect(await page.locator("#new-area-title").inputValue()).toBe("");
    const proposals = async () => (await areas()).find((a) => a.id === area.id)!.proposals.sort((a, b) => a.position - b.position);

    // Open its proposals (back up to the disclosure, Enter) and add a paragraph-long proposal, then a short one.
    await tabUntil(page, (f) => f.tag === "SUMMARY" && f.name === `0 proposals in “${areaTitle}”`, "the new area's proposals", "Shift+Tab");
    await page.keyboard.press("Enter");
    const newField = `area-${area.id}-new-title`;
    const paragraph = "Open the school sports halls to clubs and residents on evenings and weekends, with a caretaker paid from the district budget, "
      + "a booking page that lists the free hours, and a yearly report on who uses them, so that the halls built with public money serve the whole neighbourhood.";
    const short = "A summer festival in the park.";
    for (const [i, text] of [paragraph, short].entries()) {
      if (i === 0) await tabUntil(page, (f) => f.id === newField, "the new proposal's field");
      await page.keyboard.type(text);
      await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Add proposal", `the Add proposal button (${i + 1})`);
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await proposals()).length, { message: `add ${i + 1}` }).toBe(i + 1);
      const added = (await proposals())[i]!;
      expect(added.title).toBe(text);
      await expect.poll(() => live.textContent(), { message: `add ${i + 1} said` }).toBe(`Added ${added.label}.`);
      await focusKept(page, `after adding proposal ${i + 1}`, (f) => f.id === newField);
      expect(await page.locator(`[id="${newField}"]`).inputValue()).toBe("");
    }
    const [first, second] = (await proposals()) as [Event["areas"][0]["proposals"][0], Event["areas"][0]["proposals"][0]];

    // Edit the first: its line opens (Enter), its text field, add a sentence at the end, Save.
    await tabUntil(page, (f) => f.tag === "SUMMARY" && f.name.startsWith(first.label), "the first proposal's line", "Shift+Tab");
    await page.keyboard.press("Enter");
    await tabUntil(page, (f) => f.id === `proposal-${first.id}-title`, "the first proposal's text");
    await page.keyboard.press("ControlOrMeta+End");
    const edited = `${paragraph} The first halls open in September.`;
    await page.keyboard.type(" The first halls open in September.");
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Save", "the proposal's Save");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await proposals())[0]!.title).toBe(edited);
    await expect.poll(() => live.textContent()).toBe("Saved.");
    await focusKept(page, "after saving", (f) => f.tag === "BUTTON" && f.name === "Save");

    // Move the second up, then (Tab to its ↓) back down: the focus stays on the button pressed.
    const up = `Move ${short} up`;
    const down = `Move ${short} down`;
    await tabUntil(page, (f) => f.name === up, "the second proposal's Move up");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await proposals()).map((p) => p.id)).toEqual([second.id, first.id]);
    await expect.poll(() => live.textContent()).toBe("Moved.");
    await focusKept(page, "after moving up", (f) => f.name === up && f.busy);
    await tabUntil(page, (f) => f.name === down && !f.busy, "its Move down");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await proposals()).map((p) => p.id)).toEqual([first.id, second.id]);
    // The same words again: the region's text still changes, so it is said again.
    await expect.poll(() => live.textContent()).toBe("Moved.\u00a0");
    await focusKept(page, "after moving down", (f) => f.name === down && f.busy);

    // Delete the first: its Delete, then the confirmation's "Delete" (focused for us), Enter — after
    // a first try left by its Cancel, which gives the focus back to Delete.
    const del = (f: FocusState) => f.name === `Delete ${edited}`;
    await tabUntil(page, del, "the first proposal's Delete", "Shift+Tab");
    await page.keyboard.press("Enter");
    await focusKept(page, "the confirmation (first try)", (f) => f.tag === "BUTTON" && f.name === "Delete");
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Cancel", "the confirmation's Cancel");
    await page.keyboard.press("Enter");
    await focusKept(page, "after Cancel", del);
    expect((await proposals()).map((p) => p.id)).toEqual([first.id, second.id]);
    await page.keyboard.press("Enter");
    await focusKept(page, "the confirmation", (f) => f.tag === "BUTTON" && f.name === "Delete");
    expect(await page.evaluate(() => document.activeElement?.closest("[role=group]")?.getAttribute("aria-label"))).toBe(`Confirm deleting ${edited}`);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await proposals()).map((p) => p.id)).toEqual([second.id]);
    await expect.poll(() => live.textContent()).toBe("Deleted.");
    // Its line is gone: the area's proposal list (its disclosure, still open) has the focus.
    await focusKept(page, "after deleting", (f) => f.tag === "SUMMARY" && f.name === `1 proposal in “${areaTitle}”`);

    // Delete the whole area the same way: back up to its Delete; after it, the programme's heading.
    await tabUntil(page, (f) => f.name === `Delete ${areaTitle}`, "the area's Delete", "Shift+Tab");
    await page.keyboard.press("Enter");
    await focusKept(page, "the area's confirmation", (f) => f.tag === "BUTTON" && f.name === "Delete");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await areas()).length).toBe(n);
    await expect.poll(() => live.textContent()).toBe("Deleted.\u00a0");
    await focusKept(page, "after deleting the area", (f) => f.id === "programme-heading");
  }, 60_000);
});
