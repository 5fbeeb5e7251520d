// Phones in a busy hall: N real Chromium pages, each on an emulated poor venue link (400 ms added to
// every request, 50 KB/s each way, 2% packet loss where this Chromium's emulation takes it), open the
// participant link of the full-length forum and vote while the hall's load runs on the same server
// (participant sockets connected, ballots over HTTP at the hall's rate). Per phone: open link →
// tappable, open link → first saved vote, then a series of taps, each timed in the page from the
// area saying "saving" to it saying "saved"; and the bytes received (Chromium's count).
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { HEAP_FLAGS } from "../../../server/heap";
import { demoEventBody } from "../../../server/demo";
import { CreateEventReply } from "../../../shared/schemas";
import { withCluster, sleep } from "../cluster";
import { decode, summarize } from "../histogram";
import type { BenchOptions, Sizes } from "../options";
import { firstVote, VENUE_ARGS, type Link } from "../phone-journey";
import { fmt, type ScenarioReport, type TargetRow } from "../report";
import type { DriverApi, ServerApi, SocketsApi } from "../workers/protocol";
import { totals } from "./live";
import { SLOW_LINK } from "./slow-phone";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FIRST_VOTE_TARGET_MS = 3000;
const TAP_P99_TARGET_MS = 1500;

// In the page: every "saving" → "saved" of the ballot, timed at the DOM mutations themselves.
const TAPS_SCRIPT = `(() => {
  const taps = []; let started;
  window.__plenaryTaps = taps;
  new MutationObserver(() => {
    const states = [...document.querySelectorAll('[data-save]')].map((e) => e.getAttribute('data-save'));
    if (started === undefined && states.includes('saving')) started = performance.now();
    else if (started !== undefined && !states.includes('saving') && states.includes('saved')) { taps.push(performance.now() - started); started = undefined; }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-save'] });
})();`;

interface PhoneRun {
  tappableMs: number;
  savedMs: number;
  bytes: number;
  tapsMs: number[];
  error: string | null;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) : Number.NaN;
};

async function onePhone(browser: Browser, url: string, code: string, areaTitle: string, title: string, taps: number, link: Link & { packetLoss?: number }): Promise<PhoneRun> {
  try {
    const phone = await firstVote(browser, url, code, areaTitle, title, { link, timeoutMs: 60_000, initScripts: [TAPS_SCRIPT] });
    const box = phone.page.getByRole("region", { name: areaTitle, exact: true }).getByRole("checkbox", { name: title, exact: true });
    type Held = { __plenaryTaps?: number[] };
    for (let i = 0; i < taps; i++) {
      const before = await phone.page.evaluate(() => (globalThis as unknown as Held).__plenaryTaps?.length ?? 0);
      await box.tap({ timeout: 30_000 });
      await phone.page.waitForFunction((n) => ((globalThis as unknown as Held).__plenaryTaps?.length ?? 0) > n, before, { timeout: 30_000 });
      await phone.page.waitForTimeout(300 + Math.random() * 700);
    }
    // The first entry is the first vote (join included), already reported as savedMs.
    const all = await phone.page.evaluate(() => (globalThis as unknown as Held).__plenaryTaps ?? []);
    const run = { tappableMs: phone.tappableMs, savedMs: phone.savedMs, bytes: phone.meter.totalReceived(), tapsMs: all.slice(1).map(Math.round), error: null };
    await phone.close();
    return run;
  } catch (err) {
    return { tappableMs: Number.NaN, savedMs: Number.NaN, bytes: 0, tapsMs: [], error: err instanceof Error ? err.message.split("\n")[0] ?? "" : String(err) };
  }
}

export async function phones(size: Sizes["phones"], socketsPerProcess: number, o: Pick<BenchOptions, "serverFlags">, log: (s: string) => void): Promise<ScenarioReport> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  return withCluster("phones", 5 * 60_000, async (cluster) => {
    const server = await cluster.start<ServerApi>("./workers/server.ts", "server", [...HEAP_FLAGS, ...o.serverFlags]);
    const { port } = await server.call("start", { seqHeader: true, clientDir: true });
    const driver = await cluster.start<DriverApi>("./workers/driver.ts", "driver");
    const setup = await driver.call("setup", { port, participants: size.sockets });
    const processes = Math.max(1, Math.ceil(size.sockets / socketsPerProcess));
    const holders = await Promise.all(Array.from({ length: processes }, (_, i) => cluster.start<SocketsApi>("./workers/sockets.ts", `sockets-${i}`)));
    const per = Math.ceil(size.sockets / processes);
    await Promise.all(holders.map((h, i) => h.call("connect", { port, code: setup.code, tokens: setup.tokens.slice(i * per, (i + 1) * per), concurrency: 25 })));
    await driver.call("projector", undefined);
    log(`phones: hall of ${(await totals(holders)).connected} sockets on event ${setup.code}; ${size.phones} phones on 400 ms / 50 KB/s${size.packetLoss ? ` / ${size.packetLoss}% loss` : ""}`);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage", ...VENUE_ARGS],
    });
    try {
      // The phones vote in an event of their own on the same server, so the hall's recount stays exact.
      const body = demoEventBody();
      const url = `http://127.0.0.1:${port}`;
      const created = await fetch(`${url}/api/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const ev = CreateEventReply.parse(await created.json());
      const opened = await fetch(`${url}/api/events/${ev.event.code}/voting`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${ev.adminToken}` }, body: JSON.stringify({ status: "open" }) });
      if (opened.status !== 200) throw new Error(`open voting: ${opened.status}`);
      const area = body.areas?.[0];
      const title = area?.proposals?.[3]?.title;
      if (!area || !title) throw new Error("the fixture has no first area with four proposals");
      await server.call("reset", undefined);
      const load = driver.call("live", { rate: size.rate, durationMs: size.loadMs, connections: 128 });
      await sleep(1000);
      const link = { ...SLOW_LINK, packetLoss: size.packetLoss };
      // Staggered by a fraction of a second, as people scanning the same QR code are.
      const runs = await Promise.all(
        Array.from({ length: size.phones }, async (_, i) => {
          await sleep(i * 300);
          return onePhone(browser, url, ev.event.code, area.title, title, size.taps, link);
        }),
      );
      const r = await load;
      const stats = await server.call("stats", undefined);
      const ok = runs.filter((x) => x.error === null);
      const saved = ok.map((x) => x.savedMs);
      const taps = ok.flatMap((x) => x.tapsMs);
      const bytes = ok.map((x) => x.bytes);
      const v2p = summarize(decode(r.voteToProjector));
      log(`phones: ${ok.length}/${runs.length} phones voted; first saved p50 ${fmt.ms(quantile(saved, 0.5))} max ${fmt.ms(Math.max(...saved))}; tap → saved p50 ${fmt.ms(quantile(taps, 0.5))} p99 ${fmt.ms(quantile(taps, 0.99))} (${taps.length} taps); hall ${r.ok}/${r.fired} ballots`);
      const problems: string[] = runs.filter((x) => x.error).map((x) => `a phone failed: ${x.error}`);
      if (r.ok !== r.fired) problems.push(`${r.fired - r.ok} of ${r.fired} hall ballots not acknowledged`);
      problems.push(...r.finalSnapshot.differences.map((d) => `final snapshot: ${d}`));
      const hallLabel = `${size.sockets.toLocaleString("en-GB")} sockets, ${fmt.rate(size.rate)}`;
      const rows: TargetRow[] = [
        { scenario: "phones", metric: `load: ${size.phones} phones on 400 ms / 50 KB/s${size.packetLoss ? ` / ${size.packetLoss}% loss` : ""}, hall ${hallLabel}`, target: "", measured: `${ok.length} voted, ${taps.length} more taps`, pass: null },
        { scenario: "phones", metric: "open link → tappable, p50 / max", target: "", measured: `${fmt.ms(quantile(ok.map((x) => x.tappableMs), 0.5))} / ${fmt.ms(Math.max(...ok.map((x) => x.tappableMs)))}`, pass: null },
        { scenario: "phones", metric: "open link → first saved vote, p50 (max)", target: `≤ ${FIRST_VOTE_TARGET_MS / 1000} s`, measured: `${fmt.ms(quantile(saved, 0.5))} (${fmt.ms(Math.max(...saved))})`, pass: quantile(saved, 0.5) <= FIRST_VOTE_TARGET_MS },
        { scenario: "phones", metric: "tap → saved p50", target: "", measured: fmt.ms(quantile(taps, 0.5)), pass: null },
        { scenario: "phones", metric: "tap → saved p99", target: `≤ ${TAP_P99_TARGET_MS / 1000} s`, measured: fmt.ms(quantile(taps, 0.99)), pass: quantile(taps, 0.99) <= TAP_P99_TARGET_MS },
        { scenario: "phones", metric: "received per phone, first visit + taps (median)", target: "", measured: fmt.kb(quantile(bytes, 0.5)), pass: null },
        { scenario: "phones", metric: "hall vote → projector p99; ballots acknowledged", target: "", measured: `${fmt.ms(v2p.p99)}; ${r.ok}/${r.fired}`, pass: null },
        { scenario: "phones", metric: "every phone voted; hall nothing lost", target: "yes", measured: problems.length === 0 ? "yes" : "NO", pass: problems.length === 0 },
      ];
      return { name: "phones", correct: problems.length === 0, problems, targets: rows, details: { size, link, runs, voteToProjector: v2p, server: stats, hall: { fired: r.fired, ok: r.ok } } };
    } finally {
      await browser.close();
    }
  });
}
