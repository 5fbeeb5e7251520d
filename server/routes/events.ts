// Events: create, read, settings, whole-programme replacement.
import { AppError } from "../../shared/errors";
import { CodeParams, CreateEventBody, CreateEventReply, EventReply, PatchEventBody, PutContentBody } from "../../shared/schemas";
import { hashSecret, sameHash } from "../crypto";
import { bearerToken } from "../http/auth";
import { RATE_LIMITS } from "../plugins/security";
import { defineRoute } from "../http/route";
import type { Services } from "../services/app-services";
import { createEvent, patchEvent, replaceContent } from "../services/content";
import { eventView } from "../services/event-view";

export function eventRoutes(s: Services) {
  const { ctx } = s;
  const organiserKeyHash = s.settings.organiserKey ? hashSecret(s.settings.organiserKey) : null;
  return [
    defineRoute({
      method: "POST", url: "/api/events", tag: "events", access: "anyone", status: 201,
      summary: "Create an event (needs Bearer ORGANISER_KEY when the server has one). Returns the admin token and screen key once. liveBatchSeconds left out: 15 (live bars in batches) under 100 expectedParticipants or unset, else 0.",
      body: CreateEventBody, response: CreateEventReply, errors: ["BAD_REQUEST", "UNAUTHORIZED", "RATE_LIMITED", "NOT_ALLOWED", "PAYLOAD_TOO_LARGE"],
      rateLimit: RATE_LIMITS.createEvent,
      handler: ({ body, request }) => {
        if (organiserKeyHash) {
          const token = bearerToken(request);
          if (!token || !sameHash(hashSecret(token), organiserKeyHash)) throw new AppError("UNAUTHORIZED", "Creating events needs the organiser key.");
        }
        const created = createEvent(ctx, body);
        return { event: eventView(ctx, created.event), adminToken: created.adminToken, screenKey: created.screenKey };
      },
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code", tag: "events", access: "anyone", status: 200,
      summary: "Read an event: settings, areas and proposals.",
      params: CodeParams, response: EventReply, errors: ["NOT_FOUND"],
      rateLimit: RATE_LIMITS.eventLookup,
      handler: ({ event }) => ({ event: eventView(ctx, event) }),
    }),
    defineRoute({
      method: "PATCH", url: "/api/events/:code", tag: "events", access: "admin", status: 200,
      summary: "Change the event's settings (liveBatchSeconds 0..300, liveBatchBallots 1..50: the room's results in batches; a change publishes at once).",
      params: CodeParams, body: PatchEventBody, response: EventReply, errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ event, body }) => {
        patchEvent(ctx, event, body);
        return { event: eventView(ctx, refreshed(s, event.id)) };
      },
    }),
    defineRoute({
      method: "PUT", url: "/api/events/:code/content", tag: "events", access: "admin", status: 200,
      summary: "Replace all areas and proposals (refused with EVENT_LOCKED once any vote exists).",
      params: CodeParams, body: PutContentBody, response: EventReply, errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "EVENT_LOCKED", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"],
      handler: ({ event, body }) => {
        replaceContent(ctx, event, body.areas);
        return { event: eventView(ctx, refreshed(s, event.id)) };
      },
    }),
  ];
}

export function refreshed(s: Services, eventId: number) {
  const event = s.ctx.repos.events.byId(eventId);
  if (!event) throw new AppError("NOT_FOUND", "The event no longer exists.");
  return event;
}
