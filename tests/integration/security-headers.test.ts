// Response headers: a CSP that allows no inline or foreign script, no framing by other sites, no
// MIME sniffing, no referrer, no server fingerprint; no CORS for any other origin, on the API, the
// pages and the Socket.IO endpoint.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/app";
import { call, expectStatus, seedEvent } from "./fixtures/kit";
import { SECURITY_HEADERS } from "../../server/security/headers";

let server: TestServer;
let clientDir: string;
let code: string;
let adminToken: string;

beforeAll(async () => {
  // A stand-in client build: the headers under test come from the server, not from what it serves.
  clientDir = mkdtempSync(join(tmpdir(), "plenary-client-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
  writeFileSync(join(clientDir, "assets", "app.js"), "console.log(1)");
  server = await startServer({ clientDir });
  const s = await seedEvent(server.app);
  code = s.code;
  adminToken = s.adminToken;
});
afterAll(async () => {
  await server.close();
  rmSync(clientDir, { recursive: true, force: true });
});

function csp(header: string | null): Map<string, string[]> {
  expect(header, "content-security-policy").toBeTruthy();
  return new Map(
    (header ?? "").split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name = "", ...values] = d.split(/\s+/);
      return [name.toLowerCase(), values] as [string, string[]];
    }),
  );
}

const EVIL = "http://evil.example";

async function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Response> {
  return fetch(server.url + path, { method, headers: { origin: EVIL, ...headers } });
}

describe("security headers", () => {
  const paths = () => [
    ["page /", "/"],
    ["client route /e/CODE/admin", `/e/${code}/admin`],
    ["hashed asset", "/assets/app.js"],
    ["API read", `/api/events/${code}`],
    ["API error (404)", "/api/events/ZZZZZZ"],
    ["unknown API path", "/api/nothing-here"],
    ["health", "/healthz"],
    ["OpenAPI document", "/openapi.json"],
  ];

  it("sends the same strict set on pages, assets, API answers and errors", async () => {
    for (const [name, path] of paths()) {
      const res = await get(path ?? "");
      const h = res.headers;
      const policy = csp(h.get("content-security-policy"));
      expect(policy.get("script-src"), name).toEqual(["'self'"]);
      expect(policy.get("default-src"), name).toEqual(["'self'"]);
      expect(policy.get("object-src"), name).toEqual(["'none'"]);
      expect(policy.get("base-uri"), name).toEqual(["'none'"]);
      expect(policy.get("frame-ancestors"), name).toEqual(["'self'"]);
      expect(policy.get("connect-src"), name).toEqual(["'self'"]);
      const all = [...policy.values()].flat();
      // Nothing outside this server: no host, no scheme wildcard, no eval, no inline script.
      for (const value of all) expect(value, `${name}: ${value}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      expect([...(policy.get("script-src") ?? []), ...(policy.get("default-src") ?? [])], name).not.toContain("'unsafe-inline'");
      expect(all, name).not.toContain("'unsafe-eval'");
      expect(h.get("x-content-type-options"), name).toBe("nosniff");
      expect(h.get("referrer-policy"), name).toBe("no-referrer");
      expect(h.get("x-frame-options"), name).toBe("SAMEORIGIN");
      expect(h.get("x-powered-by"), name).toBeNull();
      // The whole precomputed set (server/security/headers.ts), on every kind of answer.
      for (const [header, value] of SECURITY_HEADERS) expect(h.get(header), `${name}: ${header}`).toBe(value);
      expect(h.get("server"), name).toBeNull();
      // No CORS: another origin's page may not read any answer.
      expect(h.get("access-control-allow-origin"), name).toBeNull();
      expect(h.get("access-control-allow-credentials"), name).toBeNull();
    }
  });

  it("answers CORS preflights from other origins with no permission", async () => {
    for (const path of [`/api/events/${code}`, `/api/events/${code}/ballot/a_x`, "/api/events"]) {
      const res = await get(path, { "access-control-request-method": "PUT", "access-control-request-headers": "authorization,content-type" }, "OPTIONS");
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
      expect(res.headers.get("access-control-allow-methods"), path).toBeNull();
      expect(res.headers.get("access-control-allow-headers"), path).toBeNull();
    }
  });

  it("keeps exports out of caches and out of the page (attachment, no-store, nosniff)", async () => {
    for (const format of ["csv", "json", "md"]) {
      const res = await call(server.app, "GET", `/api/events/${code}/export?format=${format}`, { token: adminToken });
      await expectStatus(res, 200, format);
      expect(String(res.headers["content-disposition"]), format).toMatch(/^attachment;/);
      expect(res.headers["cache-control"], format).toBe("no-store");
      expect(res.headers["x-content-type-options"], format).toBe("nosniff");
      expect(String(res.headers["content-type"]), format).not.toMatch(/html/);
    }
  });
});

describe("Socket.IO is same-origin only", () => {
  it("configures cors.origin as false, never a wildcard", () => {
    const cors = (server.realtime.io as unknown as { opts?: { cors?: { origin?: unknown } } }).opts?.cors;
    expect(cors?.origin).toBe(false);
  });

  it("grants no other origin on the polling handshake or its preflight", async () => {
    const handshake = await get("/socket.io/?EIO=4&transport=polling");
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get("access-control-allow-origin")).toBeNull();
    expect(handshake.headers.get("access-control-allow-credentials")).toBeNull();
    const preflight = await get("/socket.io/?EIO=4&transport=polling", { "access-control-request-method": "POST" }, "OPTIONS");
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-origin")).not.toBe("*");
  });
});
