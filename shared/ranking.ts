// Standard competition ranking ("1224"): equal votes share a rank and the next rank skips.
// Ties are shown, never broken silently: order within a tie is the organiser's position only.
import en from "./i18n/catalogs/en/common";
import { placeIn } from "./i18n/places";

export interface Rankable {
  votes: number;
  /** API 1.1: what rows are ranked by (ranking: Borda points); left out, the votes. */
  points?: number;
  position: number;
}

const score = (r: Rankable) => r.points ?? r.votes;

/** Ranks by points (the votes when there are none: approval and dots, where they are equal). */
export function rankByVotes<T extends Rankable>(items: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...items].sort((a, b) => score(b) - score(a) || a.position - b.position);
  const out: Array<T & { rank: number }> = [];
  sorted.forEach((item, i) => {
    const prev = out[i - 1];
    const rank = prev && score(prev) === score(item) ? prev.rank : i + 1;
    out.push({ ...item, rank });
  });
  return out;
}

/** "1st", "2nd", "=2nd" for a shared rank — the form a meeting report writes. English: other languages use placeIn. */
export function ordinal(rank: number, tied = false): string {
  return placeIn("en", en, rank, tied);
}

/** Whether a ranked row shares its rank with another row. */
export function isTied(rows: ReadonlyArray<{ rank: number | null }>, rank: number | null): boolean {
  if (rank === null) return false;
  return rows.filter((r) => r.rank === rank).length > 1;
}

/**
 * The rows a "top N" summary reports: every row whose rank is ≤ N, so a tie at the boundary is
 * shown in full rather than cut arbitrarily; a proposal nobody chose is never "top". The projector
 * summary and the Markdown report both use this, so they always agree.
 */
export function topRanked<T extends { rank: number | null; votes: number | null }>(rows: readonly T[], n = 3): T[] {
  return rows.filter((r) => r.rank !== null && r.rank <= n && r.votes !== null && r.votes > 0);
}
