// The HTTP side of the load, and the projector: creates the event, joins the participants, fires
// ballots (or no-op requests) open-loop at fixed rates, and — in the live scenarios — watches the
// projector's socket to time each ballot from its due time to the first snapshot that includes it.
import { io, type Socket } from "socket.io-client";
import { demoEventBody } from "../../../server/demo";
import type { CreateEventReply, Results } from "../../../shared/schemas";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "../../../shared/socket-events";
import { BallotBook } from "../ballots";
import { encode, newHistogram, recordMs } from "../histogram";
import { header, HttpPool, type HttpReply } from "../http-client";
import { openLoop } from "../open-loop";
import { serveWorker } from "../rpc";
import type { DriverApi, DriverSetup, LiveArgs, LiveResult, RecountCheck, StepArgs, StepResult } from "./protocol";

interface State {
  port: number;
  code: string;
  screenKey: string;
  tokens: string[];
  book: BallotBook;
}

let state: State | null = null;
let livePool: HttpPool | null = null;
let projector: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
/** Every snapshot the projector received: seq and arrival time, in arrival order. */
const snapshots: { seq: number[]; at: number[]; last: Results | null } = { seq: [], at: [], last: null };

function need(): State {
  if (!state) throw new Error("setup first");
  return state;
}

function expectStatus(reply: HttpReply, status: number, what: string): unknown {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${reply.body.slice(0, 300)}`);
  return JSON.parse(reply.body) as unknown;
}

async function setup({ port, participants }: { port: number; participants: number }): Promise<DriverSetup> {
  const started = performance.now();
  const pool = new HttpPool("127.0.0.1", port, 16);
  try {
    // The hall is its own size (a 10,000-seat hall does not batch its bars by default), and the bars
    // move at every ballot: the vote → projector latency measured is the instant path's.
    const body = { ...demoEventBody(), expectedParticipants: participants, liveBatchSeconds: 0 };
    const created = expectStatus(await pool.request("POST", "/api/events", { json: body }), 201, "create event") as CreateEventReply;
    const { code } = created.event;
    expectStatus(await pool.request("POST", `/api/events/${code}/voting`, { token: created.adminToken, json: { status: "open" } }), 200, "open voting");
    const tokens: string[] = new Array<string>(participants);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < participants) {
          const i = next++;
          const body = expectStatus(await pool.request("POST", `/api/events/${code}/participants`, { json: {} }), 201, "join") as { participantToken: string };
          tokens[i] = body.participantToken;
        }
      }),
    );
    const areas = created.event.areas.map((a) => ({
      id: a.id,
      maxVotes: a.maxVotes,
      proposals: [...a.proposals].sort((x, y) => x.position - y.position).map((p) => p.id),
    }));
    state = { port, code, screenKey: created.screenKey, tokens, book: new BallotBook(participants, areas) };
    return { code, screenKey: created.screenKey, areas, tokens, setupMs: Math.round(performance.now() - started) };
  } finally {
    pool.close();
  }
}

function failureKey(err: unknown): string {
  return err instanceof Error && /timeout/.test(err.message) ? "timeout" : "net";
}

/** One fixed-rate step against the ballot route or the no-op route; waits for every reply. */
async function step({ target, pattern, rate, durationMs, connections }: StepArgs): Promise<StepResult> {
  const s = need();
  const pool = new HttpPool("127.0.0.1", s.port, connections);
  const latency = newHistogram();
  const failures: Record<string, number> = {};
  let firstFailure: string | null = null;
  let ok = 0;
  let lastReply = 0;
  const inFlight: Array<Promise<void>> = [];
  const fail = (key: string, detail: string) => {
    failures[key] = (failures[key] ?? 0) + 1;
    firstFailure ??= detail;
  };
  let skipped = 0;
  const run = await openLoop(rate, durationMs, (_i, dueAt) => {
    // The no-op route changes nothing, so it needs no slot of its own: any ballot will do as a body.
    const slot = target === "ballot" ? s.book.take(false) : Math.floor(Math.random() * s.book.slots);
    if (slot === null) {
      skipped += 1;
      return;
    }
    const area = s.book.areaOf(slot);
    const proposalIds = s.book.nextBallot(slot, pattern);
    const token = s.tokens[s.book.participantOf(slot)];
    const path = target === "ballot" ? `/api/events/${s.code}/ballot/${area.id}` : `/__bench/noop/${area.id}`;
    const settle = (acknowledged: string[] | null) => {
      if (target === "ballot") s.book.settle(slot, acknowledged);
    };
    inFlight.push(
      pool.request("PUT", path, { token, json: { proposalIds } }).then(
        (reply) => {
          lastReply = performance.now();
          recordMs(latency, lastReply - dueAt);
          if (reply.status === 200) {
            ok += 1;
            settle((JSON.parse(reply.body) as { proposalIds: string[] }).proposalIds);
          } else {
            settle(null);
            fail(String(reply.status), reply.body.slice(0, 200));
          }
        },
        (err: unknown) => {
          settle(null);
          fail(failureKey(err), err instanceof Error ? err.message : String(err));
        },
      ),
    );
  });
  await Promise.all(inFlight);
  pool.close();
  const wallMs = Math.max(1, lastReply - run.startedAt);
  return {
    target,
    offeredRate: rate,
    fired: run.fired,
    ok,
    failures,
    firstFailure,
    skipped,
    achievedRate: Math.round((ok / wallMs) * 1000),
    latency: encode(latency),
    sendLag: encode(run.sendLag),
    wallMs: Math.round(wallMs),
  };
}

async function screenResults(s: State): Promise<Results> {
  const pool = new HttpPool("127.0.0.1", s.port, 1);
  try {
    return expectStatus(await pool.request("GET", `/api/events/${s.code}/results`, { token: s.screenKey }), 200, "results") as Results;
  } finally {
    pool.close();
  }
}

async function recount(): Promise<RecountCheck> {
  const s = need();
  return s.book.check(await screenResults(s));
}

async function connectProjector(): Promise<{ seq: number }> {
  const s = need();
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`http://127.0.0.1:${s.port}`, {
    path: SOCKET_PATH,
    transports: ["websocket"],
    auth: { code: s.code, token: s.screenKey },
    forceNew: true,
    reconnection: false,
  });
  projector = socket;
  socket.on("results", (r) => {
    snapshots.seq.push(r.seq);
    snapshots.at.push(performance.now());
    snapshots.last = r;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("projector: no snapshot within 10 s")), 10_000);
    socket.once("results", () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once("connect_error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  return { seq: snapshots.last?.seq ?? -1 };
}

/** Waits until the projector has seen seq ≥ target, or the deadline passes. */
async function projectorReaches(target: number, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while ((snapshots.last?.seq ?? -1) < target) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

/** Index of the first snapshot with seq ≥ target (snapshots arrive in seq order), or -1. */
function firstSnapshotFrom(target: number): number {
  let lo = 0;
  let hi = snapshots.seq.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((snapshots.seq[mid] ?? -1) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo < snapshots.seq.length ? lo : -1;
}

async function live({ rate, durationMs, connections }: LiveArgs): Promise<LiveResult> {
  const s = need();
  if (!projector) throw new Error("connect the projector first");
  // The room is quiet (everyone joined, no ballot in flight): this is the seq every count starts from.
  const seqStart = (await screenResults(s)).seq;
  await projectorReaches(seqStart, 5000);
  const total = Math.round((rate * durationMs) / 1000);
  const dueAt = new Float64Array(total);
  // For each ballot, the event's seq right after the COMMIT of its batch (the bench server's
  // x-bench-seq header): the first projector snapshot at or past it is the first that includes it.
  const bound = new Float64Array(total).fill(Number.NaN);
  const seconds = Math.ceil(durationMs / 1000);
  const timeline = Array.from({ length: seconds }, (_, second) => ({ second, ballots: 0, putMaxMs: 0, toProjectorMaxMs: 0 }));
  const secondOf = (i: number) => timeline[Math.min(seconds - 1, Math.floor((i * 1000) / rate / 1000))];
  const putLatency = newHistogram();
  const voteToProjector = newHistogram();
  const failures: Record<string, number> = {};
  let firstFailure: string | null = null;
  let ok = 0;
  let skipped = 0;
  const inFlight: Array<Promise<void>> = [];
  // One pool for the warm-up and the measured phase: its connections are open before measuring.
  livePool ??= new HttpPool("127.0.0.1", s.port, connections);
  const pool = livePool;
  const fail = (key: string, detail: string) => {
    failures[key] = (failures[key] ?? 0) + 1;
    firstFailure ??= detail;
  };
  const started = performance.now();
  const run = await openLoop(rate, durationMs, (i, due) => {
    dueAt[i] = due;
    const slot = s.book.take(true);
    if (slot === null) {
      skipped += 1;
      return;
    }
    const area = s.book.areaOf(slot);
    const proposalIds = s.book.nextBallot(slot, "random");
    inFlight.push(
      pool.request("PUT", `/api/events/${s.code}/ballot/${area.id}`, { token: s.tokens[s.book.participantOf(slot)], json: { proposalIds } }).then(
        (reply) => {
          const took = performance.now() - due;
          recordMs(putLatency, took);
          const sec = secondOf(i);
          if (sec) {
            sec.ballots += 1;
            sec.putMaxMs = Math.max(sec.putMaxMs, Math.round(took));
          }
          if (reply.status === 200) {
            ok += 1;
            bound[i] = Number(header(reply, "x-bench-seq") ?? Number.NaN);
            if (Number.isNaN(bound[i])) fail("no seq", "the bench server sent no x-bench-seq header");
            s.book.settle(slot, (JSON.parse(reply.body) as { proposalIds: string[] }).proposalIds);
          } else {
            s.book.settle(slot, null);
            fail(String(reply.status), reply.body.slice(0, 200));
          }
        },
        (err: unknown) => {
          s.book.settle(slot, null);
          fail(failureKey(err), err instanceof Error ? err.message : String(err));
        },
      ),
    );
  });
  await Promise.all(inFlight);
  const seqExpected = seqStart + ok;
  await projectorReaches(seqExpected, 10_000);
  let unseen = 0;
  for (let i = 0; i < total; i++) {
    const b = bound[i];
    if (b === undefined || Number.isNaN(b)) continue;
    const k = firstSnapshotFrom(Math.min(b, seqExpected));
    const at = k >= 0 ? snapshots.at[k] : undefined;
    if (at === undefined) unseen += 1;
    else {
      const took = at - (dueAt[i] ?? at);
      recordMs(voteToProjector, took);
      const sec = secondOf(i);
      if (sec) sec.toProjectorMaxMs = Math.max(sec.toProjectorMaxMs, Math.round(took));
    }
  }
  const final = snapshots.last;
  return {
    fired: run.fired,
    ok,
    failures,
    firstFailure,
    skipped,
    putLatency: encode(putLatency),
    voteToProjector: encode(voteToProjector),
    unseen,
    snapshots: snapshots.seq.filter((seq) => seq > seqStart).length,
    seqStart,
    seqFinal: final?.seq ?? -1,
    seqExpected,
    finalSnapshot: final ? s.book.check(final) : { matches: false, differences: ["no snapshot"], seq: -1 },
    sendLag: encode(run.sendLag),
    timeline,
    wallMs: Math.round(performance.now() - started),
  };
}

async function close(): Promise<void> {
  projector?.close();
  projector = null;
  livePool?.close();
  livePool = null;
}

serveWorker<DriverApi>({ setup, step, recount, projector: connectProjector, live, close }, close);
