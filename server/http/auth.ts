// Who is calling: identity comes only from the bearer token, never from a payload field.
import type { FastifyRequest } from "fastify";
import { AppError } from "../../shared/errors";
import { hashSecret, sameHash } from "../crypto";
import type { EventRow } from "../repos/events";
import type { ParticipantRow } from "../repos/participants";
import type { Repos } from "../repos";

export type Role = "admin" | "screen" | "participant" | "anonymous";

export interface Caller {
  role: Role;
  participant: ParticipantRow | null;
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
  const event = repos.events.byTokenHash(hash);
  if (!event) return null;
  return { event, caller: { role: sameHash(hash, event.admin_token_hash) ? "admin" : "screen", participant: null } };
}

export type Access = "anyone" | "admin" | "participant";

export function authorize(caller: Caller, access: Access): void {
  if (access === "anyone") return;
  if (caller.role === "anonymous") throw new AppError("UNAUTHORIZED", "This needs an Authorization: Bearer token.");
  if (caller.role !== access) {
    throw new AppError("FORBIDDEN", access === "admin" ? "Only the event's admin link may do this." : "Only a participant may do this.");
  }
}
