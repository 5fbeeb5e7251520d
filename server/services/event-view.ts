// Builds the public Event object (API.md) from the rows of one event.
import type { Area, Event } from "../../shared/schemas";
import type { AreaRow } from "../repos/areas";
import type { EventRow } from "../repos/events";
import type { ProposalRow } from "../repos/proposals";
import type { Ctx } from "./context";
import { AppError } from "../../shared/errors";
import { derivePrefix, labelsFor } from "../../shared/labels";
import { EVENT_DEFAULTS, liveBatchDefault } from "../../shared/limits";
import { FailedLookup } from "../security/guess-guard";
import { feedbackStatus } from "./feedback";

/** The area's prefix: the stored one, or (areas older than migration 003) one derived from its title. */
export function prefixOf(row: AreaRow, all: readonly AreaRow[]): string {
  if (row.prefix) return row.prefix;
  return derivePrefix(row.title, new Set(all.filter((a) => a.id !== row.id && a.prefix).map((a) => a.prefix)));
}

/** Labels of one area's proposals (`proposals` may hold other areas' rows too). */
export function areaLabels(prefix: string, areaId: string, proposals: readonly ProposalRow[]): Map<string, string> {
  return labelsFor(prefix, proposals.filter((p) => p.area_id === areaId));
}

export function areaView(row: AreaRow, proposals: readonly ProposalRow[], prefix = row.prefix): Area {
  const labels = areaLabels(prefix, row.id, proposals);
  return {
    id: row.id,
    title: row.title,
    prefix,
    position: row.position,
    maxVotes: row.max_votes,
    method: row.method,
    maxPerProposal: row.max_per_proposal,
    status: row.status,
    revealed: row.revealed === 1,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    closesAt: row.closes_at,
    roundOf: row.round_of,
    suggestions: row.suggestions,
    contentLocked: row.content_locked === 1,
    proposals: proposals
      .filter((p) => p.area_id === row.id)
      .map((p) => ({ id: p.id, label: labels.get(p.id) ?? "", title: p.title, body: p.body, position: p.position, origin: p.origin, merged: p.merged, version: p.version })),
  };
}

export function eventView(ctx: Ctx, event: EventRow): Event {
  const proposals = ctx.repos.proposals.byEvent(event.id);
  const areas = ctx.repos.areas.byEvent(event.id);
  return {
    code: event.code,
    title: event.title,
    access: event.access,
    votesPerArea: event.votes_per_area,
    resultsVisibility: event.results_visibility,
    privacyThreshold: event.privacy_threshold,
    proposalOrder: event.proposal_order,
    expectedParticipants: event.expected_participants,
    language: event.language,
    // The batching branch stores these (migration 012); until then, the defaults it will start from.
    liveBatchSeconds: liveBatchDefault(event.expected_participants),
    liveBatchBallots: EVENT_DEFAULTS.liveBatchBallots,
    areas: areas.map((a) => areaView(a, proposals, prefixOf(a, areas))),
    createdAt: event.created_at,
    feedbackStatus: feedbackStatus(ctx, event.id),
  };
}

export function requireEvent(ctx: Ctx, code: string): EventRow {
  const event = ctx.repos.events.byCode(code);
  // A code that names no event spends the caller's failed look-up budget (security/guess-guard.ts).
  if (!event) throw new FailedLookup("NOT_FOUND", "No event has this code.");
  return event;
}

export function requireArea(ctx: Ctx, event: EventRow, areaId: string): AreaRow {
  const area = ctx.repos.areas.byId(areaId, event.id);
  if (!area) throw new AppError("NOT_FOUND", "This event has no such area.");
  return area;
}

/** One area as the API shows it (its prefix needs the event's other areas). */
export function areaViewById(ctx: Ctx, event: EventRow, areaId: string): Area {
  const row = requireArea(ctx, event, areaId);
  return areaView(row, ctx.repos.proposals.byArea(row.id), prefixOf(row, ctx.repos.areas.byEvent(event.id)));
}

/** One proposal as the API shows it, label included. */
export function proposalViewById(ctx: Ctx, event: EventRow, proposalId: string): Area["proposals"][number] {
  const p = ctx.repos.proposals.byId(proposalId, event.id);
  if (!p) throw new AppError("NOT_FOUND", "This event has no such proposal.");
  const found = areaViewById(ctx, event, p.area_id).proposals.find((q) => q.id === p.id);
  if (!found) throw new AppError("NOT_FOUND", "This event has no such proposal.");
  return found;
}
