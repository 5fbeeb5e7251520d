// The organiser's workspace in a real Chromium against the real app, as issue 5 walks it: create
// an event on the home page, paste two areas of three proposals, open voting, print ballot cards
// (one QR code per card), take a paper ballot, close with a confirmation, download the three
// exports, and read the printable report. What the page says is checked against what the server holds.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
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
  const file = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), text: await readFile(file, "utf8") };
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
    await box.fill(`${OUTLINE}stray text\n`);
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

  it("explains an edit the server refuses once votes exist", async () => {
    const housing = page.getByRole("article", { name: "2. Housing" });
    await housing.getByText("3 proposals").click();
    await housing.getByRole("button", { name: "Delete Rent cap" }).click();
    await housing.getByRole("button", { name: "Delete", exact: true }).click();
    await housing.getByText("This proposal already has votes, so it cannot be deleted.").waitFor();
    expect((await getEvent()).areas[1]?.proposals).toHaveLength(3);

    // Replacing the whole programme would throw the votes away: refused, and said so.
    await page.getByLabel("Paste the programme").fill("# Other\n- Only proposal\n");
    await page.getByRole("button", { name: "Save 1 area and 1 proposal" }).click();
    await page.getByRole("group", { name: "Confirm replacing the programme" }).getByText("This replaces the 2 areas and 6 proposals now in the event.").waitFor();
    await page.getByRole("button", { name: "Replace programme" }).click();
    await page.getByText("Votes have already been cast, so the whole programme can no longer be replaced").waitFor();
    expect((await getEvent()).areas.map((a) => a.title)).toEqual(["Mobility", "Housing"]);
  });

  it("takes a paper ballot under the same rules as a phone", async () => {
    await page.getByText("Enter a paper ballot").click();
    const mobility = page.getByRole("group", { name: /^Mobility/ });
    await mobility.getByLabel("Night buses").check();
    await mobility.getByLabel("Safe cycle lanes").check();
    await mobility.getByLabel("Car-free school streets").click();
    await mobility.getByText("You have used both votes in Mobility — remove one to choose another.").waitFor();
    expect(await mobility.getByLabel("Car-free school streets").isChecked()).toBe(false);
    await page.getByRole("button", { name: "Enter paper ballot" }).click();
    await page.getByText("1 paper ballot entered on this page.").waitFor();

    const results = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
    expect(results.participants).toBe(2);
    const votes = Object.fromEntries(results.areas[0]!.results.map((r) => [r.title, r.votes]));
    expect(votes).toEqual({ "Night buses": 1, "Safe cycle lanes": 2, "Car-free school streets": 1 });
    await expect.poll(() => page.locator(".turnout-total").textContent()).toContain("2 joined");
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

  it("downloads the CSV, JSON and Markdown exports", async () => {
    const csv = await downloadText("Download CSV");
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({ area: "Mobility", rank: "1", proposal: "Safe cycle lanes", votes: "2", share_of_voters: "1" });

    const json = await downloadText("Download JSON");
    expect(json.name).toMatch(/\.json$/);
    const data = JSON.parse(json.text) as { results: Results; ballots: unknown[] };
    expect(data.results.participants).toBe(2);
    expect(data.ballots).toHaveLength(3);
    for (const secret of [adminToken, screenKey, ...cardCodes.map((c) => c.replace("-", ""))]) expect(json.text).not.toContain(secret);
    expect(json.text).not.toMatch(/token|participantId|inviteCode/i);

    const md = await downloadText("Download Markdown");
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toContain("**1st** Safe cycle lanes — 2 votes");
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
    expect(podium).toEqual(["1stSafe cycle lanes2 votes", "=2ndNight buses1 vote", "=2ndCar-free school streets1 vote"]);
    expect(await mobility.getByRole("img").locator(".report-chart-row").count()).toBe(3);
    await report.getByText("Ballot cards: 10 issued, 1 used.").waitFor();
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
