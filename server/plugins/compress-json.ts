// Compresses the larger JSON answers to GET requests (the event a phone loads first is ~11 KB raw,
// ~3 KB gzipped): on venue Wi-Fi every byte waits its turn. Kept cheap and safe:
// - GET only: the answers that carry fresh secrets (join, create event, invites) answer POSTs, so
//   a secret is never compressed together with text someone else chose (no BREACH-style oracle);
// - only bodies of at least 1 KB, at a fast setting (gzip 6, brotli 4);
// - thousands of phones read the same event: the last few bodies are kept compressed, so a
//   hall's joins compress each version once instead of once per phone.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const MIN_BYTES = 1024;
const CACHE_ENTRIES = 16;
// Larger bodies (a huge programme, an export) are compressed each time rather than held.
const MAX_CACHED_BYTES = 256 * 1024;
type Coding = "br" | "gzip";

/** br if accepted, else gzip if accepted, else none; q=0 refuses ("gzip;q=0"). */
export function pickEncoding(acceptEncoding: string | undefined): Coding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (c: string) => (accepted.get(c) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

function compress(coding: Coding, body: string): Buffer {
  return coding === "br"
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body) } })
    : gzipSync(body, { level: 6 });
}

export function installJsonCompression(app: FastifyInstance): void {
  // Insertion order is age: the oldest entry goes first when full.
  const cache = new Map<string, Buffer>();
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" || typeof payload !== "string" || payload.length < MIN_BYTES) return payload;
    const type = reply.getHeader("content-type");
    if (typeof type !== "string" || !type.startsWith("application/json") || reply.getHeader("content-encoding")) return payload;
    reply.header("vary", "accept-encoding");
    const coding = pickEncoding(request.headers["accept-encoding"]);
    if (!coding) return payload;
    const key = `${coding}\u0000${payload}`;
    let body = cache.get(key);
    if (body) {
      cache.delete(key);
    } else {
      body = compress(coding, payload);
      if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    }
    if (payload.length <= MAX_CACHED_BYTES) cache.set(key, body);
    reply.header("content-encoding", coding);
    reply.removeHeader("content-length");
    return body;
  });
}

export const jsonCompressionPlugin = fp(async (app) => installJsonCompression(app), { name: "json-compression", fastify: "5.x" });
