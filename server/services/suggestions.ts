// Before the vote (issue 13): editor links for the working groups' rapporteurs, and the room's own
// suggestions, moderated by the organiser or the area's editor. No output names who suggested what.
import { AppError } from "../../shared/errors";
import { LIMITS } from "../../shared/limits";
import type { Suggestion } from "../../shared/schemas";
import { hashSecret, newId, newToken } from "../crypto";
import type { Caller } from "../http/auth";
import type { EventRow } from "../repos/events";
import type { SuggestionRow } from "../repos/suggestions";
import { addProposalIn, patchProposalIn } from "./content";
import { committed, type Ctx } from "./context";
import { requireArea } from "./event-view";

/** A new editor link for the area (the old one, if any, stops working). Shown once. */
export function createEditorKey(ctx: Ctx, event: EventRow, areaId: string): string {
  const key = newToken("edt");
  ctx.db.transaction(() => {
    const area = requireArea(ctx, event, areaId);
    ctx.repos.editorKeys.put(hashSecret(key), area.id, ctx.now());
  })();
  committed(ctx, "editorLinkCreated", { eventId: event.id, areaId });
  return key;
}

/** To the minute: a queue ordered to the second would tell who was typing when. */
const minute = (iso: string) => `${iso.slice(0, 16)}:00.000Z`;

const view = (row: SuggestionRow): Suggestion => ({
  id: row.id,
  areaId: row.area_id,
  title: row.title,
  body: row.body,
  status: row.status,
  createdAt: row.created_at,
  proposalId: row.proposal_id,
});

export function suggest(ctx: Ctx, event: EventRow, areaId: string, participantId: number, input: { title: string; body?: string | undefined }): Suggestion {
  const row = ctx.db.transaction(() => {
    const area = requireArea(ctx, event, areaId);
    if (area.suggestions !== "open" || area.status !== "draft") {
      throw new AppError("NOT_ALLOWED", `“${area.title}” is not taking suggestions now.`);
    }
    if (ctx.repos.suggestions.countByParticipant(participantId) >= LIMITS.suggestionsPerParticipant) {
      throw new AppError("NOT_ALLOWED", `One phone may send at most ${LIMITS.suggestionsPerParticipant} suggestions.`);
    }
    const id = newId("s");
    ctx.repos.suggestions.insert({ id, areaId: area.id, participantId, title: input.title, body: input.body ?? "", createdAt: minute(ctx.now()) });
    const stored = ctx.repos.suggestions.byId(id, event.id);
    if (!stored) throw new Error("suggestion not stored");
    return stored;
  })();
  committed(ctx, "suggestionsChanged", { eventId: event.id, contentChanged: false });
  return view(row);
}

/** The organiser sees every area's suggestions, an editor its own area's, a phone its own. */
export function listSuggestions(ctx: Ctx, event: EventRow, caller: Caller): Suggestion[] {
  if (caller.role === "admin") return ctx.repos.suggestions.byEvent(event.id).map(view);
  if (caller.role === "editor" && caller.editorAreaId) return ctx.repos.suggestions.byArea(caller.editorAreaId).map(view);
  if (caller.role === "participant" && caller.participant) return ctx.repos.suggestions.byParticipant(caller.participant.id).map(view);
  throw new AppError("FORBIDDEN", "This link may not read suggestions.");
}

/** The suggestion a moderator names: in this event, in the editor's own area, and (checked by `pending`) not yet decided. */
function moderated(ctx: Ctx, event: EventRow, suggestionId: string, caller: Caller): SuggestionRow {
  const row = ctx.repos.suggestions.byId(suggestionId, event.id);
  if (!row) throw new AppError("NOT_FOUND", "This event has no such suggestion.");
  if (caller.role === "editor" && caller.editorAreaId !== row.area_id) throw new AppError("FORBIDDEN", "This editor link is for another area.");
  return row;
}

function pending(row: SuggestionRow): SuggestionRow {
  if (row.status !== "pending") throw new AppError("NOT_ALLOWED", `This suggestion was already ${row.status}.`);
  return row;
}

/**
 * Accepts a suggestion: as a new proposal of its area (its text as sent, or as edited), or merged
 * into one of the area's proposals (whose text the edit, if any, replaces). One transaction: the
 * proposal and the suggestion's status change together.
 */
export function acceptSuggestion(
  ctx: Ctx,
  event: EventRow,
  suggestionId: string,
  caller: Caller,
  edit: { mergeInto?: string | undefined; title?: string | undefined; body?: string | undefined } = {},
): string {
  const proposalId = ctx.db.transaction(() => {
    const row = moderated(ctx, event, suggestionId, caller);
    // What the request itself names comes first: a merge target outside the suggestion's area is
    // wrong whatever became of the suggestion.
    const target = edit.mergeInto === undefined ? undefined : ctx.repos.proposals.byId(edit.mergeInto, event.id);
    if (edit.mergeInto !== undefined && (!target || target.area_id !== row.area_id)) {
      throw new AppError("UNKNOWN_PROPOSAL", "A suggestion can be merged only into a proposal of its own area.");
    }
    pending(row);
    const area = requireArea(ctx, event, row.area_id);
    if (area.status !== "draft") throw new AppError("EVENT_LOCKED", `“${area.title}” is no longer in draft: its proposals are fixed now.`);
    if (target) {
      if (edit.title !== undefined || edit.body !== undefined) patchProposalIn(ctx, event, target.id, { title: edit.title, body: edit.body }, caller);
      ctx.repos.proposals.addMerged(target.id);
      ctx.repos.suggestions.decide(row.id, "merged", target.id);
      return target.id;
    }
    const id = addProposalIn(ctx, event, row.area_id, { title: edit.title ?? row.title, body: edit.body ?? row.body }, caller);
    ctx.repos.proposals.setOrigin(id, "suggestion");
    ctx.repos.suggestions.decide(row.id, "accepted", id);
    return id;
  })();
  // The queue changed, and the programme (a new or merged proposal: the projector's reading mode shows it).
  committed(ctx, "suggestionsChanged", { eventId: event.id, contentChanged: true });
  return proposalId;
}

export function rejectSuggestion(ctx: Ctx, event: EventRow, suggestionId: string, caller: Caller): Suggestion {
  const row = ctx.db.transaction(() => {
    const found = pending(moderated(ctx, event, suggestionId, caller));
    ctx.repos.suggestions.decide(found.id, "rejected", null);
    return { ...found, status: "rejected" as const };
  })();
  committed(ctx, "suggestionsChanged", { eventId: event.id, contentChanged: false });
  return view(row);
}
