// Test helpers over the real app: a fresh temporary database per app, real HTTP on loopback.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import type { AddressInfo } from "node:net";
import { buildApp, type AppOptions, type PlenaryApp } from "../../server/app";
import { demoEventBody } from "../../server/demo";
import type { CreateEventBody, CreateEventReply, Event } from "../../shared/schemas";

export interface TestServer extends PlenaryApp {
  url: string;
  dataDir: string;
  databaseFile: string;
  close(): Promise<void>;
}

/** Starts the real app on 127.0.0.1 with a fresh database in a temporary folder. */
export async function startServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(joinPath(tmpdir(), "plenary-test-"));
  const databaseFile = joinPath(dataDir, "plenary.db");
  const built = await buildApp({ databaseFile, clientDir: null, rateLimits: false, ...options });
  await built.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = built.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    ...built,
    url,
    dataDir,
    databaseFile,
    async close() {
      await built.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Api {
  status: number;
  body: unknown;
  headers: Headers;
  text: string;
}

/** A plain fetch against the server, JSON in and out, never throwing on an HTTP error. */
export async function api(url: string, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Api> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | undefined;
  if (opts.raw !== undefined) {
    payload = opts.raw;
    headers["content-type"] ??= "application/json";
  } else if (opts.body !== undefined) {
    payload = JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  const res = await fetch(url + path, { method, headers, body: payload });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (exports, pages): keep the text
  }
  return { status: res.status, body, headers: res.headers, text };
}

export interface CreatedTestEvent {
  code: string;
  adminToken: string;
  screenKey: string;
  event: Event;
}

export async function createEvent(url: string, body: CreateEventBody = demoEventBody()): Promise<CreatedTestEvent> {
  const res = await api(url, "POST", "/api/events", { body });
  if (res.status !== 201) throw new Error(`create event: ${res.status} ${res.text}`);
  const reply = res.body as CreateEventReply;
  return { code: reply.event.code, adminToken: reply.adminToken, screenKey: reply.screenKey, event: reply.event };
}

/**
 * The demo event (the 2017 forum) created over HTTP, its bars following every ballot
 * (liveBatchSeconds 0): the tests built on it check counts at once. Its 54 expected people would
 * otherwise batch the room's bars (issue 15), which live-batch.test.ts and e2e/screen-batch.test.ts test.
 */
export function createDemoEvent(url: string, overrides: Partial<CreateEventBody> = {}): Promise<CreatedTestEvent> {
  return createEvent(url, { ...demoEventBody(), liveBatchSeconds: 0, ...overrides });
}

export async function join(url: string, code: string, invite?: string): Promise<string> {
  const res = await api(url, "POST", `/api/events/${code}/participants`, { body: invite ? { invite } : {} });
  if (res.status !== 201) throw new Error(`join: ${res.status} ${res.text}`);
  return (res.body as { participantToken: string }).participantToken;
}

export async function openVoting(url: string, code: string, adminToken: string, areaIds?: string[]): Promise<void> {
  const res = await api(url, "POST", `/api/events/${code}/voting`, { token: adminToken, body: areaIds ? { status: "open", areaIds } : { status: "open" } });
  if (res.status !== 200) throw new Error(`open voting: ${res.status} ${res.text}`);
}

export async function vote(url: string, code: string, token: string, areaId: string, proposalIds: string[]): Promise<Api> {
  return api(url, "PUT", `/api/events/${code}/ballot/${areaId}`, { token, body: { proposalIds } });
}
