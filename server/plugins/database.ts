// The database plugin: opens SQLite (integrity checked, migrations applied: db/open.ts), builds the
// context every service takes, and closes the database last, after everything that uses it.
import fp from "fastify-plugin";
import { openDatabase } from "../db/open";
import { createDomainEvents } from "../events/domain-events";
import { createRepos } from "../repos";
import type { Ctx } from "../services/context";

declare module "fastify" {
  interface FastifyInstance {
    /** The database, its repositories, the clock and the domain events (services/context.ts). */
    ctx: Ctx;
  }
}

export interface DatabaseOptions {
  /** SQLite file (":memory:" for throwaway tests). */
  databaseFile: string;
  now?: () => string;
}

export const databasePlugin = fp<DatabaseOptions>(
  async (app, options) => {
    const db = openDatabase(options.databaseFile);
    const ctx: Ctx = {
      db,
      repos: createRepos(db),
      now: options.now ?? (() => new Date().toISOString()),
      // A failing listener must not fail the write it follows (committed already): logged instead.
      events: createDomainEvents((err, name) => app.log.error({ err, event: name }, "domain event listener failed")),
    };
    app.decorate("ctx", ctx);
    app.addHook("onClose", async () => {
      db.close();
    });
  },
  { name: "database", fastify: "5.x" },
);
