// Joining an event: open events admit anyone; ballot-card events need an unused or own invite.
import { AppError } from "../../shared/errors";
import { hashSecret, newToken } from "../crypto";
import type { EventRow } from "../repos/events";
import { committed, type Ctx } from "./context";
import { redeemableInvite } from "./invites";

export function join(ctx: Ctx, event: EventRow, invite: string | undefined): string {
  const token = newToken("par");
  ctx.db.transaction(() => {
    let participantId: number;
    if (invite !== undefined && invite.trim() !== "") {
      const row = redeemableInvite(ctx, event, invite);
      // Rejoining with the same card (new phone, cleared browser) returns to the same ballot.
      const existing = ctx.repos.participants.byInvite(row.id);
      participantId = existing ? existing.id : ctx.repos.participants.insert(event.id, row.id, "phone");
      ctx.repos.invites.markUsed(row.id);
    } else {
      if (event.access === "invite") throw new AppError("INVITE_REQUIRED", "This event needs the code from a ballot card.");
      participantId = ctx.repos.participants.insert(event.id, null, "phone");
    }
    ctx.repos.participants.addToken(hashSecret(token), participantId);
    ctx.repos.events.bumpSeq(event.id);
  })();
  committed(ctx, "participantJoined", { eventId: event.id });
  return token;
}
