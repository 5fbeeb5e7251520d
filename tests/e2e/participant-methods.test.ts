// Dots and ranking on a 360×740 phone, keyboard alone, on the full-length forum with one area by
// dots (5 dots, at most 3 on one proposal) and one by ranking (3 places): place dots up to each cap
// and hear the refusal, rank three and reorder them with the move buttons (no dragging), take one
// out and put it back; the focus stays on the control through every save; a reload shows the same
// ballot; the server's stored ballot and its points, read over the API, are what the screen showed;
// the ended view labels points and dots. Offline, a reordered ranking (the same proposals) and a
// dot stay "not sent yet" until the network returns, then reach the server. Screenshots (English and Arabic) go to PHONE_SHOTS if set.
import { describe, expect, it } from "vitest";
import { area, adminResults, phoneSuite, setVoting, waitSaved, waitSaveState } from "./participant-helpers";
import { DOTS, announced, focusedName, methodsForum, serverBallot, shownLabels, tabTo } from "./methods-helpers";

const suite = phoneSuite();
const VIEWPORT = { width: 360, height: 740 };
const shots = process.env.PHONE_SHOTS;

describe("dots and ranking on a 360×740 phone, keyboard only", () => {
  it("places dots to the caps, ranks and reorders, and the server holds exactly that", async () => {
    const url = suite.server().url;
    const demo = await methodsForum(url);
    const [dotsArea, rankArea] = demo.event.areas as [(typeof demo.event.areas)[0], (typeof demo.event.areas)[0]];
    expect(dotsArea.method).toBe("dots");
    expect(rankArea.method).toBe("ranking");
    await setVoting(url, demo.code, demo.adminToken, "open");
    const { page } = await suite.phone(`${url}/e/${demo.code}`, VIEWPORT);
    await page.locator(".dot-stepper").nth(dotsArea.proposals.length - 1).waitFor();
    await page.locator(".rank-choice").nth(rankArea.proposals.length - 1).waitFor();
    await page.locator('main[aria-busy="false"]').waitFor();
    const idOf = (areaIdx: 0 | 1, label: string) => demo.event.areas[areaIdx]!.proposals.find((p) => p.label === label)!.id;

    // The header says how each area counts.
    await area(page, dotsArea.title).getByText("Place up to 5 dots, at most 3 on one proposal.").waitFor();
    await area(page, rankArea.title).getByText("Rank up to 3 proposals in order: your first gets 3 points, the next one fewer.").waitFor();
    expect(await area(page, dotsArea.title).locator(".votes-left").textContent()).toBe("5 of 5 dots left");

    // ---- dots ----
    const [a, b, c] = (await shownLabels(page, dotsArea.title)) as [string, string, string];
    await tabTo(page, `Add a dot to ${a}`);
    for (let n = 1; n <= DOTS.maxPerProposal; n++) {
      await page.keyboard.press("Enter");
      await expect.poll(() => announced(page, dotsArea.title).textContent()).toMatch(new RegExp(`^${a}: ${n} dots?\\s?$`));
    }
    await waitSaved(page, dotsArea.title);
    // The focus stays on + through the saves, and + now says why it does nothing more.
    expect(await focusedName(page)).toBe(`Add a dot to ${a}`);
    const addA = area(page, dotsArea.title).getByRole("button", { name: `Add a dot to ${a}`, exact: true });
    expect(await addA.getAttribute("aria-disabled")).toBe("true");
    expect(await addA.evaluate((el) => (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent).join(" "))).toContain(
      "allows at most 3 dots on one proposal",
    );
    await page.keyboard.press("Enter");
    await area(page, dotsArea.title).locator(".area-notice").getByText("allows at most 3 dots on one proposal").waitFor();
    expect(await area(page, dotsArea.title).locator(`[data-proposal-id="${idOf(0, a)}"]`).getAttribute("data-dots")).toBe("3");
    if (shots) await page.screenshot({ path: `${shots}/dots-per-proposal-cap-en.png` });

    await tabTo(page, `Add a dot to ${b}`);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect.poll(() => area(page, dotsArea.title).locator(".votes-left").textContent()).toBe("0 of 5 dots left");
    await tabTo(page, `Add a dot to ${c}`);
    await page.keyboard.press("Enter");
    await area(page, dotsArea.title).locator(".area-notice").getByText(`You have placed all your dots in ${dotsArea.title}`).waitFor();
    await waitSaved(page, dotsArea.title);
    if (shots) {
      await area(page, dotsArea.title).locator(".area-head").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/dots-all-placed-en.png` });
    }
    // One dot back from b: Shift+Tab to its −.
    await tabTo(page, `Remove a dot from ${b}`, "Shift+Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => announced(page, dotsArea.title).textContent()).toMatch(new RegExp(`^${b}: 1 dot\\s?$`));
    await waitSaved(page, dotsArea.title);
    expect(await focusedName(page)).toBe(`Remove a dot from ${b}`);
    await expect.poll(async () => [...((await serverBallot(page, url, demo.code))[dotsArea.id] ?? [])].sort()).toEqual([idOf(0, a), idOf(0, a), idOf(0, a), idOf(0, b)].sort());

    // ---- ranking ----
    const [p, q, r, s] = (await shownLabels(page, rankArea.title)) as [string, string, string, string];
    // A ranking button is named by its label and its text, as it shows them.
    const titleOf = (label: string) => `${label} ${rankArea.proposals.find((x) => x.label === label)!.title}`;
    for (const [i, label] of [p, q, r].entries()) {
      await tabTo(page, titleOf(label));
      await page.keyboard.press("Space");
      const place = ["1st", "2nd", "3rd"][i];
      await expect.poll(() => announced(page, rankArea.title).textContent()).toMatch(new RegExp(`^${label} ranked ${place} of ${i + 1}\\s?$`));
    }
    const rankOf = (label: string) => area(page, rankArea.title).locator(`[data-proposal-id="${idOf(1, label)}"]`).getAttribute("data-rank");
    expect([await rankOf(p), await rankOf(q), await rankOf(r), await rankOf(s)]).toEqual(["1", "2", "3", "0"]);
    expect(await area(page, rankArea.title).locator(`[data-proposal-id="${idOf(1, q)}"] .rank-choice`).getAttribute("aria-pressed")).toBe("true");
    // A fourth is refused with the rule's words.
    await tabTo(page, titleOf(s));
    await page.keyboard.press("Space");
    await area(page, rankArea.title).locator(".area-notice").getByText(`You have ranked 3 proposals in ${rankArea.title}`).waitFor();
    if (shots) {
      await area(page, rankArea.title).locator(".area-head").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/ranking-full-en.png` });
    }

    // r up twice: the focus follows it; a third press says it is already first.
    await tabTo(page, `Move ${r} up`, "Shift+Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => announced(page, rankArea.title).textContent()).toMatch(new RegExp(`^${r} ranked 2nd of 3\\s?$`));
    expect(await focusedName(page)).toBe(`Move ${r} up`);
    await page.keyboard.press("Enter");
    await expect.poll(() => announced(page, rankArea.title).textContent()).toMatch(new RegExp(`^${r} ranked 1st of 3\\s?$`));
    await waitSaved(page, rankArea.title);
    expect(await focusedName(page)).toBe(`Move ${r} up`);
    await page.keyboard.press("Enter");
    await expect.poll(() => announced(page, rankArea.title).textContent()).toMatch(new RegExp(`^${r} is already first\\.\\s?$`));
    expect(await area(page, rankArea.title).locator(".rank-item .proposal-label").allTextContents()).toEqual([r, p, q]);

    // p (2nd) taken out: q moves up; then p back in, last.
    await tabTo(page, titleOf(p));
    await page.keyboard.press("Space");
    await expect.poll(() => announced(page, rankArea.title).textContent()).toMatch(new RegExp(`^${p} taken out of the ranking\\s?$`));
    expect(await rankOf(q)).toBe("2");
    await page.keyboard.press("Space");
    await expect.poll(() => announced(page, rankArea.title).textContent()).toMatch(new RegExp(`^${p} ranked 3rd of 3\\s?$`));
    await waitSaved(page, rankArea.title);
    expect(await focusedName(page)).toBe(titleOf(p));
    const order = [idOf(1, r), idOf(1, q), idOf(1, p)];
    await expect.poll(async () => (await serverBallot(page, url, demo.code))[rankArea.id]).toEqual(order);
    if (shots) {
      await area(page, rankArea.title).locator(".rank-order").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/ranking-reordered-en.png` });
    }
    // Nothing on the phone runs off the side.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);

    // ---- reload: the same ballot, shown as saved ----
    await page.reload();
    await page.locator(".rank-item").nth(2).waitFor();
    await page.locator('main[aria-busy="false"]').waitFor();
    expect(await area(page, rankArea.title).locator(".rank-item .proposal-label").allTextContents()).toEqual([r, q, p]);
    expect(await area(page, dotsArea.title).locator(`[data-proposal-id="${idOf(0, a)}"]`).getAttribute("data-dots")).toBe("3");
    expect(await area(page, dotsArea.title).locator(`[data-proposal-id="${idOf(0, b)}"]`).getAttribute("data-dots")).toBe("1");
    await waitSaved(page, dotsArea.title);
    await waitSaved(page, rankArea.title);

    // ---- the server's count: dots as votes, Borda points for the ranking ----
    const results = await adminResults(url, demo.code, demo.adminToken);
    const rowsOf = (id: string) => results.areas.find((x) => x.id === id)!.results;
    const dotsRow = (label: string) => rowsOf(dotsArea.id).find((x) => x.label === label)!;
    expect([dotsRow(a).votes, dotsRow(a).points, dotsRow(b).votes, dotsRow(b).points]).toEqual([3, 3, 1, 1]);
    const rankRow = (label: string) => rowsOf(rankArea.id).find((x) => x.label === label)!;
    expect([r, q, p, s].map((l) => rankRow(l).points)).toEqual([3, 2, 1, 0]);
    expect([r, q, p].map((l) => rankRow(l).rank)).toEqual([1, 2, 3]);

    // ---- the ended view: points for the ranking, dots for dots ----
    await setVoting(url, demo.code, demo.adminToken, "closed");
    await page.locator(".pp-ended .ended-results").nth(1).waitFor();
    const ended = (i: number) => page.locator(".ended-area").nth(i);
    await ended(0).locator(".ended-row", { hasText: a }).getByText("3 dots").waitFor();
    await ended(1).locator(".ended-row", { hasText: r }).getByText("3 points").waitFor();
    const list = new Intl.ListFormat("en", { style: "long", type: "conjunction" }).format([r, q, p]);
    await ended(1).getByText(`Your choices: ${list}.`).waitFor();
    await ended(2).locator(".ended-votes").first().getByText(/votes?$/).waitFor();
    if (shots) {
      await ended(1).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/ended-points-en.png` });
    }
  });

  it("keeps a reordered ranking and a dot made offline as not sent yet, and sends them when the network returns", async () => {
    const url = suite.server().url;
    const demo = await methodsForum(url);
    const [dotsArea, rankArea] = demo.event.areas as [(typeof demo.event.areas)[0], (typeof demo.event.areas)[0]];
    await setVoting(url, demo.code, demo.adminToken, "open");
    const { page, context } = await suite.phone(`${url}/e/${demo.code}`, VIEWPORT);
    await page.locator(".rank-choice").first().waitFor();
    await page.locator('main[aria-busy="false"]').waitFor();
    const picks = area(page, rankArea.title).locator(".rank-choice");
    await picks.nth(0).click();
    await picks.nth(1).click();
    await waitSaved(page, rankArea.title);
    const before = (await serverBallot(page, url, demo.code))[rankArea.id] ?? [];
    expect(before).toHaveLength(2);

    await context.setOffline(true);
    // The same two proposals in the other order: under sameSet this would look saved already.
    await area(page, rankArea.title).locator(".rank-move").nth(1).click();
    await area(page, dotsArea.title).locator(".dot-stepper button:last-of-type").first().click();
    await waitSaveState(page, rankArea.title, "offline");
    await waitSaveState(page, dotsArea.title, "offline");
    expect(await area(page, rankArea.title).locator("[data-save]").textContent()).toBe("Not sent yet — will retry");
    expect((await serverBallot(page, url, demo.code))[rankArea.id]).toEqual(before);

    await context.setOffline(false);
    await waitSaved(page, rankArea.title, 15_000);
    await waitSaved(page, dotsArea.title, 15_000);
    const after = await serverBallot(page, url, demo.code);
    expect(after[rankArea.id]).toEqual([before[1], before[0]]);
    expect(after[dotsArea.id]).toHaveLength(1);
  });

  it("shows both widgets whole in Arabic, right to left", async () => {
    const url = suite.server().url;
    const demo = await methodsForum(url);
    const [dotsArea, rankArea] = demo.event.areas as [(typeof demo.event.areas)[0], (typeof demo.event.areas)[0]];
    await setVoting(url, demo.code, demo.adminToken, "open");
    const { page } = await suite.phone(`${url}/e/${demo.code}?lang=ar`, VIEWPORT);
    await page.locator(".rank-choice").nth(rankArea.proposals.length - 1).waitFor();
    await page.locator('main[aria-busy="false"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const [a] = (await shownLabels(page, dotsArea.title)) as [string];
    const add = area(page, dotsArea.title).getByRole("button", { name: `أضف نقطة إلى \u2068${a}\u2069` });
    await add.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await waitSaved(page, dotsArea.title);
    await expect.poll(() => announced(page, dotsArea.title).textContent()).toContain("نقطتان");
    const [p, q] = (await shownLabels(page, rankArea.title)) as [string, string];
    for (const label of [p, q]) {
      const id = rankArea.proposals.find((x) => x.label === label)!.id;
      await area(page, rankArea.title).locator(`[data-proposal-id="${id}"] .rank-choice`).focus();
      await page.keyboard.press("Space");
    }
    await waitSaved(page, rankArea.title);
    await expect.poll(() => announced(page, rankArea.title).textContent()).toContain("الثاني من 2");
    // In right to left the stepper's − sits at the start (right), + at the end (left).
    const [minus, plus] = await area(page, dotsArea.title).locator(".dot-stepper").first().locator("button").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    expect(minus!).toBeGreaterThan(plus!);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
    if (shots) {
      await area(page, dotsArea.title).locator(".area-head").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/dots-ar.png` });
      await area(page, rankArea.title).locator(".rank-order").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/ranking-ar.png` });
      await area(page, rankArea.title).locator('[data-rank="2"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/ranking-cards-ar.png` });
    }
  });
});
