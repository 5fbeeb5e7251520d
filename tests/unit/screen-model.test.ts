import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { AreaResults, Event, Results } from "../../shared/schemas";
import { rankByVotes } from "../../shared/ranking";
import {
  areaDisplay,
  chartColumns,
  hashWithView,
  keyAction,
  newerResults,
  participantUrl,
  slideOrder,
  summaryGrid,
  thresholdText,
  topThree,
  turnoutText,
  validView,
  viewFromHash,
  type View,
} from "../../client/src/pages/screen/screen-model";

const snapshot = (seq: number): Results => ({ code: "ABCDEF", seq, participants: 3, voters: 1, areas: [] });

function makeEvent(over: Partial<Event> = {}, revealed = false): Event {
  return {
    code: "ABCDEF",
    title: "Forum",
    access: "open",
    votesPerArea: 2,
    resultsVisibility: "live",
    privacyThreshold: 0,
    proposalOrder: "organiser",
    expectedParticipants: 0,
    createdAt: "2017-02-01T09:00:00.000Z",
    areas: [
      { id: "a1", title: "Health", prefix: "H", position: 0, maxVotes: 2, status: "open", revealed, openedAt: null, closedAt: null, proposals: [] },
      { id: "a2", title: "Rights", prefix: "R", position: 1, maxVotes: 2, status: "draft", revealed, openedAt: null, closedAt: null, proposals: [] },
    ],
    ...over,
  };
}

function areaResults(votes: number[], voters: number, over: Partial<AreaResults> = {}): AreaResults {
  const ranked = rankByVotes(votes.map((v, i) => ({ proposalId: `p${i}`, title: `P${i}`, votes: v, position: i })));
  return {
    id: "a1",
    title: "Health",
    status: "open",
    revealed: false,
    maxVotes: 2,
    voters,
    withheld: false,
    results: ranked.map((r) => ({ proposalId: r.proposalId, label: `H-${r.position + 1}`, title: r.title, votes: r.votes, rank: r.rank })),
    ...over,
  };
}

describe("newerResults", () => {
  it("never replaces a snapshot with an older one, whatever order they arrive in", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 1 }), (seqs) => {
        let cur: Results | null = null;
        for (const s of seqs) cur = newerResults(cur, snapshot(s));
        expect(cur?.seq).toBe(Math.max(...seqs));
      }),
    );
  });

  it("lets the first snapshot after a reconnect through even when its seq is lower", () => {
    expect(newerResults(snapshot(9), snapshot(2), true)?.seq).toBe(2);
    expect(newerResults(snapshot(9), snapshot(2))?.seq).toBe(9);
  });
});

describe("areaDisplay", () => {
  it("shows counts of a live event", () => {
    const d = areaDisplay(makeEvent(), areaResults([3, 1, 1], 3));
    expect(d.mode).toBe("shown");
    if (d.mode === "shown") expect(d.rows.map((r) => [r.votes, r.rank])).toEqual([[3, 1], [1, 2], [1, 2]]);
  });

  it("hides counts under on-reveal until the event marks the area revealed, though the screen key can read them", () => {
    const res = areaResults([3, 1], 3, { revealed: true });
    expect(areaDisplay(makeEvent({ resultsVisibility: "on-reveal" }, false), res).mode).toBe("awaiting-reveal");
    expect(areaDisplay(makeEvent({ resultsVisibility: "on-reveal" }, true), res).mode).toBe("shown");
  });

  it("withholds below the privacy threshold and says how many are needed", () => {
    const d = areaDisplay(makeEvent({ privacyThreshold: 5 }), areaResults([2, 1], 2));
    expect(d).toEqual({ mode: "threshold", needed: 5, have: 2 });
    expect(areaDisplay(makeEvent({ privacyThreshold: 2 }), areaResults([2, 1], 2)).mode).toBe("shown");
  });

  it("treats a withheld or null-count area as hidden and an unknown area as not shown", () => {
    expect(areaDisplay(makeEvent(), areaResults([2, 1], 2, { withheld: true })).mode).toBe("awaiting-reveal");
    const nulls = areaResults([2, 1], 2);
    nulls.results = nulls.results.map((r) => ({ ...r, votes: null, rank: null }));
    expect(areaDisplay(makeEvent(), nulls).mode).toBe("awaiting-reveal");
    expect(areaDisplay(makeEvent(), undefined).mode).toBe("awaiting-reveal");
  });
});

describe("topThree", () => {
  const rows = (votes: number[]) => {
    const d = areaDisplay(makeEvent(), areaResults(votes, 9));
    if (d.mode !== "shown") throw new Error("expected shown");
    return d.rows;
  };

  it("marks shared places with = and keeps a tie at the boundary whole", () => {
    expect(topThree(rows([9, 5, 5, 3, 3, 1])).map((r) => r.place)).toEqual(["1st", "=2nd", "=2nd"]);
    expect(topThree(rows([9, 7, 3, 3, 1])).map((r) => r.place)).toEqual(["1st", "2nd", "=3rd", "=3rd"]);
    expect(topThree(rows([4, 4, 4, 4])).map((r) => r.place)).toEqual(["=1st", "=1st", "=1st", "=1st"]);
  });

  it("never reports a proposal nobody chose", () => {
    expect(topThree(rows([3, 0, 0, 0])).map((r) => r.place)).toEqual(["1st"]);
    expect(topThree(rows([0, 0]))).toEqual([]);
  });

  it("lists only places up to 3rd, in ranked order", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 15 }), (votes) => {
        const top = topThree(rows(votes));
        const sorted = [...votes].sort((a, b) => b - a);
        expect(top.length).toBeGreaterThanOrEqual(Math.min(3, votes.filter((v) => v > 0).length));
        expect(top.map((r) => r.votes)).toEqual(sorted.slice(0, top.length));
        for (const r of top) {
          expect(Number(/\d+/.exec(r.place)?.[0])).toBeLessThanOrEqual(3);
          expect(r.votes).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe("words", () => {
  it("states turnout as the room reads it", () => {
    expect(turnoutText(37, 54)).toBe("37 of 54 have voted");
    expect(turnoutText(1, 54)).toBe("1 of 54 has voted");
    expect(turnoutText(0, 0)).toBe("No one has joined yet");
    expect(thresholdText(5, 2)).toContain("5 people");
  });

  it("builds the participant address from the public URL, else the page's origin", () => {
    expect(participantUrl("http://192.168.1.20:3000/", "http://127.0.0.1:3000", "ABCDEF")).toBe("http://192.168.1.20:3000/e/ABCDEF");
    expect(participantUrl(null, "http://127.0.0.1:3000", "ABCDEF")).toBe("http://127.0.0.1:3000/e/ABCDEF");
  });
});

describe("keys and views", () => {
  const areas = makeEvent().areas;
  const press = (key: string, view: View, extra: { ctrlKey?: boolean } = {}) => keyAction({ key, ...extra }, view, areas);

  it("walks join → areas → summary with the arrows and stops at both ends", () => {
    const order = slideOrder(areas);
    expect(order).toEqual([{ kind: "join" }, { kind: "area", areaId: "a1" }, { kind: "area", areaId: "a2" }, { kind: "summary" }]);
    let v: View = { kind: "join" };
    const seen: View[] = [];
    for (let i = 0; i < 5; i++) {
      const a = press("ArrowRight", v);
      if (a?.kind === "view") v = a.view;
      seen.push(v);
    }
    expect(seen.at(-1)).toEqual({ kind: "summary" });
    expect(press("ArrowLeft", { kind: "join" })).toEqual({ kind: "view", view: { kind: "join" } });
    expect(press("ArrowLeft", { kind: "summary" })).toEqual({ kind: "view", view: { kind: "area", areaId: "a2" } });
  });

  it("jumps with S, J, F and digits, and leaves browser shortcuts alone", () => {
    expect(press("s", { kind: "join" })).toEqual({ kind: "view", view: { kind: "summary" } });
    expect(press("J", { kind: "summary" })).toEqual({ kind: "view", view: { kind: "join" } });
    expect(press("f", { kind: "join" })).toEqual({ kind: "fullscreen" });
    expect(press("2", { kind: "join" })).toEqual({ kind: "view", view: { kind: "area", areaId: "a2" } });
    expect(press("3", { kind: "join" })).toBeNull();
    expect(press("f", { kind: "join" }, { ctrlKey: true })).toBeNull();
    expect(press("x", { kind: "join" })).toBeNull();
  });

  it("falls back to the join panel when the shown area is gone", () => {
    expect(validView({ kind: "area", areaId: "gone" }, areas)).toEqual({ kind: "join" });
    expect(press("ArrowRight", { kind: "area", areaId: "gone" })).toEqual({ kind: "view", view: { kind: "area", areaId: "a1" } });
  });

  it("keeps the view in the fragment beside the key", () => {
    const hash = hashWithView("#key=SECRET", { kind: "area", areaId: "a2" });
    expect(new URLSearchParams(hash.slice(1)).get("key")).toBe("SECRET");
    expect(viewFromHash(hash)).toEqual({ kind: "area", areaId: "a2" });
    expect(viewFromHash(hashWithView(hash, { kind: "summary" }))).toEqual({ kind: "summary" });
    expect(viewFromHash("#key=SECRET")).toBeNull();
  });

  it("lays the summary out in columns by area count, giving long lists the taller grid rows", () => {
    expect(summaryGrid([3, 3, 3, 3]).columns).toBe(2);
    expect(summaryGrid([3]).columns).toBe(1);
    expect(summaryGrid([3, 3, 3, 3, 3]).columns).toBe(3);
    const { rows } = summaryGrid([3, 7, 0, 1]);
    const weights = [...rows.matchAll(/minmax\(0, ([\d.]+)fr\)/g)].map((m) => Number(m[1]));
    expect(weights).toHaveLength(2);
    expect(weights[0]).toBeGreaterThan(weights[1] ?? Infinity);
  });

  it("spreads bars over columns that keep six rows or so a column", () => {
    expect([1, 6, 7, 12, 13, 18, 24, 200].map(chartColumns)).toEqual([1, 1, 2, 2, 3, 3, 3, 3]);
  });
});
