// While the server shuts down: requests already being handled finish and are answered; a request
// that starts now gets 503 UNAVAILABLE in the API's error shape; every answer from now on closes
// its connection, so no keep-alive connection lingers for its timeout (issue 11, finding 7).
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { ErrorBody } from "../../shared/errors";
import type { Connections } from "../http/connections";

const BODY: ErrorBody = { error: { code: "UNAVAILABLE", message: "The server is shutting down. Try again in a moment." } };

export interface Draining {
  /** From now on: newcomers 503, answers close their connection, idle keep-alive connections closed. */
  start(): void;
  /**
   * Resolves when the requests already sent have most likely been read: no connection accepted for
   * `quietMs` and none left that has not sent its request, or after `maxMs` (a busy hall never
   * goes quiet). Closing the listening socket earlier resets connections still in the kernel's queue.
   */
  settled(quietMs: number, maxMs: number): Promise<void>;
}

/** Register first, so its hooks run before the others. */
export function installDraining(app: FastifyInstance, connections: Connections): Draining {
  let draining = false;
  const start = () => {
    draining = true;
    // A connection that has been answered and waits for its next request has nothing in flight.
    connections.closeIdle(false);
  };
  app.addHook("preClose", async () => {
    start();
    // The server stops listening next: connections that never sent a request are closed too.
    connections.closeIdle(true);
  });
  // Requests whose headers came in after the signal; those already arriving are served in full.
  const newcomers = new WeakSet<object>();
  app.addHook("onRequest", async (request) => {
    if (draining) newcomers.add(request);
  });
  // Refused after the body is read, not on arrival: closing a connection with an unread body in
  // its receive buffer makes the kernel send a reset, and the phone would never see this answer.
  app.addHook("preValidation", async (request, reply) => {
    if (!newcomers.has(request)) return;
    // Tells the phone's app (and any proxy) when to try again: a restart takes a few seconds.
    return reply.code(503).header("connection", "close").header("retry-after", "5").type("application/json; charset=utf-8").send(BODY);
  });
  app.addHook("onSend", async (_request, reply) => {
    if (draining) reply.header("connection", "close");
  });
  const settled = (quietMs: number, maxMs: number) => new Promise<void>((resolve) => {
    const started = performance.now();
    const check = () => {
      const quiet = connections.sinceLastAccept() >= quietMs && connections.waitingForRequest() === 0;
      if (quiet || performance.now() - started >= maxMs) resolve();
      else setTimeout(check, 20);
    };
    check();
  });
  return { start, settled };
}

declare module "fastify" {
  interface FastifyInstance {
    draining: Draining;
  }
}

/** Register first, so its hooks run before the others. */
export const drainingPlugin = fp<{ connections: Connections }>(
  async (app, options) => {
    app.decorate("draining", installDraining(app, options.connections));
  },
  { name: "draining", fastify: "5.x" },
);
