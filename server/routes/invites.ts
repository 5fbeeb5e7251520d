// Ballot cards: issuing batches of single-use codes, printing them (from any tab, until the batch is
// marked printed) and voiding a batch that was never handed out. Admin only.
import { CodeParams, InviteBatchCodesReply, InviteBatchesReply, InviteBatchParams, InviteBatchReply, InviteStats, InvitesBody, InvitesReply } from "../../shared/schemas";
import { defineRoute } from "../http/route";
import type { Services } from "../services/app-services";
import { batchCodes, issueInvites, listBatches, markBatchPrinted, voidBatch } from "../services/invites";

export function inviteRoutes(s: Services) {
  const { ctx } = s;
  return [
    defineRoute({
      method: "POST", url: "/api/events/:code/invites", tag: "invites", access: "admin", status: 201,
      summary: "Issue a batch of printable single-use ballot-card codes, stored as hashes; the codes stay readable (invite-batches) until the batch is marked printed.",
      params: CodeParams, body: InvitesBody, response: InvitesReply, errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "NOT_ALLOWED"],
      handler: ({ event, body }) => issueInvites(ctx, event, body.count),
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/invites", tag: "invites", access: "admin", status: 200,
      summary: "How many ballot cards were issued and used (never which card voted how).",
      params: CodeParams, response: InviteStats, errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ event }) => ctx.repos.invites.stats(event.id),
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/invite-batches", tag: "invites", access: "admin", status: 200,
      summary: "The batches of ballot cards issued, oldest first: size, when printed or voided, how many cards were used.",
      params: CodeParams, response: InviteBatchesReply, errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ event }) => ({ batches: listBatches(ctx, event) }),
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/invite-batches/:batchId", tag: "invites", access: "admin", status: 200,
      summary: "A batch with its printable codes, while it is not yet marked printed (409 NOT_ALLOWED after, or once voided).",
      params: InviteBatchParams, response: InviteBatchCodesReply, errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "NOT_ALLOWED"],
      handler: ({ event, params }) => batchCodes(ctx, event, params.batchId),
    }),
    defineRoute({
      method: "POST", url: "/api/events/:code/invite-batches/:batchId/printed", tag: "invites", access: "admin", status: 200,
      summary: "Mark a batch as printed: its codes are erased from the server (the cards keep working). Idempotent.",
      params: InviteBatchParams, response: InviteBatchReply, errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "NOT_ALLOWED"],
      handler: ({ event, params }) => ({ batch: markBatchPrinted(ctx, event, params.batchId) }),
    }),
    defineRoute({
      method: "POST", url: "/api/events/:code/invite-batches/:batchId/void", tag: "invites", access: "admin", status: 200,
      summary: "Void a batch never printed nor used: its cards stop working (joins answer INVITE_INVALID) and its codes are erased.",
      params: InviteBatchParams, response: InviteBatchReply, errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "NOT_ALLOWED"],
      handler: ({ event, params }) => ({ batch: voidBatch(ctx, event, params.batchId) }),
    }),
  ];
}
