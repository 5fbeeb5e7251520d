// A Socket.IO message encoded once and written to any number of sockets. A room broadcast already
// works this way inside Socket.IO's adapter (one encoding, one WebSocket frame, written to every
// member); a fresh socket's welcome (event, results) did not: each connect re-encoded ~15 KB of
// JSON for that socket alone, ~10,000 times in a reconnect storm. Here the adapter's own steps
// (`_encode`: the packet and its finished WebSocket frame; then `client.writeToEngine`) run once per
// snapshot, and each socket only gets the finished bytes. Both are internals of Socket.IO 4.8 (no
// public API sends pre-encoded bytes to one socket); the integration tests read what a real client
// receives, so a Socket.IO upgrade that changes them fails there, not in a phone.
import type { Server, Socket } from "socket.io";

/** socket.io-parser's EVENT packet type (protocol constant). */
const EVENT = 2;

export interface PreEncoded {
  readonly packets: ReadonlyArray<string | Buffer>;
  readonly opts: Record<string, unknown>;
  /** Characters of the encoded packet (for tests and the bench). */
  readonly length: number;
}

interface AdapterInternals {
  _encode?: (packet: object, opts: Record<string, unknown>) => Array<string | Buffer>;
}
interface EngineWriter {
  writeToEngine(packets: ReadonlyArray<string | Buffer>, opts: Record<string, unknown>): void;
}

/** Returns an encoder of `emit(event, data)` for the default namespace of `io`. */
export function preEncoder(io: Server): (event: string, data: unknown) => PreEncoded {
  const adapter = io.of("/").adapter as unknown as AdapterInternals;
  return (event, data) => {
    const packet = { type: EVENT, data: [event, data], nsp: "/" };
    const opts: Record<string, unknown> = { preEncoded: true };
    // The adapter's _encode also builds the WebSocket frame once; without it, the parser alone.
    const packets = adapter._encode ? adapter._encode(packet, opts) : (io.encoder.encode(packet) as Array<string | Buffer>);
    return { packets, opts, length: packets.reduce((n, p) => n + p.length, 0) };
  };
}

/** Writes a pre-encoded message to one socket (what the adapter does for each member of a room). */
export function sendPreEncoded(socket: Socket, message: PreEncoded): void {
  if (socket.disconnected) return;
  (socket.client as unknown as EngineWriter).writeToEngine(message.packets, message.opts);
}
