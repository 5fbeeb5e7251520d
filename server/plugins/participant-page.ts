// The participant page's HTML (/e/CODE) with the event inside it, so a phone on a poor link needs
// no GET before it can show the ballot: one round trip less (~0.4 s at the venue's worst). The data
// is a `<script type="application/json">` block, which browsers never execute: the CSP (no inline
// scripts) still holds. `<` is escaped as \u003c, so no proposal text can end the block.
// Failed look-ups spend the same guessing budget as GET /api/events/:code: whether the page
// carries an event tells the same as that GET, so it must cost the same.
import type { FastifyReply, FastifyRequest } from "fastify";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { EventCodeParam } from "../../shared/schemas";
import { eventVersion } from "../realtime/event-version";
import type { Ctx } from "../services/context";
import { eventView, requireEvent } from "../services/event-view";
import { AppError } from "../../shared/errors";
import type { EventRow } from "../repos/events";
import { FailedLookup, underGuessBudget } from "../security/guess-guard";
import { pickEncoding } from "./compress-json";
import type { GuessGuard } from "../security/guess-guard";
import { likelyLanguage, type CatalogPreloads } from "./catalog-preload";

/** The element id the client reads (client/src/pages/participant/embedded.ts). */
export const EVENT_DATA_ID = "plenary-event";
// A hall opens the same version of the same event: each is compressed once per encoding.
const CACHE_ENTRIES = 16;

export interface PageData {
  ctx: Ctx;
  /** Failed look-ups per address; null when rate limits are off. */
  guard: GuessGuard | null;
}

type Coding = "br" | "gzip" | null;

function encode(coding: Coding, html: string): Buffer {
  if (coding === "br") {
    return brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(html) } });
  }
  return coding === "gzip" ? gzipSync(html, { level: 9 }) : Buffer.from(html);
}

/** The block for one event: JSON with every `<` escaped, so `</script>` cannot appear inside. */
export function eventDataBlock(json: string): string {
  return `<script type="application/json" id="${EVENT_DATA_ID}">${json.replace(/</g, "\\u003c")}</script>`;
}

export function participantPageHandler(template: string, data: PageData, preloads: CatalogPreloads = () => "") {
  if (!template.includes("</body>") || !template.includes("</head>")) throw new Error("participant.html has no </head> or </body>");
  const cache = new Map<string, Buffer>();
  const page = (block: string, head: string) => template.replace("</head>", `${head}</head>`).replace("</body>", `${block}\n  </body>`);

  const dataFor = (request: FastifyRequest, rawCode: string): { key: string; html: () => string } => {
    // Through the same door as the API (security/guess-guard.ts): over the guessing budget the page
    // is the plain one, decided before the code is looked up (its GET then answers 429 as before);
    // an unknown or malformed code spends the budget.
    let event: EventRow;
    try {
      event = underGuessBudget(data.guard, data.ctx, { ip: request.ip, code: rawCode, token: null }, () => {
        const parsed = EventCodeParam.safeParse(rawCode);
        if (!parsed.success) throw new FailedLookup("NOT_FOUND", "No event has this code.");
        return requireEvent(data.ctx, parsed.data);
      });
    } catch (err) {
      if (err instanceof AppError) return { key: "", html: () => template };
      throw err;
    }
    const view = eventView(data.ctx, event);
    const version = eventVersion(view);
    const lang = likelyLanguage(request.url.split("?")[1], request.headers["accept-language"], view.language);
    return { key: `${event.code}:${version}:${lang}`, html: () => page(eventDataBlock(JSON.stringify({ event: view, version })), preloads(lang)) };
  };

  return (request: FastifyRequest, reply: FastifyReply, rawCode: string) => {
    const coding = pickEncoding(request.headers["accept-encoding"]);
    const { key, html } = dataFor(request, rawCode);
    const cacheKey = `${coding ?? "identity"}\u0000${key}`;
    let body = cache.get(cacheKey);
    if (body) cache.delete(cacheKey);
    else body = encode(coding, html());
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(cacheKey, body);
    reply.header("content-type", "text/html; charset=utf-8").header("cache-control", "no-cache").header("vary", "accept-encoding, accept-language");
    if (coding) reply.header("content-encoding", coding);
    return reply.send(body);
  };
}
