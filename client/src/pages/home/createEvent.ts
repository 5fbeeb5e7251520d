// Creating an event always ends the same way, from the form or from an event file: straight to
// its organiser page, with the keys only in that page's URL fragment (nothing stored).
import { ApiError, request } from "../../api/http";
import { CreateEventReply, type CreateEventBody } from "../../../../shared/schemas";
import { adminPath } from "../../features/links/links";
import { apiPaths } from "../../api/paths";

/** organiserKey: needed only when the server was started with ORGANISER_KEY. */
export async function createAndOpen(body: CreateEventBody, organiserKey: string): Promise<void> {
  const reply = await request("POST", apiPaths.events(), CreateEventReply, { body, token: organiserKey.trim() || null });
  window.location.assign(adminPath(reply.event.code, reply.adminToken, reply.screenKey, true));
}

/**
 * Why creating failed, in the page's words (`t` of the home catalog); a 401 means this server wants
 * the organiser key, which the page then asks for. Other refusals are the server's own message,
 * which it words in the browser's language (Accept-Language).
 */
export function createFailure(err: unknown, t: (key: string) => string): { message: string; needsKey: boolean } {
  if (err instanceof ApiError && err.status === 401) return { needsKey: true, message: t("createNeedsKey") };
  return { needsKey: false, message: err instanceof ApiError ? err.message : t("createFailed") };
}
