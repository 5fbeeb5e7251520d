// Areas and their proposals: add, change, reorder, delete, open and close.
import type { ErrorCode } from "../../shared/errors";
import { AreaInput, AreaParams, AreaReply, CodeParams, EventReply, PatchAreaBody, PatchProposalBody, ProposalInput, ProposalParams, ProposalReply, RunoffBody, VotingBody } from "../../shared/schemas";
import { defineRoute } from "../http/route";
import { RATE_LIMITS } from "../security/rate-limits";
import type { Services } from "../services/app-services";
import { addArea, addProposal, deleteArea, deleteProposal, patchArea, patchProposal, setVoting } from "../services/content";
import { createRunoff } from "../services/runoff";
import { areaViewById, eventView, proposalViewById } from "../services/event-view";
import { refreshed } from "./events";

const ADMIN_ERRORS: ErrorCode[] = ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"];

export function areaRoutes(s: Services) {
  const { ctx } = s;
  const areaReply = (eventId: number, areaId: string) => {
    return { area: areaViewById(ctx, refreshed(s, eventId), areaId) };
  };
  return [
    defineRoute({
      method: "POST", url: "/api/events/:code/areas", tag: "areas", access: "admin", status: 201,
      summary: "Add an area (with optional proposals) at the end of the programme. method defaults to approval; maxPerProposal (dots) to maxVotes, 400 above it.",
      params: CodeParams, body: AreaInput, response: AreaReply, errors: [...ADMIN_ERRORS, "PAYLOAD_TOO_LARGE", "RATE_LIMITED"],
      handler: ({ event, body }) => areaReply(event.id, addArea(ctx, event, body)),
    }),
    defineRoute({
      method: "PATCH", url: "/api/events/:code/areas/:areaId", tag: "areas", access: "admin", status: 200,
      summary: "Change an area: title, vote limit, voting method and maxPerProposal (400 above maxVotes; 409 EVENT_LOCKED for a method change once it has votes, a ranking's maxVotes once it has votes, a limit or cap below a cast ballot), status (draft/open/closed), reveal, position.",
      params: AreaParams, body: PatchAreaBody, response: AreaReply, errors: [...ADMIN_ERRORS, "EVENT_LOCKED"],
      handler: ({ event, params, body }) => {
        patchArea(ctx, event, params.areaId, body);
        return areaReply(event.id, params.areaId);
      },
    }),
    defineRoute({
      method: "DELETE", url: "/api/events/:code/areas/:areaId", tag: "areas", access: "admin", status: 204,
      summary: "Delete an area and its proposals (refused once it has votes).",
      params: AreaParams, response: null, errors: [...ADMIN_ERRORS, "EVENT_LOCKED"],
      handler: ({ event, params }) => {
        deleteArea(ctx, event, params.areaId);
        return undefined;
      },
    }),
    defineRoute({
      method: "POST", url: "/api/events/:code/areas/:areaId/proposals", tag: "proposals", access: "content", status: 201,
      summary: "Add a proposal to an area (refused while the area is open or has votes). An editor link: its own area, in draft, unless locked.",
      params: AreaParams, body: ProposalInput, response: ProposalReply, errors: [...ADMIN_ERRORS, "EVENT_LOCKED", "NOT_ALLOWED", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"],
      rateLimit: RATE_LIMITS.adminWrite,
      handler: ({ event, params, body, caller }) => {
        const id = addProposal(ctx, event, params.areaId, body, caller);
        return { proposal: proposalReply(s, event.id, id) };
      },
    }),
    defineRoute({
      method: "PATCH", url: "/api/events/:code/proposals/:proposalId", tag: "proposals", access: "content", status: 200,
      summary: "Change a proposal's title, body or position (text fixes stay allowed after votes; an editor link: its area, in draft). With `version`, refused (NOT_ALLOWED) when someone saved it since.",
      params: ProposalParams, body: PatchProposalBody, response: ProposalReply, errors: [...ADMIN_ERRORS, "EVENT_LOCKED", "NOT_ALLOWED", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"],
      rateLimit: RATE_LIMITS.adminWrite,
      handler: ({ event, params, body, caller }) => {
        patchProposal(ctx, event, params.proposalId, body, caller);
        return { proposal: proposalReply(s, event.id, params.proposalId) };
      },
    }),
    defineRoute({
      method: "DELETE", url: "/api/events/:code/proposals/:proposalId", tag: "proposals", access: "content", status: 204,
      summary: "Delete a proposal (refused once it has votes; an editor link: its area, in draft).",
      params: ProposalParams, response: null, errors: [...ADMIN_ERRORS, "EVENT_LOCKED", "NOT_ALLOWED"],
      rateLimit: RATE_LIMITS.adminWrite,
      handler: ({ event, params, caller }) => {
        deleteProposal(ctx, event, params.proposalId, caller);
        return undefined;
      },
    }),
    defineRoute({
      method: "POST", url: "/api/events/:code/voting", tag: "areas", access: "admin", status: 200,
      summary: "Open or close voting in some areas, or in all when areaIds is omitted. With status open, durationSeconds (10..86400) sets when the areas close by themselves, also on areas already open (extend: a new deadline from now); null removes the deadline; closing clears it.",
      params: CodeParams, body: VotingBody, response: EventReply, errors: ADMIN_ERRORS,
      handler: ({ event, body }) => {
        setVoting(ctx, event, body.status, body.areaIds, body.durationSeconds);
        return { event: eventView(ctx, refreshed(s, event.id)) };
      },
    }),
    defineRoute({
      method: "POST", url: "/api/events/:code/areas/:areaId/runoff", tag: "areas", access: "admin", status: 201,
      summary: "From a closed area, a new draft area right after it with the proposals ranked `top` or better (ties at the cut all go through; a proposal nobody chose never does), linked by roundOf. 409 NOT_ALLOWED unless the area is closed, at least two proposals qualify and its voters reach the privacy threshold.",
      params: AreaParams, body: RunoffBody, response: AreaReply, errors: [...ADMIN_ERRORS, "NOT_ALLOWED", "PAYLOAD_TOO_LARGE"],
      handler: ({ event, params, body }) => areaReply(event.id, createRunoff(ctx, event, params.areaId, body.top)),
    }),
  ];
}

function proposalReply(s: Services, eventId: number, proposalId: string) {
  return proposalViewById(s.ctx, refreshed(s, eventId), proposalId);
}
