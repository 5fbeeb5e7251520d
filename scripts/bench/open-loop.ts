// Open-loop arrivals: request i is due at start + i/rate, whatever happened to the requests before
// it. A stalled server therefore meets a growing backlog instead of a politely waiting client, and
// latency is measured from the due time (no coordinated omission).
import { newHistogram, recordMs, type Histogram } from "./histogram";

export interface OpenLoopRun {
  /** Requests fired. */
  fired: number;
  /** How late the generator itself fired requests (its own CPU starvation shows here). */
  sendLag: Histogram;
  /** performance.now() of the first due time. */
  startedAt: number;
}

/**
 * Calls fire(i, dueAt) for i = 0 … rate × duration − 1 at their due times (checked every
 * millisecond, so up to ~1 ms of batching), and resolves once the last one has been fired.
 */
export function openLoop(rate: number, durationMs: number, fire: (i: number, dueAt: number) => void): Promise<OpenLoopRun> {
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const interval = 1000 / rate;
  const sendLag = newHistogram();
  const startedAt = performance.now() + 1;
  let fired = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - startedAt) / interval) + 1);
      while (fired < due) {
        const dueAt = startedAt + fired * interval;
        recordMs(sendLag, performance.now() - dueAt);
        fire(fired, dueAt);
        fired += 1;
      }
      if (fired >= total) resolve({ fired, sendLag, startedAt });
      else setTimeout(tick, 1);
    };
    setTimeout(tick, 1);
  });
}
