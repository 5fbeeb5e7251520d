// Serves the built client (dist/client): hashed assets cached for good, pages never cached. Every
// file was compressed at build time (client/build-wire.ts) as FILE.br and FILE.gz; the plugin sends
// the one the browser accepts (br preferred, then gzip, else the file itself) with the original
// file's content-type and the compressed file's length. A phone on venue Wi-Fi pays for every byte.
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { participantPageHandler, type PageData } from "./participant-page";
import { catalogPreloads } from "./catalog-preload";

const IMMUTABLE = "public, max-age=31536000, immutable";
// Revalidated on every load (ETag): a page always names the current build's assets.
const PAGE = "no-cache";
// The participant page (/e/CODE, as in client/src/routes.ts): its HTML preloads the page's chunks
// and, given the data (participant-page.ts), carries the event itself.
// Any other page gets index.html; a route missed here only loses the preload, never the page.
const PARTICIPANT_PATH = /^\/e\/([A-Za-z0-9-]{1,16})\/?$/;

export async function installClient(
  app: FastifyInstance,
  dir: string,
  data: PageData | null = null,
): Promise<((request: FastifyRequest, reply: FastifyReply) => unknown) | null> {
  if (!existsSync(join(dir, "index.html"))) {
    app.log.warn({ dir }, "client build not found: run `npm run build`");
    return null;
  }
  const participantHtml = existsSync(join(dir, "participant.html")) ? "participant.html" : "index.html";
  await app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    wildcard: true,
    index: false,
    preCompressed: true,
    // The build's .vite/manifest.json is for the build and its tests, not for browsers.
    dotfiles: "ignore",
    // Headers are set below per file kind; the plugin's own default would override them.
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader("cache-control", path.includes("/assets/") ? IMMUTABLE : PAGE);
      // The plugin picks the body by accept-encoding but does not say so to caches.
      res.setHeader("vary", "accept-encoding");
    },
  });
  const page = (file: string) => (_request: FastifyRequest, reply: FastifyReply) => reply.header("cache-control", PAGE).sendFile(file);
  app.get("/", page("index.html"));
  const index = page("index.html");
  const withEvent = data ? participantPageHandler(readFileSync(join(dir, participantHtml), "utf8"), data, catalogPreloads(dir)) : null;
  const participant = page(participantHtml);
  return (request, reply) => {
    const m = PARTICIPANT_PATH.exec(request.url.split("?")[0] ?? "");
    if (!m) return index(request, reply);
    return withEvent ? withEvent(request, reply, m[1] ?? "") : participant(request, reply);
  };
}
