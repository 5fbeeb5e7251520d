// A phone's Socket.IO connection spoken directly over one WebSocket: the engine.io 4 / Socket.IO 5
// text protocol that socket.io-client speaks with `transports: ["websocket"]` (open packet, CONNECT
// with the handshake's auth, JSON events, ping answered by pong), and nothing the hall's holders do
// not use (no acks, no binary, no namespaces, no reconnection). socket.io-client's managers, timers
// and emitters made the holders, not the server, the busiest processes of a 10,000-socket storm on
// two cores (docs/PERFORMANCE.md): each of these costs a WebSocket and a JSON.parse per message.
// What reaches the server is byte for byte what a phone's client sends.
import WebSocket from "ws";
import type { ServerToClientEvents } from "../../../shared/socket-events";

interface Reserved {
  connect: () => void;
  disconnect: (reason: string) => void;
  connect_error: (err: Error) => void;
}
type Events = ServerToClientEvents & Reserved;
type Name = keyof Events;
type AnyHandler = (...args: never[]) => void;

// engine.io packet types (the first character) and Socket.IO's, after engine.io's "4" (message).
const OPEN = "0";
const CLOSE = "1";
const PING = "2";
const PONG = "3";
const MESSAGE = "4";
const CONNECT = "0";
const DISCONNECT = "1";
const EVENT = "2";
const CONNECT_ERROR = "4";

export interface RawSocketOptions {
  /** Called at each connection, as socket.io-client's `auth` function is. */
  auth: () => object;
  /** Without the server's CONNECT answer by then, the attempt fails with connect_error. */
  timeoutMs: number;
}

export class RawSocket {
  connected = false;
  private ws: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly handlers = new Map<Name, Array<{ fn: AnyHandler; once: boolean }>>();

  constructor(
    private readonly url: string,
    private readonly options: RawSocketOptions,
  ) {}

  on<K extends Name>(name: K, fn: Events[K]): this {
    return this.add(name, fn, false);
  }

  once<K extends Name>(name: K, fn: Events[K]): this {
    return this.add(name, fn, true);
  }

  off<K extends Name>(name: K, fn: Events[K]): this {
    const list = this.handlers.get(name);
    if (list) this.handlers.set(name, list.filter((h) => h.fn !== (fn)));
    return this;
  }

  removeAllListeners(name?: Name): this {
    if (name) this.handlers.delete(name);
    else this.handlers.clear();
    return this;
  }

  /** Opens a new connection (any earlier one is left as it is: see pause()). */
  connect(): this {
    const ws = new WebSocket(this.url, { perMessageDeflate: false });
    this.ws = ws;
    this.timer = setTimeout(() => this.fail(ws, new Error("timeout")), this.options.timeoutMs);
    // Text frames, delivered as one Buffer each (binaryType "nodebuffer").
    ws.on("message", (data: WebSocket.RawData) => this.receive(ws, Buffer.isBuffer(data) ? data.toString() : ""));
    ws.on("error", (err) => this.fail(ws, err));
    ws.on("close", () => {
      if (this.ws !== ws) return;
      if (this.connected) {
        this.connected = false;
        this.emit("disconnect", "transport close");
      } else this.fail(ws, new Error("websocket closed"));
    });
    return this;
  }

  /** The phone leaves: Socket.IO's DISCONNECT, then the WebSocket's close. */
  disconnect(): this {
    const ws = this.ws;
    this.ws = null;
    this.clearTimer();
    if (ws?.readyState === WebSocket.OPEN) ws.send(MESSAGE + DISCONNECT);
    ws?.close();
    if (this.connected) {
      this.connected = false;
      this.emit("disconnect", "io client disconnect");
    }
    return this;
  }

  /** The link went silent: nothing more is read from this connection, nothing is answered. */
  pause(): void {
    // ws keeps the TCP socket in a private field; pausing it stops the reads, as a dead link does.
    const ws = this.ws as unknown as { _socket?: { pause(): void } } | null;
    ws?._socket?.pause();
  }

  private receive(ws: WebSocket, text: string): void {
    if (this.ws !== ws) return;
    const type = text[0];
    if (type === PING) return ws.send(PONG);
    if (type === OPEN) return ws.send(MESSAGE + CONNECT + JSON.stringify(this.options.auth()));
    if (type === CLOSE) return void ws.close();
    if (type !== MESSAGE) return;
    const kind = text[1];
    if (kind === EVENT) {
      const [name, payload] = JSON.parse(text.slice(2)) as [Name, unknown];
      return this.emit(name, payload as never);
    }
    if (kind === CONNECT) {
      this.clearTimer();
      this.connected = true;
      return this.emit("connect");
    }
    if (kind === CONNECT_ERROR) {
      const body = JSON.parse(text.slice(2)) as { message?: string };
      return this.fail(ws, new Error(body.message ?? "refused"));
    }
    if (kind === DISCONNECT) {
      this.connected = false;
      ws.close();
      this.emit("disconnect", "io server disconnect");
    }
  }

  private fail(ws: WebSocket, err: Error): void {
    if (this.ws !== ws || this.connected) return;
    this.ws = null;
    this.clearTimer();
    ws.terminate();
    this.emit("connect_error", err);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private add(name: Name, fn: AnyHandler, once: boolean): this {
    const list = this.handlers.get(name) ?? [];
    list.push({ fn, once });
    this.handlers.set(name, list);
    return this;
  }

  private emit<K extends Name>(name: K, ...args: Parameters<Events[K]>): void {
    const list = this.handlers.get(name);
    if (!list?.length) return;
    const kept = list.filter((h) => !h.once);
    if (kept.length !== list.length) this.handlers.set(name, kept);
    for (const h of list) (h.fn as (...a: Parameters<Events[K]>) => void)(...args);
  }
}
