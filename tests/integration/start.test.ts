// `npm start` and `npm run export` exactly as a user types them: the compiled server under plain
// node with the heap flags, stopped by a SIGTERM to npm alone (not to its process group), and an
// export to standard output that holds the data and nothing else.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEAP_FLAGS } from "../../server/heap";
import { ROOT } from "../../server/paths";
import { createDemoEvent } from "../../server/demo";
import { openDataDb } from "../../scripts/data-db";
import { exportFromDatabase } from "../../scripts/export";

const run = promisify(execFile);
const started: ChildProcess[] = [];
const dirs: string[] = [];
let dataDir: string;

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" };
  delete e.PLENARY_NO_DEMO;
  delete e.PUBLIC_URL;
  delete e.ORGANISER_KEY;
  return e;
}

/** The pids whose parent is `pid`, from /proc (Linux, as CI). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // "pid (comm) state ppid …": comm may hold spaces, so count from its closing parenthesis
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    // a zombie has no cmdline left: it has exited, only not been reaped yet
    return readFileSync(`/proc/${pid}/cmdline`).length > 0;
  } catch {
    return false;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "plenary-npm-start-"));
  // The build is not what is tested here (and takes long on a busy machine): have it done first,
  // so `npm start` below finds the stamp up to date, as on the day of the vote.
  await run(process.execPath, ["scripts/build.mjs", "--if-changed"], { cwd: ROOT });
}, 300_000);

afterAll(() => {
  for (const child of started) {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  for (const d of [dataDir, ...dirs]) rmSync(d, { recursive: true, force: true });
});

describe("npm start", () => {
  it("runs the compiled server under plain node with the heap flags, and stops when npm is sent SIGTERM", async () => {
    const serverBuiltAt = statSync(join(ROOT, "dist", "server", "main.js")).mtimeMs;
    // Own process group, so that afterAll can clean up whatever this test leaves; the signal
    // under test goes to npm's pid only.
    const npm = spawn("npm", ["start"], { cwd: ROOT, env: env(), stdio: ["ignore", "pipe", "pipe"], detached: true });
    started.push(npm);
    let out = "";
    npm.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    npm.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
    let port = 0;
    await waitFor(() => {
      const m = /listening on 127\.0\.0\.1:(\d+)\)/.exec(out);
      if (m) port = Number(m[1]);
      if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
      return port > 0;
    }, 90_000, `the server's address in:\n${out}`);

    // Up to date: nothing was rebuilt.
    expect(statSync(join(ROOT, "dist", "server", "main.js")).mtimeMs).toBe(serverBuiltAt);
    expect(out).not.toContain("building");
    // npm's one child is the server itself: `exec` replaced the shell, and it is plain node (no
    // TypeScript loader) running the bundle, with the heap flags on its command line.
    const children = childrenOf(npm.pid ?? 0);
    expect(children).toHaveLength(1);
    const server = children[0]!;
    const argv = readFileSync(`/proc/${server}/cmdline`, "utf8").split("\0").filter(Boolean);
    expect(argv.slice(1)).toEqual([...HEAP_FLAGS, "dist/server/main.js"]);
    expect(argv[0]).toMatch(/(^|\/)node$/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    process.kill(npm.pid ?? 0, "SIGTERM");
    await exited;
    await waitFor(() => !alive(server), 15_000, "the server process to end");
    expect(await portOpen(port)).toBe(false);
    // It ended by its own graceful shutdown, i.e. it received the signal.
    expect(out).toContain("shutting down: answering in-flight requests");
  }, 120_000);
});

describe("npm run export", () => {
  it("prints only the exported data with --silent, and writes it whole with --out", async () => {
    const folder = mkdtempSync(join(tmpdir(), "plenary-npm-export-"));
    dirs.push(folder);
    const file = join(folder, "plenary.db");
    const { db, ctx } = openDataDb(file, false);
    const code = createDemoEvent(ctx).event.code;
    db.close();
    const expected = exportFromDatabase(file, code, "csv").body;
    expect(expected.split("\n").length).toBeGreaterThan(40);

    const silent = await run("npm", ["run", "--silent", "export", "--", code, "--format", "csv"], { cwd: ROOT, env: { ...env(), DATA_DIR: folder }, maxBuffer: 16 * 1024 * 1024 });
    expect(silent.stdout).toBe(expected);

    const out = join(folder, "export.csv");
    await run("npm", ["run", "export", "--", code, "--format", "csv", "--out", out], { cwd: ROOT, env: { ...env(), DATA_DIR: folder } });
    expect(readFileSync(out, "utf8")).toBe(expected);
  }, 120_000);
});
