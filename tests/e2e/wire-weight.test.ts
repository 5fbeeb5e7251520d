// The bytes on the wire for a phone's first vote: in Chromium, open the participant link of the
// full-length forum (40 long proposals), tap a proposal, wait for "saved", and add up everything
// the phone received as Chromium counts it (compressed bodies and headers of every response, the
// live connection's polling and WebSocket frames). Budget: 100 KB (docs/PERFORMANCE.md: ~64 KB now). The phone reaches the server by
// a non-localhost name, as at the venue, so it is offered what a venue phone is offered (gzip).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createEvent, launchBrowser, openVoting, startServer } from "./harness";
import type { TestServer } from "../helpers/app";
import { demoEventBody } from "../../server/demo";
import { firstVote, settle, VENUE_ARGS } from "../../scripts/bench/phone-journey";

const BUDGET_BYTES = 100 * 1024;

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(VENUE_ARGS);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the wire", () => {
  it("a phone's first saved vote on the full-length forum costs at most 100 KB received", async () => {
    const body = demoEventBody();
    const ev = await createEvent(server.url, body);
    await openVoting(server.url, ev.code, ev.adminToken);
    const area = body.areas?.[0];
    const title = area?.proposals?.[3]?.title;
    if (!area || !title) throw new Error("the fixture has no first area with four proposals");

    const phone = await firstVote(browser, server.url, ev.code, area.title, title);
    try {
      await settle(phone.meter);
      const responses = phone.meter.responses();
      const table = phone.meter.table();
      console.info(`first vote on the wire:\n${table}`);

      // What is measured is what a phone really loads: the page (with the event inside), the
      // compressed entry and participant chunks, the join, the vote, and the live connection upgraded.
      const path = (u: string) => new URL(u).pathname;
      const assets = responses.filter((r) => path(r.url).startsWith("/assets/"));
      const pageChunk = assets.find((r) => /\/assets\/ParticipantPage-.*\.js$/.test(path(r.url)));
      expect(assets.some((r) => /\/assets\/index-.*\.js$/.test(path(r.url))), table).toBe(true);
      expect(pageChunk, table).toBeDefined();
      for (const r of [...assets, ...responses.filter((x) => path(x.url).startsWith("/e/"))]) {
        expect(r.encoding, `${path(r.url)} came uncompressed\n${table}`).toBe("gzip");
      }
      // The vote: the first one rides with the join (API 1.1); a PUT when the phone had joined before.
      const put = responses.find(
        (r) => (r.method === "PUT" && r.status === 200 && path(r.url).includes("/ballot/")) || (r.method === "POST" && r.status === 201 && path(r.url).endsWith("/participants")),
      );
      expect(put, table).toBeDefined();
      expect(phone.meter.webSocket().frames, table).toBeGreaterThan(0);
      // No waterfall: the HTML itself asks for every chunk and style the ballot needs, and carries
      // the event (no GET of it before the vote).
      const eventGet = responses.find((r) => r.method === "GET" && path(r.url) === `/api/events/${ev.code}`);
      expect(eventGet === undefined || (put !== undefined && eventGet.sentAt > put.sentAt), `the event was read before the vote\n${table}`).toBe(true);
      // The live connection's library is the one chunk loaded by script: after the ballot is shown.
      const socketLib = assets.filter((r) => r.initiator !== "parser");
      expect(socketLib.length, table).toBeLessThanOrEqual(2);
      for (const r of socketLib) {
        expect(/\/assets\/(socket|rolldown-runtime)-.*\.js$/.test(path(r.url)), `${path(r.url)} was found late (by ${r.initiator})\n${table}`).toBe(true);
        expect(r.sentAt, `${path(r.url)} competed with the ballot's own chunks\n${table}`).toBeGreaterThanOrEqual(pageChunk?.doneAt ?? Infinity);
      }
      // While voting, the phone's socket carries no results snapshots (handshake results: false):
      // the live connection costs a few hundred bytes, not a copy of every proposal per second.
      const live = responses.filter((r) => path(r.url).startsWith("/socket.io/")).reduce((n, r) => n + r.bytes, 0) + phone.meter.webSocket().received;
      expect(live, `the live connection received ${(live / 1024).toFixed(1)} KB\n${table}`).toBeLessThan(4 * 1024);

      const total = phone.meter.totalReceived();
      expect(total, `first vote received ${(total / 1024).toFixed(1)} KB (budget 100 KB):\n${table}`).toBeLessThanOrEqual(BUDGET_BYTES);
    } finally {
      await phone.close();
    }
  });
});
