// The real entry point (server/main.ts) in a process of its own, on a data folder: for tests of
// what only a process shows (signals, kill -9, start-up refusals, the data-folder lock).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  exited: Promise<Exit>;
  output: () => string;
}

const children = new Set<ChildProcess>();

/** Kills whatever is still running (for afterAll). */
export function killAll(): void {
  for (const child of children) child.kill("SIGKILL");
}

/** Starts the server on dataDir; with waitReady, resolves once /healthz answers 200 (rejects if it dies first). */
export async function launch(dataDir: string, opts: { waitReady?: boolean; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, HOST: "127.0.0.1", PORT: String(port), PLENARY_NO_DEMO: "1", LOG_LEVEL: "warn", ORGANISER_KEY: "", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  const running: ServerProcess = { child, url: `http://127.0.0.1:${port}`, port, exited, output: () => out };
  if (opts.waitReady === false) return running;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server died while starting:\n${out}`);
    if (Date.now() - started > 30_000) throw new Error(`server not ready in 30 s:\n${out}`);
    try {
      const res = await fetch(`${running.url}/healthz`);
      if (res.ok) return running;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function killHard(running: ServerProcess): Promise<void> {
  running.child.kill("SIGKILL");
  await running.exited;
}
