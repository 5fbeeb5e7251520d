// Holds a share of the room's participant sockets (Socket.IO over WebSocket, as a phone on a good
// network speaks it, through the lean client of raw-socket.ts), each authenticated with its own
// participant token, and counts what they receive. Several of these run side by side when one
// process cannot hold the whole hall.
// A socket either wants the room's results (a phone showing them) or connects as a phone that is
// still voting does (useLiveBallot.ts: `results: false`, `since` the event version it holds), whose
// welcome is its ballot alone — what most of a hall sends when it reconnects mid-vote.
import { SOCKET_PATH } from "../../../shared/socket-events";
import { serveWorker } from "../rpc";
import type { StormDrop } from "../options";
import type { SocketCounts, SocketsApi } from "./protocol";
import { RawSocket } from "./raw-socket";

const sockets: RawSocket[] = [];
/** Per socket: the seq of the last results snapshot it received (-1: none yet). */
const lastSeq: number[] = [];
/** Per socket: set when it has had its welcome (event, results, ballot) after the storm's reconnect. */
const welcomed: boolean[] = [];
/** Per socket: whether it asked for results, and the event version it holds (its next `since`). */
const wants: boolean[] = [];
const versions: Array<string | null> = [];
/** While the storm drops the sockets on purpose, their disconnects are not failures. */
let storming = false;
let stormRetries = 0;
let stormFirstError: string | null = null;
const counts: SocketCounts = { connected: 0, ballot: 0, results: 0, event: 0, disconnects: 0, connectErrors: 0, firstError: null };

/** Where each socket connects, kept so a silent storm can open a phone's new connection. */
const targets: Array<{ port: number; code: string; token: string }> = [];
/** A silent storm's old connections: open on the server until its ping timeout, never read again. */
const silenced: RawSocket[] = [];

/** Opens socket `index` (a new one, or a phone's next connection after a silent drop). */
function open(port: number, code: string, token: string, results: boolean, index = sockets.length, autoConnect = true): Promise<void> {
  return new Promise((resolve) => {
    targets[index] = { port, code, token };
    // One connection per phone, and a drop stays a drop (counted): the client never reconnects by itself.
    const socket = new RawSocket(`ws://127.0.0.1:${port}${SOCKET_PATH}/?EIO=4&transport=websocket`, {
      // Called again at each (re)connection, so `since` is the version last received.
      auth: () => {
        const since = versions[index];
        return results ? { code, token } : { code, token, results: false, ...(since ? { since } : {}) };
      },
      timeoutMs: 30_000,
    });
    if (autoConnect) socket.connect();
    const fresh = sockets[index] === undefined;
    sockets[index] = socket;
    welcomed[index] = false;
    wants[index] = results;
    // A phone's next connection keeps what the phone held (its `since`, its last snapshot).
    if (fresh) {
      lastSeq[index] = -1;
      versions[index] = null;
    }
    socket.on("results", (r) => {
      counts.results += 1;
      lastSeq[index] = r.seq;
    });
    // The ballot is the last of the three welcome messages (realtime.ts: event, results, ballot).
    socket.on("ballot", () => {
      counts.ballot += 1;
      if (storming) welcomed[index] = true;
    });
    socket.on("event", (e) => {
      counts.event += 1;
      versions[index] = e.version ?? null;
    });
    socket.once("connect", () => {
      counts.connected += 1;
      socket.on("disconnect", (reason) => {
        counts.connected -= 1;
        if (storming) return;
        counts.disconnects += 1;
        counts.firstError ??= `disconnect: ${reason}`;
      });
      resolve();
    });
    socket.once("connect_error", (err) => {
      // In a storm a refused attempt is retried and counted there (storm()).
      if (storming) return resolve();
      counts.connectErrors += 1;
      counts.firstError ??= `connect_error: ${err.message}`;
      resolve();
    });
  });
}

async function connect({ port, code, tokens, concurrency, resultsShare = 1 }: { port: number; code: string; tokens: string[]; concurrency: number; resultsShare?: number }) {
  const started = performance.now();
  let next = 0;
  // Spread evenly (every k-th socket wants results), not at random: the same hall at every run.
  const every = resultsShare > 0 ? Math.round(1 / resultsShare) : Infinity;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tokens.length) }, async () => {
      while (next < tokens.length) {
        const i = next++;
        const token = tokens[i];
        if (token) await open(port, code, token, i % every === 0);
      }
    }),
  );
  return { ...counts, ms: Math.round(performance.now() - started) };
}

/**
 * The venue's access point restarts: every socket is dropped at the same moment, and each comes back
 * after the phone's own first reconnection delay (client/src/api/socket.ts: 500 ms, Socket.IO's
 * randomisation ±50%, so 250–750 ms). Resolves when every socket is connected again and has had its
 * welcome; times are from the drop.
 */
async function storm({ jitterMs, timeoutMs, drop }: { jitterMs: [number, number]; timeoutMs: number; drop: StormDrop }) {
  storming = true;
  welcomed.fill(false);
  const started = performance.now();
  // This process's own CPU over the storm: near a full core, the figure is the load generator's.
  const cpuAtStart = process.cpuUsage();
  const delay = () => jitterMs[0] + Math.random() * (jitterMs[1] - jitterMs[0]);
  if (drop === "close") for (const s of sockets) s.disconnect();
  else for (const s of sockets) silence(s);
  const reconnected: number[] = [];
  await Promise.all(
    sockets.map(
      (old, i) =>
        new Promise<void>((resolve) => {
          // Silent: the phone's next connection is a new one (its system closed the old one, which
          // the server does not know); close: the same client connects again.
          const s = drop === "close" ? old : reconnect(i);
          const timer = setTimeout(() => resolve(), timeoutMs);
          const done = () => {
            if (!welcomed[i]) return;
            s.off("ballot", done);
            clearTimeout(timer);
            reconnected.push(performance.now() - started);
            resolve();
          };
          s.on("ballot", done);
          if (drop === "close") s.once("connect", () => void (counts.connected += 1));
          // A refused or timed-out attempt is tried again, as the phone's Socket.IO client would
          // (its reconnection delay grows to 5 s; here the first delay again, to keep the run short).
          const retry = (err: Error) => {
            if (welcomed[i]) return;
            stormRetries += 1;
            stormFirstError ??= err.message;
            setTimeout(() => s.connect(), delay());
          };
          s.on("connect_error", retry);
          setTimeout(() => s.connect(), delay());
        }),
    ),
  );
  storming = false;
  for (const s of sockets) s.removeAllListeners("connect_error");
  reconnected.sort((a, b) => a - b);
  const at = (q: number) => Math.round(reconnected[Math.min(reconnected.length - 1, Math.floor(q * reconnected.length))] ?? -1);
  const cpu = process.cpuUsage(cpuAtStart);
  const wallMs = performance.now() - started;
  const cpuCores = Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 100) / 100;
  return { sockets: sockets.length, reconnected: reconnected.length, p50Ms: at(0.5), p99Ms: at(0.99), lastMs: Math.round(reconnected.at(-1) ?? -1), retries: stormRetries, firstError: stormFirstError, cpuCores };
}

/** The link is gone: nothing is read or sent on this connection again, and it is no longer counted. */
function silence(s: RawSocket): void {
  s.removeAllListeners();
  counts.connected -= 1;
  s.pause();
  silenced.push(s);
}

/** A phone's next connection after a silent drop, not yet connecting (storm() starts it). */
function reconnect(i: number): RawSocket {
  const t = targets[i];
  if (!t) throw new Error(`socket ${i} has no target`);
  void open(t.port, t.code, t.token, wants[i] ?? false, i, false);
  const s = sockets[i];
  if (!s) throw new Error(`socket ${i} not opened`);
  return s;
}

/**
 * How many of the sockets that want results have seen a snapshot at `seq` or later, and the lowest
 * seq any holds; and the event versions the others hold (all the same one when none was missed).
 */
function seqs({ seq }: { seq: number }) {
  let reached = 0;
  let lowest = Infinity;
  let counted = 0;
  const held = new Set<string | null>();
  lastSeq.forEach((v, i) => {
    if (!wants[i]) return void held.add(versions[i] ?? null);
    counted += 1;
    if (v >= seq) reached += 1;
    lowest = Math.min(lowest, v);
  });
  return Promise.resolve({ sockets: counted, reached, lowest: lowest === Infinity ? -1 : lowest, quiet: lastSeq.length - counted, versions: [...held] });
}

async function close(): Promise<void> {
  for (const s of [...sockets.splice(0), ...silenced.splice(0)]) {
    s.removeAllListeners("disconnect");
    s.disconnect();
  }
}

serveWorker<SocketsApi>({ connect, counts: () => Promise.resolve({ ...counts }), storm, seqs, close }, close);
