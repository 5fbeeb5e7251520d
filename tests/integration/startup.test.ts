// The entry point as a user runs it: a real child process on a fresh data folder prints the demo
// event's links, serves it, keeps one event across a restart, and exits 0 on SIGTERM.
import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Event, Results } from "../../shared/schemas";
import { api } from "../helpers/app";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `tsx server/main.ts` (the binary `npx tsx` runs; npx itself does not pass SIGTERM on, so
 * signalling it would test npm, not the server) in its own process group, and resolves once it has
 * printed its links, or fails with its output.
 */
async function start(dataDir: string, port: number, logLevel = "warn"): Promise<Running> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: logLevel };
  delete env.PLENARY_NO_DEMO;
  delete env.PUBLIC_URL;
  delete env.ORGANISER_KEY;
  const child = spawn(join(ROOT, "node_modules/.bin/tsx"), ["server/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  started.push(child);
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/API reference:/.test(out)) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void exited.then(({ code }) => {
      clearInterval(timer);
      reject(new Error(`server exited early (${code}):\n${out}`));
    });
  });
  await ready;
  return { child, output: () => out, exited };
}

async function stop(running: Running): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  running.child.kill("SIGTERM");
  return running.exited;
}

function links(output: string, port: number) {
  const base = `http://127.0.0.1:${port}`;
  const esc = base.replace(/[.]/g, "\\.");
  const participant = new RegExp(`Participants:\\s+${esc}/e/([A-Z0-9]{6})\\s`).exec(output);
  const projector = new RegExp(`Projector:\\s+${esc}/e/([A-Z0-9]{6})/screen#key=(\\S+)`).exec(output);
  const organiser = new RegExp(`Organiser:\\s+${esc}/e/([A-Z0-9]{6})/admin#key=([^&\\s]+)`).exec(output);
  if (!participant || !projector || !organiser) throw new Error(`links not found in:\n${output}`);
  return { code: participant[1]!, projectorCode: projector[1]!, screenKey: projector[2]!, organiserCode: organiser[1]!, adminToken: organiser[2]! };
}

const started: ChildProcess[] = [];
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "plenary-start-"));
});
afterAll(() => {
  // Whatever happened above, leave no server behind: kill what is left of each process group.
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("server/main.ts as a process", () => {
  it("prints the demo event's links, serves it, keeps one event across a restart, exits 0 on SIGTERM", async () => {
    const port = await freePort();
    // info level: request logs are on, so the check that they carry no token means something
    const first = await start(dataDir, port, "info");
    let firstLinks: ReturnType<typeof links>;
    try {
      const out = first.output();
      firstLinks = links(out, port);
      expect(firstLinks.projectorCode).toBe(firstLinks.code);
      expect(firstLinks.organiserCode).toBe(firstLinks.code);
      expect(out).toContain(`http://127.0.0.1:${port}`);

      const url = `http://127.0.0.1:${port}`;
      const health = await api(url, "GET", "/healthz");
      expect(health.body).toMatchObject({ ok: true, writable: true });
      const res = await api(url, "GET", `/api/events/${firstLinks.code}`);
      expect(res.status).toBe(200);
      const event = (res.body as { event: Event }).event;
      expect(event.title).toMatch(/Brandenburg Forum/);
      expect(event.votesPerArea).toBe(2);
      expect(event.areas).toHaveLength(4);
      expect(event.areas.reduce((n, a) => n + a.proposals.length, 0)).toBe(40);
      // the printed secrets work: the organiser link's key is the admin token, the projector's the screen key
      expect((await api(url, "GET", `/api/events/${firstLinks.code}/invites`, { token: firstLinks.adminToken })).status).toBe(200);
      const screen = await api(url, "GET", `/api/events/${firstLinks.code}/results`, { token: firstLinks.screenKey });
      expect(screen.status).toBe(200);
      expect((screen.body as Results).areas).toHaveLength(4);
      expect((await api(url, "GET", `/api/events/${firstLinks.code}/invites`, { token: firstLinks.screenKey })).status).toBe(403);
    } finally {
      const exit = await stop(first);
      expect(exit).toEqual({ code: 0, signal: null });
    }
    // the structured log saw the requests above, and never a token
    const logLines = first.output().split("\n").filter((l) => l.startsWith("{"));
    expect(logLines.some((l) => l.includes(`/api/events/${firstLinks.code}/invites`))).toBe(true);
    for (const secret of [firstLinks.adminToken, firstLinks.screenKey]) expect(logLines.join("\n")).not.toContain(secret);

    const second = await start(dataDir, port);
    try {
      const again = links(second.output(), port);
      expect(again.code).toBe(firstLinks.code);
      const res = await api(`http://127.0.0.1:${port}`, "GET", `/api/events/${again.code}`);
      expect(res.status).toBe(200);
    } finally {
      const exit = await stop(second);
      expect(exit).toEqual({ code: 0, signal: null });
    }

    const db = new Database(join(dataDir, "plenary.db"), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM events").pluck().get()).toBe(1);
      expect(db.prepare("SELECT count(*) FROM proposals").pluck().get()).toBe(40);
    } finally {
      db.close();
    }
  });
});
