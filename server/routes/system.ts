// Health, the OpenAPI document and the address phones should use.
import * as z from "zod/mini";
import { HealthReply, ServerInfo, TimeReply } from "../../shared/schemas";
import type { ErrorBody } from "../../shared/errors";
import { createWriteProbe } from "../db/health";
import { defineRoute, RawReply, type RegisteredRoute } from "../http/route";
import { openApiDocument } from "../http/openapi";
import type { Services } from "../services/app-services";

export function systemRoutes(s: Services, registry: readonly RegisteredRoute[], version: string) {
  const writeHealth = createWriteProbe(s.ctx.db);
  return [
    defineRoute({
      method: "GET", url: "/healthz", tag: "system", access: "anyone", status: 200,
      summary: "200 when the database takes writes (a small real write, at most once a second); 503 UNAVAILABLE with the same fields when it does not (disk full, locked by another program, I/O error).",
      response: HealthReply,
      errors: ["UNAVAILABLE"],
      handler: () => {
        const health = writeHealth();
        if (health.writable) return { ok: true as const, writable: true, diskFreeBytes: health.diskFreeBytes, version };
        const body: ErrorBody & { ok: false; writable: false; diskFreeBytes: number | null; version: string } = {
          ok: false, writable: false, diskFreeBytes: health.diskFreeBytes, version,
          error: { code: "UNAVAILABLE", message: health.problem ?? "The database cannot take writes." },
        };
        return new RawReply(503, body);
      },
    }),
    defineRoute({
      method: "GET", url: "/api/server-info", tag: "system", access: "anyone", status: 200,
      summary: "The base URL phones should use (LAN address or PUBLIC_URL), for join screens and ballot cards.",
      response: ServerInfo,
      handler: () => ({ publicUrl: s.settings.publicUrl, version }),
    }),
    defineRoute({
      method: "GET", url: "/api/time", tag: "system", access: "anyone", status: 200,
      summary: "The server's clock (ISO time): countdowns (Area.closesAt) follow it, not the device's, which may be minutes off.",
      response: TimeReply,
      handler: () => ({ now: s.ctx.now() }),
    }),
    defineRoute({
      method: "GET", url: "/openapi.json", tag: "system", access: "anyone", status: 200,
      summary: "This document.",
      response: z.record(z.string(), z.unknown()),
      handler: () => openApiDocument(registry, version),
    }),
  ];
}
