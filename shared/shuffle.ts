// Per-participant proposal order, against ballot-order bias: the first proposals on a list get more
// votes whatever they say. The order is derived from the participant's token, so it is the same on
// every reload and every tab of one participant, differs between participants, and needs no storage.
// Not a secret and not cryptographic: it only has to spread positions evenly across a room.
import type { ProposalOrder } from "./schemas";

/** 32-bit FNV-1a hash of a string, then mixed (murmur3 finaliser) so close seeds give far-apart states. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a tiny, well-distributed 32-bit generator; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A new array with the items in a Fisher–Yates order drawn from `seed`; the input is not changed. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = seededRandom(hashSeed(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/**
 * The order one participant sees an area's proposals in: the organiser's order (by position) when
 * the event keeps it, otherwise shuffled with a seed of token and area, so areas are not all
 * shuffled the same way.
 */
export function proposalOrder<P extends { id: string; position: number }>(
  proposals: readonly P[],
  order: ProposalOrder,
  participantSeed: string,
  areaId: string,
): P[] {
  const byPosition = [...proposals].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return order === "organiser" ? byPosition : seededShuffle(byPosition, `${participantSeed}\u0000${areaId}`);
}
