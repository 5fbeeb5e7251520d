// Shared checks of the integration suite: the error body of API.md, and whole-database snapshots
// that prove a refused request changed nothing.
import { expect } from "vitest";
import type { Db } from "../../server/db/open";
import type { CreateEventBody } from "../../shared/schemas";
import { api, type Api } from "../helpers/app";

/** Every row of every table, in a stable order, blobs as hex: equal dumps mean an unchanged database. */
export function dumpDb(db: Db): Record<string, string[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>;
    out[table] = rows
      .map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString("hex") : value)))
      .sort();
  }
  return out;
}

/** Looks like a leaked stack trace or source path: a response must never carry one. */
export const STACK_TRACE = /\n\s+at\s|\bat\s+\S+\s+\(|node_modules|\.ts:\d+|\.js:\d+|SqliteError|TypeError|ReferenceError/;

/** The error shape of API.md, exactly: `{ error: { code, message } }` with the code's status, no stack trace. */
export function expectError(res: Api, status: number, code: string): void {
  const context = `${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, context).toBe(status);
  expect(res.headers.get("content-type") ?? "", context).toMatch(/^application\/json/);
  expect(res.body, context).toEqual({ error: { code, message: expect.any(String) } });
  const message = (res.body as { error: { message: string } }).error.message;
  expect(message.length, context).toBeGreaterThan(0);
  expect(res.text, context).not.toMatch(STACK_TRACE);
}

/** A small programme for tests that need to reason about every count. */
/**
 * A small event whose bars follow every ballot (liveBatchSeconds 0): the tests built on it check
 * the counts at once; live-batch.test.ts passes its own batch settings to test the batches.
 */
export function smallEvent(overrides: Partial<CreateEventBody> = {}): CreateEventBody {
  return {
    title: "Test forum",
    liveBatchSeconds: 0,
    areas: [
      { title: "Health", proposals: [{ title: "H0" }, { title: "H1" }, { title: "H2" }, { title: "H3" }] },
      { title: "Law", maxVotes: 1, proposals: [{ title: "L0" }, { title: "L1" }, { title: "L2" }] },
    ],
    ...overrides,
  };
}

export async function getJson<T>(url: string, path: string, token?: string): Promise<T> {
  const res = await api(url, "GET", path, token ? { token } : {});
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
  return res.body as T;
}
