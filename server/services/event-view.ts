// Builds the public Event object (API.md) from the rows of one event.
import type { Area, Event } from "../../shared/schemas";
import type { AreaRow } from "../repos/areas";
import type { EventRow } from "../repos/events";
import type { ProposalRow } from "../repos/proposals";
import type { Ctx } from "./context";
import { AppError } from "../../shared/errors";

export function areaView(row: AreaRow, proposals: readonly ProposalRow[]): Area {
  return {
    id: row.id,
    title: row.title,
    position: row.position,
    maxVotes: row.max_votes,
    status: row.status,
    revealed: row.revealed === 1,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    proposals: proposals
      .filter((p) => p.area_id === row.id)
      .map((p) => ({ id: p.id, title: p.title, body: p.body, position: p.position })),
  };
}

export function eventView(ctx: Ctx, event: EventRow): Event {
  const proposals = ctx.repos.proposals.byEvent(event.id);
  return {
    code: event.code,
    title: event.title,
    access: event.access,
    votesPerArea: event.votes_per_area,
    resultsVisibility: event.results_visibility,
    privacyThreshold: event.privacy_threshold,
    proposalOrder: event.proposal_order,
    areas: ctx.repos.areas.byEvent(event.id).map((a) => areaView(a, proposals)),
    createdAt: event.created_at,
  };
}

export function requireEvent(ctx: Ctx, code: string): EventRow {
  const event = ctx.repos.events.byCode(code);
  if (!event) throw new AppError("NOT_FOUND", "No event has this code.");
  return event;
}

export function requireArea(ctx: Ctx, event: EventRow, areaId: string): AreaRow {
  const area = ctx.repos.areas.byId(areaId, event.id);
  if (!area) throw new AppError("NOT_FOUND", "This event has no such area.");
  return area;
}
