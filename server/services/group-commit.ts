// Group commit: writes that arrive together share one durable COMMIT. With synchronous=FULL every
// COMMIT waits for an fsync (~0.2 ms here), which caps one-transaction-per-request at a few
// thousand writes a second; a batch pays that wait once. Each write runs in its own savepoint, so
// a refused write is rolled back alone and the rest of its batch still commits; every caller is
// answered only after its batch is durable.
//
// The wait for the disk happens off the event loop. A batch commits with synchronous=NORMAL: SQLite
// appends its frames to the WAL without syncing, the loop goes on, and the WAL file is synced by
// libuv's thread pool (fdatasync, as SQLite's own sync in FULL does); its callers are answered when
// that sync returns. A sync covers every frame written before it began, so the batches committed
// while one sync runs share the next. Everything else holds as under FULL:
// - every other writer still commits with synchronous=FULL, set back after each batch;
// - SQLite syncs the WAL before each checkpoint and the WAL's header before it is reused, in NORMAL
//   as in FULL, so a checkpoint never copies or overwrites a frame that is not on disk;
// - a caller is never answered before the sync of its frames; a power cut before it loses only
//   writes nobody was told were saved (the phone's queue sends them again, and a ballot sent twice
//   is stored once). A reader on this connection can see a batch a moment before it is durable:
//   the projector may show a vote for the few hundred microseconds before its phone shows "saved";
// - a database without a WAL file (":memory:") keeps FULL and answers after the COMMIT.
import { open } from "node:fs/promises";
import { dirname } from "node:path";
import type { Db } from "../db/open";
import { AppError } from "../../shared/errors";
import { mapWriteFailure } from "../db/unavailable";

export interface GroupCommitStats {
  /** COMMITs that completed (including batches of one). */
  batches: number;
  /** Writes that went through, refused ones included. */
  writes: number;
  largestBatch: number;
  /** Time inside batch transactions (work, savepoints and COMMIT), milliseconds. */
  busyMs: number;
  /** Syncs of the WAL file off the event loop that completed (each answers one or more batches). */
  syncs: number;
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
  private readonly counters: GroupCommitStats = { batches: 0, writes: 0, largestBatch: 0, busyMs: 0, syncs: 0 };

  /** The WAL file synced off the loop, or null (no WAL: batches commit with FULL). */
  private readonly walFile: string | null;
  /** Batches committed and waiting for the next sync: their callers' answers. */
  private unsynced: Array<(failure: unknown) => void> = [];
  private syncing = false;
  /** The WAL's folder is synced once, at the first sync (see syncFile). */
  private folderSynced = false;

  /** The job running now: one savepoint wrapper serves every job instead of a new one per job. */
  private current: (() => unknown) | null = null;
  private readonly savepoint: () => unknown;

  constructor(private readonly db: Db) {
    // Called inside the batch transaction, a better-sqlite3 transaction function is a savepoint:
    // on a throw only the current job is undone.
    this.savepoint = db.transaction(() => this.current?.());
    const wal = db.memory ? false : String(db.pragma("journal_mode", { simple: true })).toLowerCase() === "wal";
    this.walFile = wal ? `${db.name}-wal` : null;
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
      this.setSynchronous("NORMAL");
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
      // Every other writer's COMMIT stays synced on the loop, whatever became of this batch.
      this.setSynchronous("FULL");
      this.lastEnd = performance.now();
      this.lastCommitMs = Math.max(0, this.lastEnd - started - workMs);
      this.counters.busyMs += this.lastEnd - started;
    }
    this.counters.batches += 1;
    this.counters.writes += batch.length;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
    const answer = (syncFailure: unknown) =>
      batch.forEach((job, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok && syncFailure === null) job.resolve(outcome.value);
        else if (outcome?.ok) job.reject(syncFailure);
        else job.reject(outcome ? mapWriteFailure(this.db, outcome.error) : new Error("group commit: write without outcome"));
      });
    if (this.walFile) {
      this.unsynced.push(answer);
      this.sync(this.walFile);
    } else answer(null);
    if (this.queue.length > 0) this.schedule();
  }

  /**
   * NORMAL for a batch (its sync is ours, off the loop), FULL for everyone else. Only with a WAL
   * file, and only outside a transaction, where SQLite allows the change (better-sqlite3 has rolled
   * a failed batch back; a batch never starts inside another transaction: flush runs from a timer).
   * Not a prepared statement: SQLite applies this pragma when it compiles it, so a re-run would do
   * nothing.
   */
  private setSynchronous(level: "NORMAL" | "FULL"): void {
    if (this.walFile && this.db.open && !this.db.inTransaction) this.db.exec(`PRAGMA synchronous = ${level}`);
  }

  /** Syncs the WAL off the loop for every batch committed so far; one sync at a time. */
  private sync(walFile: string): void {
    if (this.syncing || this.unsynced.length === 0) return;
    this.syncing = true;
    const answers = this.unsynced;
    this.unsynced = [];
    void syncFile(walFile, !this.folderSynced).then(
      () => {
        this.folderSynced = true;
        this.counters.syncs += 1;
        return null;
      },
      // The frames are in the file but perhaps not on the disk: nobody is told "saved"; the phone
      // sends its ballot again, which is then stored once.
      () => new AppError("UNAVAILABLE", "The server could not make sure this was written to its disk. Try again in a moment."),
    ).then((failure) => {
      this.syncing = false;
      for (const answer of answers) answer(failure);
      this.sync(walFile);
    });
  }
}

/**
 * fdatasync of a file by name, on libuv's thread pool. Opened each time, never kept: SQLite
 * deletes and recreates the WAL file when the last connection closes or the journal mode changes,
 * and a kept descriptor would then sync a file nobody writes. (The system syncs the file's pages
 * whichever descriptor wrote them; opened for writing, because Windows flushes only a handle that
 * may write.) With `folder`, the folder is synced too, as SQLite does at the first sync of a new
 * WAL: until then the file's name itself may not survive a power cut. Like SQLite's, that is best
 * effort: Windows cannot open a folder, some file systems refuse to sync one, and a failure there
 * is ignored. The WAL is created when the connection first reads, and stays for its life.
 */
async function syncFile(file: string, folder: boolean): Promise<void> {
  const handle = await open(file, "r+");
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
  if (folder) await open(dirname(file), "r").then((dir) => dir.sync().finally(() => dir.close())).catch(() => undefined);
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
