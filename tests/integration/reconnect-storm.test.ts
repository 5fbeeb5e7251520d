// What a hall reconnecting at once needs from the server's sockets (issue 16, "reconnect storms"):
// the kernel may queue a whole hall's new connections while the event loop is busy, instead of
// dropping them into TCP's retransmission waits (1 s, 3 s, 7 s…); and a WebSocket's opening leaves
// in as few system calls as the protocol allows.
import type { Socket } from "node:net";
import { connect } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io } from "socket.io-client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SOCKET_PATH } from "../../shared/socket-events";
import { createEvent, startServer, type TestServer } from "../helpers/app";
import { killAll, launch } from "../helpers/process";
import { smallEvent } from "./support";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
afterAll(() => killAll());

/** The system calls that put bytes on a TCP connection (libuv's stream writes). */
const WRITES = ["writev", "writeBuffer", "writeUtf8String", "writeLatin1String", "writeAsciiString", "writeUcs2String"] as const;

describe("a reconnect storm", () => {
  it("sends a WebSocket's 101 answer and engine.io's open packet in one write", async () => {
    const server = await startServer();
    servers.push(server);
    const { event } = await createEvent(server.url, smallEvent());
    const writes: string[][] = [];
    // Observes (never changes) the writes of the server's end of each upgraded connection.
    server.app.server.prependListener("upgrade", (_req, socket: Socket) => {
      const chunks: string[] = [];
      writes.push(chunks);
      const handle = (socket as unknown as { _handle: Record<string, (...args: unknown[]) => unknown> })._handle;
      for (const name of WRITES) {
        const original = handle[name];
        if (typeof original !== "function") continue;
        handle[name] = function (this: unknown, ...args: unknown[]) {
          const data = args[1];
          chunks.push(Array.isArray(data) ? data.map(String).join("") : String(data));
          return original.apply(this, args);
        };
      }
    });
    const client = io(server.url, { path: SOCKET_PATH, transports: ["websocket"], auth: { code: event.code }, forceNew: true, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => {
        client.once("event", () => resolve());
        client.once("connect_error", reject);
      });
      expect(writes).toHaveLength(1);
      const first = writes[0]?.[0] ?? "";
      expect(first).toContain("HTTP/1.1 101 Switching Protocols");
      expect(first).toContain('0{"sid":');
    } finally {
      client.close();
    }
  });

  it("lets the kernel hold more than Node's default 511 connections while the server cannot accept", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "plenary-backlog-"));
    const server = await launch(dataDir);
    const sockets: Socket[] = [];
    try {
      // A stopped process accepts nothing: every connection that completes now was queued by the
      // kernel within the backlog. Past it, the SYN is dropped — and dropped again at each of TCP's
      // retransmissions while the process stays stopped — so the wait below is generous, not tight.
      server.child.kill("SIGSTOP");
      const opened = await Promise.all(
        Array.from({ length: 1500 }, () =>
          new Promise<boolean>((resolve) => {
            const socket = connect(server.port, "127.0.0.1");
            sockets.push(socket);
            const timer = setTimeout(() => resolve(false), 4000);
            socket.once("connect", () => {
              clearTimeout(timer);
              resolve(true);
            });
            socket.once("error", () => resolve(false));
          }),
        ),
      );
      expect(opened.filter(Boolean).length).toBe(1500);
    } finally {
      server.child.kill("SIGCONT");
      for (const s of sockets) s.destroy();
      server.child.kill("SIGTERM");
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
