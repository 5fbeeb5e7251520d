// Issue 11, finding 9: while an address is blocked after failed look-ups, the refusal must be the
// same work for a real event code and a made-up one — not only the same bytes. Two proofs:
// 1. Structural: the blocked refusals (every route with a code, the participant page /e/CODE, the
//    socket handshake) are still given, byte for byte the same for both codes, while the events
//    table is gone from the database — so none of them reads the event a code names. Another
//    address, asking the same, does reach the look-up (and fails): the proof is not vacuous.
// 2. Measured: thousands of interleaved blocked requests for the real and an unknown code, with no
//    token and with a made-up one; their medians, and the median of the paired differences, agree
//    within 5% (10 µs at least).
//    Before the fix the error handler looked the code up for the message's language, and a real
//    French event even answered its 429 in French.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEventBody } from "../../server/demo";
import { GUESS_BUDGET } from "../../server/security/guess-guard";
import { CODE_ALPHABET, EVENT_CODE_LENGTH } from "../../shared/codes";
import { api, createEvent, startServer, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { call, record, type CallOptions } from "./fixtures/kit";

const PAGE = "<!doctype html><html><head><title>Plenary</title></head><body><div id=root></div></body></html>";
const OTHER = "192.0.2.50";

function randomCode(except: string): string {
  for (;;) {
    let s = "";
    for (let i = 0; i < EVENT_CODE_LENGTH; i++) s += CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)];
    if (s !== except) return s;
  }
}

let server: TestServer;
let clientDir: string;
let ev: CreatedTestEvent;
let phoneToken: string;
let unknown: string;

beforeAll(async () => {
  // A client build of two pages is enough for /e/CODE (the participant page carries its event).
  clientDir = mkdtempSync(join(tmpdir(), "plenary-client-"));
  writeFileSync(join(clientDir, "index.html"), PAGE);
  writeFileSync(join(clientDir, "participant.html"), PAGE);
  server = await startServer({ rateLimits: true, clientDir });
  // The full-length forum, in French: a 429 in French would give the real code away by itself.
  ev = await createEvent(server.url, { ...demoEventBody(), language: "fr" });
  await api(server.url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status: "open" } });
  phoneToken = ((await api(server.url, "POST", `/api/events/${ev.code}/participants`, { body: {} })).body as { participantToken: string }).participantToken;
  unknown = randomCode(ev.code);
  // Block 127.0.0.1 (over real HTTP, so real sockets from here share the block).
  for (let i = 0; i < GUESS_BUDGET.max; i++) {
    const r = await api(server.url, "GET", `/api/events/${randomCode(ev.code)}`);
    if (r.status !== 404) throw new Error(`guess ${i}: ${r.status}`);
  }
  expect((await api(server.url, "GET", `/api/events/${ev.code}`)).status).toBe(429);
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(clientDir, { recursive: true, force: true });
});

/** What a blocked caller can ask about a code, over HTTP, the page and the socket. */
async function probes(code: string): Promise<Record<string, unknown>> {
  const area = ev.event.areas[0]!.id;
  const out: Record<string, unknown> = {};
  const http = async (name: string, method: string, path: string, opts: Parameters<typeof api>[3] = {}) => {
    const r = await api(server.url, method, path, opts);
    out[name] = { status: r.status, text: r.text };
  };
  await http("event", "GET", `/api/events/${code}`);
  await http("results", "GET", `/api/events/${code}/results`);
  await http("join", "POST", `/api/events/${code}/participants`, { body: {} });
  await http("join with a card", "POST", `/api/events/${code}/participants`, { body: { invite: "ABCD-EFGH" } });
  await http("ballot", "GET", `/api/events/${code}/ballot`);
  await http("vote", "PUT", `/api/events/${code}/ballot/${area}`, { body: { proposalIds: [] } });
  await http("export", "GET", `/api/events/${code}/export`);
  // Refused before any route runs: by the body parser, by the not-found handler.
  await http("bad JSON", "POST", `/api/events/${code}/participants`, { raw: "{" });
  await http("no such endpoint", "GET", `/api/events/${code}/nowhere`);
  await http("page", "GET", `/e/${code}`);
  const socket = record(server.url, { code });
  out.socket = await socket.outcome;
  socket.close();
  const quiet = record(server.url, { code, results: false, since: "v1" });
  out["socket, quiet"] = await quiet.outcome;
  quiet.close();
  return out;
}

describe("a blocked address (finding 9)", () => {
  it("is refused before anything reads the event its code names: the same answers with the events table gone", async () => {
    const withTable = await probes(ev.code);
    expect(await probes(unknown)).toEqual(withTable);
    expect((withTable.event as { status: number }).status).toBe(429);
    expect(withTable.socket).toBe("RATE_LIMITED");
    expect((withTable.page as { text: string }).text).toBe(PAGE);
    // English: the message says nothing about the event's language.
    expect(JSON.parse((withTable.event as { text: string }).text)).toEqual({
      error: { code: "RATE_LIMITED", message: "Too many failed look-ups from this address. Wait a minute and try again." },
    });

    server.db.exec("ALTER TABLE events RENAME TO events_away");
    try {
      // Another address, same question: its look-up is reached, and fails without the table.
      const elsewhere = await call(server.app, "GET", `/api/events/${ev.code}`, { remoteAddress: OTHER });
      expect(elsewhere.status).toBeGreaterThanOrEqual(500);
      // The blocked address: every answer as before, for the real code and the unknown one alike.
      expect(await probes(ev.code)).toEqual(withTable);
      expect(await probes(unknown)).toEqual(withTable);
    } finally {
      server.db.exec("ALTER TABLE events_away RENAME TO events");
    }

    // The table is back: the other address reads the event, and a phone with its token still gets
    // through from the blocked address (its token is what it is looked up by).
    const ok = await call(server.app, "GET", `/api/events/${ev.code}`, { remoteAddress: OTHER });
    expect(ok.status).toBe(200);
    expect((await api(server.url, "GET", `/api/events/${ev.code}/ballot`, { token: phoneToken })).status).toBe(200);
    const phone = record(server.url, { code: ev.code, token: phoneToken });
    expect(await phone.outcome).toBe("connected");
    phone.close();
  }, 60_000);

  it("spends as long on a real code as on a made-up one (interleaved, thousands of samples)", async () => {
    const pairs = 2000;
    const at = (token?: string): CallOptions => ({ remoteAddress: "127.0.0.1", ...(token ? { token } : {}) });
    // A made-up token of the right shape: checking it is a look-up by the token, whatever the code.
    const kinds = [
      { name: "no token", path: (c: string) => `/api/events/${c}`, opts: at() },
      { name: "made-up token", path: (c: string) => `/api/events/${c}/ballot`, opts: at(`par_${"x".repeat(43)}`) },
    ];
    const time = async (path: string, opts: CallOptions) => {
      const t0 = process.hrtime.bigint();
      const r = await call(server.app, "GET", path, opts);
      const dt = Number(process.hrtime.bigint() - t0) / 1000;
      expect(r.status).toBe(429);
      return dt;
    };
    for (const kind of kinds) {
      for (let i = 0; i < 1000; i++) await time(kind.path(i % 2 ? ev.code : unknown), kind.opts); // warm-up, not counted
      // The machine is shared by other engineers' builds and tests: a load burst can shift a whole
      // stretch of samples. So (1) each real sample is paired with the unknown one next to it, in
      // alternating order (ABBA), and the median of those differences is compared — a burst falls
      // on both halves of a pair; (2) a round that misses is measured again, up to three rounds: a
      // look-up in one path is a systematic difference and misses every round, a burst does not.
      let verdict = "";
      for (let round = 0; round < 3; round++) {
        const real: number[] = [];
        const fake: number[] = [];
        const diffs: number[] = [];
        for (let i = 0; i < pairs; i++) {
          let r: number;
          let u: number;
          if (i % 2) {
            r = await time(kind.path(ev.code), kind.opts);
            u = await time(kind.path(unknown), kind.opts);
          } else {
            u = await time(kind.path(unknown), kind.opts);
            r = await time(kind.path(ev.code), kind.opts);
          }
          real.push(r);
          fake.push(u);
          diffs.push(r - u);
        }
        const m = { real: median(real), unknown: median(fake), diff: median(diffs) };
        // Each answer takes ~130–300 µs here. With the look-up of the code in the error handler
        // (before the fix) the real code's median was 21 µs slower (198 vs 177 µs) on the same
        // loaded machine; after it they differ by 0–6 µs. Within 5% (10 µs at least): half
        // that effect, and above the noise.
        const tolerance = Math.max(10, 0.05 * m.unknown);
        verdict = `${kind.name}, round ${round + 1}: medians real ${m.real.toFixed(1)} µs, unknown ${m.unknown.toFixed(1)} µs, of paired differences ${m.diff.toFixed(1)} µs (tolerance ${tolerance.toFixed(1)} µs)`;
        console.log(verdict);
        if (Math.abs(m.diff) < tolerance && Math.abs(m.real - m.unknown) < tolerance) break;
        verdict = `FAILED ${verdict}`;
      }
      expect(verdict).not.toMatch(/^FAILED/);
    }
  }, 240_000);
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
