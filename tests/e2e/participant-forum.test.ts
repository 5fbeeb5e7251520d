// The full-length forum on a 360×740 phone: every proposal is one of the working groups' paragraphs
// (up to ~420 characters) and must be readable whole — no clamp, no ellipsis, no "Read more" — with
// its label beside it; the pinned area header stays small. Screenshots go to PHONE_SHOTS if set.
import { describe, expect, it } from "vitest";
import { api, createDemoEvent } from "./harness";
import { area, phoneSuite, proposal, setVoting, waitSaved } from "./participant-helpers";

const suite = phoneSuite();
const VIEWPORT = { width: 360, height: 740 };
const shots = process.env.PHONE_SHOTS;

describe("the full-length forum on a 360×740 phone", () => {
  it("shows every proposal's whole text and its label, nothing clipped", async () => {
    const demo = await createDemoEvent(suite.server().url);
    await setVoting(suite.server().url, demo.code, demo.adminToken, "open");
    const { page } = await suite.phone(`${suite.server().url}/e/${demo.code}`, VIEWPORT);
    const all = demo.event.areas.flatMap((a) => a.proposals);
    expect(all.length).toBe(40);
    expect(Math.max(...all.map((p) => p.title.length))).toBeGreaterThan(400);
    await page.locator(".proposal-title").nth(39).waitFor();

    const report = await page.evaluate(() => {
      const cards = Array.from(document.querySelectorAll<HTMLElement>(".proposal"));
      return {
        cards: cards.map((card) => {
          const title = card.querySelector<HTMLElement>(".proposal-title");
          const label = card.querySelector<HTMLElement>(".proposal-label");
          const style = title ? getComputedStyle(title) : null;
          return {
            text: title?.textContent ?? "",
            label: label?.textContent ?? "",
            dir: title?.getAttribute("dir") ?? "",
            labelIsolated: !!label?.querySelector("bdi"),
            clipped: title ? title.scrollHeight > title.clientHeight + 1 || title.scrollWidth > title.clientWidth + 1 : true,
            ellipsis: style?.textOverflow === "ellipsis",
            clamp: style?.webkitLineClamp ?? "none",
            fontPx: style ? parseFloat(style.fontSize) : 0,
            labelBg: label ? getComputedStyle(label).backgroundColor : "",
            titleBg: card ? getComputedStyle(card).backgroundColor : "",
          };
        }),
        readMore: document.body.innerText.includes("Read more"),
        scrollWidth: document.documentElement.scrollWidth,
        headHeights: Array.from(document.querySelectorAll<HTMLElement>(".area-head")).map((h) => h.getBoundingClientRect().height),
      };
    });
    expect(report.cards).toHaveLength(40);
    const byText = new Map(all.map((p) => [p.title, p.label]));
    for (const c of report.cards) {
      expect(byText.get(c.text), `shown text is a whole proposal: ${c.text.slice(0, 60)}…`).toBe(c.label);
      expect(c.clipped, `clipped: ${c.label}`).toBe(false);
      expect(c.ellipsis).toBe(false);
      expect(c.clamp === "none" || c.clamp === "").toBe(true);
      expect(c.fontPx).toBeGreaterThanOrEqual(16);
      expect(c.dir).toBe("auto");
      expect(c.labelIsolated).toBe(true);
      // The label is set apart from the text (its own background), so "PH-3" reads as a reference.
      expect(c.labelBg).not.toBe(c.titleBg);
    }
    expect(new Set(report.cards.map((c) => c.label)).size).toBe(40);
    expect(report.readMore).toBe(false);
    expect(report.scrollWidth).toBeLessThanOrEqual(360);
    // The pinned header never takes a third of the screen.
    for (const h of report.headHeights) expect(h).toBeLessThan(VIEWPORT.height / 3);

    if (shots) {
      await page.screenshot({ path: `${shots}/forum-top.png` });
      await area(page, "Public health").scrollIntoViewIfNeeded();
      await page.locator(".proposal").nth(9).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/forum-public-health.png` });
      await page.screenshot({ path: `${shots}/forum-full.png`, fullPage: true });
    }

    // A vote from this page works as before, and the closed area names the choices by label.
    const health = demo.event.areas[1]!;
    const [a, b] = health.proposals as [(typeof health.proposals)[0], (typeof health.proposals)[0]];
    await proposal(page, health.title, a.title).check();
    await proposal(page, health.title, b.title).check();
    await waitSaved(page, health.title);
    await setVoting(suite.server().url, demo.code, demo.adminToken, "closed", [health.id]);
    await area(page, health.title).getByText(`Your choices: ${a.label} and ${b.label}.`).waitFor();
    expect(await area(page, health.title).locator(".area-final").textContent()).not.toMatch(/[.;,]\s*[.;,]/);
    if (shots) {
      await area(page, health.title).locator(".area-final").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/forum-closed-area.png` });
    }
  });

  it("clamps a long area title in the pinned header to two lines, the whole title a tap away", async () => {
    const long = "Enhanced cooperation between United Nations entities, regional organisations and civil society on drug policy";
    const demo = await createDemoEvent(suite.server().url);
    const un = demo.event.areas[3]!;
    const res = await api(suite.server().url, "PATCH", `/api/events/${demo.code}/areas/${un.id}`, { token: demo.adminToken, body: { title: long } });
    expect(res.status).toBe(200);
    await setVoting(suite.server().url, demo.code, demo.adminToken, "open");
    const { page } = await suite.phone(`${suite.server().url}/e/${demo.code}`, VIEWPORT);
    const heading = area(page, long).getByRole("heading", { name: long });
    await heading.waitFor();
    const clamped = await heading.evaluate((el) => ({ h: el.clientHeight, full: el.scrollHeight, line: parseFloat(getComputedStyle(el).lineHeight) }));
    expect(clamped.h).toBeLessThanOrEqual(Math.ceil(clamped.line * 2) + 1);
    expect(clamped.full).toBeGreaterThan(clamped.h);
    if (shots) {
      await area(page, long).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/long-area-title-clamped.png` });
    }
    const more = area(page, long).getByRole("button", { name: "Full title" });
    await more.click();
    await expect.poll(() => heading.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    expect(await area(page, long).getByRole("button", { name: "Less" }).getAttribute("aria-expanded")).toBe("true");
    if (shots) {
      await area(page, long).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/long-area-title.png` });
    }
  });
});
