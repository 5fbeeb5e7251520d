// Rows a repo keeps between writes, for the look-ups every ballot repeats (its event, its token's
// participant, its area and the area's proposal ids). The rules that keep them equal to the database:
// - every write to the table goes through its repo, which wraps it in `changing` (or calls
//   `forget` first) when it changes or deletes rows, and in `inserting` when it adds one (no
//   trigger writes these tables, and no other process writes while the server runs);
// - a row read inside a transaction that has written the table is not kept, since a rollback could
//   undo what was read. A transaction that has not written it reads the committed row, which stays
//   true whatever becomes of the transaction, so that row is kept: the ballots of a group commit
//   (services/group-commit.ts) read their area inside the batch's transaction. "Has written" is
//   known conservatively: from a write inside a transaction until the next tick or a read outside one;
// - kept rows are frozen: a caller that changed one would change every later caller's;
// - only rows that exist are kept: a miss is read again every time, so a guess that finds
//   nothing costs the same whether or not it was asked before.
import type { Db } from "../db/open";

export interface KeptRows<K, R extends object> {
  /** The kept row for `key`, else `load()`'s, kept where the rules above allow. */
  read(key: K, load: () => R | undefined): R | undefined;
  /** Called by the repo before each of its writes that changes or deletes rows. */
  forget(): void;
  /** `run`, forgetting first: for a repo's writes that change or delete rows. */
  changing<A extends unknown[], T>(run: (...args: A) => T): (...args: A) => T;
  /** `run`, marking the transaction first: for a repo's inserts (no kept row goes stale, but a rollback could undo the new one). */
  inserting<A extends unknown[], T>(run: (...args: A) => T): (...args: A) => T;
}

/** `max` bounds the memory: past it, everything is forgotten and kept again as it is read. */
export function keptRows<K, R extends object>(db: Db, max = 100_000): KeptRows<K, R> {
  const kept = new Map<K, R>();
  let writtenInTransaction = false;
  const adding = (): void => {
    if (!db.inTransaction || writtenInTransaction) return;
    writtenInTransaction = true;
    // A transaction of better-sqlite3 runs to its COMMIT or ROLLBACK synchronously, so by the next
    // tick it is over and later transactions read committed rows again (one still open then, begun
    // by hand, leaves the mark until a read outside a transaction).
    process.nextTick(() => {
      if (!db.inTransaction) writtenInTransaction = false;
    });
  };
  const forget = (): void => {
    kept.clear();
    adding();
  };
  return {
    read(key, load) {
      if (!db.inTransaction) writtenInTransaction = false;
      const hit = kept.get(key);
      if (hit) return hit;
      const row = load();
      if (!row || writtenInTransaction) return row;
      if (kept.size >= max) kept.clear();
      kept.set(key, Object.freeze(row));
      return row;
    },
    forget,
    changing: (run) => (...args) => {
      forget();
      return run(...args);
    },
    inserting: (run) => (...args) => {
      adding();
      return run(...args);
    },
  };
}
