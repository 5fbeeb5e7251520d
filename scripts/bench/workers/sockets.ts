// Holds a share of the room's participant sockets (socket.io-client, WebSocket transport only, as a
// phone on a good network), each authenticated with its own participant token, and counts what
// they receive. Several of these run side by side when one process cannot hold the whole hall.
import { io, type Socket } from "socket.io-client";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "../../../shared/socket-events";
import { serveWorker } from "../rpc";
import type { SocketCounts, SocketsApi } from "./protocol";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const sockets: Client[] = [];
const counts: SocketCounts = { connected: 0, ballot: 0, results: 0, event: 0, disconnects: 0, connectErrors: 0, firstError: null };

function open(port: number, code: string, token: string): Promise<void> {
  return new Promise((resolve) => {
    const socket: Client = io(`http://127.0.0.1:${port}`, {
      path: SOCKET_PATH,
      transports: ["websocket"],
      auth: { code, token },
      // One connection per phone: no shared manager, and a drop stays a drop (counted) instead of
      // being papered over by a reconnect.
      forceNew: true,
      reconnection: false,
      timeout: 30_000,
    });
    sockets.push(socket);
    socket.on("results", () => void (counts.results += 1));
    socket.on("ballot", () => void (counts.ballot += 1));
    socket.on("event", () => void (counts.event += 1));
    socket.once("connect", () => {
      counts.connected += 1;
      socket.on("disconnect", (reason) => {
        counts.connected -= 1;
        counts.disconnects += 1;
        counts.firstError ??= `disconnect: ${reason}`;
      });
      resolve();
    });
    socket.once("connect_error", (err) => {
      counts.connectErrors += 1;
      counts.firstError ??= `connect_error: ${err.message}`;
      resolve();
    });
  });
}

async function connect({ port, code, tokens, concurrency }: { port: number; code: string; tokens: string[]; concurrency: number }) {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tokens.length) }, async () => {
      while (next < tokens.length) {
        const token = tokens[next++];
        if (token) await open(port, code, token);
      }
    }),
  );
  return { ...counts, ms: Math.round(performance.now() - started) };
}

async function close(): Promise<void> {
  for (const s of sockets.splice(0)) {
    s.removeAllListeners("disconnect");
    s.close();
  }
}

serveWorker<SocketsApi>({ connect, counts: () => Promise.resolve({ ...counts }), close }, close);
