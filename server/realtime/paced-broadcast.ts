// Results for the whole room, paced. Writing one message to a socket costs a system call (about
// 40–50 µs on a small laptop or VM), so one snapshot to 10,000 phones blocks the event loop for
// about half a second — long enough to hold up every ballot and the projector behind it. Here a
// snapshot goes out in slices of sockets, and after each slice the loop is left free for a multiple
// of the time the slice took: the room's snapshots never take more than `duty` of the loop, and
// ballots and the projector's updates pass between the slices. Each pass sends one snapshot (one
// encoding, one consistent state) to everyone in the room; a change during a pass is followed by
// another pass, so every socket ends with the final state. A pass starts `minGapMs` after the
// previous one ended, so no socket receives two snapshots less than `minGapMs` apart.

export interface PacedBroadcastOptions<P> {
  /** Least time between the end of a pass and the start of the next (API.md: at most one snapshot per interval). */
  minGapMs: number;
  /** Largest share of the event loop the passes may take (0..1]. */
  duty: number;
  /** Sockets per slice. */
  sliceSize: number;
  /** The sockets to reach, taken once at the start of a pass. */
  members: () => string[];
  /** The snapshot to send, computed once per pass; null: nothing to send. */
  snapshot: () => P | null;
  /** Sends a snapshot to a slice of sockets. */
  send: (socketIds: string[], payload: P) => void;
}

export class PacedBroadcast<P> {
  private dirty = false;
  private running = false;
  private lastEnd = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly o: PacedBroadcastOptions<P>) {}

  /** Something changed: make sure a pass starting after this call goes out. */
  poke(): void {
    this.dirty = true;
    if (!this.running && !this.timer) this.scheduleStart();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleStart(): void {
    const wait = Math.max(0, this.lastEnd + this.o.minGapMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.startPass();
    }, wait);
  }

  private startPass(): void {
    if (this.closed || !this.dirty) return;
    this.dirty = false;
    const payload = this.o.snapshot();
    const members = payload === null ? [] : this.o.members();
    if (payload === null || members.length === 0) return this.finishPass();
    this.running = true;
    let next = 0;
    const slice = () => {
      if (this.closed) return;
      const started = performance.now();
      this.o.send(members.slice(next, next + this.o.sliceSize), payload);
      next += this.o.sliceSize;
      if (next >= members.length) return this.finishPass();
      const spent = performance.now() - started;
      this.timer = setTimeout(() => {
        this.timer = null;
        slice();
      }, (spent * (1 - this.o.duty)) / this.o.duty);
    };
    slice();
  }

  private finishPass(): void {
    this.running = false;
    this.lastEnd = performance.now();
    if (this.dirty && !this.closed) this.scheduleStart();
  }
}
