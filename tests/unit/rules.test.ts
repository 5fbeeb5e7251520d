// The vote rules of shared/rules.ts: the phone explains with them, the server enforces with them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAreaBallot, toggleChoice, votesLeft, votesLeftLabel, type AreaRuleInput } from "../../shared/rules";

function area(maxVotes: number, proposalCount: number, status: AreaRuleInput["status"] = "open", title = "Health"): AreaRuleInput {
  return { id: "a1", title, maxVotes, status, proposals: Array.from({ length: proposalCount }, (_, i) => ({ id: `p${i}` })) };
}

describe("checkAreaBallot", () => {
  it("accepts distinct ids of the area up to maxVotes, keeping their order", () => {
    expect(checkAreaBallot(area(2, 5), ["p3", "p1"])).toEqual({ ok: true, proposalIds: ["p3", "p1"] });
    expect(checkAreaBallot(area(2, 5), ["p4"])).toEqual({ ok: true, proposalIds: ["p4"] });
  });

  it("accepts the empty ballot (a withdrawal)", () => {
    expect(checkAreaBallot(area(2, 5), [])).toEqual({ ok: true, proposalIds: [] });
  });

  it("refuses more than maxVotes with TOO_MANY_VOTES", () => {
    const r = checkAreaBallot(area(2, 5), ["p0", "p1", "p2"]);
    expect(r).toMatchObject({ ok: false, code: "TOO_MANY_VOTES" });
    if (!r.ok) expect(r.message).toBe("“Health” allows 2 votes.");
    const one = checkAreaBallot(area(1, 5), ["p0", "p1"]);
    if (!one.ok) expect(one.message).toBe("“Health” allows 1 vote.");
    expect(one.ok).toBe(false);
  });

  it("refuses the same proposal twice with DUPLICATE_PROPOSAL", () => {
    expect(checkAreaBallot(area(2, 5), ["p1", "p1"])).toMatchObject({ ok: false, code: "DUPLICATE_PROPOSAL" });
  });

  it("refuses an id that is not one of the area's proposals with UNKNOWN_PROPOSAL", () => {
    expect(checkAreaBallot(area(2, 5), ["p1", "p99"])).toMatchObject({ ok: false, code: "UNKNOWN_PROPOSAL" });
    expect(checkAreaBallot(area(2, 0), ["p0"])).toMatchObject({ ok: false, code: "UNKNOWN_PROPOSAL" });
  });

  it("refuses any ballot, even an empty one, unless the area is open", () => {
    const draft = checkAreaBallot(area(2, 5, "draft"), ["p1"]);
    const closed = checkAreaBallot(area(2, 5, "closed"), []);
    expect(draft).toMatchObject({ ok: false, code: "VOTING_CLOSED" });
    expect(closed).toMatchObject({ ok: false, code: "VOTING_CLOSED" });
    if (!draft.ok) expect(draft.message).toContain("not open yet");
    if (!closed.ok) expect(closed.message).toContain("closed");
  });

  it("does not change its input", () => {
    const ids = ["p2", "p0"];
    const r = checkAreaBallot(area(2, 5), ids);
    expect(r.ok && r.proposalIds).not.toBe(ids);
    expect(ids).toEqual(["p2", "p0"]);
  });
});

describe("checkAreaBallot properties", () => {
  const areaArb = fc.record({ maxVotes: fc.integer({ min: 1, max: 20 }), count: fc.integer({ min: 1, max: 40 }) });

  it("a random ballot over the limit never passes", () => {
    fc.assert(
      fc.property(areaArb, fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), ({ maxVotes, count }, picks) => {
        const ids = [...new Set(picks.map((n) => `p${n % count}`))];
        fc.pre(ids.length > maxVotes);
        const r = checkAreaBallot(area(maxVotes, count), ids);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.code).toBe("TOO_MANY_VOTES");
      }),
    );
  });

  it("a random ballot with a repeated id never passes", () => {
    fc.assert(
      fc.property(areaArb, fc.array(fc.nat(), { maxLength: 20 }), fc.nat(), fc.nat(), ({ maxVotes, count }, picks, dupOf, at) => {
        const ids = picks.map((n) => `p${n % count}`);
        const dup = `p${dupOf % count}`;
        const withDup = [...ids, dup];
        withDup.splice(at % (withDup.length + 1), 0, dup);
        const r = checkAreaBallot(area(maxVotes, count), withDup);
        expect(r).toMatchObject({ ok: false, code: "DUPLICATE_PROPOSAL" });
      }),
    );
  });

  it("a random ballot naming a foreign id never passes", () => {
    fc.assert(
      fc.property(
        areaArb,
        fc.uniqueArray(fc.nat({ max: 39 })),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.nat(),
        ({ maxVotes, count }, picks, foreign, at) => {
          const own = new Set(area(maxVotes, count).proposals.map((p) => p.id));
          fc.pre(!own.has(foreign));
          const ids = picks.filter((n) => n < count).map((n) => `p${n}`);
          ids.splice(at % (ids.length + 1), 0, foreign);
          const r = checkAreaBallot(area(maxVotes, count), ids);
          expect(r.ok).toBe(false);
        },
      ),
    );
  });

  it("every ballot of distinct own ids within the limit passes unchanged (so the refusals above are not blanket refusals)", () => {
    fc.assert(
      fc.property(areaArb, fc.uniqueArray(fc.nat({ max: 39 }), { maxLength: 20 }), ({ maxVotes, count }, picks) => {
        const ids = picks.filter((n) => n < count).slice(0, maxVotes).map((n) => `p${n}`);
        expect(checkAreaBallot(area(maxVotes, count), ids)).toEqual({ ok: true, proposalIds: ids });
      }),
    );
  });

  it("whatever it accepts is distinct, known and within the limit", () => {
    fc.assert(
      fc.property(areaArb, fc.array(fc.oneof(fc.nat({ max: 45 }).map((n) => `p${n}`), fc.string()), { maxLength: 25 }), ({ maxVotes, count }, ids) => {
        const a = area(maxVotes, count);
        const r = checkAreaBallot(a, ids);
        if (!r.ok) return;
        const known = new Set(a.proposals.map((p) => p.id));
        expect(r.proposalIds.length).toBeLessThanOrEqual(maxVotes);
        expect(new Set(r.proposalIds).size).toBe(r.proposalIds.length);
        for (const id of r.proposalIds) expect(known.has(id)).toBe(true);
      }),
    );
  });
});

describe("toggleChoice", () => {
  it("adds an unchosen proposal while votes are left", () => {
    expect(toggleChoice(area(2, 5), [], "p1")).toEqual({ ok: true, proposalIds: ["p1"] });
    expect(toggleChoice(area(2, 5), ["p1"], "p3")).toEqual({ ok: true, proposalIds: ["p1", "p3"] });
  });

  it("removes a chosen proposal, also at the limit", () => {
    expect(toggleChoice(area(2, 5), ["p1", "p3"], "p1")).toEqual({ ok: true, proposalIds: ["p3"] });
  });

  it("at the limit refuses with the message that tells the participant what to do", () => {
    expect(toggleChoice(area(2, 5, "open", "Prevention"), ["p0", "p1"], "p2")).toEqual({
      ok: false,
      code: "TOO_MANY_VOTES",
      message: "You have used both votes in Prevention — remove one to choose another.",
    });
    expect(toggleChoice(area(1, 5, "open", "Health"), ["p0"], "p2")).toMatchObject({
      ok: false,
      message: "You have used your vote in Health — remove one to choose another.",
    });
    expect(toggleChoice(area(3, 5, "open", "Law"), ["p0", "p1", "p4"], "p2")).toMatchObject({
      ok: false,
      message: "You have used all 3 votes in Law — remove one to choose another.",
    });
  });

  it("never drops an earlier choice silently", () => {
    const r = toggleChoice(area(2, 5), ["p0", "p1"], "p2");
    expect(r.ok).toBe(false);
  });

  it("refuses any change while the area is not open", () => {
    expect(toggleChoice(area(2, 5, "closed"), ["p0"], "p0")).toMatchObject({ ok: false, code: "VOTING_CLOSED" });
    expect(toggleChoice(area(2, 5, "draft"), [], "p0")).toMatchObject({ ok: false, code: "VOTING_CLOSED" });
    // The closed state wins over the limit: the explanation must be about the area being closed.
    expect(toggleChoice(area(2, 5, "closed"), ["p0", "p1"], "p2")).toMatchObject({ ok: false, code: "VOTING_CLOSED" });
  });

  it("refuses a proposal of another area", () => {
    expect(toggleChoice(area(2, 5), [], "elsewhere")).toMatchObject({ ok: false, code: "UNKNOWN_PROPOSAL" });
  });

  it("any sequence of taps keeps a valid ballot", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.nat({ max: 7 }), { maxLength: 40 }), (maxVotes, count, taps) => {
        const a = area(maxVotes, count);
        let chosen: string[] = [];
        for (const tap of taps) {
          const id = `p${tap % count}`;
          const r = toggleChoice(a, chosen, id);
          const wasChosen = chosen.includes(id);
          if (r.ok) {
            // A tap changes exactly the tapped proposal.
            expect(r.proposalIds.includes(id)).toBe(!wasChosen);
            expect(r.proposalIds.length).toBe(chosen.length + (wasChosen ? -1 : 1));
            chosen = r.proposalIds;
          } else {
            expect(wasChosen).toBe(false);
            expect(chosen.length).toBe(maxVotes);
          }
          expect(checkAreaBallot(a, chosen).ok).toBe(true);
        }
      }),
    );
  });
});

describe("votesLeft and votesLeftLabel", () => {
  it("says how many of the area's votes are left", () => {
    expect(votesLeftLabel(area(2, 5), [])).toBe("2 of 2 votes left");
    expect(votesLeftLabel(area(2, 5), ["p1"])).toBe("1 of 2 votes left");
    expect(votesLeftLabel(area(2, 5), ["p1", "p2"])).toBe("0 of 2 votes left");
    expect(votesLeftLabel(area(1, 5), [])).toBe("1 of 1 vote left");
    expect(votesLeftLabel(area(1, 5), ["p0"])).toBe("0 of 1 vote left");
    expect(votesLeftLabel(area(5, 9), ["p0", "p1"])).toBe("3 of 5 votes left");
  });

  it("never goes below zero", () => {
    expect(votesLeft(area(1, 5), ["p0", "p1", "p2"])).toBe(0);
    expect(votesLeftLabel(area(1, 5), ["p0", "p1"])).toBe("0 of 1 vote left");
  });
});
