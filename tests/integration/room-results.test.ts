// Results to the room (server/realtime/paced-broadcast.ts): a room bigger than one slice gets its
// snapshots in paced slices, yet every socket ends with the final state, no socket gets two
// snapshots closer than the configured interval, and the projector gets the final state as well.
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { Results } from "../../shared/schemas";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "../../shared/socket-events";
import { createEvent, join, openVoting, startServer, vote, type TestServer } from "../helpers/app";
import { smallEvent } from "./support";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: TestServer | null = null;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = null;
});

function connect(url: string, code: string, token?: string): Promise<{ socket: Client; got: Array<{ at: number; results: Results }> }> {
  const socket: Client = io(url, { path: SOCKET_PATH, transports: ["websocket"], auth: token ? { code, token } : { code }, forceNew: true, reconnection: false });
  clients.push(socket);
  const got: Array<{ at: number; results: Results }> = [];
  socket.on("results", (results) => void got.push({ at: Date.now(), results }));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve({ socket, got }));
    socket.once("connect_error", reject);
  });
}

const until = async (check: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
};

describe("results to a large room", () => {
  it("reach every socket paced, at most one per interval each, always ending with the final state", async () => {
    const interval = 200;
    server = await startServer({ publicResultsIntervalMs: interval, resultsIntervalMs: 50 });
    const { url } = server;
    // Every ballot to the room (no live batches: live-batch.test.ts tests those).
    const created = await createEvent(url, smallEvent({ liveBatchSeconds: 0 }));
    await openVoting(url, created.code, created.adminToken);
    const area = created.event.areas[0];
    if (!area) throw new Error("smallEvent has areas");
    const tokens = await Promise.all(Array.from({ length: 12 }, () => join(url, created.code)));
    // More public sockets than one slice (100), so a pass takes several slices.
    const room = await Promise.all(Array.from({ length: 260 }, () => connect(url, created.code)));
    const projector = await connect(url, created.code, created.screenKey);

    // Bursts of ballots over about a second: many changes, far more than one per interval.
    for (let round = 0; round < 6; round++) {
      await Promise.all(tokens.map((t, i) => vote(url, created.code, t, area.id, [area.proposals[(i + round) % area.proposals.length]?.id ?? ""])));
      await new Promise((r) => setTimeout(r, 150));
    }
    const final = (await (await fetch(`${url}/api/events/${created.code}/results`)).json()) as Results;

    const everyoneFinal = await until(() => room.every((c) => c.got.at(-1)?.results.seq === final.seq), 10_000);
    expect(everyoneFinal).toBe(true);
    for (const c of room) {
      expect(c.got.at(-1)?.results).toEqual(final);
      // Snapshots to one socket: in seq order, and spaced by the interval. Measured where they
      // arrive, so a busy machine's delivery jitter (tens of ms) is allowed; unpaced snapshots
      // would come every 50 ms (resultsIntervalMs) or closer.
      for (let i = 1; i < c.got.length; i++) {
        const prev = c.got[i - 1];
        const cur = c.got[i];
        if (!prev || !cur) continue;
        expect(cur.results.seq).toBeGreaterThanOrEqual(prev.results.seq);
        if (i > 1) expect(cur.at - prev.at).toBeGreaterThanOrEqual(interval * 0.75);
      }
    }
    // The projector (its own room and interval) ends with the final state too.
    expect(await until(() => projector.got.at(-1)?.results.seq === final.seq, 5000)).toBe(true);
  });
});
