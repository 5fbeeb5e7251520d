// Slow phone: a real Chromium page on an emulated poor venue link (DevTools network emulation:
// 400 ms added to every request, 50 KB/s down and up) opens the participant link of the full-length
// forum, taps a proposal and waits for "saved". Target: saved within 3 s of opening the link. Also
// reported: the bytes received (venue phone: gzip; a browser offered brotli, as on localhost or
// HTTPS, for comparison), the chain of requests the vote waited for, and a screenshot at 360×740
// (bench-results/slow-phone.png).
//
// The server runs in this process (buildApp, fresh database, built client): one phone's requests
// are nothing next to Chromium's own work, and the emulated link, not the server, sets the pace.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildApp } from "../../../server/app";
import { LISTEN_BACKLOG } from "../../../server/config";
import { CreateEventReply } from "../../../shared/schemas";
import { demoEventBody } from "../../../server/demo";
import { chainToVote, firstVote, settle, VENUE_ARGS, type Link } from "../phone-journey";
import { fmt, type ScenarioReport } from "../report";
import { REPO_ROOT } from "../rpc";
import { CLIENT_DIR } from "./weight";

export const SLOW_LINK: Link = { latencyMs: 400, downloadBytesPerSecond: 50 * 1024, uploadBytesPerSecond: 50 * 1024 };
const TARGET_MS = 3000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : 0;
};

export async function slowPhone(runs: number, log: (s: string) => void): Promise<ScenarioReport> {
  const missing = !existsSync(join(CLIENT_DIR, "index.html")) ? "dist/client is missing: run `npm run build` first" : !existsSync(CHROMIUM) ? `Chromium not found at ${CHROMIUM}` : null;
  if (missing) {
    return {
      name: "slow-phone",
      correct: false,
      problems: [missing],
      targets: [{ scenario: "slow-phone", metric: "open link → saved, 400 ms / 50 KB/s", target: `≤ ${TARGET_MS / 1000} s`, measured: "not run", pass: false }],
      details: null,
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-bench-phone-"));
  const { app } = await buildApp({ databaseFile: join(dataDir, "plenary.db"), clientDir: CLIENT_DIR, rateLimits: false, logger: false });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage", ...VENUE_ARGS],
  });
  try {
    await app.listen({ port: 0, host: "127.0.0.1", backlog: LISTEN_BACKLOG });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const body = demoEventBody();
    const created = await fetch(`${url}/api/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const ev = CreateEventReply.parse(await created.json());
    const opened = await fetch(`${url}/api/events/${ev.event.code}/voting`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ev.adminToken}` },
      body: JSON.stringify({ status: "open" }),
    });
    if (opened.status !== 200) throw new Error(`open voting: ${opened.status}`);
    const area = body.areas?.[0];
    const title = area?.proposals?.[3]?.title;
    if (!area || !title) throw new Error("the fixture has no first area with four proposals");

    const slow: Array<{ savedMs: number; tappableMs: number; bytes: number; chain: string[] }> = [];
    let table = "";
    for (let i = 0; i < runs; i++) {
      const phone = await firstVote(browser, url, ev.event.code, area.title, title, { link: SLOW_LINK, timeoutMs: 60_000 });
      await settle(phone.meter, 1500, 30_000);
      slow.push({ savedMs: phone.savedMs, tappableMs: phone.tappableMs, bytes: phone.meter.totalReceived(), chain: chainToVote(phone.meter) });
      log(`slow-phone: run ${i + 1}: saved at ${phone.savedMs} ms (tappable at ${phone.tappableMs} ms), ${fmt.kb(phone.meter.totalReceived())} received`);
      if (i === runs - 1) {
        table = phone.meter.table();
        mkdirSync(join(REPO_ROOT, "bench-results"), { recursive: true });
        await phone.page.screenshot({ path: join(REPO_ROOT, "bench-results", "slow-phone.png") });
      }
      await phone.close();
    }
    log(`slow-phone: last run on the wire:\n${table}`);

    // The same visit from a browser that is offered brotli (localhost; HTTPS at a venue would be the same).
    const brPhone = await firstVote(browser, url, ev.event.code, area.title, title, { host: "localhost" });
    await settle(brPhone.meter, 1000);
    const brBytes = brPhone.meter.totalReceived();
    const brTable = brPhone.meter.table();
    await brPhone.close();

    const saved = median(slow.map((r) => r.savedMs));
    const bytes = median(slow.map((r) => r.bytes));
    const chain = slow[slow.length - 1]?.chain ?? [];
    return {
      name: "slow-phone",
      correct: true,
      problems: [],
      targets: [
        { scenario: "slow-phone", metric: `open link → saved, 400 ms / 50 KB/s (median of ${runs})`, target: `≤ ${TARGET_MS / 1000} s`, measured: `${(saved / 1000).toFixed(2)} s`, pass: saved <= TARGET_MS },
        { scenario: "slow-phone", metric: "open link → proposal tappable", target: "", measured: `${(median(slow.map((r) => r.tappableMs)) / 1000).toFixed(2)} s`, pass: null },
        { scenario: "slow-phone", metric: "received, join → saved (venue: gzip)", target: "≤ 100 KB", measured: fmt.kb(bytes), pass: bytes <= 100 * 1024 },
        { scenario: "slow-phone", metric: "received, join → saved (brotli offered)", target: "", measured: fmt.kb(brBytes), pass: null },
        { scenario: "slow-phone", metric: "requests the vote waited for, in sequence", target: "", measured: String(chain.length), pass: null },
      ],
      details: { link: SLOW_LINK, runs: slow, chainToVote: chain, lastRunTable: table, brotliTable: brTable, screenshot: "bench-results/slow-phone.png" },
    };
  } finally {
    await browser.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
