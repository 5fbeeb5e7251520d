// People, not devices, end to end: a phone that opens the link and reads is not a participant; it
// joins at its first vote (also when that vote is tapped offline); a phone opening the link after
// every area closed sees that voting has ended, with the results the room may see, and counts for
// nothing; a ballot card typed on an open event's page is redeemed.
import { describe, expect, it } from "vitest";
import { api, createDemoEvent, join, vote } from "./harness";
import {
  adminResults,
  area,
  checkedTitles,
  participantCount,
  phoneSuite,
  proposal,
  setVoting,
  votesIn,
  waitSaveState,
  waitSaved,
} from "./participant-helpers";

const suite = phoneSuite();
const url = () => suite.server().url;

async function openForum(overrides: Parameters<typeof createDemoEvent>[1] = {}) {
  const demo = await createDemoEvent(url(), overrides);
  await setVoting(url(), demo.code, demo.adminToken, "open");
  const health = demo.event.areas[1];
  if (!health) throw new Error("demo areas");
  const titles = health.proposals.map((p) => p.title);
  return { ...demo, link: `${url()}/e/${demo.code}`, health, titles };
}

describe("people, not devices", () => {
  it("a phone that opens the link and reads is not counted; it joins at its first tap and the vote is saved", async () => {
    const ev = await openForum();
    expect(await participantCount(url(), ev.code)).toBe(0);

    const lookers = [await suite.phone(ev.link), await suite.phone(ev.link), await suite.phone(ev.link)];
    for (const p of lookers) await proposal(p.page, ev.health.title, ev.titles[0] as string).waitFor();
    // Reading, scrolling, reloading: still nobody has joined.
    await lookers[0]?.page.mouse.wheel(0, 3000);
    await lookers[1]?.page.reload();
    await proposal(lookers[1]!.page, ev.health.title, ev.titles[0] as string).waitFor();
    await lookers[0]!.page.waitForTimeout(500);
    expect(await participantCount(url(), ev.code)).toBe(0);
    expect(await lookers[0]!.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("plenary.token")))).toEqual([]);

    // The list does not reshuffle under the finger when the phone joins at its first tap.
    const { page } = lookers[2]!;
    const before = await area(page, ev.health.title).locator(".proposal-title").allTextContents();
    await proposal(page, ev.health.title, ev.titles[3] as string).check();
    await waitSaved(page, ev.health.title);
    expect(await participantCount(url(), ev.code)).toBe(1);
    expect(await votesIn(url(), ev.code, ev.adminToken, ev.health.title)).toEqual({ [ev.titles[3] as string]: 1 });
    expect(await area(page, ev.health.title).locator(".proposal-title").allTextContents()).toEqual(before);

    // A second tap in another area reuses the token; a reload keeps it and shows the ballot.
    const dev = ev.event.areas[0]!;
    await proposal(page, dev.title, dev.proposals[0]!.title).check();
    await waitSaved(page, dev.title);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 2);
    expect(await checkedTitles(page, ev.health.title)).toEqual([ev.titles[3]]);
    const results = await adminResults(url(), ev.code, ev.adminToken);
    expect(results.participants).toBe(1);
    expect(results.voters).toBe(1);
  });

  it("a tap while offline joins and saves when the network returns, keeping the choice through a reload", async () => {
    const ev = await openForum();
    const { page, context } = await suite.phone(ev.link);
    const [a] = ev.titles as [string];
    await proposal(page, ev.health.title, a).waitFor();
    await context.setOffline(true);
    await proposal(page, ev.health.title, a).check();
    await waitSaveState(page, ev.health.title, "offline");
    expect(await area(page, ev.health.title).locator('[data-save="saved"]').count()).toBe(0);
    expect(await participantCount(url(), ev.code)).toBe(0);

    // Reloaded while the server cannot be reached: the page itself loads, the join does not.
    await page.route("**/api/events/*/participants", (route) => route.abort("internetdisconnected"));
    await context.setOffline(false);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 1);
    await waitSaveState(page, ev.health.title, "offline");
    expect(await participantCount(url(), ev.code)).toBe(0);

    // The queue's own backoff retries the join and then the vote (at most 30 s apart).
    await page.unroute("**/api/events/*/participants");
    await waitSaved(page, ev.health.title, 35_000);
    expect(await participantCount(url(), ev.code)).toBe(1);
    expect(await votesIn(url(), ev.code, ev.adminToken, ev.health.title)).toEqual({ [a]: 1 });
  });

  it("a join whose answer is lost after the server stored it is retried as the same person, not a second one", async () => {
    const ev = await openForum();
    const { page } = await suite.phone(ev.link);
    const [a, b] = ev.titles as [string, string];
    await proposal(page, ev.health.title, a).waitFor();
    // The venue Wi-Fi drops the answer: the server joins the phone and stores its vote, the phone hears nothing.
    let lost = 0;
    await page.route("**/api/events/*/participants", async (route) => {
      if (lost++ > 0) return route.continue();
      await route.fetch();
      await route.abort("connectionreset");
    });
    await proposal(page, ev.health.title, a).check();
    await expect.poll(() => lost, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await proposal(page, ev.health.title, b).check();
    await waitSaved(page, ev.health.title, 35_000);
    expect(lost).toBeGreaterThanOrEqual(2);
    const results = await adminResults(url(), ev.code, ev.adminToken);
    expect([results.participants, results.voters]).toEqual([1, 1]);
    expect(await votesIn(url(), ev.code, ev.adminToken, ev.health.title)).toEqual({ [a]: 1, [b]: 1 });
  });

  it("a phone opening the link after every area closed sees that voting has ended, with the results, and counts for nothing", async () => {
    const ev = await openForum();
    // Two people voted from the API as phones would.
    for (const picks of [[0, 1], [0, 2]]) {
      const token = await join(url(), ev.code);
      const res = await vote(url(), ev.code, token, ev.health.id, picks.map((i) => ev.health.proposals[i]!.id));
      expect(res.status).toBe(200);
    }
    await setVoting(url(), ev.code, ev.adminToken, "closed");
    const before = await adminResults(url(), ev.code, ev.adminToken);

    const { page } = await suite.phone(ev.link);
    await page.getByRole("heading", { name: "Voting has ended" }).waitFor();
    expect(await page.getByRole("checkbox").count()).toBe(0);
    expect(await page.getByText("until the area closes").count()).toBe(0);
    expect(await page.getByText("I have a ballot card").count()).toBe(0);
    // Results are live for this event: the room's counts, ranked, with label and whole text.
    const list = page.getByRole("list", { name: `Results: ${ev.health.title}` });
    await list.waitFor();
    const first = list.getByRole("listitem").first();
    expect(await first.locator(".ended-title").textContent()).toBe(ev.titles[0]);
    expect(await first.locator(".proposal-label").textContent()).toBe(ev.health.proposals[0]!.label);
    expect(await first.locator(".ended-votes").textContent()).toBe("2 votes");
    if (process.env.PHONE_SHOTS) await page.screenshot({ path: `${process.env.PHONE_SHOTS}/ended.png` });

    await page.reload();
    await page.getByRole("heading", { name: "Voting has ended" }).waitFor();
    const after = await adminResults(url(), ev.code, ev.adminToken);
    expect(after.participants).toBe(before.participants);
    expect(after.participants).toBe(2);
    expect(after.voters).toBe(2);
  });

  it("says the results are not public yet when they wait for the facilitator's reveal", async () => {
    const ev = await openForum({ resultsVisibility: "on-reveal" });
    await setVoting(url(), ev.code, ev.adminToken, "closed");
    const { page } = await suite.phone(ev.link);
    await page.getByRole("heading", { name: "Voting has ended" }).waitFor();
    await area(page, ev.health.title).getByText("The results are not public yet.").waitFor();
    expect(await page.locator(".ended-votes").count()).toBe(0);

    // Revealed by the facilitator: the counts arrive without a reload.
    const res = await api(url(), "PATCH", `/api/events/${ev.code}/areas/${ev.health.id}`, { token: ev.adminToken, body: { revealed: true } });
    expect(res.status).toBe(200);
    await page.getByRole("list", { name: `Results: ${ev.health.title}` }).waitFor({ timeout: 5000 });
    expect(await participantCount(url(), ev.code)).toBe(0);
  });

  it("before voting opens: the proposals can be read, areas say 'not open yet', nobody joins", async () => {
    const demo = await createDemoEvent(url());
    const { page } = await suite.phone(`${url()}/e/${demo.code}`);
    const health = demo.event.areas[1]!;
    await area(page, health.title).getByText("Voting not open yet").waitFor();
    await page.getByText("Voting is not open yet.").waitFor();
    expect(await page.getByText("until the area closes").count()).toBe(0);
    expect(await page.getByText("Voting has ended").count()).toBe(0);
    expect(await participantCount(url(), demo.code)).toBe(0);
  });

  it("redeems a ballot card typed on an open event's page, and votes as that card", async () => {
    const ev = await openForum();
    const res = await api(url(), "POST", `/api/events/${ev.code}/invites`, { token: ev.adminToken, body: { count: 1 } });
    expect(res.status).toBe(201);
    const card = (res.body as { invites: string[] }).invites[0] as string;
    // The card already voted on another phone: typing it here brings that ballot.
    const cardToken = await join(url(), ev.code, card);
    expect((await vote(url(), ev.code, cardToken, ev.health.id, [ev.health.proposals[5]!.id])).status).toBe(200);

    const { page } = await suite.phone(ev.link);
    await page.getByText("I have a ballot card").click();
    if (process.env.PHONE_SHOTS) await page.screenshot({ path: `${process.env.PHONE_SHOTS}/card-entry.png` });
    const field = page.getByRole("textbox", { name: "Code on your ballot card" });
    await field.fill("ZZZZ-ZZZZ");
    await page.getByRole("button", { name: "Join" }).click();
    await page.getByRole("alert").getByText("That ballot-card code is not valid for this event.").waitFor();
    expect(await participantCount(url(), ev.code)).toBe(1);

    await field.fill(card.toLowerCase());
    await page.getByRole("button", { name: "Join" }).click();
    await page.waitForFunction(() => document.querySelectorAll("input[type=checkbox]:checked").length === 1);
    expect(await checkedTitles(page, ev.health.title)).toEqual([ev.titles[5]]);
    expect(await page.getByText("I have a ballot card").count()).toBe(0);
    await proposal(page, ev.health.title, ev.titles[6] as string).check();
    await waitSaved(page, ev.health.title);
    expect(await participantCount(url(), ev.code)).toBe(1);
    expect(await votesIn(url(), ev.code, ev.adminToken, ev.health.title)).toEqual({ [ev.titles[5] as string]: 1, [ev.titles[6] as string]: 1 });
  });
});
