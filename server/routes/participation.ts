// Joining and voting: the participant's side, plus paper ballots entered by the organiser.
import { AreaParams, BallotReply, CodeParams, JoinBody, JoinReply, PaperBallotBody, PaperBallotParams, PaperBallotReply, PaperBallotsReply, PutBallotBody, PutBallotReply } from "../../shared/schemas";
import { RATE_LIMITS } from "../plugins/security";
import { defineRoute } from "../http/route";
import type { Services } from "../services/app-services";
import { ballotOf, castBallotGrouped, castPaperBallot, deletePaperBallot, paperBallots } from "../services/ballots";
import { join } from "../services/participants";
import { requireParticipant } from "../http/auth";

export function participationRoutes(s: Services) {
  const { ctx } = s;
  return [
    defineRoute({
      method: "POST", url: "/api/events/:code/participants", tag: "participants", access: "anyone", status: 201,
      summary: "Join an event. Rejoining with the same invite, or sending the same joinKey again, returns a token for the same participant, ballot kept.",
      params: CodeParams, body: JoinBody, response: JoinReply,
      errors: ["BAD_REQUEST", "NOT_FOUND", "INVITE_REQUIRED", "INVITE_INVALID", "RATE_LIMITED", "VOTING_CLOSED", "TOO_MANY_VOTES", "TOO_MANY_DOTS", "DUPLICATE_PROPOSAL", "UNKNOWN_PROPOSAL"],
      rateLimit: RATE_LIMITS.join,
      handler: ({ event, body }) => {
        const first = body?.ballot;
        const joined = join(ctx, event, body?.invite, first, body?.joinKey);
        return joined.ballot && first
          ? { participantToken: joined.token, ballot: { areaId: first.areaId, proposalIds: joined.ballot.proposalIds } }
          : { participantToken: joined.token };
      },
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/ballot", tag: "ballot", access: "participant", status: 200,
      summary: "The caller's own ballot: areaId → chosen proposal ids (dots: a proposal once per dot; ranking: in order of preference).",
      params: CodeParams, response: BallotReply, errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ event, caller }) => ({ ballot: ballotOf(ctx, event, requireParticipant(caller).id) }),
    }),
    defineRoute({
      method: "PUT", url: "/api/events/:code/ballot/:areaId", tag: "ballot", access: "participant", status: 200,
      summary: "Replace the caller's ballot in one area (idempotent; an empty list withdraws). Under the area's method: approval, distinct ids; dots, an id up to maxPerProposal times (over it: 422 TOO_MANY_DOTS), at most maxVotes in all; ranking, distinct ids in order of preference (a reordering is a change). Acknowledged after it commits.",
      params: AreaParams, body: PutBallotBody, response: PutBallotReply,
      errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "VOTING_CLOSED", "TOO_MANY_VOTES", "TOO_MANY_DOTS", "DUPLICATE_PROPOSAL", "UNKNOWN_PROPOSAL", "RATE_LIMITED"],
      // Per token, not per address: a whole room votes through one venue NAT.
      rateLimit: RATE_LIMITS.ballotWrite,
      handler: async ({ event, caller, params, body }) => {
        const participant = requireParticipant(caller);
        const result = await castBallotGrouped(ctx, event, participant, params.areaId, body.proposalIds);
        return { areaId: params.areaId, proposalIds: result.proposalIds };
      },
    }),
    defineRoute({
      method: "POST", url: "/api/events/:code/paper-ballots", tag: "ballot", access: "admin", status: 201,
      summary: "Enter a paper ballot: one more participant, same rules (each area's method), written whole or not at all; accepted for open and closed areas.",
      params: CodeParams, body: PaperBallotBody, response: PaperBallotReply,
      errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "VOTING_CLOSED", "TOO_MANY_VOTES", "TOO_MANY_DOTS", "DUPLICATE_PROPOSAL", "UNKNOWN_PROPOSAL"],
      handler: ({ event, body }) => {
        const paper = castPaperBallot(ctx, event, body.ballot);
        return { id: paper.id, ballot: paper.ballot };
      },
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/paper-ballots", tag: "ballot", access: "admin", status: 200,
      summary: "The paper ballots entered so far, oldest first (what the organiser typed in, to check or undo).",
      params: CodeParams, response: PaperBallotsReply, errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ event }) => ({ paperBallots: paperBallots(ctx, event) }),
    }),
    defineRoute({
      method: "DELETE", url: "/api/events/:code/paper-ballots/:paperBallotId", tag: "ballot", access: "admin", status: 204,
      summary: "Undo a paper ballot entered by mistake: its person and votes go, every count drops back.",
      params: PaperBallotParams, response: null, errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ event, params }) => {
        deletePaperBallot(ctx, event, params.paperBallotId);
        return undefined;
      },
    }),
  ];
}
