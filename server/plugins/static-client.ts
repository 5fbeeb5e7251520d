// Serves the built client (dist/client): hashed assets cached for good, pages never cached.
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { existsSync } from "node:fs";
import { join } from "node:path";

export async function installClient(app: FastifyInstance, dir: string): Promise<((request: FastifyRequest, reply: FastifyReply) => unknown) | null> {
  if (!existsSync(join(dir, "index.html"))) {
    app.log.warn({ dir }, "client build not found: run `npm run build`");
    return null;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    wildcard: true,
    index: false,
    // Headers are set below per file kind; the plugin's own default would override them.
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  app.get("/", (_request, reply) => reply.header("cache-control", "no-cache").sendFile("index.html"));
  return (_request, reply) => reply.header("cache-control", "no-cache").sendFile("index.html");
}
