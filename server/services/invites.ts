// Ballot-card invites: generated in bulk as a batch, stored as hashes. The batch's printable codes are
// kept (invite_batches.codes) only until the organiser marks it printed, so the cards page can print
// or reprint them from any tab; then they are wiped and only the hashes remain (docs/SECURITY.md).
import { formatInvite } from "../../shared/codes";
import { AppError } from "../../shared/errors";
import { LIMITS } from "../../shared/limits";
import type { InviteBatch } from "../../shared/schemas";
import { hashInvite, newId, newInviteCode } from "../crypto";
import type { EventRow } from "../repos/events";
import type { InviteBatchRow } from "../repos/invite-batches";
import type { InviteRow } from "../repos/invites";
import { committed, type Ctx } from "./context";
import { FailedLookup } from "../security/guess-guard";

function batchView(row: InviteBatchRow): InviteBatch {
  return { id: row.id, count: row.count, createdAt: row.created_at, printedAt: row.printed_at, voidedAt: row.voided_at, used: row.used };
}

function requireBatch(ctx: Ctx, event: EventRow, batchId: string): InviteBatchRow {
  const row = ctx.repos.inviteBatches.byId(batchId, event.id);
  if (!row) throw new AppError("NOT_FOUND", "There is no such batch of ballot cards in this event.");
  return row;
}

export function issueInvites(ctx: Ctx, event: EventRow, count: number): { invites: string[]; batchId: string } {
  const issued = ctx.db.transaction(() => {
    // The quota counts voided cards too: voiding and reissuing must not grow an event without bound.
    const existing = ctx.repos.invites.countAll(event.id);
    if (existing + count > LIMITS.invitesPerEvent) {
      throw new AppError("NOT_ALLOWED", `An event has at most ${LIMITS.invitesPerEvent.toLocaleString("en")} ballot cards; it has ${existing.toLocaleString("en")}.`);
    }
    const codes: string[] = [];
    const hashes: Buffer[] = [];
    const seen = new Set<string>();
    while (codes.length < count) {
      const code = newInviteCode();
      const hash = hashInvite(event.id, code);
      if (seen.has(code) || ctx.repos.invites.byHash(hash, event.id)) continue;
      seen.add(code);
      hashes.push(hash);
      codes.push(code);
    }
    // The batch row first: the invites name it.
    const batchId = newId("ib");
    ctx.repos.inviteBatches.insert(batchId, event.id, ctx.now(), codes);
    for (const hash of hashes) ctx.repos.invites.insert(event.id, hash, batchId);
    return { invites: codes.map(formatInvite), batchId };
  })();
  committed(ctx, "invitesChanged", { eventId: event.id });
  return issued;
}

export function listBatches(ctx: Ctx, event: EventRow): InviteBatch[] {
  return ctx.repos.inviteBatches.byEvent(event.id).map(batchView);
}

/** The codes of a batch still to be printed. Printed and voided batches have none left to give. */
export function batchCodes(ctx: Ctx, event: EventRow, batchId: string): { batch: InviteBatch; invites: string[] } {
  const row = requireBatch(ctx, event, batchId);
  if (row.voided_at) throw new AppError("NOT_ALLOWED", "This batch was voided: its cards no longer work, so there is nothing to print.");
  if (row.printed_at || row.codes === null) {
    throw new AppError("NOT_ALLOWED", "This batch was marked as printed, and its codes were then erased from the server. Generate a new batch if cards are missing.");
  }
  const codes = JSON.parse(row.codes) as string[];
  return { batch: batchView(row), invites: codes.map(formatInvite) };
}

/** Marks a batch printed and erases its codes. Idempotent: a second click changes nothing. */
export function markBatchPrinted(ctx: Ctx, event: EventRow, batchId: string): InviteBatch {
  const row = ctx.db.transaction(() => {
    const current = requireBatch(ctx, event, batchId);
    if (current.voided_at) throw new AppError("NOT_ALLOWED", "This batch was voided; a voided batch cannot be marked as printed.");
    if (!current.printed_at) ctx.repos.inviteBatches.markPrinted(batchId, ctx.now());
    return requireBatch(ctx, event, batchId);
  })();
  ctx.repos.inviteBatches.purgeWal();
  committed(ctx, "invitesChanged", { eventId: event.id });
  return batchView(row);
}

/**
 * Voids an unprinted batch nobody has used: its cards stop working and its codes are erased.
 * Printed cards may already be in people's hands, and a used card has a ballot behind it, so
 * those batches are refused. Idempotent for a batch already voided.
 */
export function voidBatch(ctx: Ctx, event: EventRow, batchId: string): InviteBatch {
  const row = ctx.db.transaction(() => {
    const current = requireBatch(ctx, event, batchId);
    if (current.voided_at) return current;
    if (current.printed_at) throw new AppError("NOT_ALLOWED", "This batch was marked as printed: its cards may be in people's hands, so it cannot be voided.");
    if (current.used > 0) throw new AppError("NOT_ALLOWED", `${current.used} card(s) of this batch were already used to join, so it cannot be voided.`);
    ctx.repos.inviteBatches.markVoided(batchId, ctx.now());
    return requireBatch(ctx, event, batchId);
  })();
  ctx.repos.inviteBatches.purgeWal();
  committed(ctx, "invitesChanged", { eventId: event.id });
  return batchView(row);
}

/** The invite a typed or scanned code stands for, if it can still admit someone. */
export function redeemableInvite(ctx: Ctx, event: EventRow, code: string): InviteRow {
  const row = ctx.repos.invites.byHash(hashInvite(event.id, code), event.id);
  // A wrong or voided card spends the caller's failed look-up budget (security/guess-guard.ts).
  if (!row || row.voided_at) throw new FailedLookup("INVITE_INVALID", "This ballot-card code is not valid for this event.");
  return row;
}
