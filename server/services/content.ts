// Creating events and editing their areas and proposals, with the EVENT_LOCKED rules of API.md:
// nothing may change in a way that would invalidate a cast vote.
import { AppError } from "../../shared/errors";
import { EVENT_DEFAULTS, LIMITS, liveBatchDefault } from "../../shared/limits";
import { DEFAULT_LANGUAGE } from "../../shared/i18n/languages";
import type { AreaInput, CreateEventBody, PatchAreaBody, PatchEventBody, PatchProposalBody, ProposalInput, VotingBody, VotingMethod } from "../../shared/schemas";
import { hashSecret, newEventCode, newId, newToken } from "../crypto";
import type { AreaRow } from "../repos/areas";
import type { EventRow } from "../repos/events";
import { committed, type Ctx } from "./context";
import { areaLabels, prefixOf, requireArea } from "./event-view";
import { derivePrefix } from "../../shared/labels";
import { guardConstraints } from "./constraints";
import type { Caller } from "../http/auth";
import { holdToDraft } from "./drafting-rules";

/**
 * The content quota (LIMITS.eventContentChars), checked inside the writing transaction so an
 * over-quota write rolls back whole: one event cannot grow until reading it stalls the room.
 */
export function enforceQuota(ctx: Ctx, eventId: number): void {
  const chars = ctx.repos.proposals.contentChars(eventId);
  if (chars > LIMITS.eventContentChars) {
    throw new AppError("PAYLOAD_TOO_LARGE", `An event holds at most ${LIMITS.eventContentChars.toLocaleString("en")} characters of programme text; this change would bring it to ${chars.toLocaleString("en")}.`);
  }
}

export interface CreatedEvent {
  event: EventRow;
  adminToken: string;
  screenKey: string;
}

export function createEvent(ctx: Ctx, body: CreateEventBody): CreatedEvent {
  const adminToken = newToken("adm");
  const screenKey = newToken("scr");
  const created = ctx.db.transaction(() => {
    if (ctx.repos.events.count() >= LIMITS.eventsPerDatabase) {
      throw new AppError("NOT_ALLOWED", `This server already holds ${LIMITS.eventsPerDatabase.toLocaleString("en")} events, its limit: start another data folder (DATA_DIR) for new ones.`);
    }
    let code = newEventCode();
    // 31^6 ≈ 887 million codes: a collision is rare, but must not become a 500.
    while (ctx.repos.events.byCode(code)) code = newEventCode();
    const votesPerArea = body.votesPerArea ?? EVENT_DEFAULTS.votesPerArea;
    const expected = body.expectedParticipants ?? EVENT_DEFAULTS.expectedParticipants;
    const id = ctx.repos.events.insert({
      code,
      title: body.title,
      access: body.access ?? EVENT_DEFAULTS.access,
      votes_per_area: votesPerArea,
      results_visibility: body.resultsVisibility ?? EVENT_DEFAULTS.resultsVisibility,
      privacy_threshold: body.privacyThreshold ?? EVENT_DEFAULTS.privacyThreshold,
      proposal_order: body.proposalOrder ?? EVENT_DEFAULTS.proposalOrder,
      expected_participants: expected,
      language: body.language ?? DEFAULT_LANGUAGE,
      // Issue 15: batched live bars unless the creator says otherwise, for a room small enough
      // that one tap shows (liveBatchDefault); a larger hall gets every ballot at once.
      live_batch_seconds: body.liveBatchSeconds ?? liveBatchDefault(expected),
      live_batch_ballots: body.liveBatchBallots ?? EVENT_DEFAULTS.liveBatchBallots,
      admin_token_hash: hashSecret(adminToken),
      screen_key_hash: hashSecret(screenKey),
      created_at: ctx.now(),
    });
    insertAreas(ctx, id, votesPerArea, body.areas ?? [], 0);
    enforceQuota(ctx, id);
    const event = ctx.repos.events.byId(id);
    if (!event) throw new Error("event vanished inside its own transaction");
    return { event, adminToken, screenKey };
  })();
  committed(ctx, "eventCreated", { eventId: created.event.id });
  return created;
}

export function insertAreas(ctx: Ctx, eventId: number, votesPerArea: number, areas: readonly AreaInput[], firstPosition: number): string[] {
  const existing = ctx.repos.areas.byEvent(eventId);
  const taken = new Set(existing.map((a) => prefixOf(a, existing)));
  // Prefixes the organiser chose come first, so a derived one never takes a chosen one's letters.
  for (const area of areas) {
    if (area.prefix === undefined) continue;
    if (taken.has(area.prefix)) throw new AppError("BAD_REQUEST", `The prefix “${area.prefix}” is used by another area of this event.`);
    taken.add(area.prefix);
  }
  return areas.map((area, i) => {
    const id = newId("a");
    const prefix = area.prefix ?? derivePrefix(area.title, taken);
    taken.add(prefix);
    ctx.repos.areas.insert({ id, event_id: eventId, title: area.title, prefix, position: firstPosition + i, ...countingOf(area, votesPerArea) });
    insertProposals(ctx, id, area.proposals ?? [], 0);
    return id;
  });
}

/** The counting of a new area: maxVotes defaults to the event's, maxPerProposal as countingAfter says. */
function countingOf(area: AreaInput, votesPerArea: number): Pick<AreaRow, "max_votes" | "method" | "max_per_proposal"> {
  const maxVotes = area.maxVotes ?? votesPerArea;
  const method = area.method ?? "approval";
  return { max_votes: maxVotes, method, max_per_proposal: perProposalFor(area.title, method, maxVotes, area.maxPerProposal, maxVotes) };
}

/**
 * The cap per proposal an area stores. Dots: the one asked for, else `fallback` (a new dots area:
 * every dot may go on one proposal, maxVotes). Approval and ranking: always 1 — a value sent along
 * with them (a form switching away from dots) means nothing and is not kept. Never above maxVotes:
 * asked for, that is a 400; kept from before a lowered maxVotes, it follows the limit down.
 */
function perProposalFor(title: string, method: VotingMethod, maxVotes: number, asked: number | undefined, fallback: number): number {
  if (asked !== undefined && asked > maxVotes) {
    throw new AppError("BAD_REQUEST", `“${title}”: maxPerProposal (${asked}) cannot be more than maxVotes (${maxVotes}), the dots one participant has in all.`);
  }
  if (method !== "dots") return 1;
  return Math.min(asked ?? fallback, maxVotes);
}

function insertProposals(ctx: Ctx, areaId: string, proposals: readonly ProposalInput[], firstPosition: number): string[] {
  return proposals.map((p, i) => {
    const id = newId("p");
    ctx.repos.proposals.insert({ id, area_id: areaId, title: p.title, body: p.body ?? "", position: firstPosition + i });
    return id;
  });
}

export function patchEvent(ctx: Ctx, event: EventRow, patch: PatchEventBody): void {
  ctx.db.transaction(() => {
    ctx.repos.events.update(event.id, {
      title: patch.title,
      access: patch.access,
      votes_per_area: patch.votesPerArea,
      results_visibility: patch.resultsVisibility,
      privacy_threshold: patch.privacyThreshold,
      proposal_order: patch.proposalOrder,
      expected_participants: patch.expectedParticipants,
      language: patch.language,
      live_batch_seconds: patch.liveBatchSeconds,
      live_batch_ballots: patch.liveBatchBallots,
    });
    ctx.repos.events.bumpSeq(event.id);
  })();
  // A new title or language is no reason to show the room ballots its batch still holds back.
  const resultsAffected = [patch.votesPerArea, patch.resultsVisibility, patch.privacyThreshold, patch.liveBatchSeconds, patch.liveBatchBallots].some((v) => v !== undefined);
  committed(ctx, "settingsChanged", { eventId: event.id, resultsAffected });
}

export function replaceContent(ctx: Ctx, event: EventRow, areas: readonly AreaInput[]): void {
  ctx.db.transaction(() => {
    if (ctx.repos.votes.anyInEvent(event.id)) throw new AppError("EVENT_LOCKED", "Votes have been cast; the programme can no longer be replaced.");
    ctx.repos.areas.removeByEvent(event.id);
    insertAreas(ctx, event.id, event.votes_per_area, areas, 0);
    enforceQuota(ctx, event.id);
    ctx.repos.events.bumpSeq(event.id);
  })();
  committed(ctx, "contentChanged", { eventId: event.id });
}

export function addArea(ctx: Ctx, event: EventRow, input: AreaInput): string {
  const areaId = ctx.db.transaction(() => {
    if (ctx.repos.areas.countByEvent(event.id) >= LIMITS.areasPerEvent) throw new AppError("BAD_REQUEST", `An event has at most ${LIMITS.areasPerEvent} areas.`);
    const position = ctx.repos.areas.byEvent(event.id).reduce((max, a) => Math.max(max, a.position + 1), 0);
    const [id] = insertAreas(ctx, event.id, event.votes_per_area, [input], position);
    enforceQuota(ctx, event.id);
    ctx.repos.events.bumpSeq(event.id);
    if (!id) throw new Error("no area inserted");
    return id;
  })();
  committed(ctx, "contentChanged", { eventId: event.id });
  return areaId;
}

export function patchArea(ctx: Ctx, event: EventRow, areaId: string, patch: PatchAreaBody): void {
  // The triggers of migrations 001 and 011 back the counting checks below: should it ever fire, EVENT_LOCKED, not a 500.
  const statusChanged = guardConstraints(() => ctx.db.transaction(() => {
    const area = requireArea(ctx, event, areaId);
    if (patch.title !== undefined) ctx.repos.areas.setTitle(area.id, patch.title);
    if (patch.prefix !== undefined && patch.prefix !== area.prefix) setPrefix(ctx, event, area, patch.prefix);
    if (patch.maxVotes !== undefined || patch.method !== undefined || patch.maxPerProposal !== undefined) patchCounting(ctx, area, patch);
    if (patch.status !== undefined && patch.status !== area.status) setStatus(ctx, event, area, patch.status);
    if (patch.revealed !== undefined) ctx.repos.areas.setRevealed(area.id, patch.revealed);
    if (patch.suggestions !== undefined) ctx.repos.areas.setSuggestions(area.id, patch.suggestions);
    if (patch.contentLocked !== undefined) ctx.repos.areas.setContentLocked(area.id, patch.contentLocked);
    if (patch.position !== undefined) moveArea(ctx, event, area, patch.position);
    ctx.repos.events.bumpSeq(event.id);
    return patch.status !== undefined && patch.status !== area.status;
  })());
  // One write, one event: a status change is the news, whatever else the patch changed.
  if (statusChanged) committed(ctx, "areaStatusChanged", { eventId: event.id, areaIds: [areaId] });
  else committed(ctx, "contentChanged", { eventId: event.id });
}

/**
 * A change of how the area counts, refused (EVENT_LOCKED) where it would change what cast ballots
 * mean: another method, a ranking's length (its points), a limit below a cast ballot, a cap per
 * proposal below a cast stack. The triggers of migration 011 refuse the same; this says why.
 */
function patchCounting(ctx: Ctx, area: AreaRow, patch: PatchAreaBody): void {
  const method = patch.method ?? area.method;
  const maxVotes = patch.maxVotes ?? area.max_votes;
  const fallback = area.method === "dots" ? area.max_per_proposal : maxVotes;
  const maxPerProposal = perProposalFor(area.title, method, maxVotes, patch.maxPerProposal, fallback);
  if (method === area.method && maxVotes === area.max_votes && maxPerProposal === area.max_per_proposal) return;
  const voted = ctx.repos.votes.anyInArea(area.id);
  if (voted && method !== area.method) {
    throw new AppError("EVENT_LOCKED", `“${area.title}” has votes, counted by ${area.method}: its voting method can no longer change.`);
  }
  if (voted && method === "ranking" && maxVotes !== area.max_votes) {
    throw new AppError("EVENT_LOCKED", `“${area.title}” is a ranking with votes: its length gives the points (the first gets ${area.max_votes}), so it can no longer change.`);
  }
  if (maxVotes < ctx.repos.votes.largestBallot(area.id)) {
    throw new AppError("EVENT_LOCKED", `A cast ballot in “${area.title}” already has more than ${maxVotes} votes.`);
  }
  if (maxPerProposal < ctx.repos.votes.largestStack(area.id)) {
    throw new AppError("EVENT_LOCKED", `A cast ballot in “${area.title}” already has more than ${maxPerProposal} dots on one proposal.`);
  }
  ctx.repos.areas.setCounting(area.id, { max_votes: maxVotes, method, max_per_proposal: maxPerProposal });
}

function setPrefix(ctx: Ctx, event: EventRow, area: AreaRow, prefix: string): void {
  const all = ctx.repos.areas.byEvent(event.id);
  if (all.some((a) => a.id !== area.id && prefixOf(a, all) === prefix)) {
    throw new AppError("BAD_REQUEST", `The prefix “${prefix}” is used by another area of this event.`);
  }
  // Labels already frozen (the area has been open) keep their old prefix: the room has heard them.
  ctx.repos.areas.setPrefix(area.id, prefix);
}

function setStatus(ctx: Ctx, event: EventRow, area: AreaRow, status: AreaRow["status"]): void {
  if (status === "draft" && ctx.repos.votes.anyInArea(area.id)) {
    throw new AppError("EVENT_LOCKED", `“${area.title}” has votes; close it instead of returning it to draft.`);
  }
  if (status === "open") freezeLabels(ctx, event, area);
  ctx.repos.areas.setStatus(area.id, status, ctx.now());
}

/** From the first opening on, a proposal's label is stored and never follows a reordering again. */
function freezeLabels(ctx: Ctx, event: EventRow, area: AreaRow): void {
  const proposals = ctx.repos.proposals.byArea(area.id);
  if (proposals.every((p) => p.label !== null)) return;
  const all = ctx.repos.areas.byEvent(event.id);
  const prefix = prefixOf(area, all);
  if (!area.prefix) ctx.repos.areas.setPrefix(area.id, prefix);
  for (const [id, label] of areaLabels(prefix, area.id, proposals)) {
    if (proposals.find((p) => p.id === id)?.label === null) ctx.repos.proposals.setLabel(id, label);
  }
}

/** Reorders by renumbering all areas, so positions stay 0..n-1 without gaps or duplicates. */
export function moveArea(ctx: Ctx, event: EventRow, area: AreaRow, position: number): void {
  const others = ctx.repos.areas.byEvent(event.id).filter((a) => a.id !== area.id);
  others.splice(Math.min(position, others.length), 0, area);
  others.forEach((a, i) => ctx.repos.areas.setPosition(a.id, i));
}

export function deleteArea(ctx: Ctx, event: EventRow, areaId: string): void {
  ctx.db.transaction(() => {
    const area = requireArea(ctx, event, areaId);
    if (ctx.repos.votes.anyInArea(area.id)) throw new AppError("EVENT_LOCKED", `“${area.title}” has votes and cannot be deleted.`);
    ctx.repos.areas.remove(area.id);
    ctx.repos.events.bumpSeq(event.id);
  })();
  committed(ctx, "contentChanged", { eventId: event.id });
}

/**
 * Opens or closes areas. With status "open", durationSeconds (API 1.1, the clock) sets every named
 * area's deadline to that many seconds from now, on areas already open too (that is how the
 * facilitator extends), and null removes it; closing clears it (repos/areas.ts). The clock itself
 * (plugins/clock.ts) follows the areaStatusChanged event emitted here.
 */
export function setVoting(ctx: Ctx, event: EventRow, status: VotingBody["status"], areaIds: readonly string[] | undefined, durationSeconds?: number | null): void {
  if (status !== "open" && durationSeconds !== undefined) {
    throw new AppError("BAD_REQUEST", "durationSeconds goes with status “open”: it says when the areas close by themselves.");
  }
  const changed = ctx.db.transaction(() => {
    const areas = areaIds ? areaIds.map((id) => requireArea(ctx, event, id)) : ctx.repos.areas.byEvent(event.id);
    const moving = areas.filter((area) => area.status !== status);
    for (const area of moving) setStatus(ctx, event, area, status);
    const clocked = new Set(moving.map((area) => area.id));
    if (status === "open" && durationSeconds !== undefined) {
      const closesAt = durationSeconds === null ? null : new Date(Date.parse(ctx.now()) + durationSeconds * 1000).toISOString();
      for (const area of areas) {
        if (area.closes_at === closesAt) continue;
        ctx.repos.areas.setClosesAt(area.id, closesAt);
        clocked.add(area.id);
      }
    }
    ctx.repos.events.bumpSeq(event.id);
    return [...clocked];
  })();
  // Emitted even when no area moved: the request still bumped the event (clients resync).
  committed(ctx, "areaStatusChanged", { eventId: event.id, areaIds: changed });
}

/**
 * The clock's close (plugins/clock.ts): the area closes as a manual close would, if it is still
 * open and its deadline has come. closedAt is the deadline itself, not the moment this ran: after a
 * restart past the deadline the area closes at start, and the report says when voting ended.
 * Returns "closed", "early" (deadline not yet reached: arm again) or "none" (no deadline any more).
 */
export function closeIfDue(ctx: Ctx, eventId: number, areaId: string): "closed" | "early" | "none" {
  const outcome = ctx.db.transaction(() => {
    const event = ctx.repos.events.byId(eventId);
    const area = event ? ctx.repos.areas.byId(areaId, event.id) : undefined;
    if (!event || !area || area.status !== "open" || !area.closes_at) return "none" as const;
    const now = ctx.now();
    if (Date.parse(area.closes_at) > Date.parse(now)) return "early" as const;
    ctx.repos.areas.setStatus(area.id, "closed", area.closes_at < now ? area.closes_at : now);
    ctx.repos.events.bumpSeq(event.id);
    return "closed" as const;
  })();
  if (outcome === "closed") committed(ctx, "areaStatusChanged", { eventId, areaIds: [areaId] });
  return outcome;
}

export function addProposal(ctx: Ctx, event: EventRow, areaId: string, input: ProposalInput, by?: Caller): string {
  const proposalId = ctx.db.transaction(() => addProposalIn(ctx, event, areaId, input, by))();
  committed(ctx, "contentChanged", { eventId: event.id });
  return proposalId;
}

/** addProposal's write, inside the caller's transaction (which announces it). */
export function addProposalIn(ctx: Ctx, event: EventRow, areaId: string, input: ProposalInput, by?: Caller): string {
  const area = requireArea(ctx, event, areaId);
  holdToDraft(by, area);
  // A proposal added mid-vote would reach only the phones that reload: the ballot would differ between voters.
  if (area.status === "open" || ctx.repos.votes.anyInArea(area.id)) {
    throw new AppError("EVENT_LOCKED", `“${area.title}” is open or has votes; close it and clear votes before adding proposals.`);
  }
  if (ctx.repos.proposals.byArea(area.id).length >= LIMITS.proposalsPerArea) throw new AppError("BAD_REQUEST", `An area has at most ${LIMITS.proposalsPerArea} proposals.`);
  const [id] = insertProposals(ctx, area.id, [input], ctx.repos.proposals.nextPosition(area.id));
  enforceQuota(ctx, event.id);
  ctx.repos.events.bumpSeq(event.id);
  if (!id) throw new Error("no proposal inserted");
  return id;
}

export function patchProposal(ctx: Ctx, event: EventRow, proposalId: string, patch: PatchProposalBody, by?: Caller): void {
  ctx.db.transaction(() => patchProposalIn(ctx, event, proposalId, patch, by))();
  committed(ctx, "contentChanged", { eventId: event.id });
}

/** patchProposal's write, inside the caller's transaction (which announces it). */
export function patchProposalIn(ctx: Ctx, event: EventRow, proposalId: string, patch: PatchProposalBody, by?: Caller): void {
  const proposal = ctx.repos.proposals.byId(proposalId, event.id);
  if (!proposal) throw new AppError("NOT_FOUND", "This event has no such proposal.");
  holdToDraft(by, requireArea(ctx, event, proposal.area_id));
  // Two people editing one proposal: the second save, made from the older text, is refused and
  // shown what is there now, instead of overwriting it without either knowing.
  if (patch.version !== undefined && patch.version !== proposal.version) {
    throw new AppError("NOT_ALLOWED", `Someone else changed this proposal meanwhile (now version ${proposal.version}): “${proposal.title}”. Reload it and apply your change again.`);
  }
  // Text fixes stay allowed after votes: a typo must be fixable in front of the room.
  if (patch.title !== undefined) ctx.repos.proposals.setTitle(proposal.id, patch.title);
  if (patch.body !== undefined) ctx.repos.proposals.setBody(proposal.id, patch.body);
  if (patch.title !== undefined || patch.body !== undefined) enforceQuota(ctx, event.id);
  if (patch.position !== undefined) {
    const others = ctx.repos.proposals.byArea(proposal.area_id).filter((p) => p.id !== proposal.id);
    others.splice(Math.min(patch.position, others.length), 0, proposal);
    others.forEach((p, i) => ctx.repos.proposals.setPosition(p.id, i));
  }
  ctx.repos.events.bumpSeq(event.id);
}

export function deleteProposal(ctx: Ctx, event: EventRow, proposalId: string, by?: Caller): void {
  ctx.db.transaction(() => {
    const proposal = ctx.repos.proposals.byId(proposalId, event.id);
    if (!proposal) throw new AppError("NOT_FOUND", "This event has no such proposal.");
    holdToDraft(by, requireArea(ctx, event, proposal.area_id));
    if (ctx.repos.votes.anyForProposal(proposal.id)) throw new AppError("EVENT_LOCKED", "This proposal has votes and cannot be deleted.");
    ctx.repos.proposals.remove(proposal.id);
    ctx.repos.events.bumpSeq(event.id);
  })();
  committed(ctx, "contentChanged", { eventId: event.id });
}
