// What the orchestrator and the benchmark's worker processes say to each other over IPC.
import type { GroupCommitStats } from "../../../server/services/group-commit";
import type { StormDrop } from "../options";

export interface ServerStartArgs {
  resultsIntervalMs?: number;
  publicResultsIntervalMs?: number;
  /** Adds x-bench-seq (the event's seq once the ballot's batch committed) to ballot replies. */
  seqHeader?: boolean;
  /** Serve the built client (dist/client), for real browser pages. */
  clientDir?: boolean;
}

export interface ServerStats {
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
  /** Share of wall time the event loop was busy (1 = saturated). */
  eventLoopUtilization: number;
  /** CPU time used per wall time, in cores (main thread plus libuv and V8 helpers). */
  cpuCores: number;
  rssMb: number;
  peakRssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** Memory of Buffers and other objects outside the JS heap. */
  externalMb: number;
  sockets: number;
  groupCommit: GroupCommitStats | null;
  wallMs: number;
}

export type ServerApi = {
  start: (arg: ServerStartArgs) => Promise<{ port: number }>;
  /** Starts a new measurement window (loop delay, CPU, peak RSS); answers the group-commit counters at its start. */
  reset: (arg: undefined) => Promise<GroupCommitStats | null>;
  stats: (arg: undefined) => Promise<ServerStats>;
  stop: (arg: undefined) => Promise<void>;
};

export interface AreaIds {
  id: string;
  maxVotes: number;
  /** Proposal ids in the organiser's order. */
  proposals: string[];
}

export interface DriverSetup {
  code: string;
  screenKey: string;
  areas: AreaIds[];
  tokens: string[];
  setupMs: number;
}

export interface StepArgs {
  target: "noop" | "ballot";
  /** What each ballot changes (ballots.ts): one tap, or every vote. */
  pattern: "tap" | "replace";
  rate: number;
  durationMs: number;
  connections: number;
}

export interface StepResult {
  target: "noop" | "ballot";
  offeredRate: number;
  fired: number;
  ok: number;
  /** Replies other than 200, by status ("net" for a failed connection). */
  failures: Record<string, number>;
  firstFailure: string | null;
  /** Ballots not sent: every participant's slot still had one in flight (the server was far behind). */
  skipped: number;
  /** Successful replies per second over the step (from its first due time to its last reply). */
  achievedRate: number;
  latency: string;
  sendLag: string;
  wallMs: number;
}

export interface RecountCheck {
  matches: boolean;
  /** The first differences found, for the report. */
  differences: string[];
  seq: number;
}

export interface LiveArgs {
  rate: number;
  durationMs: number;
  connections: number;
}

export interface LiveResult {
  fired: number;
  ok: number;
  failures: Record<string, number>;
  firstFailure: string | null;
  /** Ballot slots that were all busy when a ballot was due (should stay 0). */
  skipped: number;
  putLatency: string;
  voteToProjector: string;
  /** Acknowledged ballots no projector snapshot was seen to include. */
  unseen: number;
  snapshots: number;
  seqStart: number;
  seqFinal: number;
  seqExpected: number;
  finalSnapshot: RecountCheck;
  sendLag: string;
  /** Per second of the phase: ballots due, slowest reply and slowest vote → projector (ms). */
  timeline: Array<{ second: number; ballots: number; putMaxMs: number; toProjectorMaxMs: number }>;
  wallMs: number;
}

export type DriverApi = {
  setup: (arg: { port: number; participants: number }) => Promise<DriverSetup>;
  step: (arg: StepArgs) => Promise<StepResult>;
  /** The server's results (screen view) against the driver's own count of acknowledged ballots. */
  recount: (arg: undefined) => Promise<RecountCheck>;
  /** Connects the projector's socket (screen key) and waits for its first snapshot. */
  projector: (arg: undefined) => Promise<{ seq: number }>;
  live: (arg: LiveArgs) => Promise<LiveResult>;
  close: (arg: undefined) => Promise<void>;
};

export interface SocketCounts {
  connected: number;
  ballot: number;
  results: number;
  event: number;
  disconnects: number;
  connectErrors: number;
  firstError: string | null;
}

export interface StormResult {
  sockets: number;
  /** Sockets connected again and welcomed (results if wanted, ballot) before the timeout. */
  reconnected: number;
  /** From the drop to the welcome of the median, 99th percentile and last socket. */
  p50Ms: number;
  p99Ms: number;
  lastMs: number;
  /** Reconnection attempts refused or timed out (each tried again), and the first one's reason. */
  retries: number;
  firstError: string | null;
  /** CPU this socket-holding process used from the drop to its last welcome, in cores (1 = a full core). */
  cpuCores: number;
}

export type SocketsApi = {
  /** `resultsShare`: the share of sockets that want results (default all); the others connect as voting phones. */
  connect: (arg: { port: number; code: string; tokens: string[]; concurrency: number; resultsShare?: number }) => Promise<SocketCounts & { ms: number }>;
  counts: (arg: undefined) => Promise<SocketCounts>;
  /** Drops every socket at once (as `drop` says); each reconnects after a delay drawn from jitterMs (the phone's). */
  storm: (arg: { jitterMs: [number, number]; timeoutMs: number; drop: StormDrop }) => Promise<StormResult>;
  /** Of the sockets that want results: those whose last snapshot reached `seq`, the lowest seq held; the voting phones' event versions. */
  seqs: (arg: { seq: number }) => Promise<{ sockets: number; reached: number; lowest: number; quiet: number; versions: Array<string | null> }>;
  close: (arg: undefined) => Promise<void>;
};
