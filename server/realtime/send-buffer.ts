// A socket that stops reading (a phone whose radio is asleep, or a hostile client on the venue
// Wi-Fi) makes the server hold every packet meant for it. Bounded here: a sweep drops sockets whose
// unsent bytes pass a bound; a real phone reconnects and is sent the current state at once
// (realtime.ts), so nothing is lost but a backlog of stale snapshots.
import type { Socket } from "socket.io";

/** Unsent bytes a socket may hold: about 50 full-length event snapshots, far past any live backlog. */
export const SEND_BUFFER_BYTES = 1024 * 1024;
/** Packets queued in engine.io before the transport (a long-polling client that stopped polling). */
export const SEND_BUFFER_PACKETS = 500;

interface Buffered {
  writeBuffer?: Array<{ data?: unknown }>;
  transport?: { socket?: { bufferedAmount?: number } };
}

/**
 * What the server holds for a socket: bytes the WebSocket has not handed to the kernel, plus the
 * packets engine.io queues while the transport waits for the kernel to take the previous ones
 * (once the kernel's own buffers are full, everything piles up there).
 */
export function backlog(socket: Socket): { bytes: number; packets: number } {
  const conn = socket.conn as unknown as Buffered;
  const queue = conn.writeBuffer ?? [];
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of queue) if (typeof packet.data === "string") bytes += packet.data.length;
  return { bytes, packets: queue.length };
}

export function overBound(socket: Socket, bytes = SEND_BUFFER_BYTES, packets = SEND_BUFFER_PACKETS): boolean {
  const b = backlog(socket);
  return b.bytes > bytes || b.packets > packets;
}

/** Sweeps every socket once per interval; returns a stop function. */
export function watchSendBuffers(sockets: () => Iterable<Socket>, intervalMs: number, onDrop: (socket: Socket) => void): () => void {
  const timer = setInterval(() => {
    for (const socket of sockets()) {
      if (!overBound(socket)) continue;
      onDrop(socket);
      socket.disconnect(true);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
