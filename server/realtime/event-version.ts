// A fingerprint of the event as clients see it. A phone that already holds this version (from the
// page's HTML or an earlier push) names it in the socket handshake (`since`), and the server does
// not send the whole event again on connect: on a poor link that is ~6 KB per (re)connection.
// Taken from the view itself, so every change a client could see changes it, whatever caused it.
import { createHash } from "node:crypto";
import type { Event } from "../../shared/schemas";

export function eventVersion(view: Event): string {
  return createHash("sha256").update(JSON.stringify(view)).digest("base64url").slice(0, 16);
}
