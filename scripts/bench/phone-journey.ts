// A phone's first visit, as a person does it: open the participant link, tap a proposal, wait for
// "saved". Metered by Chromium itself (wire-meter.ts). Shared by the wire-weight test (bytes) and the
// benchmark's slow-phone scenario (time on an emulated poor link), so both measure the same thing.
import type { Browser, Page } from "playwright-core";
import { meterPage, type WireMeter, type WireResponse } from "./wire-meter";

/**
 * The host name the phone uses for the server. Chromium (like Firefox) offers brotli only to
 * HTTPS and localhost; a phone on venue Wi-Fi reaches the laptop by a plain-HTTP LAN address and
 * gets gzip. Mapping this name to 127.0.0.1 makes the browser behave as it does at the venue.
 */
export const VENUE_HOST = "plenary.venue";
export const VENUE_ARGS = [`--host-resolver-rules=MAP ${VENUE_HOST} 127.0.0.1`] as const;

export const PHONE_360 = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// Runs before the page's own scripts: notes when the first enabled proposal checkbox appears and
// when any area first says "saved" (the journey taps in the first area, so that is the one).
const MARKS_SCRIPT = `(() => {
  const marks = {};
  window.__plenaryMarks = marks;
  const look = () => {
    const now = performance.now();
    if (marks.tappable === undefined && document.querySelector('input[type="checkbox"]:not([disabled])')) marks.tappable = now;
    if (marks.saved === undefined && document.querySelector('[data-save="saved"]')) marks.saved = now;
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-save", "disabled"] });
})();`;

interface Marks {
  tappable?: number;
  saved?: number;
}

/** DevTools' network emulation: latency added to each request, throughput in bytes/s. */
export interface Link {
  latencyMs: number;
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}

export interface JourneyResult {
  meter: WireMeter;
  page: Page;
  /** Milliseconds from opening the link (navigation start) to the area saying "saved". */
  savedMs: number;
  /** Milliseconds from navigation start to the proposal being there to tap. */
  tappableMs: number;
  close(): Promise<void>;
}

/** Opens http://HOST:port/e/CODE (VENUE_HOST by default) on a fresh phone, taps `proposalTitle` in `areaTitle`. */
export async function firstVote(
  browser: Browser,
  serverUrl: string,
  code: string,
  areaTitle: string,
  proposalTitle: string,
  opts: { link?: Link & { packetLoss?: number }; timeoutMs?: number; host?: string; initScripts?: string[] } = {},
): Promise<JourneyResult> {
  const timeout = opts.timeoutMs ?? 30_000;
  const context = await browser.newContext(PHONE_360);
  const page = await context.newPage();
  const meter = await meterPage(page);
  if (opts.link) {
    const conditions = {
      offline: false,
      latency: opts.link.latencyMs,
      downloadThroughput: opts.link.downloadBytesPerSecond,
      uploadThroughput: opts.link.uploadBytesPerSecond,
    };
    // Packet loss is an experimental parameter of newer Chromiums: without it, the link as before.
    if (opts.link.packetLoss) {
      await meter.cdp.send("Network.emulateNetworkConditions", { ...conditions, packetLoss: opts.link.packetLoss }).catch(() => meter.cdp.send("Network.emulateNetworkConditions", conditions));
    } else await meter.cdp.send("Network.emulateNetworkConditions", conditions);
  }
  for (const content of opts.initScripts ?? []) await page.addInitScript({ content });
  // Times taken in the page (performance.now(): 0 is the start of navigation, when the link was
  // opened), at the DOM mutation itself: Playwright's own waits poll, and would add up to ½ s.
  await page.addInitScript({ content: MARKS_SCRIPT });
  const port = new URL(serverUrl).port;
  const area = page.getByRole("region", { name: areaTitle, exact: true });
  const box = area.getByRole("checkbox", { name: proposalTitle, exact: true });
  await page.goto(`http://${opts.host ?? VENUE_HOST}:${port}/e/${code}`, { waitUntil: "commit", timeout });
  // Functions, not strings: the page's CSP forbids evaluating strings. Each runs in the page, on its
  // own (Playwright sends the source); scripts/ has no DOM types, hence globalThis.
  type Held = { __plenaryMarks?: Marks };
  await page.waitForFunction(() => (globalThis as unknown as Held).__plenaryMarks?.tappable !== undefined, undefined, { polling: "raf", timeout });
  await box.tap({ timeout });
  await page.waitForFunction(() => (globalThis as unknown as Held).__plenaryMarks?.saved !== undefined, undefined, { polling: "raf", timeout });
  await area.locator('[data-save="saved"]').waitFor({ timeout });
  const marks = await page.evaluate(() => (globalThis as unknown as Held).__plenaryMarks ?? {});
  if (marks.tappable === undefined || marks.saved === undefined) throw new Error("the page noted no times");
  const savedMs = Math.round(marks.saved);
  const tappableMs = Math.round(marks.tappable);
  return { meter, page, savedMs, tappableMs, close: () => context.close() };
}

/**
 * Waits until the live connection has been upgraded to a WebSocket (its frames are then part of
 * the count) and no HTTP response has arrived for `quietMs`: the phone's first visit is complete.
 */
export async function settle(meter: WireMeter, quietMs = 300, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = -1;
  let quietSince = Date.now();
  for (;;) {
    const bytes = meter.totalReceived();
    if (bytes !== last) {
      last = bytes;
      quietSince = Date.now();
    }
    if (meter.webSocket().frames > 0 && Date.now() - quietSince >= quietMs) return;
    if (Date.now() > until) throw new Error(`the page did not settle (WebSocket frames: ${meter.webSocket().frames})\n${meter.table()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The chain of requests that the vote waited for: from the vote's request, step back to the response
 * that arrived last before it was sent (what it most likely waited for), and so on to the page
 * itself (which the browser reads as it streams in: its first byte counts as its arrival). Each link costs at least one latency on a slow link. The live connection (socket.io) is
 * left out: nothing on the way to the vote waits for it.
 */
export function chainToVote(meter: WireMeter): string[] {
  const rs = meter.responses().filter((r) => r.finished && !r.url.includes("/socket.io/"));
  // The vote: a first vote rides with the join (API 1.1); a phone that had joined sends a PUT.
  let at = rs.find((r) => (r.method === "PUT" && r.url.includes("/ballot/")) || (r.method === "POST" && r.status === 201 && r.url.endsWith("/participants")));
  const chain: string[] = [];
  const arrived = (r: WireResponse) => (r.type === "Document" ? r.firstByteAt : r.doneAt);
  while (at) {
    chain.unshift(`${at.method} ${new URL(at.url).pathname}`);
    const sent = at.sentAt;
    at = rs.filter((r) => arrived(r) <= sent).sort((a, b) => arrived(b) - arrived(a))[0];
  }
  return chain;
}
