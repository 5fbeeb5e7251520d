// Before the vote (issue 13): editor links for the groups' rapporteurs, the room's suggestions and
// their moderation. Handlers call one service each; the services announce what changed.
import type { ErrorCode } from "../../shared/errors";
import {
  AcceptSuggestionBody,
  AreaParams,
  CodeParams,
  EditorKeyReply,
  ProposalReply,
  SuggestionBody,
  SuggestionCreatedReply,
  SuggestionParams,
  SuggestionReply,
  SuggestionsReply,
} from "../../shared/schemas";
import { requireParticipant } from "../http/auth";
import { defineRoute } from "../http/route";
import { RATE_LIMITS } from "../security/rate-limits";
import type { Services } from "../services/app-services";
import { proposalViewById } from "../services/event-view";
import { acceptSuggestion, createEditorKey, listSuggestions, rejectSuggestion, suggest } from "../services/suggestions";
import { refreshed } from "./events";

const MODERATION_ERRORS: ErrorCode[] = ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "NOT_ALLOWED"];

export function draftingRoutes(s: Services) {
  const { ctx } = s;
  return [
    defineRoute({
      method: "POST", url: "/api/events/:code/areas/:areaId/editor-key", tag: "drafting", access: "admin", status: 201,
      summary: "A new editor link for the area's working group (shown once; the area's previous link stops working). It may add, edit, reorder and delete that area's proposals while the area is in draft and not locked.",
      params: AreaParams, response: EditorKeyReply, errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ event, params }) => ({ editorKey: createEditorKey(ctx, event, params.areaId) }),
    }),
    defineRoute({
      method: "POST", url: "/api/events/:code/areas/:areaId/suggestions", tag: "drafting", access: "participant", status: 201,
      summary: "A participant suggests a proposal for an area open for suggestions (Area.suggestions). Nothing ties it to the phone in any output.",
      params: AreaParams, body: SuggestionBody, response: SuggestionCreatedReply, errors: [...MODERATION_ERRORS, "PAYLOAD_TOO_LARGE", "RATE_LIMITED"],
      rateLimit: RATE_LIMITS.suggestion,
      handler: ({ event, params, body, caller }) => {
        const made = suggest(ctx, event, params.areaId, requireParticipant(caller).id, body);
        return { suggestion: { id: made.id, status: made.status } };
      },
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/suggestions", tag: "drafting", access: "member", status: 200,
      summary: "Suggestions: the admin sees every area's, an editor link its area's, a participant its own (with their status). Never who sent them.",
      params: CodeParams, response: SuggestionsReply, errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ event, caller }) => ({ suggestions: listSuggestions(ctx, event, caller) }),
    }),
    defineRoute({
      method: "POST", url: "/api/events/:code/suggestions/:suggestionId/accept", tag: "drafting", access: "content", status: 201,
      summary: "Accept a pending suggestion as a new proposal of its area (its text, or `title`/`body` as edited), or merge it into one of the area's proposals (`mergeInto`; an edit replaces that proposal's text). The area must be in draft.",
      params: SuggestionParams, body: AcceptSuggestionBody, response: ProposalReply,
      errors: [...MODERATION_ERRORS, "EVENT_LOCKED", "UNKNOWN_PROPOSAL", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"],
      rateLimit: RATE_LIMITS.adminWrite,
      handler: ({ event, params, body, caller }) => {
        const proposalId = acceptSuggestion(ctx, event, params.suggestionId, caller, body ?? {});
        return { proposal: proposalViewById(ctx, refreshed(s, event.id), proposalId) };
      },
    }),
    defineRoute({
      method: "POST", url: "/api/events/:code/suggestions/:suggestionId/reject", tag: "drafting", access: "content", status: 200,
      summary: "Reject a pending suggestion.",
      params: SuggestionParams, response: SuggestionReply, errors: [...MODERATION_ERRORS, "RATE_LIMITED"],
      rateLimit: RATE_LIMITS.adminWrite,
      handler: ({ event, params, caller }) => ({ suggestion: rejectSuggestion(ctx, event, params.suggestionId, caller) }),
    }),
  ];
}
