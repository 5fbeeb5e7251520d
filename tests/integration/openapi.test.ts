// The served API reference: /openapi.json lists every endpoint of API.md, looks like OpenAPI 3.1,
// and agrees with what the server does. Plus the health check.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_STATUS } from "../../shared/errors";
import { api, createEvent, startServer, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { smallEvent } from "./support";

interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

/** Every "METHOD /path" of the endpoint table in the API reference the repository ships. */
function endpointsOfApiMd(): Array<{ method: string; path: string; who: string }> {
  const md = readFileSync(new URL("../../docs/API.md", import.meta.url), "utf8");
  const rows = [...md.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) ([^`?]+)[^`]*` \| ([^|]+)\|/gm)];
  return rows.map((m) => ({ method: m[1]!.toLowerCase(), path: m[2]!.replace(/:([A-Za-z]+)/g, "{$1}"), who: m[3]!.trim() }));
}

let server: TestServer;
let doc: OpenApi;
let ev: CreatedTestEvent;
beforeAll(async () => {
  server = await startServer();
  ev = await createEvent(server.url, smallEvent());
  const res = await api(server.url, "GET", "/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  doc = res.body as OpenApi;
});
afterAll(async () => {
  await server.close();
});

describe("/openapi.json", () => {
  it("is OpenAPI 3.1 with a title, a version and paths", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info.title).toBe("string");
    expect(doc.info.title.length).toBeGreaterThan(0);
    expect(doc.info.version).toMatch(/\S/);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    for (const path of Object.keys(doc.paths)) {
      expect(path.startsWith("/"), path).toBe(true);
      // OpenAPI templates paths with {name}, never :name
      expect(path, path).not.toMatch(/:/);
    }
  });

  it("lists every endpoint of API.md (method and path)", () => {
    const endpoints = endpointsOfApiMd();
    expect(endpoints.length).toBe(20);
    for (const { method, path } of endpoints) {
      expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} missing`).toBeDefined();
    }
  });

  it("lists the additions too", () => {
    expect(doc.paths["/api/server-info"]?.get).toBeDefined();
    expect(doc.paths["/openapi.json"]?.get).toBeDefined();
  });

  it("describes every operation: a summary, its path parameters, a success response, bodies as JSON", () => {
    const methods = new Set(["get", "post", "put", "patch", "delete"]);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(methods.has(method), where).toBe(true);
        expect(op.summary ?? "", where).not.toBe("");
        const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        const declared = (op.parameters ?? []).filter((p) => p.in === "path");
        expect(declared.map((p) => p.name).sort(), where).toEqual([...templated].sort());
        for (const p of declared) expect(p.required, `${where} ${p.name}`).toBe(true);
        const statuses = Object.keys(op.responses ?? {});
        expect(statuses.some((s) => /^2\d\d$/.test(s)), where).toBe(true);
        for (const s of statuses) expect(s, where).toMatch(/^[1-5]\d\d$/);
        if (op.requestBody) expect(Object.keys(op.requestBody.content ?? {}), where).toContain("application/json");
      }
    }
  });

  it("documents request bodies, success statuses and the error codes of API.md", () => {
    const op = (method: string, path: string) => doc.paths[path]?.[method] as Operation;
    const create = op("post", "/api/events");
    expect(Object.keys(create.responses ?? {})).toContain("201");
    const body = create.requestBody?.content?.["application/json"]?.schema as { properties?: Record<string, unknown>; required?: string[] };
    expect(Object.keys(body.properties ?? {})).toEqual(expect.arrayContaining(["title", "access", "votesPerArea", "resultsVisibility", "privacyThreshold", "areas"]));
    expect(body.required).toContain("title");

    const put = op("put", "/api/events/{code}/ballot/{areaId}");
    const putBody = put.requestBody?.content?.["application/json"]?.schema as { properties?: Record<string, unknown> };
    expect(Object.keys(putBody.properties ?? {})).toEqual(["proposalIds"]);
    const putStatuses = Object.keys(put.responses ?? {});
    for (const code of ["VOTING_CLOSED", "TOO_MANY_VOTES", "DUPLICATE_PROPOSAL", "UNKNOWN_PROPOSAL", "UNAUTHORIZED", "BAD_REQUEST"] as const) {
      expect(putStatuses, code).toContain(String(ERROR_STATUS[code]));
    }
    expect(JSON.stringify(put.responses)).toMatch(/TOO_MANY_VOTES/);
    expect(Object.keys(op("delete", "/api/events/{code}/areas/{areaId}").responses ?? {})).toEqual(expect.arrayContaining(["204", "409"]));
    expect(Object.keys(op("put", "/api/events/{code}/content").responses ?? {})).toContain("409");
  });

  it("every $ref resolves inside the document", () => {
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "$ref" && typeof v === "string") refs.push(v);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      if (!ref.startsWith("#/")) continue;
      // refs local to a schema (zod's "#/$defs/…") resolve inside that schema, the rest inside the document
      if (ref.startsWith("#/$defs/")) continue;
      let target: unknown = doc;
      for (const part of ref.slice(2).split("/")) target = (target as Record<string, unknown> | undefined)?.[part];
      expect(target, ref).toBeDefined();
    }
  });

  it("tells the truth about who may call what: secured operations answer 401 without a token", async () => {
    const area = ev.event.areas[0]!;
    const fill = (path: string) =>
      path.replace("{code}", ev.code).replace("{areaId}", area.id).replace("{proposalId}", area.proposals[0]!.id);
    const endpoints = endpointsOfApiMd();
    for (const { method, path, who } of endpoints) {
      const op = doc.paths[path]![method]!;
      const secured = (op.security ?? []).length > 0;
      expect(secured, `${method} ${path}: API.md says "${who}"`).toBe(who === "admin" || who === "participant");
      if (!secured) continue;
      const res = await api(server.url, method.toUpperCase(), fill(path), method === "get" || method === "delete" ? {} : { body: {} });
      expect(res.status, `${method.toUpperCase()} ${path}: ${res.text}`).toBe(401);
    }
  });
});

describe("/healthz", () => {
  it("answers { ok: true } once the database is open", async () => {
    const res = await api(server.url, "GET", "/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, writable: true });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("fails when the database is gone, rather than claiming health", async () => {
    const other = await startServer();
    try {
      other.db.close();
      const res = await api(other.url, "GET", "/healthz");
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(res.body).not.toEqual({ ok: true });
    } finally {
      await other.close();
    }
  });
});
