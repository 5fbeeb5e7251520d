// How the built client is served (server/plugins/static-client.ts over the build's .br/.gz files,
// client/build-wire.ts): the encoding the browser accepts (br, then gzip, else none), the original
// file's type, the length of what is sent, vary, immutable assets and never-stale pages; and the
// GET JSON compression (server/plugins/compress-json.ts). Raw HTTP: fetch would decode silently.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_DIR } from "../../server/app";
import { pickEncoding } from "../../server/plugins/compress-json";
import { createDemoEvent, startServer, type TestServer } from "../helpers/app";

let server: TestServer;
let code: string;
beforeAll(async () => {
  if (!existsSync(join(DEFAULT_CLIENT_DIR, "participant.html"))) throw new Error("dist/client is missing or old: run `npm run build` first");
  server = await startServer({ clientDir: DEFAULT_CLIENT_DIR });
  code = (await createDemoEvent(server.url)).code;
});
afterAll(async () => {
  await server?.close();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, acceptEncoding?: string, method = "GET"): Promise<Raw> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method, headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function decoded(res: Raw): Buffer {
  const coding = res.headers["content-encoding"];
  if (coding === "br") return brotliDecompressSync(res.body);
  if (coding === "gzip") return gunzipSync(res.body);
  expect(coding).toBeUndefined();
  return res.body;
}

const entryJs = () => readdirSync(join(DEFAULT_CLIENT_DIR, "assets")).find((f) => /^index-.*\.js$/.test(f)) as string;

describe("serving the built client", () => {
  it("sends the asset in the encoding asked for, with its own type and the length sent", async () => {
    const file = entryJs();
    const original = readFileSync(join(DEFAULT_CLIENT_DIR, "assets", file));
    const cases: Array<[string | undefined, string | undefined]> = [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip, deflate", "gzip"],
      ["br;q=0, gzip", "gzip"],
      ["identity", undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await get(`/assets/${file}`, accept);
      expect(res.status, String(accept)).toBe(200);
      expect(res.headers["content-encoding"], String(accept)).toBe(expected);
      expect(res.headers["content-type"], String(accept)).toMatch(/^(application|text)\/javascript/);
      expect(Number(res.headers["content-length"]), String(accept)).toBe(res.body.length);
      expect(res.headers.vary, String(accept)).toMatch(/accept-encoding/i);
      expect(res.headers["cache-control"], String(accept)).toBe("public, max-age=31536000, immutable");
      expect(decoded(res).equals(original), String(accept)).toBe(true);
      if (expected) expect(res.body.length, String(accept)).toBeLessThan(original.length / 2);
    }
  });

  it("answers HEAD with the length of the body GET would send", async () => {
    const file = entryJs();
    const head = await get(`/assets/${file}`, "gzip", "HEAD");
    const body = await get(`/assets/${file}`, "gzip");
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.headers["content-length"]).toBe(body.headers["content-length"]);
  });

  it("never lets a page go stale, and gives the participant page the preloads of its chunks", async () => {
    for (const path of ["/", `/e/${code}`, `/e/${code}/screen`, `/e/${code}/admin`]) {
      const res = await get(path, "gzip");
      expect(res.status, path).toBe(200);
      expect(res.headers["cache-control"], path).toBe("no-cache");
      expect(res.headers["content-type"], path).toMatch(/^text\/html/);
      expect(res.headers["content-encoding"], path).toBe("gzip");
      expect(res.headers.vary, path).toMatch(/accept-encoding/i);
      const html = decoded(res).toString("utf8");
      const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="(\/assets\/[^"]+)">/g)].map((m) => m[1]);
      if (path === `/e/${code}`) {
        expect(preloads.some((p) => /ParticipantPage-.*\.js$/.test(p ?? "")), html).toBe(true);
        expect(html).toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/ParticipantPage-[^"]+\.css">/);
        // Every preload names a file that is there.
        for (const p of preloads) expect((await get(p ?? "", "gzip")).status, p).toBe(200);
      } else {
        expect(preloads, path).toEqual([]);
      }
    }
  });

  it("does not serve the build's manifest", async () => {
    expect((await get("/.vite/manifest.json", "gzip")).status).toBe(404);
  });
});

describe("JSON compression", () => {
  it("compresses a large GET answer for a client that accepts it, and only then", async () => {
    const plain = await get(`/api/events/${code}`);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const [accept, expected] of [["gzip, deflate, br", "br"], ["gzip, deflate", "gzip"]] as const) {
      const res = await get(`/api/events/${code}`, accept);
      expect(res.status, accept).toBe(200);
      expect(res.headers["content-encoding"], accept).toBe(expected);
      expect(res.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(Number(res.headers["content-length"]), accept).toBe(res.body.length);
      expect(res.body.length, accept).toBeLessThan(plain.body.length / 2);
      expect(JSON.parse(decoded(res).toString("utf8")), accept).toEqual(JSON.parse(plain.body.toString("utf8")));
    }
  });

  it("leaves small answers alone", async () => {
    const res = await get("/api/events/ZZZZZZ", "gzip, br");
    expect(res.status).toBe(404);
    expect(res.headers["content-encoding"]).toBeUndefined();
  });

  it("picks br, then gzip, honouring q=0 and *", () => {
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding("")).toBeNull();
    expect(pickEncoding("identity")).toBeNull();
    expect(pickEncoding("gzip, deflate")).toBe("gzip");
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(pickEncoding("gzip;q=0, br;q=0")).toBeNull();
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("*;q=0")).toBeNull();
  });
});
