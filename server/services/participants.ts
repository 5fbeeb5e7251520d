// Joining an event: open events admit anyone; ballot-card events need an unused or own invite.
import { AppError } from "../../shared/errors";
import { hashSecret, newToken } from "../crypto";
import type { EventRow } from "../repos/events";
import { committed, type Ctx } from "./context";
import { redeemableInvite } from "./invites";
import { writeAreaBallot, type CastResult } from "./ballots";
import { guardConstraints } from "./constraints";

export interface FirstBallot {
  areaId: string;
  proposalIds: readonly string[];
}

/**
 * Joins, and with `first` casts the phone's first vote in the same transaction (API 1.1): it is
 * durable when answered (synchronous=FULL), and a refused vote leaves no participant behind.
 */
export function join(
  ctx: Ctx,
  event: EventRow,
  invite: string | undefined,
  first?: FirstBallot,
  joinKey?: string,
): { token: string; ballot: CastResult | null; participantId: number } {
  const token = newToken("par");
  const out = guardConstraints(() => ctx.db.transaction(() => {
    let participantId: number;
    if (invite !== undefined && invite.trim() !== "") {
      const row = redeemableInvite(ctx, event, invite);
      // Rejoining with the same card (new phone, cleared browser) returns to the same ballot.
      const existing = ctx.repos.participants.byInvite(row.id);
      participantId = existing ? existing.id : ctx.repos.participants.insert(event.id, row.id, "phone");
      ctx.repos.invites.markUsed(row.id);
    } else {
      if (event.access === "invite") throw new AppError("INVITE_REQUIRED", "This event needs the code from a ballot card.");
      // A retry of a join whose answer was lost: the same participant, with a fresh token (the first
      // one never reached the phone), and the ballot it carries now.
      const keyHash = joinKey === undefined ? null : hashSecret(`${event.id}:${joinKey}`);
      const again = keyHash ? ctx.repos.participants.byJoinKey(event.id, keyHash) : undefined;
      participantId = again ? again.id : keyHash ? ctx.repos.participants.insertKeyed(event.id, keyHash) : ctx.repos.participants.insert(event.id, null, "phone");
    }
    ctx.repos.participants.addToken(hashSecret(token), participantId);
    ctx.repos.events.bumpSeq(event.id);
    const ballot = first ? writeAreaBallot(ctx, event, participantId, first.areaId, first.proposalIds) : null;
    return { participantId, ballot };
  })());
  committed(ctx, "participantJoined", { eventId: event.id });
  if (first && out.ballot?.changed) committed(ctx, "ballotCast", { eventId: event.id, participantId: out.participantId, areaId: first.areaId });
  return { token, ballot: out.ballot, participantId: out.participantId };
}
