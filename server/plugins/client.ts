// The static-client plugin: the built client (plugins/static-client.ts serves it), or nothing
// when there is no build. The pages' fallback (serveIndex) is for the not-found handler (errors).
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { installClient } from "./static-client";

export type ServeIndex = (request: FastifyRequest, reply: FastifyReply) => unknown;

declare module "fastify" {
  interface FastifyInstance {
    /** Answers a client-side route (/e/CODE/…) with its page; null without a client build. */
    serveIndex: ServeIndex | null;
  }
}

export interface ClientOptions {
  /** Built client to serve; null to serve the API only. */
  clientDir: string | null;
}

export const staticClientPlugin = fp<ClientOptions>(
  async (app, options) => {
    // The participant page carries the event (participant-page.ts): it reads it with the database
    // and spends the same failed look-up budget as the API for an unknown code.
    const data = { ctx: app.ctx, guard: app.guessGuard };
    app.decorate("serveIndex", options.clientDir ? await installClient(app, options.clientDir, data) : null);
  },
  { name: "static-client", fastify: "5.x", dependencies: ["database", "security"] },
);
