// What the kernel did to the connections, read from Linux's own counters (null elsewhere). A storm
// that outruns the listen queue (net.core.somaxconn caps the server's backlog) makes the kernel drop
// connections it completed, and each phone then waits out TCP's retransmission with the server idle:
// the storm's time is then the kernel's setting as much as the server's (docs/PERFORMANCE.md).
import { readFileSync } from "node:fs";

/** TcpExt ListenOverflows since boot, machine-wide (the bench talks to loopback only). */
export function listenOverflows(): number | null {
  try {
    const lines = readFileSync("/proc/net/netstat", "utf8").split("\n").filter((l) => l.startsWith("TcpExt:"));
    const names = lines[0]?.split(/\s+/) ?? [];
    const values = lines[1]?.split(/\s+/) ?? [];
    const at = names.indexOf("ListenOverflows");
    return at > 0 && values[at] !== undefined ? Number(values[at]) : null;
  } catch {
    return null;
  }
}

/** net.core.somaxconn: the largest listen backlog the kernel grants. */
export function somaxconn(): number | null {
  try {
    return Number(readFileSync("/proc/sys/net/core/somaxconn", "utf8").trim());
  } catch {
    return null;
  }
}
