// The participant page's HTML carries the event (server/plugins/participant-page.ts), so a phone
// on a poor link shows the ballot without a GET first. What must hold: the data equals what
// GET /api/events/:code answers, with the version the socket handshake knows; no proposal text can
// end the data block; an unknown code gets the plain page and spends the guessing budget, as the
// GET would. Raw HTTP against the real server with the built client.
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import type { Event } from "../../shared/schemas";
import { DEFAULT_CLIENT_DIR } from "../../server/app";
import { GUESS_BUDGET } from "../../server/plugins/security";
import { api, createEvent, startServer, type TestServer } from "../helpers/app";
import { record, until } from "./fixtures/kit";
import { smallEvent } from "./support";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(rateLimits = false): Promise<TestServer> {
  if (!existsSync(join(DEFAULT_CLIENT_DIR, "participant.html"))) throw new Error("dist/client is missing or old: run `npm run build` first");
  server = await startServer({ clientDir: DEFAULT_CLIENT_DIR, rateLimits });
  return server;
}

function page(s: TestServer, path: string, acceptEncoding = "gzip", acceptLanguage?: string): Promise<{ status: number; coding: string | undefined; html: string }> {
  const { port } = new URL(s.url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "accept-encoding": acceptEncoding, ...(acceptLanguage ? { "accept-language": acceptLanguage } : {}) };
    const req = httpRequest({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const coding = res.headers["content-encoding"];
        const raw = coding === "br" ? brotliDecompressSync(body) : coding === "gzip" ? gunzipSync(body) : body;
        resolve({ status: res.statusCode ?? 0, coding, html: raw.toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const BLOCK = /<script type="application\/json" id="plenary-event">([^<]*)<\/script>/;
const dataOf = (html: string) => {
  const m = BLOCK.exec(html);
  return m ? (JSON.parse(m[1] ?? "") as { event: Event; version: string }) : null;
};

describe("the participant page's HTML", () => {
  it("carries the event as GET answers it, with the version a socket handshake knows, in every encoding", async () => {
    const s = await start();
    const ev = await createEvent(s.url, smallEvent());
    const read = await api(s.url, "GET", `/api/events/${ev.code}`);
    for (const [accept, coding] of [["gzip, deflate, br", "br"], ["gzip, deflate", "gzip"], ["identity", undefined]] as const) {
      const res = await page(s, `/e/${ev.code}`, accept);
      expect(res.status, accept).toBe(200);
      expect(res.coding, accept).toBe(coding);
      const data = dataOf(res.html);
      expect(data?.event, accept).toEqual((read.body as { event: Event }).event);
      // The same page under another spelling of the code (as printed: lower case, a dash).
      expect(dataOf((await page(s, `/e/${ev.code.slice(0, 3).toLowerCase()}-${ev.code.slice(3)}`, accept)).html)?.event.code).toBe(ev.code);
      // A phone holding this version is not sent the event again on connect.
      const socket = record(s.url, { code: ev.code, since: data?.version });
      expect(await socket.outcome).toBe("connected");
      const fresh = record(s.url, { code: ev.code });
      expect(await fresh.outcome).toBe("connected");
      await until(() => fresh.frames.some((f) => f.name === "event"), "a socket without since gets the event");
      expect(socket.frames.filter((f) => f.name === "event")).toEqual([]);
      socket.close();
      fresh.close();
    }
  });

  it("keeps proposal text inside the data block, whatever it says", async () => {
    const s = await start();
    const hostile = `</script><script src="/x.js"></script><!-- <b>& "quotes"`;
    const ev = await createEvent(s.url, smallEvent({ title: hostile, areas: [{ title: "</SCRIPT>", proposals: [{ title: hostile, body: "<!--" }] }] }));
    const { html } = await page(s, `/e/${ev.code}`);
    expect(html.match(/<script/gi)?.length).toBe(2); // the entry module and the data block, nothing else
    expect(html).not.toContain(hostile);
    const data = dataOf(html);
    expect(data?.event.title).toBe(hostile);
    expect(data?.event.areas[0]?.title).toBe("</SCRIPT>");
    expect(data?.event.areas[0]?.proposals[0]).toMatchObject({ title: hostile, body: "<!--" });
  });

  it("is the plain page for an unknown code, and unknown codes spend the guessing budget", async () => {
    const s = await start(true);
    const ev = await createEvent(s.url, smallEvent());
    const unknown = await page(s, "/e/ZZZZZZ");
    expect(unknown.status).toBe(200);
    expect(dataOf(unknown.html)).toBeNull();
    expect(unknown.html).toContain('<div id="root">');
    for (let i = 1; i < GUESS_BUDGET.max; i++) await page(s, `/e/ZZZZZ${"ABCDEFGHJK"[i % 10]}`);
    // Over the budget, the page says nothing about the real event either, and its GET is refused.
    expect(dataOf((await page(s, `/e/${ev.code}`)).html)).toBeNull();
    expect((await api(s.url, "GET", `/api/events/${ev.code}`)).status).toBe(429);
  });
});

describe("the phone's words", () => {
  it("are preloaded in the language the phone will pick: ?lang=, else Accept-Language, else the event's", async () => {
    const s = await start();
    const manifest = JSON.parse(readFileSync(join(DEFAULT_CLIENT_DIR, ".vite", "manifest.json"), "utf8")) as Record<string, { file: string }>;
    const chunk = (lang: string) => `/${manifest[`../shared/i18n/catalogs/${lang}/phone.ts`]!.file}`;
    const ev = await createEvent(s.url, { ...smallEvent(), language: "de" });
    const preloaded = (html: string) => ["en", "fr", "es", "ar", "ru", "zh", "de", "pt"].filter((l) => html.includes(`href="${chunk(l)}"`));
    expect(preloaded((await page(s, `/e/${ev.code}`, "gzip", "fr-CA,fr;q=0.9,en;q=0.5")).html)).toEqual(["fr"]);
    expect(preloaded((await page(s, `/e/${ev.code}?lang=ar`, "gzip", "fr")).html)).toEqual(["ar"]);
    expect(preloaded((await page(s, `/e/${ev.code}`, "gzip", "ja-JP")).html)).toEqual(["de"]);
    expect(preloaded((await page(s, `/e/${ev.code}`, "gzip")).html)).toEqual(["de"]);
  });
});
