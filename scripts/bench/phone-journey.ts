// A phone's first visit, as a person does it: open the participant link, tap a proposal, wait for
// "saved". Metered by Chromium itself (wire-meter.ts). Shared by the wire-weight test (bytes) and the
// benchmark's slow-phone scenario (time on an emulated poor link), so both measure the same thing.
import type { Browser, Page } from "playwright-core";
import { meterPage, type WireMeter } from "./wire-meter";

/**
 * The host name the phone uses for the server. Chromium (like Firefox) offers brotli only to
 * HTTPS and localhost; a phone on venue Wi-Fi reaches the laptop by a plain-HTTP LAN address and
 * gets gzip. Mapping this name to 127.0.0.1 makes the browser behave as it does at the venue.
 */
export const VENUE_HOST = "plenary.venue";
export const VENUE_ARGS = [`--host-resolver-rules=MAP ${VENUE_HOST} 127.0.0.1`] as const;

export const PHONE_360 = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** DevTools' network emulation: latency added to each request, throughput in bytes/s. */
export interface Link {
  latencyMs: number;
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}

export interface JourneyResult {
  meter: WireMeter;
  page: Page;
  /** Milliseconds from navigation start to the area saying "saved". */
  savedMs: number;
  /** Milliseconds from navigation start to the proposal being there to tap. */
  tappableMs: number;
  close(): Promise<void>;
}

/** Opens http://VENUE_HOST:port/e/CODE on a fresh phone, taps `proposalTitle` in `areaTitle`. */
export async function firstVote(
  browser: Browser,
  serverUrl: string,
  code: string,
  areaTitle: string,
  proposalTitle: string,
  opts: { link?: Link; timeoutMs?: number } = {},
): Promise<JourneyResult> {
  const timeout = opts.timeoutMs ?? 30_000;
  const context = await browser.newContext(PHONE_360);
  const page = await context.newPage();
  const meter = await meterPage(page);
  if (opts.link) {
    await meter.cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: opts.link.latencyMs,
      downloadThroughput: opts.link.downloadBytesPerSecond,
      uploadThroughput: opts.link.uploadBytesPerSecond,
    });
  }
  const port = new URL(serverUrl).port;
  const area = page.getByRole("region", { name: areaTitle, exact: true });
  const box = area.getByRole("checkbox", { name: proposalTitle, exact: true });
  const start = Date.now();
  await page.goto(`http://${VENUE_HOST}:${port}/e/${code}`, { waitUntil: "commit", timeout });
  await box.waitFor({ timeout });
  const tappableMs = Date.now() - start;
  await box.tap({ timeout });
  await area.locator('[data-save="saved"]').waitFor({ timeout });
  const savedMs = Date.now() - start;
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
 * The chain of requests that the vote's PUT waited for: from the PUT, step back to the response
 * that arrived last before it was sent (what it most likely waited for), and so on to the page
 * itself. Each link costs at least one latency on a slow link. The live connection (socket.io) is
 * left out: nothing on the way to the vote waits for it.
 */
export function chainToVote(meter: WireMeter): string[] {
  const rs = meter.responses().filter((r) => r.finished && !r.url.includes("/socket.io/"));
  let at = rs.find((r) => r.method === "PUT" && r.url.includes("/ballot/"));
  const chain: string[] = [];
  while (at) {
    chain.unshift(`${at.method} ${new URL(at.url).pathname}`);
    const sent = at.sentAt;
    at = rs.filter((r) => r.doneAt <= sent).sort((a, b) => b.doneAt - a.doneAt)[0];
  }
  return chain;
}
