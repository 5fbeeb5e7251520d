// The printable report's bar charts, in a real Chromium: one SVG chart per area, one bar per
// proposal in ranked order, the places, counts and bar lengths those of GET /results, titles
// wrapped to two lines that stay clear of the bars, and an accessible name giving the top three.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { api, createDemoEvent, join, launchBrowser, openVoting, startServer, vote } from "./harness";
import { demoEventBody } from "../../server/demo";
import type { TestServer } from "../helpers/app";
import type { Results } from "../../shared/schemas";
import { isTied, ordinal, topRanked } from "../../shared/ranking";
import { plural } from "../../shared/rules";

// Titles that must wrap, and be cut: many words past two lines, and one word longer than a line.
const LONG_WORDS = "Establish a standing working group of member states, civil society and affected communities that reviews every year how the commitments of the outcome document are implemented at national level";
const ONE_WORD = "Internationalisation-of-community-based-harm-reduction-programmes-and-peer-networks";
const EDGE_AREA = { title: "Edge cases", proposals: [{ title: LONG_WORDS }, { title: ONE_WORD }, { title: "Short" }, { title: "Also short" }] };

let server: TestServer;
let browser: Browser;
let page: Page;
let code = "";
let adminToken = "";

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const created = await createDemoEvent(server.url, { areas: [...(demoEventBody().areas ?? []), EDGE_AREA] });
  ({ code, adminToken } = created);
  await openVoting(server.url, code, adminToken);
  // Nine voters: the first proposal of every area gets all nine votes, the next three tie on three
  // each (a shared "=2nd"), and the rest get none, so the charts show leaders, ties and zeros.
  for (let k = 0; k < 9; k++) {
    const token = await join(server.url, code);
    for (const area of created.event.areas) {
      const ids = area.proposals.map((p) => p.id);
      const res = await vote(server.url, code, token, area.id, [ids[0] ?? "", ids[1 + (k % 3)] ?? ""]);
      expect(res.status).toBe(200);
    }
  }
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});

interface DrawnRow {
  id: string;
  place: string;
  lines: string[];
  count: string;
  barWidth: number;
  barX: number;
  titleX: number;
  /** Rendered right edge of the widest title line and of the count, in SVG units. */
  titleRight: number;
  countRight: number;
}

async function drawnRows(p: Page, areaTitle: string): Promise<{ charts: number; width: number; rows: DrawnRow[] }> {
  const region = p.getByRole("region", { name: areaTitle, exact: true });
  const charts = await region.locator("svg").count();
  const svg = region.locator("svg").first();
  const width = await svg.evaluate((el) => (el as SVGSVGElement).viewBox.baseVal.width);
  const rows = await svg.locator(".report-chart-row").evaluateAll((groups) =>
    groups.map((g) => {
      const title = g.querySelector<SVGTextElement>(".report-chart-title");
      const tspans = Array.from(g.querySelectorAll<SVGTSpanElement>(".report-chart-title tspan"));
      const bar = g.querySelector<SVGRectElement>(".report-chart-bar");
      const count = g.querySelector<SVGTextElement>(".report-chart-count");
      const titleX = title?.x.baseVal[0]?.value ?? 0;
      return {
        id: g.getAttribute("data-proposal-id") ?? "",
        place: g.querySelector(".report-chart-place")?.textContent ?? "",
        lines: tspans.map((t) => t.textContent ?? ""),
        count: count?.textContent ?? "",
        barWidth: bar?.width.baseVal.value ?? -1,
        barX: bar?.x.baseVal.value ?? -1,
        titleX,
        titleRight: titleX + Math.max(0, ...tspans.map((t) => t.getComputedTextLength())),
        countRight: (count?.x.baseVal[0]?.value ?? 0) + (count?.getComputedTextLength() ?? 0),
      };
    }),
  );
  return { charts, width, rows };
}

it("draws one SVG chart per area whose bars, places and counts are the results", async () => {
  await page.goto(`${server.url}/e/${code}/report#key=${adminToken}`);
  await page.getByRole("heading", { name: "Annex: full ranking" }).waitFor();
  const results = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
  expect(results.areas).toHaveLength(5);
  expect(await page.locator(".report-area svg").count()).toBe(results.areas.length);

  for (const area of results.areas) {
    const { charts, width, rows } = await drawnRows(page, area.title);
    expect(charts, area.title).toBe(1);
    expect(rows.map((r) => r.id), area.title).toEqual(area.results.map((r) => r.proposalId));
    const max = Math.max(...area.results.map((r) => r.votes ?? 0));
    const full = Math.max(...rows.map((r) => r.barWidth));
    area.results.forEach((r, i) => {
      const drawn = rows[i];
      if (!drawn) throw new Error(`${area.title}: no bar for ${r.title}`);
      expect(drawn.count).toBe(String(r.votes));
      expect(drawn.place).toBe(ordinal(r.rank ?? 0, isTied(area.results, r.rank)));
      expect(drawn.barWidth / full).toBeCloseTo((r.votes ?? 0) / max, 3);
      // At most two lines, which read as the title or, cut with "…", as its beginning.
      expect(drawn.lines.length).toBeGreaterThanOrEqual(1);
      expect(drawn.lines.length).toBeLessThanOrEqual(2);
      const shown = drawn.lines.join("").replace(/\s+/g, "");
      const whole = r.title.replace(/\s+/g, "");
      if (shown.endsWith("…")) expect(whole.startsWith(shown.slice(0, -1))).toBe(true);
      else expect(shown).toBe(whole);
      // The estimate of text width holds in the real font: titles end before the bars, counts inside the chart.
      expect(drawn.titleRight, r.title).toBeLessThan(drawn.barX);
      expect(drawn.countRight, r.title).toBeLessThanOrEqual(width);
    });
    // The voting above makes a tie for second in every area.
    expect(rows.filter((r) => r.place === "=2nd")).toHaveLength(3);
  }
});

it("wraps and cuts long titles, and names each chart by its top three", async () => {
  const edge = await drawnRows(page, "Edge cases");
  expect(edge.rows.map((r) => r.lines.length)).toEqual([2, 2, 1, 1]);
  expect(edge.rows[0]?.lines[1]?.endsWith("…")).toBe(true);
  expect(edge.rows[1]?.lines[0]?.startsWith("Internationalisation")).toBe(true);

  const results = (await api(server.url, "GET", `/api/events/${code}/results`, { token: adminToken })).body as Results;
  for (const area of results.areas) {
    const chart = page.getByRole("region", { name: area.title, exact: true }).getByRole("img");
    const name = (await chart.getAttribute("aria-label")) ?? "";
    expect(await chart.locator("title").textContent()).toBe(name);
    const top = topRanked(area.results, 3);
    expect(top).toHaveLength(4);
    for (const r of top) expect(name).toContain(`${ordinal(r.rank ?? 0, isTied(area.results, r.rank))} ${r.title}, ${r.votes} ${plural(r.votes ?? 0, "vote")}`);
    for (const r of area.results.filter((x) => x.votes === 0)) expect(name).not.toContain(r.title);
  }
});
