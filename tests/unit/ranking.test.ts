// Standard competition ranking ("1224"), the ordinals a report writes, and the "top N" cut.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTied, ordinal, rankByVotes, topRanked } from "../../shared/ranking";

const items = (votes: number[]) => votes.map((v, i) => ({ id: `p${i}`, votes: v, position: i }));

describe("rankByVotes", () => {
  it("ranks 1, 2, 2, 4: equal votes share a rank and the next rank skips", () => {
    expect(rankByVotes(items([5, 3, 3, 1])).map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });

  it("orders by votes descending, ties by the organiser's position", () => {
    const ranked = rankByVotes(items([1, 3, 0, 3, 7]));
    expect(ranked.map((r) => r.id)).toEqual(["p4", "p1", "p3", "p0", "p2"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4, 5]);
  });

  it("uses position, not input order, inside a tie", () => {
    const ranked = rankByVotes([
      { id: "b", votes: 2, position: 5 },
      { id: "a", votes: 2, position: 1 },
      { id: "c", votes: 4, position: 9 },
    ]);
    expect(ranked.map((r) => `${r.id}${r.rank}`)).toEqual(["c1", "a2", "b2"]);
  });

  it("gives everyone rank 1 when nobody has voted", () => {
    expect(rankByVotes(items([0, 0, 0])).map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it("handles a tie at the top and several tie groups", () => {
    expect(rankByVotes(items([4, 4, 2, 2, 2, 1])).map((r) => r.rank)).toEqual([1, 1, 3, 3, 3, 6]);
  });

  it("handles no items, and leaves the input alone", () => {
    expect(rankByVotes([])).toEqual([]);
    const input = items([1, 2]);
    const copy = structuredClone(input);
    rankByVotes(input);
    expect(input).toEqual(copy);
  });

  it("keeps the items' other fields", () => {
    expect(rankByVotes([{ votes: 1, position: 0, title: "x" }])[0]).toEqual({ votes: 1, position: 0, title: "x", rank: 1 });
  });
});

describe("rankByVotes invariants", () => {
  const votesArb = fc.array(fc.nat({ max: 12 }), { maxLength: 40 });

  it("rank = 1 + the number of items with strictly more votes", () => {
    fc.assert(
      fc.property(votesArb, (votes) => {
        for (const r of rankByVotes(items(votes))) {
          expect(r.rank).toBe(1 + votes.filter((v) => v > r.votes).length);
        }
      }),
    );
  });

  it("ties share a rank, and the rank after a tie skips by the tie's size", () => {
    fc.assert(
      fc.property(votesArb, (votes) => {
        const ranked = rankByVotes(items(votes));
        for (let i = 1; i < ranked.length; i++) {
          const prev = ranked[i - 1]!;
          const cur = ranked[i]!;
          if (cur.votes === prev.votes) expect(cur.rank).toBe(prev.rank);
          else expect(cur.rank).toBe(prev.rank + ranked.filter((r) => r.votes === prev.votes).length);
        }
      }),
    );
  });

  it("ranks never decrease, votes never increase, and a rank is never above the row's place", () => {
    fc.assert(
      fc.property(votesArb, (votes) => {
        const ranked = rankByVotes(items(votes));
        ranked.forEach((r, i) => {
          expect(r.rank).toBeLessThanOrEqual(i + 1);
          if (i > 0) {
            expect(r.rank).toBeGreaterThanOrEqual(ranked[i - 1]!.rank);
            expect(r.votes).toBeLessThanOrEqual(ranked[i - 1]!.votes);
          }
        });
        if (ranked.length > 0) expect(ranked[0]!.rank).toBe(1);
      }),
    );
  });

  it("is a permutation of its input, ties ordered by position", () => {
    fc.assert(
      fc.property(votesArb, (votes) => {
        const input = items(votes);
        const shuffled = [...input].reverse();
        const ranked = rankByVotes(shuffled);
        expect(ranked.map((r) => r.id).sort()).toEqual(input.map((r) => r.id).sort());
        for (let i = 1; i < ranked.length; i++) {
          if (ranked[i]!.votes === ranked[i - 1]!.votes) expect(ranked[i]!.position).toBeGreaterThan(ranked[i - 1]!.position);
        }
      }),
    );
  });

  it("the number of distinct ranks equals the number of distinct vote counts", () => {
    fc.assert(
      fc.property(votesArb, (votes) => {
        expect(new Set(rankByVotes(items(votes)).map((r) => r.rank)).size).toBe(new Set(votes).size);
      }),
    );
  });
});

describe("ordinal", () => {
  it("writes the English ordinals a report uses", () => {
    const cases: Array<[number, string]> = [
      [1, "1st"], [2, "2nd"], [3, "3rd"], [4, "4th"], [10, "10th"],
      [11, "11th"], [12, "12th"], [13, "13th"], [14, "14th"],
      [21, "21st"], [22, "22nd"], [23, "23rd"], [101, "101st"], [111, "111th"], [112, "112th"], [113, "113th"], [122, "122nd"],
    ];
    for (const [n, text] of cases) expect(ordinal(n), `ordinal(${n})`).toBe(text);
  });

  it("marks a shared rank with =", () => {
    expect(ordinal(2, true)).toBe("=2nd");
    expect(ordinal(1, true)).toBe("=1st");
    expect(ordinal(13, true)).toBe("=13th");
    expect(ordinal(2, false)).toBe("2nd");
  });
});

describe("isTied", () => {
  it("is true only for a rank held by more than one row", () => {
    const rows = [{ rank: 1 }, { rank: 2 }, { rank: 2 }, { rank: 4 }];
    expect(isTied(rows, 2)).toBe(true);
    expect(isTied(rows, 1)).toBe(false);
    expect(isTied(rows, 4)).toBe(false);
    expect(isTied([{ rank: null }, { rank: null }], null)).toBe(false);
  });
});

describe("topRanked", () => {
  const rows = (ranks: Array<number | null>, votes?: Array<number | null>) =>
    ranks.map((rank, i) => ({ id: `p${i}`, rank, votes: votes ? votes[i] ?? null : rank === null ? null : 10 - rank }));

  it("keeps every row ranked within the top N", () => {
    expect(topRanked(rows([1, 2, 3, 4, 5])).map((r) => r.id)).toEqual(["p0", "p1", "p2"]);
  });

  it("keeps a tie at the boundary whole instead of cutting it arbitrarily", () => {
    expect(topRanked(rows([1, 2, 3, 3, 5])).map((r) => r.rank)).toEqual([1, 2, 3, 3]);
    expect(topRanked(rows([1, 1, 1, 1, 5])).map((r) => r.rank)).toEqual([1, 1, 1, 1]);
  });

  it("drops ranks that skip past N after a tie", () => {
    expect(topRanked(rows([1, 2, 2, 4])).map((r) => r.rank)).toEqual([1, 2, 2]);
  });

  it("honours another N and leaves withheld rows out", () => {
    expect(topRanked(rows([1, 2, 3]), 1).map((r) => r.rank)).toEqual([1]);
    expect(topRanked(rows([null, null, null]))).toEqual([]);
  });

  it("never reports a proposal without votes as top", () => {
    expect(topRanked(rows([1, 2, 2], [3, 0, 0])).map((r) => r.id)).toEqual(["p0"]);
    expect(topRanked(rows([1, 1], [0, 0]))).toEqual([]);
  });

  it("over rankByVotes: every row with votes beaten by fewer than N rows, and no other", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 6 }), { maxLength: 20 }), fc.integer({ min: 1, max: 5 }), (votes, n) => {
        const ranked = rankByVotes(items(votes));
        const top = topRanked(ranked, n);
        const expected = ranked.filter((r) => r.votes > 0 && votes.filter((v) => v > r.votes).length < n);
        expect(top.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        expect(top.length).toBeGreaterThanOrEqual(Math.min(n, votes.filter((v) => v > 0).length));
      }),
    );
  });
});
