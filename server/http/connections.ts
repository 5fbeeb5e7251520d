// The TCP connections of the HTTP server: a cap per address (one device must not use up the
// laptop's file descriptors, issue 11 finding 3), and which connections are idle, so a shutdown
// closes those at once without cutting one whose request is being answered.
import type { Server } from "node:http";
import type { Socket } from "node:net";

export interface Connections {
  /** Open connections from this address. */
  count(address: string): number;
  /**
   * Destroys connections with no request being answered. `fresh`: also those that have not sent a
   * request yet (their first request may already be on its way, so a shutdown waits a moment first).
   */
  closeIdle(fresh: boolean): void;
  /** Milliseconds since a connection was last accepted. */
  sinceLastAccept(): number;
  /** Connections accepted that have not sent a complete request head yet. */
  waitingForRequest(): number;
}

interface State {
  served: boolean;
  active: number;
}

export function watchConnections(server: Server, maxPerAddress: number): Connections {
  const perAddress = new Map<string, number>();
  const sockets = new Map<Socket, State>();
  let lastAccept = -Infinity;
  server.on("connection", (socket: Socket) => {
    lastAccept = performance.now();
    const address = socket.remoteAddress ?? "";
    const open = (perAddress.get(address) ?? 0) + 1;
    if (open > maxPerAddress) {
      // Refused before anything is read: costs one accept and one close.
      socket.destroy();
      return;
    }
    perAddress.set(address, open);
    sockets.set(socket, { served: false, active: 0 });
    socket.once("close", () => {
      sockets.delete(socket);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });
  server.on("request", (request, response) => {
    const state = sockets.get(request.socket);
    if (!state) return;
    state.served = true;
    state.active += 1;
    response.once("close", () => (state.active -= 1));
  });
  // Socket.IO's WebSockets leave HTTP here: not idle, the realtime layer closes them.
  server.on("upgrade", (request) => {
    const state = sockets.get(request.socket);
    if (state) state.active += 1;
  });
  return {
    count: (address) => perAddress.get(address) ?? 0,
    sinceLastAccept: () => performance.now() - lastAccept,
    waitingForRequest: () => {
      let n = 0;
      for (const state of sockets.values()) if (!state.served && state.active === 0) n++;
      return n;
    },
    closeIdle(fresh) {
      for (const [socket, state] of sockets) if (state.active === 0 && (state.served || fresh)) socket.destroy();
    },
  };
}
