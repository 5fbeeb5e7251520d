// The rapporteur's drafting page (/e/CODE/edit/AREAID#key=edt_…) by keyboard alone, in a real
// Chromium over the full-length forum: add a proposal, edit it, move it up twice — every step
// reached with Tab/Shift+Tab and Enter, every stop drawn (:focus-visible), and after each action the
// focus on the control that follows (the empty field after adding, the form's field after Edit,
// Edit after Save, the same Move button after a move), never dropped to the page; each change said
// in the page's live region and checked against the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { api, createDemoEvent, launchBrowser, startServer } from "./harness";
import { focusKept, tabUntil } from "./focus-helpers";
import type { TestServer } from "../helpers/app";
import type { Event } from "../../shared/schemas";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the rapporteur, by keyboard alone", () => {
  it("adds a proposal, edits it and moves it up twice, the focus drawn and never lost", async () => {
    const demo = await createDemoEvent(server.url);
    const area = demo.event.areas[0]!;
    const key = await api(server.url, "POST", `/api/events/${demo.code}/areas/${area.id}/editor-key`, { token: demo.adminToken });
    expect(key.status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${server.url}/e/${demo.code}/edit/${area.id}#key=${(key.body as { editorKey: string }).editorKey}`);
    await page.getByRole("heading", { level: 1, name: area.title }).waitFor();
    const proposals = async () => ((await api(server.url, "GET", `/api/events/${demo.code}`)).body as { event: Event }).event.areas[0]!.proposals.sort((a, b) => a.position - b.position);
    const live = page.locator(".ed-live");
    const n = area.proposals.length;

    // Add: Tab down the page to the new proposal's field, type, Tab to Add, Enter.
    await tabUntil(page, (f) => f.id === "ed-new-title", "the new proposal's field");
    const text = "Safe cycle routes to every school in the district.";
    await page.keyboard.type(text);
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Add", "the Add button");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await proposals()).length).toBe(n + 1);
    const added = (await proposals()).at(-1)!;
    expect(added.title).toBe(text);
    await expect.poll(() => live.textContent()).toBe(`Added ${added.label}.`);
    // Ready for the next one: the emptied field has the focus.
    await focusKept(page, "after adding", (f) => f.id === "ed-new-title");
    expect(await page.locator("#ed-new-title").inputValue()).toBe("");

    // Edit: back up to its Edit button, Enter: the form's first field takes the focus.
    await tabUntil(page, (f) => f.name === `Edit ${added.label}`, "the new proposal's Edit button", "Shift+Tab");
    await page.keyboard.press("Enter");
    await focusKept(page, "the edit form", (f) => f.tag === "TEXTAREA");
    const edited = "Safe cycle routes to every school in the district by 2020.";
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(edited);
    await tabUntil(page, (f) => f.tag === "BUTTON" && f.name === "Save", "the Save button");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await proposals()).at(-1)!.title).toBe(edited);
    await expect.poll(() => live.textContent()).toBe("Saved.");
    await focusKept(page, "after saving", (f) => f.name === `Edit ${added.label}`);

    // Move it up twice with the same button: its label follows its place (labels are by order
    // until the area first opens), the focus stays on the button, and each move is said.
    await tabUntil(page, (f) => f.name === `Move ${added.label} up`, "the Move up button");
    for (const [k, place] of [[1, n - 1], [2, n - 2]] as const) {
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await proposals()).findIndex((p) => p.id === added.id), { message: `move ${k}` }).toBe(place);
      const label = (await proposals())[place]!.label;
      // The row shows its new place from the server's push, which may come before the move's own
      // answer: the button is pressed again only once it is no longer busy, as a user would see it.
      await focusKept(page, `after move ${k}`, (f) => f.name === `Move ${label} up` && !f.busy);
      await expect.poll(() => live.textContent(), { message: `move ${k} said` }).toBe(k === 1 ? "Moved." : "Moved.\u00a0");
    }
    await context.close();
  }, 60_000);
});
