// Connections that cost the laptop a file descriptor each (issue 11, finding 3): idle and
// trickling ones time out, one address cannot hold more than its cap, and a slow but steady phone
// is not cut off. The timeouts are shortened here (buildApp's `timeouts`); the real values and
// why are in docs/SECURITY.md, "Connections".
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { api, createEvent, join, openVoting, startServer, type TestServer } from "../helpers/app";
import { smallEvent } from "./support";

const servers: TestServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of servers.splice(0)) await s.close();
});

async function serve(options: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(options);
  servers.push(s);
  return s;
}

/** A raw TCP connection; `closed` resolves with the milliseconds it stayed open. */
function open(url: string): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(url);
    const socket = connect(Number(port), "127.0.0.1");
    sockets.push(socket);
    socket.on("error", () => {});
    socket.once("connect", () => {
      const opened = performance.now();
      const closed = new Promise<number>((r) => socket.once("close", () => r(performance.now() - opened)));
      resolve({ socket, closed });
    });
    socket.once("error", reject);
  });
}

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<"open">((r) => setTimeout(() => r("open"), ms))]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SHORT = { idleMs: 400, headersMs: 600, keepAliveMs: 300, requestMs: 5000 };

describe("connection timeouts", () => {
  it("closes a connection that never sends anything", async () => {
    const server = await serve({ timeouts: SHORT });
    const { closed } = await open(server.url);
    const lasted = await within(closed, 5000);
    expect(lasted).not.toBe("open");
    expect(lasted).toBeGreaterThanOrEqual(SHORT.idleMs - 50);
  });

  it("closes a connection that trickles its headers (slowloris) once the header deadline passes", async () => {
    const server = await serve({ timeouts: SHORT });
    const { socket, closed } = await open(server.url);
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    // One header byte every 100 ms: never idle, never finished.
    const drip = setInterval(() => socket.writable && socket.write("X"), 100);
    const lasted = await within(closed, 5000);
    clearInterval(drip);
    expect(lasted).not.toBe("open");
  });

  it("closes a keep-alive connection idle after its answer", async () => {
    const server = await serve({ timeouts: SHORT });
    const { socket, closed } = await open(server.url);
    let text = "";
    socket.on("data", (d: Buffer) => (text += d.toString()));
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const lasted = await within(closed, 5000);
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(lasted).not.toBe("open");
  });

  it("keeps a slow but steady upload (a phone at a few KB/s) going past the idle timeout", async () => {
    const server = await serve({ timeouts: SHORT });
    const created = await createEvent(server.url, smallEvent());
    await openVoting(server.url, created.code, created.adminToken);
    const token = await join(server.url, created.code);
    const area = created.event.areas[0];
    const body = JSON.stringify({ proposalIds: [area?.proposals[0]?.id] });
    const { socket, closed } = await open(server.url);
    let text = "";
    socket.on("data", (d: Buffer) => (text += d.toString()));
    socket.write(`PUT /api/events/${created.code}/ballot/${area?.id} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    // 1.5 s for the body, a piece every 150 ms: longer than idleMs in all, never idle that long.
    const pieces = 10;
    const size = Math.ceil(body.length / pieces);
    for (let i = 0; i < pieces; i++) {
      await sleep(150);
      socket.write(body.slice(i * size, (i + 1) * size));
    }
    await within(closed, 3000);
    expect(text).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe("connections per address", () => {
  it("refuses connections beyond the cap at once, and accepts again when some close", async () => {
    const server = await serve({ maxConnectionsPerIp: 20 });
    const held = await Promise.all(Array.from({ length: 20 }, () => open(server.url)));
    const extra = await Promise.all(Array.from({ length: 5 }, () => open(server.url)));
    for (const e of extra) expect(await within(e.closed, 2000)).not.toBe("open");
    // The 20 within the cap stay open, and work.
    for (const h of held) expect(await within(h.closed, 100)).toBe("open");
    const first = held[0];
    let text = "";
    first?.socket.on("data", (d: Buffer) => (text += d.toString()));
    first?.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    await sleep(300);
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    // Closing some makes room.
    for (const h of held.slice(0, 5)) h.socket.destroy();
    await sleep(100);
    const again = await api(server.url, "GET", "/healthz");
    expect(again.status).toBe(200);
  });
});
