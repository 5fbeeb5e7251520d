// The OpenAPI document, generated from the same zod schemas and route declarations that validate
// requests: it cannot drift from what the server does.
import * as z from "zod/mini";
import { ERROR_STATUS } from "../../shared/errors";
import { ErrorReply } from "../../shared/schemas";
import type { RegisteredRoute } from "./route";

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodMiniType, io: "input" | "output"): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  delete json.$schema;
  return json;
}

function parameters(route: RegisteredRoute): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [["path", route.params], ["query", route.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

/** Exports answer as a file in the format asked for; everything else is JSON. */
function contentTypes(route: RegisteredRoute): string[] {
  return route.url.endsWith("/export") ? ["text/csv", "application/json", "text/markdown"] : ["application/json"];
}

export function openApiDocument(routes: readonly RegisteredRoute[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
    const responses: Record<string, Json> = {
      [String(route.status)]: route.response
        ? { description: "Success", content: Object.fromEntries(contentTypes(route).map((type) => [type, { schema: schemaOf(route.response as z.ZodMiniType, "output") }])) }
        : { description: "Success, no body" },
    };
    for (const code of route.errors) {
      const status = String(ERROR_STATUS[code]);
      const existing = responses[status] as { description?: string } | undefined;
      responses[status] = {
        description: existing?.description ? `${existing.description}, ${code}` : code,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      security: route.access === "anyone" ? [] : [{ bearer: [] }],
      parameters: parameters(route),
      ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(route.body, "input") } } } } : {}),
      responses,
      // Every code this operation can answer with (tests/integration/route-errors.test.ts holds it to that).
      "x-error-codes": route.errors,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Plenary API",
      version,
      description: "Prioritisation votes for live meetings. Socket.IO at /socket.io with auth { code, token? } pushes `event`, `results` and `ballot`.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "adminToken, screenKey or participantToken" } },
      schemas: { Error: schemaOf(ErrorReply, "output") },
    },
    paths,
  };
}
