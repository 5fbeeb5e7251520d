// Ballot cards that work in the hall (issue 10, items 6 and 11), in a real Chromium: a batch stays
// printable after a reload and in a new tab until it is marked printed; a long event title is never
// cut on a card; the printed A4 sheets (page.pdf, rasterised with pdftoppm) hold eight cards each;
// an unprinted batch can be voided; and a card typed on the start page — event code, then card
// code — joins the phone with that card.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { InviteBatch } from "../../shared/schemas";
import type { TestServer } from "../helpers/app";
import { api, createDemoEvent, launchBrowser, PHONE, startServer } from "./harness";
import { proposal, setVoting, waitSaved } from "./participant-helpers";

// 200 characters (the limit), with a long compound word: it must wrap and fit, never be cut.
const TITLE = "Brandenburger Zukunftsforum Ländliche Entwicklung 2017 — Plenum der Arbeitsgruppen: Daseinsvorsorgestrukturverbesserungsvorschläge, Mobilität, Gesundheit, Bildung, Wirtschaft und Teilhabe";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const ARTIFACTS = joinPath(tmpdir(), "plenary-ballot-cards");

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function desktop(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function batchesOf(code: string, adminToken: string): Promise<InviteBatch[]> {
  return ((await api(server.url, "GET", `/api/events/${code}/invite-batches`, { token: adminToken })).body as { batches: InviteBatch[] }).batches;
}

async function shownCodes(page: Page, n: number): Promise<string[]> {
  await expect.poll(() => page.locator(".ballot-card .qr img").count(), { timeout: 10_000 }).toBe(n);
  return page.locator(".card-code").allTextContents();
}

/** Every card's title: its full text, and how far its box overflows (0 when nothing is cut). */
async function titles(page: Page): Promise<Array<{ text: string; overflow: number; cardOverflow: number; fontPx: number }>> {
  return page.locator(".ballot-card").evaluateAll((cards) =>
    cards.map((card) => {
      const t = card.querySelector<HTMLElement>(".card-event");
      return {
        text: t?.textContent ?? "",
        overflow: t ? Math.max(t.scrollHeight - t.clientHeight, t.scrollWidth - t.clientWidth) : -1,
        cardOverflow: Math.max(card.scrollHeight - card.clientHeight, card.scrollWidth - card.clientWidth),
        fontPx: t ? Number.parseFloat(getComputedStyle(t).fontSize) : 0,
      };
    }),
  );
}

describe("the ballot-cards page", () => {
  it("keeps an unprinted batch across a reload and a new tab, fits the whole title, prints eight to a sheet, then marks it printed", async () => {
    const ev = await createDemoEvent(server.url, { title: TITLE, access: "invite" });
    const page = await desktop(`${server.url}/e/${ev.code}/admin#key=${ev.adminToken}`);
    await page.getByLabel("Number of cards").fill("10");
    await page.getByRole("button", { name: "Generate cards" }).click();
    await page.getByRole("link", { name: "Print 10 cards" }).click();
    await page.waitForURL(/\/cards#key=/);
    const codes = await shownCodes(page, 10);

    // The server's batch, card for card.
    const [batch] = await batchesOf(ev.code, ev.adminToken);
    if (!batch) throw new Error("no batch");
    const fromServer = (await api(server.url, "GET", `/api/events/${ev.code}/invite-batches/${batch.id}`, { token: ev.adminToken })).body as { invites: string[] };
    expect(codes).toEqual(fromServer.invites);

    // A reload, then a new tab with no batch named and no browser storage: the same cards.
    await page.reload();
    expect(await shownCodes(page, 10)).toEqual(codes);
    const tab = await desktop(`${server.url}/e/${ev.code}/cards#key=${ev.adminToken}`);
    expect(await shownCodes(tab, 10)).toEqual(codes);

    // Each card: the whole title, nothing overflowing, the event code, the card code, the address.
    const fitted = await titles(page);
    expect(fitted.length).toBe(10);
    for (const t of fitted) {
      expect(t.text).toBe(TITLE);
      expect(t.overflow).toBeLessThanOrEqual(0);
      expect(t.cardOverflow).toBeLessThanOrEqual(0);
      // Shrunk to fit, still readable in hand (≥ 6 pt = 8 px).
      expect(t.fontPx).toBeGreaterThanOrEqual(8);
    }
    const first = page.locator(".ballot-card").first();
    expect(await first.locator(".card-event-code").textContent()).toBe(ev.code);
    expect(await first.locator(".card-code").textContent()).toBe(codes[0]);
    expect(await first.locator(".card-url").textContent()).toBe(`${new URL(server.url).host}/e/${ev.code}`);
    expect(await first.locator(".qr img").getAttribute("alt")).toBe(`QR code for ballot card ${codes[0]}`);
    // The page says what the QR codes depend on, and what still works when the address changes.
    const notice = page.getByRole("region", { name: "What the QR codes depend on" });
    await notice.getByText("PUBLIC_URL", { exact: false }).first().waitFor();
    await notice.getByText(/type the event code and then the card code/).waitFor();

    await page.screenshot({ path: joinPath(ARTIFACTS, "cards-page.png") });
    // As printed: two A4 pages, rasterised to look at.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfFile = joinPath(ARTIFACTS, "cards.pdf");
    writeFileSync(pdfFile, pdf);
    const info = execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" });
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    execFileSync("pdftoppm", ["-png", "-r", "110", pdfFile, joinPath(ARTIFACTS, "cards")]);
    // Print keeps the fitted title: the toolbar is hidden, the cards keep their millimetre layout.
    await page.emulateMedia({ media: "print" });
    for (const t of await titles(page)) expect(t.overflow).toBeLessThanOrEqual(0);
    await page.emulateMedia({ media: "screen" });

    // Marked printed (after a confirmation): the codes are gone, from this page and from the server.
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Mark as printed", exact: true }).click();
    await page.getByRole("status").getByText(/Marked as printed/).waitFor();
    await expect.poll(() => page.locator(".ballot-card").count()).toBe(0);
    await page.reload();
    await page.getByText(/Printed .*: codes erased from the server/).waitFor();
    expect(await page.locator(".ballot-card").count()).toBe(0);
    expect((await api(server.url, "GET", `/api/events/${ev.code}/invite-batches/${batch.id}`, { token: ev.adminToken })).status).toBe(409);
    // A printed batch cannot be voided: the button says why before anyone presses it.
    const voidButton = page.getByRole("button", { name: "Void Batch 1" });
    expect(await voidButton.isDisabled()).toBe(true);
    // The printed cards still work.
    expect((await api(server.url, "POST", `/api/events/${ev.code}/participants`, { body: { invite: codes[3] } })).status).toBe(201);
  });

  it("voids an unprinted batch: its cards stop working", async () => {
    const ev = await createDemoEvent(server.url, { access: "invite" });
    const issued = (await api(server.url, "POST", `/api/events/${ev.code}/invites`, { token: ev.adminToken, body: { count: 3 } })).body as { invites: string[]; batchId: string };
    const page = await desktop(`${server.url}/e/${ev.code}/cards#key=${ev.adminToken}&batch=${issued.batchId}`);
    expect(await shownCodes(page, 3)).toEqual(issued.invites);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Void Batch 1" }).click();
    await page.getByRole("status").getByText(/Voided/).waitFor();
    await page.getByText(/its cards no longer work/).waitFor();
    expect(await page.locator(".ballot-card").count()).toBe(0);
    const res = await api(server.url, "POST", `/api/events/${ev.code}/participants`, { body: { invite: issued.invites[0] } });
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string } }).error.code).toBe("INVITE_INVALID");
  });
});

describe("the start page", () => {
  async function phone(): Promise<Page> {
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url);
    return page;
  }

  it("takes the event code and the card code typed as printed, and the phone joins with that card", async () => {
    const ev = await createDemoEvent(server.url, { access: "invite" });
    await setVoting(server.url, ev.code, ev.adminToken, "open");
    const { invites } = (await api(server.url, "POST", `/api/events/${ev.code}/invites`, { token: ev.adminToken, body: { count: 2 } })).body as { invites: string[] };
    const card = invites[1] ?? "";
    const page = await phone();
    // As someone types it off the card: lower case, a space between the two codes.
    await page.getByRole("textbox", { name: "Event code" }).fill(`${ev.code.toLowerCase()} ${card.toLowerCase()}`);
    await page.getByRole("button", { name: "Join" }).click();
    await page.waitForURL(new RegExp(`/e/${ev.code}$`));

    const health = ev.event.areas[1];
    const title = health?.proposals[0]?.title ?? "";
    await proposal(page, health?.title ?? "", title).check();
    await waitSaved(page, health?.title ?? "");
    // The card was redeemed (not the other one), and it left the address bar.
    expect(new URL(page.url()).search).toBe("");
    expect((await batchesOf(ev.code, ev.adminToken))[0]?.used).toBe(1);
    const again = await api(server.url, "POST", `/api/events/${ev.code}/participants`, { body: { invite: invites[0] } });
    expect(again.status).toBe(201);
    expect((await batchesOf(ev.code, ev.adminToken))[0]?.used).toBe(2);
  });

  it("explains input that is neither, and a card that is not of the event", async () => {
    const ev = await createDemoEvent(server.url, { access: "invite" });
    const page = await phone();
    const field = page.getByRole("textbox", { name: "Event code" });
    await field.fill(`${ev.code} ABC`);
    await page.getByRole("button", { name: "Join" }).click();
    await page.getByRole("alert").getByText(/the event code and then the card code/).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");

    await field.fill(`${ev.code} WXYZ-2345`);
    await page.getByRole("button", { name: "Join" }).click();
    await page.getByRole("alert").getByText("That ballot-card code is not valid for this event.").waitFor();
    await page.getByRole("textbox", { name: "Code on your ballot card" }).waitFor();
  });
});
