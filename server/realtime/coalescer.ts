// Coalesces bursts of "something changed" into at most one flush per key per interval, and always
// flushes after the last change, so receivers see the final state without a snapshot per vote.
export class Coalescer<K> {
  private readonly last = new Map<K, number>();
  private readonly timers = new Map<K, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (key: K) => void,
  ) {}

  poke(key: K): void {
    if (this.timers.has(key)) return;
    const wait = Math.max(0, (this.last.get(key) ?? -Infinity) + this.intervalMs - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.last.set(key, Date.now());
      this.flush(key);
    }, wait);
    this.timers.set(key, timer);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
