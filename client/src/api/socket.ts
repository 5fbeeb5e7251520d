// Typed Socket.IO client: the event map comes from shared/, so no event name is a loose string.
import { io, type Socket } from "socket.io-client";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "../../../shared/socket-events";

export type PlenarySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectEvent(code: string, token?: string | null): PlenarySocket {
  const socket: PlenarySocket = io({
    path: SOCKET_PATH,
    auth: token ? { code, token } : { code },
    // Polling first survives captive portals and proxies that break WebSockets on venue Wi-Fi.
    transports: ["polling", "websocket"],
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
