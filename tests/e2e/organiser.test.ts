// The organiser's workspace in a real Chromium against the real app, as issue 5 walks it: create
// an event on the home page, paste two areas of three proposals, open voting, print ballot cards
// (one QR code per card), take a paper ballot, close with a confirmation, download the three
// exports, and read the printable report. What the page says is checked against what the server holds.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { api, join, launchBrowser, startServer, vote } from "./harness";
import type { TestServer } from "../helpers/app";
import type { Event, Results } from "../../shared/schemas";

const OUTLINE = `# Mobility
- Night buses
  Every 30 minutes after midnight, on the four busiest lines.
- Safe cycle lanes
- Car-free school streets

# Housing
- Rent cap
- Empty-homes register
  A public list, updated each quarter.
- Co-operative land trust
`;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let code = "";
let adminToken = "";
let screenKey = "";
let cardCodes: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function getEvent(): Promise<Event> {
  return ((await api(server.url, "GET", `/api/events/${code}`)).body as { event: Event }).event;
}

async function downloadText(label: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, "utf8") };
}

/** A horizontal scrollbar at phone width means something does not fit. */
async function overflowsAt360(p: Page): Promise<number> {
  return p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe("organiser", () => {
  it("creates an event on the home page and lands on its organiser page with the link shown once", async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel("Event title").fill("Neighbourhood assembly");
    await page.getByLabel("Ballot cards only").check();
    await page.getByLabel("On reveal").check();
    await page.getByRole("button", { name: "Create event" }).click();
    await page.waitForURL(/\/e\/[A-Z0-9]{6}\/admin#/);
    await page.getByRole("heading", { name: "Keep this link — it is the only way back in" }).waitFor();

    const url = new URL(page.url());
    code = /\/e\/([A-Z0-9]{6})\//.exec(url.pathname)?.[1] ?? "";
    const hash = new URLSearchParams(url.hash.slice(1));
    adminToken = hash.get("key") ?? "";
    screenKey = hash.get("screen") ?? "";
    expect(hash.get("new")).toBeNull(); // the marker is dropped at once, so a reload shows no notice
    expect(await page.getByLabel("Organiser link").inputValue()).toBe(page.url());
    expect(await page.getByLabel("Projector link").inputValue()).toBe(`${server.url}/e/${code}/screen#key=${hash.get("screen")}`);

    const event = await getEvent();
    expect(event).toMatchObject({ title: "Neighbourhood assembly", access: "invite", resultsVisibility: "on-reveal", votesPerArea: 2, areas: [] });
    // The admin token really is the event's: an admin-only read succeeds with it.
    expect((await api(server.url, "GET", `/api/events/${code}/invites`, { token: adminToken })).status).toBe(200);
    // Nothing secret was written to the browser's storage.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(adminToken);

    await page.reload();
    await page.getByRole("heading", { name: "Run the vote" }).waitFor();
    expect(await page.getByText("Keep this link").count()).toBe(0);
    expect(await page.locator("iframe[title='Projector preview']").getAttribute("src")).toBe(`/e/${code}/screen?mini=1#key=${hash.get("screen")}`);
  });

  it("shows line-numbered problems in a pasted programme, then saves two areas of three proposals", async () => {
    const box = page.getByLabel("Paste the programme");
    // Capitalised: a lower-case line right after a bullet is read as that paragraph wrapping on (issue 10).
    await box.fill(`${OUTLINE}Stray text\n`);
    const errors = page.getByRole("list", { name: "Problems in the pasted text" });
    await expect.poll(() => errors.textContent()).toContain("Line 12");
    expect(await page.getByRole("button", { name: "Save", exact: true }).isDisabled()).toBe(true);

    await box.fill(OUTLINE);
    await expect.poll(() => page.locator(".import-count").textContent()).toBe("Read as Markdown outline: 2 areas, 6 proposals.");
    expect(await page.getByRole("list", { name: "Preview" }).locator(":scope > li").count()).toBe(2);
    await page.getByRole("button", { name: "Save 2 areas and 6 proposals" }).click();
    await page.getByText("Imported 2 areas with 6 proposals.").waitFor();

    const event = await getEvent();
    expect(event.areas.map((a) => [a.title, a.proposals.map((p) => p.title)])).toEqual([
      ["Mobility", ["Night buses", "Safe cycle lanes", "Car-free school streets"]],
      ["Housing", ["Rent cap", "Empty-homes register", "Co-operative land trust"]],
    ]);
    expect(event.areas[0]?.proposals[0]?.body).toBe("Every 30 minutes after midnight, on the four busiest lines.");
    await page.getByRole("heading", { name: "2. Housing" }).waitFor();
  });

  it("opens voting in every area", async () => {
    await page.getByRole("button", { name: "Open all areas" }).click();
    await expect.poll(async () => (await getEvent()).areas.map((a) => a.status)).toEqual(["open", "open"]);
    await expect.poll(() => page.locator(".area-table .status-open").count()).toBe(2);
  });

  it("prints ballot cards: one QR code and one typed code per card, eight to an A4 sheet", async () => {
    await page.getByLabel("Number of cards").fill("10");
    await page.getByRole("button", { name: "Generate cards" }).click();
    await expect.poll(() => page.locator(".invite-stats").textContent()).toBe("Cards issued: 10 · used: 0");
    await page.getByRole("link", { name: "Print 10 cards" }).click();
    await page.waitForURL(/\/cards#key=/);

    const qr = page.locator(".ballot-card .qr img");
    await expect.poll(() => qr.count()).toBe(10);
    expect(await page.locator(".sheet").count()).toBe(2);
    expect(await page.locator(".sheet").first().locator(".ballot-card").count()).toBe(8);
    for (const src of await qr.evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src") ?? ""))) expect(src).toMatch(/^data:image\/svg\+xml/);
    const codes = await page.locator(".card-code").allTextContents();
    cardCodes = codes;
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // Each QR code carries the participant link with that card's code.
    const alt = await qr.first().getAttribute("alt");
    expect(alt).toBe(`QR code for ballot card ${codes[0]}`);

    // A card works: a phone joins with it and votes; the organiser page counts it as used.
    const token = await join(server.url, code, (codes[0] ?? "").replace("-", ""));
    const event = await getEvent();
    const [mobility, housing] = event.areas;
    if (!mobility || !housing) throw new Error("areas missing");
    expect((await vote(server.url, code, token, mobility.id, [mobility.proposals[1]!.id, mobility.proposals[2]!.id])).status).toBe(200);
    expect((await vote(server.url, code, token, housing.id, [housing.proposals[0]!.id])).status).toBe(200);

    await page.getByRole("link", { name: "Back to the organiser page" }).click();
    await page.waitForURL(/\/admin#key=/);
    await expect.poll(() => page.locator(".invite-stats").textContent()).toBe("Cards issued: 10 · used: 1");
  });

  it("disables beforehand a delete or an addition the server would refuse, and says why", async () => {
    const housing = page.getByRole("article", { name: "2. Housing" });
    await housing.getByText("3 proposals").click();
    const rentCap = housing.getByRole("button", { name: "Delete Rent cap" });
    await expect.poll(() => rentCap.isDisabled()).toBe(true);
    expect(await rentCap.getAttribute("aria-describedby")).toBeTruthy();
    await housing.getByText("Cannot be deleted: it has a vote. Its text can still be corrected.").waitFor();
    // No vote yet for the land trust: its delete stays offered.
    expect(await housing.getByRole("button", { name: "Delete Co-operative land trust" }).isDisabled()).toBe(false);
    expect(await housing.getByRole("button", { name: "Delete Housing" }).isDisabled()).toBe(true);
    await housing.getByText("Cannot be deleted: people have voted in “Housing”.", { exact: false }).waitFor();
    expect(await housing.getByRole("button", { name: "Add proposal" }).isDisabled()).toBe(true);
    await housing.getByText("Proposals cannot be added while the area is open", { exact: false }).waitFor();
    expect((await getEvent()).areas[1]?.proposals).toHaveLength(3);

    // Replacing the whole programme would throw the votes away: refused, and said so.
    await page.getByLabel("Paste the programme").fill("# Other\n- Only proposal\n");
    await page.getByRole("button", { name: "Save 1 area and 1 proposal" }).click();
    await page.getByRole("group", { name: "Confirm replacing the programme" }).getByText("This replaces the 2 areas and 6 proposals now in the event.").waitFor();
    await page.getByRole("button", { name: "Replace programme" }).click();
    await page.getByText("Votes have already been cast, so the whole programme can no longer be replaced").waitFor();
    expect((await getEvent()).areas.map((a) => a.title)).toEqual(["Mobility", "Housing"]);
  });

  it("takes a paper ballot under the same rules as a phone, and lists it by its labels", async () => {
    await page.getByText("Enter a paper ballot").click();
    const mobility = page.getByRole("group", { name: /^Mobility/ });
    await mobility.getByLabel("Night buses").check();
    await mobility.getByLabel("Safe cycle lanes").check();
    await mobility.getByLabel("Car-free school streets").click();
    await mobility.getByText("You have used both votes in Mobility — remove one to choose another.").waitFor();
    expect(await mobility.getByLabel("Car-free school streets").isChecked()).toBe(false);
    await page.getByRole("button", { name: "Enter paper ballot" }).click();
    await page.getByText("Paper ballot entered: 2 ticks.", { exact: false }).waitFor();

    const results = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
    expect(results.participants).toBe(2);
    const votes = Object.fromEntries(results.areas[0]!.results.map((r) => [r.title, r.votes]));
    expect(votes).toEqual({ "Night buses": 1, "Safe cycle lanes": 2, "Car-free school streets": 1 });
    await expect.poll(() => page.locator(".turnout-total").textContent()).toContain("2 have voted");
    const list = page.getByRole("list", { name: "Entered paper ballots" });
    await expect.poll(() => list.locator("li .paper-ticks").allTextContents()).toEqual(["MO-1, MO-2"]);
  });

  it("says people of those expected, and the joined devices that never voted to the organiser only", async () => {
    await page.getByLabel("People expected").fill("3");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(async () => (await getEvent()).expectedParticipants).toBe(3);
    await expect.poll(() => page.locator(".turnout-total").textContent()).toContain("2 of 3 expected have voted");
    expect(await page.locator(".silent-devices").textContent()).toBe("every joined device has voted");
    // A ballot card that joins and does not vote is a joined device without a vote.
    await join(server.url, code, (cardCodes[1] ?? "").replace("-", ""));
    await expect.poll(() => page.locator(".silent-devices").textContent()).toBe("1 joined device has not voted");
    await expect.poll(() => page.locator(".turnout-total").textContent()).toContain("2 of 3 expected have voted");
  });

  it("asks before revealing an area that is still open", async () => {
    await page.getByRole("button", { name: "Reveal results of Housing" }).click();
    const confirm = page.getByRole("group", { name: "Confirm revealing “Housing”" });
    await confirm.getByText("“Housing” is still open: the room will see the counts while people are still voting.", { exact: false }).waitFor();
    expect((await getEvent()).areas[1]?.revealed).toBe(false);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await confirm.count()).toBe(0);
    expect((await getEvent()).areas[1]?.revealed).toBe(false);
  });

  it("closes voting only after a confirmation, and reveals an area", async () => {
    await page.getByRole("button", { name: "Close all areas" }).click();
    const confirm = page.getByRole("group", { name: "Confirm closing all areas" });
    await confirm.waitFor();
    expect((await getEvent()).areas.map((a) => a.status)).toEqual(["open", "open"]);
    await confirm.getByRole("button", { name: "Yes, close" }).click();
    await expect.poll(async () => (await getEvent()).areas.map((a) => a.status)).toEqual(["closed", "closed"]);

    await page.getByRole("button", { name: "Reveal results of Mobility" }).click();
    await expect.poll(async () => (await getEvent()).areas.map((a) => a.revealed)).toEqual([true, false]);
  });

  it("takes a paper ballot after the close: counts rise, the list shows it, undo takes them back", async () => {
    const before = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
    const housingBefore = Object.fromEntries(before.areas[1]!.results.map((r) => [r.title, r.votes]));
    const housing = page.getByRole("group", { name: /^Housing/ });
    await housing.getByText("closed, still takes paper").waitFor();
    await housing.getByLabel("Empty-homes register").check();
    await page.getByRole("button", { name: "Enter paper ballot" }).click();
    const list = page.getByRole("list", { name: "Entered paper ballots" });
    await expect.poll(() => list.locator("li .paper-ticks").allTextContents()).toEqual(["MO-1, MO-2", "HO-2"]);
    const after = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
    expect(after.participants).toBe(before.participants + 1);
    expect(after.areas[1]!.results.find((r) => r.title === "Empty-homes register")?.votes).toBe((housingBefore["Empty-homes register"] ?? 0) + 1);

    await page.getByRole("button", { name: "Undo paper ballot 2" }).click();
    await page.getByRole("group", { name: "Confirm undoing paper ballot 2" }).getByRole("button", { name: "Undo ballot" }).click();
    await expect.poll(() => list.locator("li .paper-ticks").allTextContents()).toEqual(["MO-1, MO-2"]);
    const back = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
    expect(back.participants).toBe(before.participants);
    expect(Object.fromEntries(back.areas[1]!.results.map((r) => [r.title, r.votes]))).toEqual(housingBefore);
  });

  it("shows the facilitator the hidden counts on request, while the projector keeps them hidden", async () => {
    expect(await page.getByRole("region", { name: "Counts only you see" }).count()).toBe(0);
    await page.getByRole("button", { name: "Show me the counts" }).click();
    const housing = page.getByRole("region", { name: "Counts only you see" }).getByRole("region", { name: "Counts in Housing" });
    await housing.getByText("hidden from the room").waitFor();
    const rows = await housing.locator(".hidden-rows li").evaluateAll((lis) => lis.map((li) => [li.querySelector(".label")?.textContent, li.querySelector(".votes")?.textContent, li.querySelector(".text")?.textContent]));
    const results = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
    expect(rows).toEqual(results.areas[1]!.results.map((r) => [r.label, `${r.votes} ${r.votes === 1 ? "vote" : "votes"}`, r.title]));

    const projector = await context.newPage();
    await projector.goto(`${server.url}/e/${code}/screen#key=${screenKey}`);
    await projector.getByRole("heading", { name: "Vote on your phone" }).waitFor();
    await projector.keyboard.press("ArrowRight");
    await projector.keyboard.press("ArrowRight");
    await projector.getByRole("heading", { name: "Housing" }).waitFor();
    await projector.getByText("Results hidden until the facilitator reveals them").waitFor();
    expect(await projector.getByText("Rent cap").count()).toBe(0);
    await projector.close();
    await page.getByRole("button", { name: "Hide the counts" }).click();
    expect(await page.getByRole("region", { name: "Counts only you see" }).count()).toBe(0);
  });

  it("opened with the projector key, says so and shows the vote read-only", async () => {
    const other = await context.newPage();
    await other.goto(`${server.url}/e/${code}/admin#key=${screenKey}`);
    await other.getByRole("heading", { name: "This is the projector link, not the organiser link" }).waitFor();
    await other.locator(".area-table").getByText("Housing").waitFor();
    expect(await other.getByRole("button").allTextContents()).toEqual(["Copy"]);
    expect(await other.locator(".read-only-notice").getByRole("link", { name: "Open the projector view" }).getAttribute("href")).toBe(`/e/${code}/screen#key=${screenKey}`);
    await other.close();
  });

  it("downloads the CSV, JSON and Markdown exports", async () => {
    const csv = await downloadText("Download CSV");
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.startsWith("\uFEFF")).toBe(true);
    const rows = parse<Record<string, string>>(csv.text, { bom: true, columns: true });
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({ area: "Mobility", rank: "1", proposal: "Safe cycle lanes", votes: "2", share_of_voters: "1", label: "MO-2", text: "Safe cycle lanes", method: "approval", points: "2" });

    const json = await downloadText("Download JSON");
    expect(json.name).toMatch(/\.json$/);
    const data = JSON.parse(json.text) as { results: Results; ballots: unknown[] };
    expect(data.results.participants).toBe(3); // two who voted, one card that joined without voting
    expect(data.ballots).toHaveLength(3);
    for (const secret of [adminToken, screenKey, ...cardCodes.map((c) => c.replace("-", ""))]) expect(json.text).not.toContain(secret);
    expect(json.text).not.toMatch(/token|participantId|inviteCode/i);

    const md = await downloadText("Download Markdown");
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toContain("**1st** (MO-2) Safe cycle lanes — 2 votes");
  });

  it("moves the event to another laptop as one file: downloaded here, opened on a start page", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download event file" }).click()]);
    const file = await download.path();
    expect(download.suggestedFilename()).toBe(`plenary-event-${code.toLowerCase()}.json`);

    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByText("Open an event file from another laptop").click();
    await other.getByLabel("Event file (.json)").setInputFiles(file);
    await other.getByText("“Neighbourhood assembly”: 2 areas, 6 proposals.").waitFor();
    await other.getByRole("button", { name: "Create this event here" }).click();
    await other.waitForURL(/\/admin#/);
    const newCode = /\/e\/([A-Z0-9]{6})\//.exec(other.url())?.[1] ?? "";
    expect(newCode).not.toBe(code);
    const copy = ((await api(server.url, "GET", `/api/events/${newCode}`)).body as { event: Event }).event;
    const original = await getEvent();
    const shape = (e: Event) => [e.title, e.access, e.resultsVisibility, e.areas.map((a) => [a.title, a.maxVotes, a.proposals.map((p) => [p.title, p.body])])];
    expect(shape(copy)).toEqual(shape(original));
    expect(copy.areas.map((a) => a.status)).toEqual(["draft", "draft"]);
    await other.close();
  });

  it("prints a report whose ranking matches the results", async () => {
    const [report] = await Promise.all([context.waitForEvent("page"), page.getByRole("link", { name: "Printable report" }).click()]);
    await report.getByRole("heading", { name: "Annex: full ranking" }).waitFor();
    const mobility = report.getByRole("region", { name: "Mobility" }).first();
    const podium = await mobility.locator(".podium li").allTextContents();
    expect(podium).toEqual(["1stMO-2Safe cycle lanes2 votes", "=2ndMO-1Night busesEvery 30 minutes after midnight, on the four busiest lines.1 vote", "=2ndMO-3Car-free school streets1 vote"]);
    expect(await mobility.getByRole("img").locator(".report-chart-row").count()).toBe(3);
    await report.getByText("Ballot cards: 10 issued, 2 used.").waitFor();
    const html = await report.content();
    for (const c of cardCodes) expect(html).not.toContain(c.replace("-", ""));
    await report.close();
  });

  it("fits a phone screen without sideways scrolling", async () => {
    await page.setViewportSize({ width: 360, height: 640 });
    expect(await overflowsAt360(page)).toBe(0);
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { name: "Create an event" }).waitFor();
    expect(await overflowsAt360(page)).toBe(0);
  });
});

describe("a server started with ORGANISER_KEY", () => {
  it("asks for the organiser key on the home page, and creates the event with it", async () => {
    const locked = await startServer({ organiserKey: "let-organisers-in" });
    const own = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const p = await own.newPage();
      await p.goto(`${locked.url}/`);
      await p.getByLabel("Event title").fill("Members only");
      await p.getByRole("button", { name: "Create event" }).click();
      await p.getByText("This server lets only organisers create events").waitFor();
      await p.getByLabel("Organiser key").fill("wrong");
      const [refused] = await Promise.all([
        p.waitForResponse((r) => r.url().endsWith("/api/events") && r.request().method() === "POST"),
        p.getByRole("button", { name: "Create event" }).click(),
      ]);
      expect(refused.status()).toBe(401);
      await p.getByRole("button", { name: "Create event" }).waitFor();
      expect(p.url()).toBe(`${locked.url}/`);
      await p.getByLabel("Organiser key").fill("let-organisers-in");
      await p.getByRole("button", { name: "Create event" }).click();
      await p.waitForURL(/\/admin#key=/);
      await p.getByRole("heading", { name: "Members only" }).waitFor();
    } finally {
      await own.close();
      await locked.close();
    }
  });
});
