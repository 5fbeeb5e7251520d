// A lean HTTP/1.1 keep-alive client for load generation. Node's http.request costs tens of
// microseconds per call, which on a 2-core machine would take CPU from the server under test; this
// writes the request bytes itself and reads back only the status and a Content-Length body.
import { connect, type Socket } from "node:net";

export interface HttpReply {
  status: number;
  /** The raw header block, lower-case names as the server wrote them. */
  head: string;
  body: string;
}

/** One header's value from a raw header block. */
export function header(reply: HttpReply, name: string): string | null {
  const m = new RegExp(`\r\n${name}:\s*([^\r]*)`, "i").exec(reply.head);
  return m?.[1] ?? null;
}

interface Pending {
  head: string;
  body: string;
  resolve: (reply: HttpReply) => void;
  reject: (err: Error) => void;
}

const HEADER_END = Buffer.from("\r\n\r\n");

class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private current: Pending | null = null;
  private readonly socket: Socket;
  private failed = false;
  closed = false;

  constructor(host: string, port: number, private readonly onIdle: (c: Connection) => void, private readonly onClose: (c: Connection) => void) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on("data", (chunk: Buffer) => this.read(chunk));
    this.socket.on("error", (err) => this.fail(err));
    this.socket.on("close", () => this.fail(new Error("connection closed")));
  }

  get busy(): boolean {
    return this.current !== null;
  }

  send(p: Pending): void {
    this.current = p;
    this.socket.write(p.body ? p.head + p.body : p.head);
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    if (!this.closed) {
      this.closed = true;
      this.socket.destroy();
    }
    const p = this.current;
    this.current = null;
    p?.reject(err);
    this.onClose(this);
  }

  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) return;
      const head = this.buffer.toString("latin1", 0, end);
      const status = Number.parseInt(head.slice(9, 12), 10);
      const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!m && /\r\ntransfer-encoding:\s*chunked/i.test(head)) return this.fail(new Error("chunked replies are not supported by the bench client"));
      const length = m ? Number.parseInt(m[1] ?? "0", 10) : 0;
      const total = end + 4 + length;
      if (this.buffer.length < total) return;
      const body = this.buffer.toString("utf8", end + 4, total);
      this.buffer = this.buffer.subarray(total);
      const p = this.current;
      this.current = null;
      p?.resolve({ status, head, body });
      this.onIdle(this);
    }
  }
}

/**
 * Up to `size` connections, one request in flight on each; further requests wait in a FIFO queue
 * (that wait counts in the caller's latency, as it would for a real client).
 */
export class HttpPool {
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly queue: Pending[] = [];
  private readonly hostHeader: string;

  constructor(private readonly host: string, private readonly port: number, private readonly size: number) {
    this.hostHeader = `${host}:${port}`;
  }

  request(method: string, path: string, opts: { token?: string; json?: unknown } = {}): Promise<HttpReply> {
    const body = opts.json === undefined ? "" : JSON.stringify(opts.json);
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.hostHeader}\r\n`;
    if (opts.token) head += `authorization: Bearer ${opts.token}\r\n`;
    if (body) head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    head += "\r\n";
    return new Promise((resolve, reject) => {
      this.dispatch({ head, body, resolve, reject });
    });
  }

  /** Requests waiting for a free connection. */
  get queued(): number {
    return this.queue.length;
  }

  close(): void {
    for (const c of this.all) c.close();
    this.all.clear();
    this.idle.length = 0;
    for (const p of this.queue.splice(0)) p.reject(new Error("pool closed"));
  }

  private dispatch(p: Pending): void {
    let c = this.idle.pop();
    while (c && c.closed) c = this.idle.pop();
    if (!c && this.all.size < this.size) {
      c = new Connection(this.host, this.port, (conn) => this.released(conn), (conn) => this.dropped(conn));
      this.all.add(c);
    }
    if (c) c.send(p);
    else this.queue.push(p);
  }

  private released(c: Connection): void {
    const next = this.queue.shift();
    if (next) c.send(next);
    else this.idle.push(c);
  }

  private dropped(c: Connection): void {
    this.all.delete(c);
    // A dropped connection's place is taken by a new one if requests are waiting.
    const next = this.queue.shift();
    if (next) this.dispatch(next);
  }
}
