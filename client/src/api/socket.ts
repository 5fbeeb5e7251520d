// Typed Socket.IO client: the event map comes from shared/, so no event name is a loose string.
import { io, type Socket } from "socket.io-client";
import type { SocketAuth } from "../../../shared/schemas";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "../../../shared/socket-events";

export type PlenarySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  /** false: no results snapshots (docs/API.md, handshake). Default: the server's (true). */
  results?: boolean;
  /** The event version held now, read at every (re)connection: an unchanged event is not resent. */
  since?: () => string | null;
}

export function connectEvent(code: string, token?: string | null, options: ConnectOptions = {}): PlenarySocket {
  const auth = (): SocketAuth => {
    const since = options.since?.() ?? null;
    return {
      code,
      ...(token ? { token } : {}),
      ...(options.results === undefined ? {} : { results: options.results }),
      ...(since ? { since } : {}),
    };
  };
  const socket: PlenarySocket = io({
    path: SOCKET_PATH,
    // A function: Socket.IO calls it again at each reconnection, so `since` is always current.
    auth: (cb) => cb(auth()),
    // Polling first survives captive portals and proxies that break WebSockets on venue Wi-Fi.
    transports: ["polling", "websocket"],
    // …but a reconnection after a WebSocket worked on this page opens a WebSocket at once: one
    // upgrade request instead of a polling handshake, its polls and then the upgrade (on a 400 ms
    // link, welcomed ~0.4 s sooner), and a hall coming back after a Wi-Fi drop costs the server no
    // polling requests. If that WebSocket fails, engine.io forgets the success and the next
    // attempt polls first again.
    rememberUpgrade: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  // Socket.IO does not reconnect by itself after the server ends a connection (a restart of the
  // laptop's server says goodbye first); a projector or phone must come back without a reload.
  socket.on("disconnect", (reason) => {
    if (reason === "io server disconnect") setTimeout(() => socket.connect(), 1000);
  });
  return socket;
}
