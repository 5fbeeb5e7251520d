import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { hashSeed, proposalOrder, seededRandom, seededShuffle } from "../../shared/shuffle";

const proposals = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, position: i, title: `T${i}` }));

describe("seededShuffle", () => {
  it("returns a permutation of its input and leaves the input alone", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const copy = [...items];
        const out = seededShuffle(items, seed);
        expect(items).toEqual(copy);
        expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it("gives the same order for the same seed (a reload shows the same list)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), fc.string(), (items, seed) => {
        expect(seededShuffle(items, seed)).toEqual(seededShuffle(items, seed));
      }),
    );
  });

  it("gives different participants different orders", () => {
    const items = proposals(10).map((p) => p.id);
    const orders = new Set<string>();
    for (let i = 0; i < 200; i++) orders.add(seededShuffle(items, `token-${i}`).join(","));
    // 10! orders; 200 tokens colliding more than a handful of times would mean a broken seed.
    expect(orders.size).toBeGreaterThan(195);
  });

  it("puts every proposal first about equally often across a room", () => {
    const n = 10;
    const items = proposals(n).map((p) => p.id);
    const first = new Map<string, number>();
    const runs = 5000;
    for (let i = 0; i < runs; i++) {
      const head = seededShuffle(items, `participant-${i}-${i * 7919}`)[0] ?? "";
      first.set(head, (first.get(head) ?? 0) + 1);
    }
    expect(first.size).toBe(n);
    // Expected 500 each; a bias of ±30% would show ballot-order bias creeping back in.
    for (const count of first.values()) {
      expect(count).toBeGreaterThan(350);
      expect(count).toBeLessThan(650);
    }
  });
});

describe("seededRandom and hashSeed", () => {
  it("stays within [0, 1)", () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const next = seededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const x = next();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it("hashes to unsigned 32-bit integers that differ for close strings", () => {
    expect(hashSeed("a")).not.toBe(hashSeed("b"));
    expect(hashSeed("token1")).not.toBe(hashSeed("token2"));
    fc.assert(
      fc.property(fc.string(), (s) => {
        const h = hashSeed(s);
        expect(Number.isInteger(h)).toBe(true);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThan(2 ** 32);
      }),
    );
  });
});

describe("proposalOrder", () => {
  it("keeps the organiser's order by position when the event asks for it", () => {
    const ps = proposals(6).reverse();
    expect(proposalOrder(ps, "organiser", "tok", "a1").map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("shuffles per participant and per area, stably", () => {
    const ps = proposals(12);
    const a = proposalOrder(ps, "random", "tok", "area-1").map((p) => p.id);
    expect(proposalOrder(ps, "random", "tok", "area-1").map((p) => p.id)).toEqual(a);
    expect(proposalOrder([...ps].reverse(), "random", "tok", "area-1").map((p) => p.id)).toEqual(a);
    expect(proposalOrder(ps, "random", "tok", "area-2").map((p) => p.id)).not.toEqual(a);
    expect(proposalOrder(ps, "random", "other", "area-1").map((p) => p.id)).not.toEqual(a);
    expect([...a].sort()).toEqual(ps.map((p) => p.id).sort());
  });
});
