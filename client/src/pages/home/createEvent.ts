// Creating an event always ends the same way, from the form or from an event file: straight to
// its organiser page, with the keys only in that page's URL fragment (nothing stored).
import { ApiError, request } from "../../api/http";
import { CreateEventReply, type CreateEventBody } from "../../../../shared/schemas";
import { adminPath } from "../admin/links";
import { apiPaths } from "../../api/paths";

/** organiserKey: needed only when the server was started with ORGANISER_KEY. */
export async function createAndOpen(body: CreateEventBody, organiserKey: string): Promise<void> {
  const reply = await request("POST", apiPaths.events(), CreateEventReply, { body, token: organiserKey.trim() || null });
  window.location.assign(adminPath(reply.event.code, reply.adminToken, reply.screenKey, true));
}

/** Why creating failed; a 401 means this server wants the organiser key, which the page then asks for. */
export function createFailure(err: unknown): { message: string; needsKey: boolean } {
  if (err instanceof ApiError && err.status === 401) {
    return { needsKey: true, message: "This server lets only organisers create events: enter the organiser key (ask whoever started the server) and try again." };
  }
  return { needsKey: false, message: err instanceof ApiError ? err.message : "Could not create the event." };
}
