// Joining from a phone, end to end: the ballot card's QR link, typing the card's code (wrong, then
// right), re-scanning a card on another phone, a mistyped event link, and the organiser's order.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { actOnFirstDraw, api, createDemoEvent } from "./harness";
import { adminResults, area, checkedTitles, phoneSuite, proposal, setVoting, shownOrder, votesIn, waitSaved } from "./participant-helpers";

const suite = phoneSuite();
const phone = (url: string) => suite.phone(url);

/** A tap on the first box in the very task after the ballot is drawn (a slow phone's finger). */
const tapOnAppear = (page: Page) => actOnFirstDraw(page, "input[type=checkbox]", { click: true });

async function inviteEvent(count: number) {
  const demo = await createDemoEvent(suite.server().url, { access: "invite" });
  await setVoting(suite.server().url, demo.code, demo.adminToken, "open");
  const res = await api(suite.server().url, "POST", `/api/events/${demo.code}/invites`, { token: demo.adminToken, body: { count } });
  expect(res.status).toBe(201);
  const invites = (res.body as { invites: string[] }).invites;
  const health = demo.event.areas[1];
  if (!health) throw new Error("demo areas");
  return { ...demo, invites, health, first: health.proposals[0]?.title as string };
}

describe("joining from a phone", () => {
  it("joins with the ballot card's link, and keeps the invite out of the address bar", async () => {
    const ev = await inviteEvent(2);
    const card = ev.invites[0] as string;
    const { page } = await phone(`${suite.server().url}/e/${ev.code}?invite=${encodeURIComponent(card)}`);
    await proposal(page, ev.health.title, ev.first).check();
    await waitSaved(page, ev.health.title);
    expect(new URL(page.url()).search).toBe("");
    expect((await adminResults(suite.server().url, ev.code, ev.adminToken)).participants).toBe(1);

    // The same card scanned on another phone is the same participant: the ballot comes with it.
    const other = await phone(`${suite.server().url}/e/${ev.code}?invite=${encodeURIComponent(card)}`);
    await proposal(other.page, ev.health.title, ev.first).waitFor();
    await other.page.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 1);
    expect(await checkedTitles(other.page, ev.health.title)).toEqual([ev.first]);
    expect((await adminResults(suite.server().url, ev.code, ev.adminToken)).participants).toBe(1);
  });

  // Each kind of first drawing: the ballot in the page's first render (an open event) and the ballot
  // drawn when the card's code has been redeemed.
  it.each(["open", "invite"] as const)("keeps a tap made the moment the ballot appears (%s event)", async (access) => {
    let demo: Awaited<ReturnType<typeof createDemoEvent>>;
    let query = "";
    if (access === "invite") {
      const ev = await inviteEvent(1);
      demo = ev;
      query = `?invite=${encodeURIComponent(ev.invites[0] as string)}`;
    } else {
      demo = await createDemoEvent(suite.server().url);
      await setVoting(suite.server().url, demo.code, demo.adminToken, "open");
    }
    const { page } = await suite.phone(`${suite.server().url}/e/${demo.code}${query}`, undefined, tapOnAppear);
    // The box tapped, as this phone names it: its area's heading and its proposal's text.
    const box = page.locator("input[type=checkbox]").first();
    await box.waitFor();
    const { areaTitle, tapped } = await box.evaluate((el) => ({
      areaTitle: el.closest("section")?.querySelector("h2")?.textContent?.trim() ?? "",
      tapped: el.closest("label")?.querySelector(".proposal-title")?.textContent?.trim() ?? "",
    }));
    await waitSaved(page, areaTitle);
    expect(await checkedTitles(page, areaTitle)).toEqual([tapped]);
    expect(await votesIn(suite.server().url, demo.code, demo.adminToken, areaTitle)).toEqual({ [tapped]: 1 });
  });

  it("asks for the card's code on an invite-only event, explains a wrong one, accepts it typed loosely", async () => {
    const ev = await inviteEvent(1);
    const { page } = await phone(`${suite.server().url}/e/${ev.code}`);
    const field = page.getByRole("textbox", { name: "Code on your ballot card" });
    await field.waitFor();
    expect(await page.getByRole("checkbox").count()).toBe(0);

    // Not even the shape of a card code: explained before any request.
    await field.fill("abc");
    await page.getByRole("button", { name: "Join" }).click();
    await page.getByRole("alert").getByText("The code on your ballot card has 8 letters and digits").waitFor();

    // The right shape but not a card of this event: the server refuses, the page says so.
    await field.fill("ZZZZ-ZZZZ");
    await page.getByRole("button", { name: "Join" }).click();
    await page.getByRole("alert").getByText("That ballot-card code is not valid for this event.").waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");

    // Lower case and a space instead of the dash, as people type it.
    await field.fill((ev.invites[0] as string).toLowerCase().replace("-", " "));
    await page.getByRole("button", { name: "Join" }).click();
    await proposal(page, ev.health.title, ev.first).check();
    await waitSaved(page, ev.health.title);

    // The token stays on the phone: a reload goes straight to the ballot.
    await page.reload();
    await proposal(page, ev.health.title, ev.first).waitFor();
    expect(await page.getByRole("textbox", { name: "Code on your ballot card" }).count()).toBe(0);
  });

  it("refuses a ballot-card link with a wrong code and offers the form", async () => {
    const ev = await inviteEvent(1);
    const { page } = await phone(`${suite.server().url}/e/${ev.code}?invite=WXYZ-2345`);
    await page.getByRole("alert").getByText("That ballot-card code is not valid for this event.").waitFor();
    await page.getByRole("textbox", { name: "Code on your ballot card" }).waitFor();
    expect((await adminResults(suite.server().url, ev.code, ev.adminToken)).participants).toBe(0);
  });

  it("helps after a mistyped event link: the code can be typed again", async () => {
    const demo = await createDemoEvent(suite.server().url);
    const { page } = await phone(`${suite.server().url}/e/ZZZZZZ`);
    await page.getByRole("heading", { name: /No vote with the code ZZZZZZ/ }).waitFor();
    const field = page.getByRole("textbox", { name: "Event code" });
    await field.fill("22222");
    await page.getByRole("button", { name: "Join" }).click();
    await page.getByRole("alert").getByText("An event code has 6 letters and digits").waitFor();
    await field.fill("ZZZ-ZZZ");
    await page.getByRole("button", { name: "Join" }).click();
    await page.getByRole("alert").getByText("There is no event with that code").waitFor();
    // A pasted link works as well as the bare code, in any case.
    await field.fill(`${suite.server().url}/e/${demo.code.toLowerCase()}`);
    await page.getByRole("button", { name: "Join" }).click();
    await page.waitForURL(`${suite.server().url}/e/${demo.code}`);
    await area(page, "Public health").waitFor();
  });

  it("keeps the organiser's order when the event asks for it", async () => {
    const demo = await createDemoEvent(suite.server().url, { proposalOrder: "organiser" });
    const { page } = await phone(`${suite.server().url}/e/${demo.code}`);
    const health = demo.event.areas[1];
    if (!health) throw new Error("demo areas");
    await area(page, health.title).waitFor();
    await proposal(page, health.title, health.proposals[0]?.title as string).waitFor();
    expect(await shownOrder(page, health.title)).toEqual(health.proposals.map((p) => p.title));
  });
});
