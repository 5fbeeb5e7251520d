// What every service needs: the database, its repositories, a clock (injectable for tests) and
// where committed writes are announced.
import type { Db } from "../db/open";
import type { DomainEventMap, DomainEventName, DomainEvents } from "../events/domain-events";
import type { Repos } from "../repos";

export interface Ctx {
  db: Db;
  repos: Repos;
  now: () => string;
  /** Absent in offline tools (scripts/, some tests): nothing there listens. buildApp always sets it. */
  events?: DomainEvents;
}

/**
 * Announces a write. Call it after the transaction has returned (committed), never inside one:
 * a listener that reads the database must see the write, and a refused write announces nothing.
 */
export function committed<K extends DomainEventName>(ctx: Ctx, name: K, payload: DomainEventMap[K]): void {
  if (ctx.db.inTransaction) throw new Error(`domain event ${name} emitted inside a transaction`);
  ctx.events?.emit(name, payload);
}
