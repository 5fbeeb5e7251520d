// What a screen reader is given on the phone's vote flow, read from Chromium's own accessibility
// tree (CDP Accessibility.getFullAXTree: the names, roles, states and live regions that Chromium
// hands to NVDA, VoiceOver or TalkBack), on the full-length forum. Not a listening test (no screen
// reader runs here), but the tree is what every screen reader reads: each proposal a checkbox named
// by its whole text, unchecked, then checked after Space; each area a named region with a polite
// live region that says "Saved" after the vote; the limit said through an alert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, CDPSession, Page } from "playwright-core";
import { PHONE, createDemoEvent, launchBrowser, startServer } from "./harness";
import { area, setVoting, waitSaved } from "./participant-helpers";
import type { TestServer } from "../helpers/app";

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

interface AXValue { value?: string | number | boolean }
interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  properties?: Array<{ name: string; value: AXValue }>;
  childIds?: string[];
}

/** Chromium's accessibility tree, with a node's role, name, a property, and its text (its static text descendants). */
async function tree(cdp: CDPSession) {
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as unknown as { nodes: AXNode[] };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const role = (n: AXNode) => String(n.role?.value ?? "");
  const name = (n: AXNode) => String(n.name?.value ?? "");
  const prop = (n: AXNode, p: string) => n.properties?.find((x) => x.name === p)?.value.value;
  const text = (n: AXNode): string => {
    if (role(n) === "StaticText") return name(n);
    return (n.childIds ?? []).map((id) => byId.get(id)).filter((c): c is AXNode => !!c).map(text).join("");
  };
  const live = nodes.filter((n) => !n.ignored);
  return { nodes: live, role, name, prop, text, of: (r: string) => live.filter((n) => role(n) === r) };
}

describe("the phone's vote flow in Chromium's accessibility tree", () => {
  it("names each proposal's checkbox by its text, says the vote in the area's live region and the limit in an alert", async () => {
    const demo = await createDemoEvent(server.url);
    await setVoting(server.url, demo.code, demo.adminToken, "open");
    const context = await browser.newContext(PHONE);
    const page: Page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Accessibility.enable");
    await page.goto(`${server.url}/e/${demo.code}`);
    await page.locator(".proposal-title").nth(39).waitFor();
    await page.locator('main[aria-busy="false"]').waitFor();

    const before = await tree(cdp);
    const boxes = before.of("checkbox");
    const texts = demo.event.areas.flatMap((a) => a.proposals.map((p) => p.title)).sort();
    expect(boxes.map(before.name).sort()).toEqual(texts);
    expect(boxes.every((b) => before.prop(b, "checked") === "false")).toBe(true);
    // Each area is a region named by its title, so a screen reader's landmarks list reaches it.
    const regions = before.of("region").map(before.name);
    for (const a of demo.event.areas) expect(regions).toContain(a.title);
    // A polite live region per area, mounted (empty) before anything happens: a screen reader hears its changes.
    const statuses = before.of("status").filter((n) => before.prop(n, "live") === "polite");
    expect(statuses.length).toBeGreaterThanOrEqual(demo.event.areas.length);

    // Vote with the keyboard: the box is checked in the tree, and the area's status says "Saved".
    const first = demo.event.areas[0]!;
    const firstBoxes = area(page, first.title).getByRole("checkbox");
    await firstBoxes.nth(0).focus();
    await page.keyboard.press("Space");
    await waitSaved(page, first.title);
    const after = await tree(cdp);
    const votedName = await firstBoxes.nth(0).evaluate((el) => (el.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim());
    const voted = after.of("checkbox").find((n) => after.name(n) === votedName);
    expect(after.prop(voted!, "checked")).toBe("true");
    expect(after.prop(voted!, "focused")).toBe(true);
    const said = after.of("status").map(after.text).filter((t) => /Saved/.test(t));
    expect(said.length, after.of("status").map(after.text).join(" | ")).toBeGreaterThanOrEqual(1);

    // The limit: two votes, then a third press; an alert (assertive) says it, the third box stays unchecked.
    await firstBoxes.nth(1).focus();
    await page.keyboard.press("Space");
    await waitSaved(page, first.title);
    await firstBoxes.nth(2).focus();
    await page.keyboard.press("Space");
    await area(page, first.title).locator(".area-notice:not(:empty)").waitFor();
    const limit = await tree(cdp);
    const alerts = limit.of("alert").map(limit.text).filter((t) => t.includes("You have used both votes"));
    expect(alerts, limit.of("alert").map(limit.text).join(" | ")).toHaveLength(1);
    const third = await firstBoxes.nth(2).evaluate((el) => (el.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim());
    expect(limit.prop(limit.of("checkbox").find((n) => limit.name(n) === third)!, "checked")).toBe("false");
    await context.close();
  }, 60_000);
});
