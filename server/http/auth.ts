// Who is calling: identity comes only from the bearer token, never from a payload field.
import type { FastifyRequest } from "fastify";
import { AppError } from "../../shared/errors";
import { hashSecret, sameHash } from "../crypto";
import type { EventRow } from "../repos/events";
import type { ParticipantRow } from "../repos/participants";
import type { Repos } from "../repos";

/** editor: a working group's rapporteur, through the editor link of one area (issue 13). */
export type Role = "admin" | "screen" | "participant" | "editor" | "anonymous";

export interface Caller {
  role: Role;
  participant: ParticipantRow | null;
  /** The one area an editor link may draft (role "editor" only). */
  editorAreaId?: string;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== "string") return null;
  const m = /^Bearer\s+(\S{1,200})$/i.exec(header.trim());
  return m?.[1] ?? null;
}

/** Resolves a token against one event. A token of another event is simply unknown here. */
export function identify(repos: Repos, event: EventRow, token: string | null): Caller {
  if (token === null) return { role: "anonymous", participant: null };
  const hash = hashSecret(token);
  if (sameHash(hash, event.admin_token_hash)) return { role: "admin", participant: null };
  if (sameHash(hash, event.screen_key_hash)) return { role: "screen", participant: null };
  const participant = repos.participants.byToken(hash);
  if (participant && participant.event_id === event.id) return { role: "participant", participant };
  const editor = repos.editorKeys.byHash(hash);
  if (editor && repos.areas.byId(editor.area_id, event.id)) return { role: "editor", participant: null, editorAreaId: editor.area_id };
  throw new AppError("UNAUTHORIZED", "This token is not valid for this event.");
}

/**
 * Who a token names, found from the token alone: never through an event code, so that asking costs
 * the same whether the code in the path exists or not (docs/SECURITY.md, finding 9). Null for a
 * token that names nobody.
 */
export function holderOf(repos: Repos, token: string): { event: EventRow; caller: Caller } | null {
  const hash = hashSecret(token);
  const participant = repos.participants.byToken(hash);
  if (participant) {
    const event = repos.events.byId(participant.event_id);
    return event ? { event, caller: { role: "participant", participant } } : null;
  }
  const editor = repos.editorKeys.byHash(hash);
  if (editor) {
    const event = repos.events.byArea(editor.area_id);
    return event ? { event, caller: { role: "editor", participant: null, editorAreaId: editor.area_id } } : null;
  }
  const event = repos.events.byTokenHash(hash);
  if (!event) return null;
  return { event, caller: { role: sameHash(hash, event.admin_token_hash) ? "admin" : "screen", participant: null } };
}

type Holder = ReturnType<typeof holderOf>;
const heldBy = new WeakMap<FastifyRequest, Holder>();

/**
 * holderOf for a request's bearer token, resolved once per request: its rate-limit key
 * (security/rate-limits.ts) asks first, and the route's caller (plugins/auth.ts) then takes the
 * participant from here instead of hashing and looking the token up a second time.
 */
export function holderOfRequest(repos: Repos, request: FastifyRequest): Holder {
  if (heldBy.has(request)) return heldBy.get(request) ?? null;
  const token = bearerToken(request);
  const holder = token ? holderOf(repos, token) : null;
  heldBy.set(request, holder);
  return holder;
}

/** What holderOfRequest found for this request, if anything asked; undefined when nothing did. */
export function heldHolder(request: FastifyRequest): Holder | undefined {
  return heldBy.get(request);
}

/**
 * content: the admin, or an area's editor link (the service then holds it to its area and to the
 * draft); member: any token of the event (each route shows a caller only its own part).
 */
export type Access = "anyone" | "admin" | "participant" | "content" | "member";

const ADMITS: Record<Exclude<Access, "anyone">, readonly Role[]> = {
  admin: ["admin"],
  participant: ["participant"],
  content: ["admin", "editor"],
  member: ["admin", "editor", "participant"],
};

/** The participant a participant-only route acts for (the route's access has admitted only them). */
export function requireParticipant(caller: Caller): ParticipantRow {
  if (!caller.participant) throw new AppError("FORBIDDEN", "Only a participant may do this.");
  return caller.participant;
}

export function authorize(caller: Caller, access: Access): void {
  if (access === "anyone") return;
  if (caller.role === "anonymous") throw new AppError("UNAUTHORIZED", "This needs an Authorization: Bearer token.");
  if (access === "content" || access === "member") {
    if (!ADMITS[access].includes(caller.role)) {
      throw new AppError("FORBIDDEN", access === "content" ? "Only the event's admin link or this area's editor link may do this." : "This needs the admin link, an editor link or a participant's token.");
    }
    return;
  }
  if (caller.role !== access) {
    throw new AppError("FORBIDDEN", access === "admin" ? "Only the event's admin link may do this." : "Only a participant may do this.");
  }
}
