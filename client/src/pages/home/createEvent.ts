// Creating an event always ends the same way, from the form or from an event file: straight to
// its organiser page, with the keys only in that page's URL fragment (nothing stored).
import { request } from "../../api/http";
import { CreateEventReply, type CreateEventBody } from "../../../../shared/schemas";
import { adminPath } from "../admin/links";

export async function createAndOpen(body: CreateEventBody): Promise<void> {
  const reply = await request("POST", "/api/events", CreateEventReply, { body });
  window.location.assign(adminPath(reply.event.code, reply.adminToken, reply.screenKey, true));
}
