// Configuration from the environment, read once at start.
import { networkInterfaces } from "node:os";
import { resolve } from "node:path";

/**
 * Connections the kernel may hold for us before we accept them. When the venue's access point
 * restarts, the whole hall reconnects within a second; past Node's default of 511, the kernel drops
 * the newcomers' SYNs and each phone waits out TCP's retransmission (1 s, 3 s, 7 s, 15 s…) with the
 * server idle: measured, a 10,000-socket storm took 35 s, half of it idle. Linux caps it at
 * net.core.somaxconn (4096 on current kernels; raise it for a larger hall, docs/PERFORMANCE.md).
 */
export const LISTEN_BACKLOG = 65535;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  organiserKey: string | null;
  publicUrl: string | null;
  resultsIntervalMs: number;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number.parseInt(env.PORT ?? "3000", 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const host = env.HOST ?? "0.0.0.0";
  const interval = Number.parseInt(env.RESULTS_INTERVAL_MS ?? "100", 10);
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR ?? "./data"),
    organiserKey: env.ORGANISER_KEY ? env.ORGANISER_KEY : null,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, "") : defaultPublicUrl(host, port),
    resultsIntervalMs: Number.isInteger(interval) && interval >= 10 ? interval : 100,
    logLevel: env.LOG_LEVEL ?? "info",
  };
}

/**
 * Phones reach the laptop over the venue's Wi-Fi, so when listening on all interfaces the URL to
 * show is the machine's LAN address, not localhost.
 */
export function defaultPublicUrl(host: string, port: number): string {
  const address = host === "0.0.0.0" || host === "::" ? lanAddress() ?? "localhost" : host;
  return `http://${address}${port === 80 ? "" : `:${port}`}`;
}

export function lanAddress(): string | null {
  return pickLanAddress(
    Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === "IPv4" && !i.internal)
      .map((i) => i?.address ?? ""),
  );
}

/**
 * Prefers the ranges Wi-Fi networks hand out (192.168/16, then 10/8) over 172.16/12, where
 * container bridges live (Docker's 172.17.0.1 is no address a phone can reach).
 */
export function pickLanAddress(candidates: readonly string[]): string | null {
  const rank = (a: string) => (/^192\.168\./.test(a) ? 0 : /^10\./.test(a) ? 1 : /^172\.(1[6-9]|2\d|3[01])\./.test(a) ? 2 : 3);
  return [...candidates].filter((a) => a !== "").sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
