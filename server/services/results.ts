// Tallies and the visibility rules of Results (API.md): who may see which counts.
import type { AreaResults, Results } from "../../shared/schemas";
import { rankByVotes } from "../../shared/ranking";
import type { EventRow } from "../repos/events";
import type { Ctx } from "./context";
import { areaLabels, prefixOf } from "./event-view";

/** privileged: admin token or screen key, which may see counts still hidden from the room. */
export type Audience = "public" | "privileged";

export interface Tally {
  event: EventRow;
  participants: number;
  voters: number;
  areas: Array<Omit<AreaResults, "withheld" | "results"> & {
    underThreshold: boolean;
    /** Ranked by points (approval and dots: equal to the votes; ranking: Borda points). */
    rows: Array<{ proposalId: string; label: string; title: string; position: number; votes: number; points: number; rank: number }>;
  }>;
}

/** One consistent read of every count of an event (better-sqlite3 reads are synchronous, so nothing interleaves). */
export function tally(ctx: Ctx, event: EventRow): Tally {
  const counts = new Map(ctx.repos.votes.countsByEvent(event.id).map((r) => [r.proposal_id, r]));
  const voters = new Map(ctx.repos.votes.votersByArea(event.id).map((r) => [r.area_id, r.voters]));
  const proposals = ctx.repos.proposals.byEvent(event.id);
  const areas = ctx.repos.areas.byEvent(event.id);
  return {
    event,
    participants: ctx.repos.participants.countByEvent(event.id),
    voters: ctx.repos.votes.votersByEvent(event.id),
    areas: areas.map((a) => {
      const areaVoters = voters.get(a.id) ?? 0;
      const labels = areaLabels(prefixOf(a, areas), a.id, proposals);
      const ranked = rankByVotes(
        proposals
          .filter((p) => p.area_id === a.id)
          .map((p) => ({ proposalId: p.id, label: labels.get(p.id) ?? "", title: p.title, position: p.position, votes: counts.get(p.id)?.votes ?? 0, points: counts.get(p.id)?.points ?? 0 })),
      );
      return {
        id: a.id,
        title: a.title,
        status: a.status,
        revealed: a.revealed === 1,
        maxVotes: a.max_votes,
        method: a.method,
        maxPerProposal: a.max_per_proposal,
        voters: areaVoters,
        underThreshold: areaVoters < event.privacy_threshold,
        rows: ranked,
      };
    }),
  };
}

/**
 * The Results an audience may see. The privacy threshold protects voters from everyone, so it
 * withholds even from privileged viewers; "on-reveal" only hides counts from the room.
 */
export function resultsFor(t: Tally, audience: Audience): Results {
  return {
    code: t.event.code,
    seq: t.event.seq,
    participants: t.participants,
    voters: t.voters,
    areas: t.areas.map(({ underThreshold, rows, ...area }) => {
      const hiddenFromRoom = t.event.results_visibility === "on-reveal" && !area.revealed;
      const withheld = underThreshold || (audience === "public" && hiddenFromRoom);
      return {
        ...area,
        withheld,
        // Withheld rows keep the organiser's order, so not even the order leaks the counts.
        results: withheld
          ? [...rows].sort((a, b) => a.position - b.position).map((r) => ({ proposalId: r.proposalId, label: r.label, title: r.title, votes: null, points: null, rank: null }))
          : rows.map(({ proposalId, label, title, votes, points, rank }) => ({ proposalId, label, title, votes, points, rank })),
      };
    }),
  };
}

export function results(ctx: Ctx, event: EventRow, audience: Audience): Results {
  return resultsFor(tally(ctx, event), audience);
}
