// While the server shuts down: requests already being handled finish and are answered; a request
// that starts now gets 503 UNAVAILABLE in the API's error shape; every answer from now on closes
// its connection, so no keep-alive connection lingers for its timeout (issue 11, finding 7).
import type { FastifyInstance } from "fastify";
import type { ErrorBody } from "../../shared/errors";

const BODY: ErrorBody = { error: { code: "UNAVAILABLE", message: "The server is shutting down. Try again in a moment." } };

/** Register first: its preClose hook must run before the others, its onRequest before the rate limits. */
export function installDraining(app: FastifyInstance): void {
  let draining = false;
  app.addHook("preClose", async () => {
    draining = true;
  });
  app.addHook("onRequest", async (_request, reply) => {
    if (!draining) return;
    // Tells the phone's app (and any proxy) when to try again: a restart takes a few seconds.
    return reply.code(503).header("connection", "close").header("retry-after", "5").type("application/json; charset=utf-8").send(BODY);
  });
  app.addHook("onSend", async (_request, reply) => {
    if (draining) reply.header("connection", "close");
  });
}
