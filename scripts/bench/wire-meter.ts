// What a page costs on the wire, as Chromium itself counts it (DevTools protocol): per response the
// encoded bytes received (headers and body as they crossed the network, compressed or not), and the
// WebSocket frames both ways. Used by the wire-weight test and the benchmark's slow-phone scenario.
import type { CDPSession, Page } from "playwright-core";

export interface WireResponse {
  url: string;
  method: string;
  status: number;
  encoding: string;
  /** Who asked for it: "parser" (the HTML), "script", "preload", … (DevTools initiator type). */
  initiator: string;
  /** Encoded bytes received for this response (headers + body), final once it finished. */
  bytes: number;
  finished: boolean;
  /** DevTools resource type: "Document", "Script", "Fetch", "XHR", … */
  type: string;
  /** Milliseconds since the meter started: request sent, headers in, last byte (or latest so far). */
  sentAt: number;
  firstByteAt: number;
  doneAt: number;
}

export interface WireMeter {
  cdp: CDPSession;
  responses(): WireResponse[];
  /** WebSocket payload bytes received and sent (frames over the upgraded socket.io connection). */
  webSocket(): { received: number; sent: number; frames: number };
  /** Everything received: responses plus WebSocket frames. */
  totalReceived(): number;
  /** Bytes the page sent in request bodies are not counted: the budget is what a phone downloads. */
  table(): string;
}

interface Pending extends WireResponse {
  seen: boolean;
}

export async function meterPage(page: Page): Promise<WireMeter> {
  const cdp = await page.context().newCDPSession(page);
  const started = Date.now();
  const byId = new Map<string, Pending>();
  const ws = { received: 0, sent: 0, frames: 0 };
  const entry = (id: string): Pending => {
    let r = byId.get(id);
    if (!r) {
      r = { url: "", method: "", status: 0, encoding: "", initiator: "", type: "", bytes: 0, finished: false, seen: false, sentAt: Date.now() - started, firstByteAt: 0, doneAt: 0 };
      byId.set(id, r);
    }
    return r;
  };
  cdp.on("Network.requestWillBeSent", (e) => {
    const r = entry(e.requestId);
    r.url = e.request.url;
    r.method = e.request.method;
    r.initiator = e.initiator.type;
    r.sentAt = Date.now() - started;
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = entry(e.requestId);
    r.url = e.response.url;
    r.status = e.response.status;
    r.type = e.type;
    r.firstByteAt = Date.now() - started;
    r.seen = true;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    r.encoding = headers["content-encoding"] ?? "";
  });
  // Running total while a response is still arriving (a long poll), replaced by the final count.
  cdp.on("Network.dataReceived", (e) => {
    const r = entry(e.requestId);
    if (!r.finished) r.bytes += e.encodedDataLength;
    r.doneAt = Date.now() - started;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = entry(e.requestId);
    r.bytes = e.encodedDataLength;
    r.finished = true;
    r.doneAt = Date.now() - started;
  });
  cdp.on("Network.webSocketFrameReceived", (e) => {
    ws.received += Buffer.byteLength(e.response.payloadData);
    ws.frames += 1;
  });
  cdp.on("Network.webSocketFrameSent", (e) => {
    ws.sent += Buffer.byteLength(e.response.payloadData);
    ws.frames += 1;
  });
  await cdp.send("Network.enable");
  // The phone's first visit: nothing cached.
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

  const responses = () => [...byId.values()].filter((r) => r.url.startsWith("http")).map(({ seen: _seen, ...r }) => r);
  const totalReceived = () => responses().reduce((a, r) => a + r.bytes, 0) + ws.received;
  return {
    cdp,
    responses,
    webSocket: () => ({ ...ws }),
    totalReceived,
    table() {
      const rows = responses().map((r) => {
        const path = new URL(r.url).pathname + (new URL(r.url).search ? "?…" : "");
        return `${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${String(r.status).padStart(3)} ${(r.encoding || "identity").padEnd(8)} ${String(r.sentAt).padStart(6)}→${String(r.doneAt).padEnd(6)} ms ${path}`;
      });
      rows.push(`${(ws.received / 1024).toFixed(1).padStart(7)} KB  WebSocket frames received (${ws.frames} frames both ways)`);
      rows.push(`${(totalReceived() / 1024).toFixed(1).padStart(7)} KB  total received`);
      return rows.join("\n");
    },
  };
}
