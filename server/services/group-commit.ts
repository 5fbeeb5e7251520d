// Group commit: writes that arrive together share one durable COMMIT. With synchronous=FULL every
// COMMIT waits for an fsync (~0.2 ms here), which caps one-transaction-per-request at a few
// thousand writes a second; a batch pays that wait once. Each write runs in its own savepoint, so
// a refused write is rolled back alone and the rest of its batch still commits; every caller is
// answered only after the COMMIT of its batch has returned.
import type { Db } from "../db/open";
import { mapWriteFailure } from "../db/unavailable";

export interface GroupCommitStats {
  /** COMMITs that completed (including batches of one). */
  batches: number;
  /** Writes that went through, refused ones included. */
  writes: number;
  largestBatch: number;
  /** Time inside batch transactions (work, savepoints and COMMIT), milliseconds. */
  busyMs: number;
}

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** More than this many queued writes are split, so one transaction never blocks the event loop for long. */
const MAX_BATCH = 256;

/**
 * The event loop waits for the disk during COMMIT. After a COMMIT that took c ms, the next batch
 * starts no sooner than FSYNC_SPACING × c ms later: the loop then spends at most 1/(1+FSYNC_SPACING)
 * of its time waiting for the disk, and a slow disk gets bigger batches instead of more waits.
 */
const FSYNC_SPACING = 2;

/**
 * Under steady load, batches start at least this many milliseconds apart. Every COMMIT also writes
 * each page the batch touched (the event row, vote and tally pages) to the WAL once, so fewer,
 * larger batches cost less per ballot: measured here at 3,000 ballots/s, 3–4 ms between batches
 * took the event loop from 97% to 84% busy for 1.5 ms more latency. A ballot after a quiet spell
 * is committed at once.
 */
const BATCH_SPACING_MS = 3;

export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  private lastEnd = -Infinity;
  private lastStart = -Infinity;
  private lastCommitMs = 0;
  private readonly counters: GroupCommitStats = { batches: 0, writes: 0, largestBatch: 0, busyMs: 0 };

  /** The job running now: one savepoint wrapper serves every job instead of a new one per job. */
  private current: (() => unknown) | null = null;
  private readonly savepoint: () => unknown;

  constructor(private readonly db: Db) {
    // Called inside the batch transaction, a better-sqlite3 transaction function is a savepoint:
    // on a throw only the current job is undone.
    this.savepoint = db.transaction(() => this.current?.());
  }

  /**
   * Runs `work` (synchronous, no await) inside the next batch transaction and settles after that
   * batch has committed: with work's value, or with the error that refused it (nothing of it kept).
   */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.flush();
    };
    // setImmediate runs after the current I/O phase: every request parsed in this turn of the
    // event loop joins the batch, and an idle server commits at once instead of waiting for a timer.
    // Under load the batch grows by itself with whatever arrived while the previous COMMIT waited,
    // and with whatever arrives during the spacing after it (BATCH_SPACING_MS, FSYNC_SPACING).
    const wait = this.queue.length > MAX_BATCH
      ? 0
      : Math.max(this.lastStart + BATCH_SPACING_MS, this.lastEnd + FSYNC_SPACING * this.lastCommitMs) - performance.now();
    if (wait >= 1) setTimeout(run, wait);
    else setImmediate(run);
  }

  private flush(): void {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    const started = performance.now();
    this.lastStart = started;
    const outcomes: Outcome[] = [];
    let workMs = 0;
    try {
      this.db.transaction(() => {
        const workStarted = performance.now();
        for (const job of batch) {
          try {
            this.current = job.work;
            outcomes.push({ ok: true, value: this.savepoint() });
          } catch (error) {
            // Some SQLite errors (I/O, full disk) end the whole transaction; the jobs after this one
            // must not run outside it in autocommit, so the batch as a whole fails.
            if (!this.db.inTransaction) throw error;
            outcomes.push({ ok: false, error });
          } finally {
            this.current = null;
          }
        }
        workMs = performance.now() - workStarted;
      })();
    } catch (error) {
      // BEGIN or COMMIT failed, or the transaction was lost: nothing of this batch is durable.
      // A full disk or a lock held elsewhere answers 503 UNAVAILABLE, not 500.
      const failure = mapWriteFailure(this.db, error);
      for (const job of batch) job.reject(failure);
      if (this.queue.length > 0) this.schedule();
      return;
    } finally {
      this.lastEnd = performance.now();
      this.lastCommitMs = Math.max(0, this.lastEnd - started - workMs);
      this.counters.busyMs += this.lastEnd - started;
    }
    this.counters.batches += 1;
    this.counters.writes += batch.length;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
    batch.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome ? mapWriteFailure(this.db, outcome.error) : new Error("group commit: write without outcome"));
    });
    if (this.queue.length > 0) this.schedule();
  }
}

const perDatabase = new WeakMap<Db, GroupCommit>();

/** One group committer per connection: batches only make sense over a single SQLite handle. */
export function groupCommitFor(db: Db): GroupCommit {
  let group = perDatabase.get(db);
  if (!group) {
    group = new GroupCommit(db);
    perDatabase.set(db, group);
  }
  return group;
}
