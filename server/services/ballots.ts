// Writing ballots: the rules of shared/rules.ts enforced inside one synchronous transaction, so a
// write is either whole and committed before it is acknowledged, or refused with nothing changed.
import { AppError } from "../../shared/errors";
import { checkBallot, sameBallot, type BallotOptions } from "../../shared/rules";
import { ruleError } from "../../shared/i18n/localized-error";
import type { Ballot, PaperBallot } from "../../shared/schemas";
import { newId } from "../crypto";
import type { EventRow } from "../repos/events";
import type { ParticipantRow } from "../repos/participants";
import { committed, type Ctx } from "./context";
import { requireArea } from "./event-view";
import { groupCommitFor } from "./group-commit";
import { guardConstraints } from "./constraints";

export interface CastResult {
  proposalIds: string[];
  /** False when the request repeated the stored ballot: nothing written, no broadcast owed. */
  changed: boolean;
}

/** Writes one area ballot; the caller holds the transaction. */
export function writeAreaBallot(ctx: Ctx, event: EventRow, participantId: number, areaId: string, proposalIds: readonly string[], options: BallotOptions = {}): CastResult {
  const area = requireArea(ctx, event, areaId);
  // A deadline that has passed shuts the ballot box at once, even in the moment before the clock's
  // timer (plugins/clock.ts) runs: the room was told "closes at 10:30", not "about 10:30".
  const pastDeadline = area.closes_at !== null && Date.parse(area.closes_at) <= Date.parse(ctx.now());
  const rules = {
    id: area.id,
    title: area.title,
    maxVotes: area.max_votes,
    method: area.method,
    maxPerProposal: area.max_per_proposal,
    status: pastDeadline ? "closed" as const : area.status,
    proposals: ctx.repos.proposals.idsByArea(area.id),
  };
  const check = checkBallot(rules, proposalIds, options);
  if (!check.ok) throw ruleError(check);
  const current = ctx.repos.votes.ofParticipantArea(participantId, area.id);
  // Under the area's method: approval compares sets, dots how many on each, ranking the order too.
  if (sameBallot(area.method, current, check.proposalIds)) return { proposalIds: current, changed: false };
  ctx.repos.votes.replace(participantId, area, check.proposalIds, current);
  ctx.repos.events.bumpSeq(event.id);
  return { proposalIds: check.proposalIds, changed: true };
}

export function castBallot(ctx: Ctx, event: EventRow, participant: ParticipantRow, areaId: string, proposalIds: readonly string[]): CastResult {
  const result = guardConstraints(() => ctx.db.transaction(() => writeAreaBallot(ctx, event, participant.id, areaId, proposalIds))());
  if (result.changed) committed(ctx, "ballotCast", { eventId: event.id, participantId: participant.id, areaId });
  return result;
}

/**
 * castBallot for the HTTP path: the ballot shares a COMMIT with those that arrived alongside it
 * (group-commit.ts) and settles only after that COMMIT, so an acknowledged ballot is durable.
 * Its event, too, is emitted only once the group's COMMIT has returned.
 */
export async function castBallotGrouped(ctx: Ctx, event: EventRow, participant: ParticipantRow, areaId: string, proposalIds: readonly string[]): Promise<CastResult> {
  const result = await groupCommitFor(ctx.db).run(() => guardConstraints(() => writeAreaBallot(ctx, event, participant.id, areaId, proposalIds)));
  if (result.changed) committed(ctx, "ballotCast", { eventId: event.id, participantId: participant.id, areaId });
  return result;
}

/**
 * A paper ballot is one more participant, under the same rules, written whole or not at all. It is
 * accepted for open and closed areas (people without a phone hand in their paper after the close).
 * A blank paper (no area ticked) still counts its person, as a blank ballot box paper would.
 */
export function castPaperBallot(ctx: Ctx, event: EventRow, ballot: Ballot): PaperBallot {
  const paper = guardConstraints(() =>
    ctx.db.transaction(() => {
      const id = newId("pb");
      const enteredAt = ctx.now();
      const participantId = ctx.repos.participants.insertPaper(event.id, id, enteredAt);
      const stored: Ballot = {};
      for (const [areaId, ids] of Object.entries(ballot)) {
        if (!ctx.repos.areas.byId(areaId, event.id)) throw new AppError("UNKNOWN_PROPOSAL", "The paper ballot names an area that is not part of this event.");
        stored[areaId] = writeAreaBallot(ctx, event, participantId, areaId, ids, { paper: true }).proposalIds;
      }
      ctx.repos.events.bumpSeq(event.id);
      return { id, ballot: stored, enteredAt };
    })(),
  );
  committed(ctx, "paperBallotEntered", { eventId: event.id });
  return paper;
}

/** The paper ballots entered for an event, oldest first, so the organiser can check and undo one. */
export function paperBallots(ctx: Ctx, event: EventRow): PaperBallot[] {
  return ctx.repos.participants.paperOfEvent(event.id).map((p) => {
    const ballot: Ballot = {};
    for (const v of ctx.repos.votes.ofParticipant(p.id)) (ballot[v.area_id] ??= []).push(v.proposal_id);
    return { id: p.paper_id ?? "", ballot, enteredAt: p.entered_at ?? "" };
  });
}

/** Undoes a paper ballot: the participant goes, its votes with it, and every count drops back. */
export function deletePaperBallot(ctx: Ctx, event: EventRow, paperBallotId: string): void {
  ctx.db.transaction(() => {
    const row = ctx.repos.participants.paperById(paperBallotId, event.id);
    if (!row) throw new AppError("NOT_FOUND", "This event has no such paper ballot.");
    ctx.repos.participants.remove(row.id);
    ctx.repos.events.bumpSeq(event.id);
  })();
  committed(ctx, "paperBallotDeleted", { eventId: event.id });
}

/** A participant's whole ballot, every area of the event a key (empty where they did not vote). */
export function ballotOf(ctx: Ctx, event: Pick<EventRow, "id">, participantId: number): Ballot {
  const ballot: Ballot = Object.create(null) as Ballot;
  for (const id of ctx.repos.areas.idsByEvent(event.id)) ballot[id] = [];
  for (const v of ctx.repos.votes.ofParticipant(participantId)) ballot[v.area_id]?.push(v.proposal_id);
  return { ...ballot };
}
