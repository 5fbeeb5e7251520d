// The three voting methods of shared/rules.ts (issue 15) against a small model written here, apart
// from the rules: checkBallot, the phone's operations (toggleBallot, addDot, removeDot, moveRank),
// the scoring (ballotScores) and sameBallot, per method, on random areas and random taps.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDot, ballotScores, checkBallot, moveRank, removeDot, sameBallot, toggleBallot, type AreaRuleInput, type RuleCheck } from "../../shared/rules";
import type { AreaStatus, VotingMethod } from "../../shared/schemas";

// ---- the model -------------------------------------------------------------------------------

interface ModelArea {
  method: VotingMethod;
  maxVotes: number;
  /** As the organiser set it (dots); the model applies "never above maxVotes" itself. */
  maxPerProposal: number | undefined;
  status: AreaStatus;
  count: number;
}

type Outcome = { ok: true; ids: string[] } | { ok: false; code: string };

const pid = (i: number) => `p${i}`;

/** How many times each id occurs, counted by sorting (not the rules' Map). */
function tally(ids: readonly string[]): Array<[string, number]> {
  const sorted = [...ids].sort();
  const out: Array<[string, number]> = [];
  for (const id of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] === id) last[1] += 1;
    else out.push([id, 1]);
  }
  return out;
}

function modelCap(a: ModelArea): number {
  if (a.method !== "dots") return 1;
  const asked = a.maxPerProposal ?? a.maxVotes;
  return asked < a.maxVotes ? asked : a.maxVotes;
}

/** The refusal order of the API: closed, then unknown ids, then a stack too high, then too many in all. */
function modelCheck(a: ModelArea, ids: readonly string[], paper = false): Outcome {
  if (!(a.status === "open" || (paper && a.status === "closed"))) return { ok: false, code: "VOTING_CLOSED" };
  for (const id of ids) {
    const n = Number(id.slice(1));
    if (!id.startsWith("p") || !Number.isInteger(n) || n < 0 || n >= a.count || id !== pid(n)) return { ok: false, code: "UNKNOWN_PROPOSAL" };
  }
  if (tally(ids).some(([, n]) => n > modelCap(a))) return { ok: false, code: a.method === "dots" ? "TOO_MANY_DOTS" : "DUPLICATE_PROPOSAL" };
  if (ids.length > a.maxVotes) return { ok: false, code: "TOO_MANY_VOTES" };
  return { ok: true, ids: [...ids] };
}

/** What each proposal gets: votes (ballots naming it, dots: its dots) and points (ranking: Borda). */
function modelScores(a: ModelArea, ids: readonly string[]): Record<string, { votes: number; points: number }> {
  const out: Record<string, { votes: number; points: number }> = {};
  if (a.method === "ranking") {
    let points = a.maxVotes;
    for (const id of ids) out[id] = { votes: 1, points: points-- };
    return out;
  }
  for (const [id, n] of tally(ids)) out[id] = { votes: n, points: n };
  return out;
}

function modelSame(method: VotingMethod, a: readonly string[], b: readonly string[]): boolean {
  if (method === "ranking") return a.length === b.length && a.every((x, i) => x === b[i]);
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

type Tap = { op: "toggle" | "add" | "remove" | "up" | "down"; p: number };

/** The phone's operations, in the model. */
function modelTap(a: ModelArea, chosen: readonly string[], tap: Tap): Outcome {
  const id = pid(tap.p);
  const full = a.status === "open" && chosen.length >= a.maxVotes;
  switch (tap.op) {
    case "toggle":
      if (chosen.includes(id)) return modelCheck(a, chosen.filter((x) => x !== id));
      return full ? { ok: false, code: "TOO_MANY_VOTES" } : modelCheck(a, [...chosen, id]);
    case "add":
      return full ? { ok: false, code: "TOO_MANY_VOTES" } : modelCheck(a, [...chosen, id]);
    case "remove": {
      const next = [...chosen];
      for (let i = next.length - 1; i >= 0; i--) {
        if (next[i] === id) {
          next.splice(i, 1);
          break;
        }
      }
      return modelCheck(a, next);
    }
    case "up":
    case "down": {
      const at = chosen.indexOf(id);
      const to = tap.op === "up" ? at - 1 : at + 1;
      const next = [...chosen];
      if (at >= 0 && to >= 0 && to < chosen.length) [next[at], next[to]] = [next[to]!, next[at]!];
      return modelCheck(a, next);
    }
  }
}

// ---- the rules, driven the same way ----------------------------------------------------------

function rulesArea(a: ModelArea): AreaRuleInput {
  return {
    id: "a1",
    title: "Health",
    maxVotes: a.maxVotes,
    status: a.status,
    method: a.method,
    ...(a.maxPerProposal === undefined ? {} : { maxPerProposal: a.maxPerProposal }),
    proposals: Array.from({ length: a.count }, (_, i) => ({ id: pid(i) })),
  };
}

function rulesTap(a: AreaRuleInput, chosen: readonly string[], tap: Tap): RuleCheck {
  const id = pid(tap.p);
  switch (tap.op) {
    case "toggle": return toggleBallot(a, chosen, id);
    case "add": return addDot(a, chosen, id);
    case "remove": return removeDot(a, chosen, id);
    case "up": return moveRank(a, chosen, id, -1);
    case "down": return moveRank(a, chosen, id, 1);
  }
}

const outcome = (r: RuleCheck): Outcome => (r.ok ? { ok: true, ids: r.proposalIds } : { ok: false, code: r.code });

// ---- arbitraries -----------------------------------------------------------------------------

const methodArb = fc.constantFrom<VotingMethod>("approval", "dots", "ranking");
const areaArb = (status: fc.Arbitrary<AreaStatus> = fc.constant("open")): fc.Arbitrary<ModelArea> =>
  fc.record({
    method: methodArb,
    maxVotes: fc.integer({ min: 1, max: 8 }),
    maxPerProposal: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    status,
    count: fc.integer({ min: 1, max: 8 }),
  });
// Mostly ids of the area (repeats likely: few proposals), sometimes one that is not.
const idsArb = fc.array(fc.oneof({ weight: 9, arbitrary: fc.nat({ max: 9 }).map(pid) }, { weight: 1, arbitrary: fc.constantFrom("p99", "x", "") }), { maxLength: 12 });
const tapsArb = (ops: Tap["op"][]) => fc.array(fc.record({ op: fc.constantFrom(...ops), p: fc.nat({ max: 9 }) }), { maxLength: 40 });
const OPS: Record<VotingMethod, Tap["op"][]> = { approval: ["toggle"], dots: ["add", "remove"], ranking: ["toggle", "up", "down"] };

// ---- properties ------------------------------------------------------------------------------

describe("checkBallot, per method", () => {
  it("agrees with the model on any ballot, any status, phone or paper", () => {
    fc.assert(
      fc.property(areaArb(fc.constantFrom<AreaStatus>("open", "closed", "draft")), idsArb, fc.boolean(), (a, ids, paper) => {
        expect(outcome(checkBallot(rulesArea(a), ids, { paper }))).toEqual(modelCheck(a, ids, paper));
      }),
      { numRuns: 3000 },
    );
  });

  it("never passes a ballot over either cap", () => {
    fc.assert(
      fc.property(areaArb(), idsArb, (a, ids) => {
        const r = checkBallot(rulesArea(a), ids);
        if (!r.ok) return;
        expect(r.proposalIds.length).toBeLessThanOrEqual(a.maxVotes);
        for (const [, n] of tally(r.proposalIds)) expect(n).toBeLessThanOrEqual(modelCap(a));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the phone's operations, per method", () => {
  it("each tap does what the model does, and the ballot it builds always passes checkBallot", () => {
    fc.assert(
      fc.property(areaArb().chain((a) => fc.tuple(fc.constant(a), tapsArb(OPS[a.method]))), ([a, taps]) => {
        const rules = rulesArea(a);
        let chosen: string[] = [];
        for (const tap of taps) {
          const got = outcome(rulesTap(rules, chosen, tap));
          expect(got, JSON.stringify({ chosen, tap })).toEqual(modelTap(a, chosen, tap));
          if (got.ok) chosen = got.ids;
          expect(checkBallot(rules, chosen).ok).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("dots: add then remove on one proposal leaves the dots as they were", () => {
    fc.assert(
      fc.property(areaArb().filter((a) => a.method === "dots"), tapsArb(["add"]), fc.nat({ max: 9 }), (a, taps, p) => {
        const rules = rulesArea(a);
        let chosen: string[] = [];
        for (const tap of taps) {
          const r = addDot(rules, chosen, pid(tap.p));
          if (r.ok) chosen = r.proposalIds;
        }
        const added = addDot(rules, chosen, pid(p));
        if (!added.ok) return;
        const back = removeDot(rules, added.proposalIds, pid(p));
        expect(back.ok && sameBallot("dots", back.proposalIds, chosen)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("ranking: moving up then down is no change; a move keeps the same proposals", () => {
    fc.assert(
      fc.property(areaArb().filter((a) => a.method === "ranking"), tapsArb(["toggle"]), fc.nat({ max: 9 }), (a, taps, p) => {
        const rules = rulesArea(a);
        let chosen: string[] = [];
        for (const tap of taps) {
          const r = toggleBallot(rules, chosen, pid(tap.p));
          if (r.ok) chosen = r.proposalIds;
        }
        const id = pid(p);
        const at = chosen.indexOf(id);
        const up = moveRank(rules, chosen, id, -1);
        expect(up.ok).toBe(true);
        if (!up.ok) return;
        expect([...up.proposalIds].sort()).toEqual([...chosen].sort());
        if (at > 0) {
          expect(up.proposalIds.indexOf(id)).toBe(at - 1);
          const down = moveRank(rules, up.proposalIds, id, 1);
          expect(down.ok && down.proposalIds).toEqual(chosen);
        } else {
          expect(up.proposalIds).toEqual(chosen);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("ballotScores and sameBallot, per method", () => {
  it("ballotScores gives each proposal the model's votes and points", () => {
    fc.assert(
      fc.property(areaArb(), idsArb, (a, raw) => {
        const check = checkBallot(rulesArea(a), raw);
        if (!check.ok) return;
        const scores = Object.fromEntries(ballotScores({ method: a.method, maxVotes: a.maxVotes }, check.proposalIds));
        expect(scores).toEqual(modelScores(a, check.proposalIds));
        const points = Object.values(scores).reduce((s, x) => s + x.points, 0);
        // Approval and dots: a point per vote; ranking: maxVotes + (maxVotes - 1) + … for the places used.
        const n = check.proposalIds.length;
        expect(points).toBe(a.method === "ranking" ? n * a.maxVotes - (n * (n - 1)) / 2 : n);
      }),
      { numRuns: 3000 },
    );
  });

  it("sameBallot: approval and dots ignore order, ranking does not", () => {
    const ballotArb = fc.tuple(methodArb, fc.array(fc.nat({ max: 5 }).map(pid), { maxLength: 6 }));
    fc.assert(
      fc.property(ballotArb, fc.array(fc.nat({ max: 5 }).map(pid), { maxLength: 6 }), fc.infiniteStream(fc.nat()), ([method, raw], other, random) => {
        // Approval and ranking ballots name a proposal once.
        const a = method === "dots" ? raw : [...new Set(raw)];
        const b = method === "dots" ? other : [...new Set(other)];
        expect(sameBallot(method, a, b)).toBe(modelSame(method, a, b));
        const shuffled = [...a].sort(() => (random.next().value as number) % 3 - 1);
        expect(sameBallot(method, a, shuffled)).toBe(modelSame(method, a, shuffled));
        expect(sameBallot(method, a, [...a])).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
