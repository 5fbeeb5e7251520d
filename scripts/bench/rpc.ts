// A tiny typed request/reply protocol over the IPC channel of a forked process, so the benchmark's
// processes (server, HTTP driver, socket holders) can be steered step by step from one orchestrator.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A worker's API: named async calls with one argument each. */
export type WorkerApi = { [name: string]: (arg: never) => Promise<unknown> };

type Call = { id: number; name: string; arg: unknown };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Worker<Api extends WorkerApi> {
  readonly name: string;
  readonly pid: number;
  call<K extends keyof Api & string>(name: K, arg: Parameters<Api[K]>[0]): Promise<Awaited<ReturnType<Api[K]>>>;
  /** Ends the process: a polite SIGTERM, then SIGKILL if it has not gone within five seconds. */
  stop(): Promise<void>;
}

/** Forks `file` (a TypeScript worker of this folder) under tsx with an IPC channel; `nodeFlags` go to node. */
export function startWorker<Api extends WorkerApi>(file: string, name: string, nodeFlags: readonly string[] = []): Promise<Worker<Api>> {
  const child: ChildProcess = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    cwd: REPO_ROOT,
    execArgv: [...nodeFlags, "--import", "tsx"],
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.on("exit", (code, signal) => {
    exited = true;
    for (const p of pending.values()) p.reject(new Error(`${name} exited (${signal ?? code}) during a call`));
    pending.clear();
  });
  child.on("message", (raw) => {
    const reply = raw as Reply;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(`${name}: ${reply.error}`));
  });
  const worker: Worker<Api> = {
    name,
    pid: child.pid ?? -1,
    call(callName, arg) {
      if (exited) return Promise.reject(new Error(`${name} has exited`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, name: callName, arg } satisfies Call);
      });
    },
    async stop() {
      if (exited) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
  // The first message of every worker is { ready: true } once its imports have loaded.
  return new Promise((resolve, reject) => {
    const onReady = (raw: unknown) => {
      if ((raw as { ready?: boolean }).ready) {
        child.off("message", onReady);
        resolve(worker);
      }
    };
    child.on("message", onReady);
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
  });
}

/**
 * Worker side: answers calls with `handlers`, and exits when the orchestrator goes away or sends
 * SIGTERM, after `cleanup` (bounded to four seconds).
 */
export function serveWorker<Api extends WorkerApi>(handlers: Api, cleanup: () => Promise<void> = () => Promise.resolve()): void {
  const send = (msg: Reply | { ready: true }) => process.send?.(msg);
  process.on("message", (raw) => {
    const call = raw as Call;
    const handler = handlers[call.name] as unknown as ((arg: unknown) => Promise<unknown>) | undefined;
    if (!handler) return void send({ id: call.id, ok: false, error: `no call named ${call.name}` });
    handler(call.arg).then(
      (value) => send({ id: call.id, ok: true, value }),
      (err: unknown) => send({ id: call.id, ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) }),
    );
  });
  // A benchmark must stop by itself: an orphaned worker (orchestrator killed) ends too.
  let exiting = false;
  const exit = () => {
    if (exiting) return;
    exiting = true;
    setTimeout(() => process.exit(0), 4000).unref();
    void cleanup().finally(() => process.exit(0)); // no rejection can surface: the process exits in finally
  };
  process.on("disconnect", exit);
  process.on("SIGTERM", exit);
  send({ ready: true });
}
