// Who may create events. Anyone who can reach the laptop is anyone on the venue Wi-Fi, and an
// uninvited event can be grown until it stalls the room (issue 11): so a server listening beyond
// loopback needs an organiser key by default. The first start creates one in the data folder
// (readable by this user only) and prints it; ORGANISER_KEY sets one by hand; PLENARY_OPEN_CREATE=1
// opts out, for a trusted network.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { newToken } from "./crypto";

export type KeySource = "env" | "file" | "created" | "open";

export interface OrganiserKey {
  key: string | null;
  source: KeySource;
  /** Where a created key is kept, so a restart prints the same one. */
  file: string;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith("127.");
}

export function resolveOrganiserKey(opts: { envKey: string | null; host: string; dataDir: string; openCreate: boolean }): OrganiserKey {
  const file = join(opts.dataDir, "organiser-key.txt");
  if (opts.envKey) return { key: opts.envKey, source: "env", file };
  if (opts.openCreate || isLoopback(opts.host)) return { key: null, source: "open", file };
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored) return { key: stored, source: "file", file };
  }
  const key = newToken("org");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, source: "created", file };
}
