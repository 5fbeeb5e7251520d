// The one error handler: every refusal becomes { error: { code, message } } with the API's status;
// anything unexpected becomes a 500 without details (logged, never shown).
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError, ERROR_STATUS, type ErrorBody, type ErrorCode } from "../../shared/errors";
import { mapWriteFailure } from "../db/unavailable";
import { eventOfRequest } from "../http/request-event";
import { errorLanguage, localizedMessage } from "../i18n/error-message";

function send(reply: FastifyReply, code: ErrorCode, message: string, status: number = ERROR_STATUS[code]) {
  const body: ErrorBody = { error: { code, message } };
  return reply.code(status).type("application/json; charset=utf-8").send(body);
}

/** Fastify's own errors (bad JSON, body too large, wrong content type…) mapped to the API's codes. */
function fromFastify(err: FastifyError): { code: ErrorCode; message: string } | null {
  const status = err.statusCode ?? 500;
  if (status === 413) return { code: "PAYLOAD_TOO_LARGE", message: "The request body is too large." };
  if (status === 429) return { code: "RATE_LIMITED", message: "Too many requests. Wait a moment and try again." };
  if (status === 415) return { code: "BAD_REQUEST", message: "Send JSON with content-type: application/json." };
  if (err.code === "FST_ERR_CTP_EMPTY_JSON_BODY") return { code: "BAD_REQUEST", message: "The body is empty: send a JSON object (at least {})." };
  if (status >= 400 && status < 500) return { code: "BAD_REQUEST", message: err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err.name === "SyntaxError" ? "The body is not valid JSON." : "The request is not valid." };
  return null;
}

/**
 * Errors Fastify raises before routing (a malformed escape, a path segment over maxParamLength):
 * no hook has run, so without this they would go out in Fastify's own shape and without the
 * security headers.
 */
export function frameworkError(_err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const message = localizedMessage(errorLanguage(request, undefined), "BAD_REQUEST", "The address is not valid.");
  void send(reply.header("x-content-type-options", "nosniff").header("content-security-policy", "default-src 'none'; frame-ancestors 'none'"), "BAD_REQUEST", message);
}

/** Register before the routes: a route takes the error handler in force when it is added. */
export const errorsPlugin = fp(async (app) => {
  const { db } = app.ctx;
  const { serveIndex } = app;
  // Messages in the caller's language (API 1.1); codes and statuses never change.
  // The event's language only when the route already found the event: nothing here reads the
  // database for a code, so a refusal cannot tell a real code from a made-up one.
  const say = (request: FastifyRequest, code: ErrorCode, english: string, err?: unknown) =>
    localizedMessage(errorLanguage(request, eventOfRequest(request)?.language), code, english, err);
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return send(reply, err.code, say(request, err.code, err.message, err));
    // A full disk, a lock held by another process, an I/O error: the machine's state, so 503.
    const unavailable = mapWriteFailure(db, err);
    if (unavailable instanceof AppError) {
      request.log.warn({ sqlite: (err as { code?: unknown }).code }, "database unavailable");
      return send(reply, unavailable.code, say(request, unavailable.code, unavailable.message));
    }
    const mapped = fromFastify(err);
    if (mapped) return send(reply, mapped.code, say(request, mapped.code, mapped.message));
    request.log.error({ err }, "unhandled error");
    return send(reply, "INTERNAL", say(request, "INTERNAL", "Internal error."));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    // Client-side routes (/e/CODE/...) get the app's page; everything API-like gets a JSON 404.
    if (serveIndex && request.method === "GET" && !path.startsWith("/api/") && !path.startsWith("/socket.io") && !/\.[a-z0-9]+$/i.test(path)) {
      return serveIndex(request, reply);
    }
    return send(reply, "NOT_FOUND", say(request, "NOT_FOUND", "No such endpoint."));
  });
}, { name: "errors", fastify: "5.x", dependencies: ["database", "static-client"] });
