// Health, the OpenAPI document and the address phones should use.
import * as z from "zod/mini";
import { HealthReply, ServerInfo } from "../../shared/schemas";
import { defineRoute, type RegisteredRoute } from "../http/route";
import { openApiDocument } from "../http/openapi";
import type { Services } from "../services/app-services";

export function systemRoutes(s: Services, registry: readonly RegisteredRoute[], version: string) {
  return [
    defineRoute({
      method: "GET", url: "/healthz", tag: "system", access: "anyone", status: 200,
      summary: "200 once the database is open and answers.",
      response: HealthReply,
      handler: () => {
        s.ctx.db.prepare("SELECT 1").get();
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: "GET", url: "/api/server-info", tag: "system", access: "anyone", status: 200,
      summary: "The base URL phones should use (LAN address or PUBLIC_URL), for join screens and ballot cards.",
      response: ServerInfo,
      handler: () => ({ publicUrl: s.settings.publicUrl, version }),
    }),
    defineRoute({
      method: "GET", url: "/openapi.json", tag: "system", access: "anyone", status: 200,
      summary: "This document.",
      response: z.record(z.string(), z.unknown()),
      handler: () => openApiDocument(registry, version),
    }),
  ];
}
