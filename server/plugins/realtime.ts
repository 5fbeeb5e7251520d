// The realtime plugin: Socket.IO on this server (realtime/realtime.ts), fed by the domain events
// of the write path (events/processors/realtime.ts), closed before the database.
import fp from "fastify-plugin";
import { realtimeProcessor } from "../events/processors/realtime";
import { createRealtime, type Realtime, type RealtimeOptions } from "../realtime/realtime";

declare module "fastify" {
  interface FastifyInstance {
    realtime: Realtime;
  }
}

export type RealtimePluginOptions = Omit<RealtimeOptions, "guard">;

export const realtimePlugin = fp<RealtimePluginOptions>(
  async (app, options) => {
    const { ctx } = app;
    const realtime = createRealtime(app.server, ctx, { ...options, guard: app.guessGuard });
    const unsubscribe = ctx.events ? realtimeProcessor(ctx.events, realtime) : () => {};
    app.decorate("realtime", realtime);
    app.addHook("preClose", async () => {
      unsubscribe();
      await realtime.close();
    });
  },
  { name: "realtime", fastify: "5.x", dependencies: ["database", "security"] },
);
