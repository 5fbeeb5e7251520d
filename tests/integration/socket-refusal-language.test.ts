// A refused socket handshake says why in the caller's language, as a refused HTTP request does
// (server/i18n/error-message.ts): Accept-Language of the handshake, else the event's language, else
// English; the code never changes. Real server, real Socket.IO clients over a real websocket.
import { connect } from "socket.io-client";
import { afterEach, beforeEach, expect, it } from "vitest";
import { SERVER_CATALOGS } from "../../shared/i18n/catalogs";
import { SOCKET_PATH } from "../../shared/socket-events";
import { api, createEvent, startServer, type TestServer } from "../helpers/app";
import { smallEvent } from "./support";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

/** The refusal of one handshake: its code and message, from the connect_error the client receives. */
function refusal(auth: Record<string, unknown>, acceptLanguage?: string): Promise<{ code?: string; message?: string }> {
  const socket = connect(server.url, {
    path: SOCKET_PATH,
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...(acceptLanguage ? { extraHeaders: { "Accept-Language": acceptLanguage } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => {
      socket.disconnect();
      reject(new Error("the handshake was accepted"));
    });
    socket.once("connect_error", (err: Error & { data?: { code?: string; message?: string } }) => {
      socket.disconnect();
      resolve(err.data ?? {});
    });
  });
}

it("words a refusal in the handshake's Accept-Language, with the code unchanged", async () => {
  const fr = await refusal({ code: "ZZZZZZ" }, "fr-CH, fr;q=0.9, en;q=0.5");
  expect(fr).toEqual({ code: "NOT_FOUND", message: SERVER_CATALOGS.fr.errors.NOT_FOUND });
  const ar = await refusal({}, "ar");
  expect(ar).toEqual({ code: "BAD_REQUEST", message: SERVER_CATALOGS.ar.errors.BAD_REQUEST });
  // English keeps the handshake's own sentence, byte for byte.
  expect(await refusal({ code: "ZZZZZZ" }, "en-GB")).toEqual({ code: "NOT_FOUND", message: "No event has this code." });
});

it("falls back to the event's language, then English; an unknown language falls back quietly", async () => {
  const ev = await createEvent(server.url, { ...smallEvent(), language: "de" });
  const forged = { code: ev.code, token: "adm_forged-token-that-does-not-exist" };
  const de = await refusal(forged);
  expect(de.code).toBe("UNAUTHORIZED");
  expect(de.message).toBe(SERVER_CATALOGS.de.errors.UNAUTHORIZED);
  // A language Plenary does not speak, then nothing the event says: English.
  const none = await refusal({ code: "ZZZZZZ" }, "xx-YY");
  expect(none.code).toBe("NOT_FOUND");
  expect(none.message).toBe("No event has this code.");
  // The same choice as an HTTP refusal of the same caller.
  const http = await api(server.url, "GET", `/api/events/${ev.code}/invite-batches`, { token: "adm_forged-token-that-does-not-exist" });
  expect((http.body as { error: { message: string } }).error.message).toBe(de.message);
});
