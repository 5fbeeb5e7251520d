// A WebSocket's opening costs the server one write per message: the HTTP 101 answer, then
// engine.io's `open` packet. Each write is a system call and wakes the phone's side; when a hall of
// 10,000 reconnects at once on a busy laptop, the woken processes take the server's core as often
// (docs/PERFORMANCE.md, the venue network). Corking the connection from the 101 until the end of
// that loop turn sends both in one write. (The `headers` event is engine.io's public hook, fired
// just before the 101 is written; the open packet follows in the same turn, after a microtask.)
import type { IncomingMessage } from "node:http";
import type { Server } from "socket.io";

export function corkHandshakes(io: Server): void {
  io.engine.on("headers", (_headers: Record<string, string>, req: IncomingMessage) => {
    // Long-polling answers are HTTP responses of their own; only an upgrade owns its socket.
    if (req.headers.upgrade?.toLowerCase() !== "websocket") return;
    const socket = req.socket;
    socket.cork();
    // setImmediate, not nextTick: the open packet is written after engine.io awaits its id.
    setImmediate(() => socket.uncork());
  });
}
