// The server's clock as this device sees it: countdowns to Area.closesAt follow the server, not the
// device, whose clock may be minutes off (phones set by hand, a laptop without network time). The
// offset comes from GET /api/time: a few round trips, the fastest one kept (its midpoint is the
// nearest to the server's reading), re-measured every few minutes. Date.now() stays the base, so
// whatever the device believes, server time = Date.now() + offset.
import { request } from "../api/http";
import { TimeReply } from "../../../shared/schemas";

const SAMPLES = 3;
const RESYNC_MS = 5 * 60_000;

let offsetMs = 0;
let measured = false;
let pending: Promise<void> | null = null;
let lastSync = 0;

async function measure(): Promise<void> {
  let best: { rtt: number; offset: number } | null = null;
  for (let i = 0; i < SAMPLES; i++) {
    const sentAt = Date.now();
    const started = performance.now();
    const reply = await request("GET", "/api/time", TimeReply);
    // performance.now() for the round trip: it never jumps, whatever happens to the wall clock meanwhile.
    const rtt = performance.now() - started;
    const server = Date.parse(reply.now);
    if (Number.isNaN(server)) continue;
    const offset = server - (sentAt + rtt / 2);
    if (!best || rtt < best.rtt) best = { rtt, offset };
  }
  if (best) {
    offsetMs = best.offset;
    measured = true;
  }
  lastSync = Date.now();
}

/** Measures the offset if it is unknown or old; a failure keeps the last one (or none) and is retried next time. */
export function syncServerClock(): Promise<void> {
  if (pending) return pending;
  if (measured && Math.abs(Date.now() - lastSync) < RESYNC_MS) return Promise.resolve();
  pending = measure()
    .catch(() => undefined)
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** The server's time now, in ms since the epoch (the device's own until the first measurement). */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Whether the offset has been measured at least once: until then a countdown may be off by the device's error. */
export function serverClockKnown(): boolean {
  return measured;
}

/** "4:59", "1:04:59": whole seconds left, rounded up, so "0:00" means the time has come. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}
