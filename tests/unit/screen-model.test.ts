import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { AreaResults, Event, Results } from "../../shared/schemas";
import { rankByVotes } from "../../shared/ranking";
import {
  BAR_ACROSS_EM,
  BAR_DOWN_EM,
  BAR_LINE,
  BAR_TEXT,
  READING_PAGE_CHARS,
  READING_PAGE_MAX,
  areaArrows,
  areaDisplay,
  areaWinners,
  barLayout,
  barText,
  hashWithView,
  isCharacterKey,
  keyAction,
  keyForControl,
  keyLegend,
  participantUrl,
  readingPages,
  roomTurnoutText,
  slideOrder,
  statusText,
  summaryGrid,
  thresholdText,
  topThree,
  turnoutShare,
  turnoutText,
  validView,
  viewFromHash,
  votesText,
  type BarLayout,
  type BarText,
  type View,
} from "../../client/src/pages/screen/screen-model";
import { newerResults } from "../../client/src/features/live/newerResults";
import { translator } from "../../shared/i18n/catalog";
import { SERVER_CATALOGS } from "../../shared/i18n/catalogs";
import { placeIn } from "../../shared/i18n/places";
import type { Language } from "../../shared/i18n/languages";
import ar from "../../shared/i18n/catalogs/ar/screen";
import de from "../../shared/i18n/catalogs/de/screen";
import en from "../../shared/i18n/catalogs/en/screen";
import es from "../../shared/i18n/catalogs/es/screen";
import fr from "../../shared/i18n/catalogs/fr/screen";
import pt from "../../shared/i18n/catalogs/pt/screen";
import ru from "../../shared/i18n/catalogs/ru/screen";
import zh from "../../shared/i18n/catalogs/zh/screen";

const SCREEN = { en, fr, es, ar, ru, zh, de, pt } satisfies Record<Language, unknown>;

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
    liveBatchSeconds: 0,
    liveBatchBallots: 5,
    language: "en",
    createdAt: "2017-02-01T09:00:00.000Z",
    feedbackStatus: "draft",
    areas: [
      { id: "a1", title: "Health", prefix: "H", position: 0, maxVotes: 2, method: "approval", maxPerProposal: 1, status: "open", revealed, openedAt: null, closedAt: null, closesAt: null, roundOf: null, suggestions: "off", contentLocked: false, proposals: [] },
      { id: "a2", title: "Rights", prefix: "R", position: 1, maxVotes: 2, method: "approval", maxPerProposal: 1, status: "draft", revealed, openedAt: null, closedAt: null, closesAt: null, roundOf: null, suggestions: "off", contentLocked: false, proposals: [] },
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
    method: "approval",
    maxPerProposal: 1,
    voters,
    withheld: false,
    results: ranked.map((r) => ({ proposalId: r.proposalId, label: `H-${r.position + 1}`, title: r.title, votes: r.votes, points: r.votes, rank: r.rank })),
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

});

describe("turnout of people", () => {
  it("counts voters against the people expected, else ballot cards issued, else states voters alone", () => {
    expect(roomTurnoutText({ voters: 54, expected: 54 })).toBe("54 of 54 have voted");
    expect(roomTurnoutText({ voters: 1, expected: 54, cardsIssued: 60 })).toBe("1 of 54 has voted");
    expect(roomTurnoutText({ voters: 12, expected: 0, cardsIssued: 40 })).toBe("12 of 40 have voted");
    expect(roomTurnoutText({ voters: 12, expected: 0, cardsIssued: null })).toBe("12 people have voted");
    expect(roomTurnoutText({ voters: 1, expected: 0 })).toBe("1 person has voted");
    expect(roomTurnoutText({ voters: 0, expected: 0 })).toBe("No votes yet");
    expect(turnoutShare({ voters: 27, expected: 54 })).toBe(0.5);
    expect(turnoutShare({ voters: 60, expected: 54 })).toBe(1);
    expect(turnoutShare({ voters: 5, expected: 0 })).toBeNull();
  });

  it("never reads joined devices: the words depend on voters and the expected count only", () => {
    fc.assert(
      fc.property(fc.nat({ max: 500 }), fc.nat({ max: 500 }), (voters, expected) => {
        const text = roomTurnoutText({ voters, expected });
        expect(text.startsWith(voters === 0 && expected === 0 ? "No votes" : String(voters))).toBe(true);
        if (expected > 0) expect(text).toContain(`of ${expected} `);
      }),
    );
  });
});

describe("areaWinners", () => {
  it("keeps an unrevealed area's counts off the winners slide though the screen key received them", () => {
    const privileged = areaResults([9, 5, 5, 1], 10);
    expect(privileged.results.every((r) => r.votes !== null)).toBe(true);
    expect(areaWinners(makeEvent({ resultsVisibility: "on-reveal" }, false), privileged)).toEqual({ mode: "awaiting-reveal" });
    expect(areaWinners(makeEvent({ privacyThreshold: 11 }), privileged)).toEqual({ mode: "threshold", needed: 11, have: 10 });
    expect(areaWinners(makeEvent({ resultsVisibility: "on-reveal" }, true), privileged).mode).toBe("shown");
  });

  it("lists the top three with labels and full text, ties at the cut included and marked", () => {
    const d = areaWinners(makeEvent(), areaResults([9, 5, 5, 1], 10));
    expect(d.mode).toBe("shown");
    if (d.mode === "shown") expect(d.rows.map((r) => [r.place, r.label, r.title, r.votes])).toEqual([["1st", "H-1", "P0", 9], ["=2nd", "H-2", "P1", 5], ["=2nd", "H-3", "P2", 5]]);
    const tieAtCut = areaWinners(makeEvent(), areaResults([9, 7, 3, 3, 3], 10));
    if (tieAtCut.mode === "shown") expect(tieAtCut.rows.map((r) => r.place)).toEqual(["1st", "2nd", "=3rd", "=3rd", "=3rd"]);
    else expect.unreachable();
    expect(areaWinners(makeEvent(), areaResults([0, 0], 0))).toEqual({ mode: "no-votes" });
  });
});

describe("reading pages", () => {
  it("takes every proposal once, in order, a few short ones to a page and a long one alone", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 40 }), (lengths) => {
        const pages = readingPages(lengths.map((n) => "x".repeat(n)));
        expect(pages.flat()).toEqual(lengths.map((_, i) => i));
        for (const page of pages) {
          expect(page.length).toBeGreaterThan(0);
          expect(page.length).toBeLessThanOrEqual(READING_PAGE_MAX);
          const chars = page.reduce((sum, i) => sum + (lengths[i] ?? 0), 0);
          if (page.length > 1) expect(chars).toBeLessThanOrEqual(READING_PAGE_CHARS);
        }
      }),
    );
    expect(readingPages(["a".repeat(400), "b".repeat(100), "c".repeat(30), "d".repeat(30)])).toEqual([[0], [1, 2, 3]]);
  });
});

describe("bars layout", () => {
  it("never goes below the floor size, and its rows and lines fit the box", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 400, max: 1800 }),
        fc.integer({ min: 200, max: 900 }),
        (lengths, width, height) => {
          const font = height / 22;
          const layout = barLayout(lengths, { width, height }, font, font * 0.9);
          expect(layout.font).toBeGreaterThanOrEqual(font * 0.9 - 1e-9);
          expect(layout.font).toBeLessThanOrEqual(font);
          expect(layout.lines).toBeGreaterThanOrEqual(1);
          expect(layout.columns * layout.perColumn).toBeGreaterThanOrEqual(Math.min(lengths.length, 24));
          if (layout.lines > 1) expect(layout.perColumn * (layout.lines * BAR_LINE + BAR_DOWN_EM) * layout.font).toBeLessThanOrEqual(height + 1e-6);
        },
      ),
    );
  });

  it("lays the forum's twelve paragraphs out at 1080p in two columns of two lines, at full size", () => {
    const lengths = [199, 249, 278, 221, 423, 377, 182, 265, 156, 234, 323, 289];
    expect(barLayout(lengths, { width: 1728, height: 810 }, 35.6, 32.4)).toEqual({ columns: 2, perColumn: 6, lines: 2, font: 35.6 });
    // three short proposals: one column, full lines
    expect(barLayout([40, 30, 20], { width: 1728, height: 810 }, 35.6, 32.4).columns).toBe(1);
  });

  // WCAG 1.4.12: the criterion's spacing (line height 1.5, letter 0.12em, word 0.16em) read from the box.
  const SPACED = barText(35.6, 35.6 * 1.5, 35.6 * 0.12, 35.6 * 0.16);

  it("measures a reader's text spacing as taller lines and wider characters, and the stage's own as the defaults", () => {
    expect(SPACED.lineEm).toBeCloseTo(1.5);
    expect(SPACED.charEm).toBeCloseTo(0.5 + 0.12 + 0.16 / 6);
    // Computed styles say "normal" (NaN once parsed) where nothing is set.
    expect(barText(35.6, 35.6 * 1.2, Number.NaN, Number.NaN)).toEqual(BAR_TEXT);
    expect(barLayout([199, 249, 278], { width: 1728, height: 810 }, 35.6, 32.4, 3.6, BAR_TEXT)).toEqual(barLayout([199, 249, 278], { width: 1728, height: 810 }, 35.6, 32.4));
  });

  it("under a reader's spacing, shows the forum's twelve paragraphs at a smaller type rather than with more text cut", () => {
    const lengths = [199, 249, 278, 221, 423, 377, 182, 265, 156, 234, 323, 289];
    const box = { width: 1728, height: 810 };
    const plain = barLayout(lengths, box, 35.6, 32.4);
    const spaced = barLayout(lengths, box, 35.6, 32.4, 3.6, SPACED);
    // Characters a layout shows, by the measure it was made for (as barLayout scores it).
    const shown = (l: BarLayout, t: BarText) => {
      const perLine = (box.width / l.columns - (BAR_ACROSS_EM + 3.6) * l.font) / (t.charEm * l.font);
      return lengths.reduce((sum, len) => sum + Math.min(len, l.lines * perLine), 0);
    };
    expect(spaced.font).toBeLessThan(plain.font);
    expect(spaced.font).toBeGreaterThanOrEqual(35.6 * 0.6);
    expect(shown(spaced, SPACED)).toBeGreaterThanOrEqual(shown(plain, BAR_TEXT));
    // Every row's lines fit its share of the box, at the reader's line height.
    expect(spaced.perColumn * (spaced.lines * SPACED.lineEm + BAR_DOWN_EM) * spaced.font).toBeLessThanOrEqual(box.height);
  });

  it("under a reader's spacing, keeps the full size where the text fits whole anyway", () => {
    expect(barLayout([60, 50, 40], { width: 1728, height: 810 }, 35.6, 32.4, 3.6, SPACED).font).toBe(35.6);
  });
});

describe("winners and reading keys", () => {
  const texts = (n: number, len: number) => Array.from({ length: n }, (_, i) => ({ title: "x".repeat(len), position: i }));
  const areas = [
    { id: "a1", position: 0, proposals: texts(4, 300) },
    { id: "a2", position: 1, proposals: texts(2, 100) },
  ];
  const press = (key: string, view: View) => keyAction({ key }, view, areas);
  const viewOf = (key: string, view: View) => {
    const a = press(key, view);
    if (a?.kind !== "view") throw new Error(`${key}: no view`);
    return a.view;
  };

  it("W and R toggle the area's winners and reading mode, Esc goes back to its bars", () => {
    expect(viewOf("w", { kind: "area", areaId: "a2" })).toEqual({ kind: "winners", areaId: "a2" });
    expect(viewOf("W", { kind: "winners", areaId: "a2" })).toEqual({ kind: "area", areaId: "a2" });
    expect(viewOf("r", { kind: "winners", areaId: "a2" })).toEqual({ kind: "reading", areaId: "a2", page: 0 });
    expect(viewOf("R", { kind: "reading", areaId: "a2", page: 0 })).toEqual({ kind: "area", areaId: "a2" });
    expect(viewOf("r", { kind: "join" })).toEqual({ kind: "reading", areaId: "a1", page: 0 });
    expect(viewOf("w", { kind: "summary" })).toEqual({ kind: "winners", areaId: "a1" });
    expect(viewOf("Escape", { kind: "winners", areaId: "a1" })).toEqual({ kind: "area", areaId: "a1" });
    expect(press("Escape", { kind: "area", areaId: "a1" })).toBeNull();
    expect(press("?", { kind: "join" })).toEqual({ kind: "help" });
  });

  it("←/→ and digits keep the mode; ↓/PageDown step reading pages on into the next area and stop at the end", () => {
    expect(viewOf("ArrowRight", { kind: "winners", areaId: "a1" })).toEqual({ kind: "winners", areaId: "a2" });
    expect(viewOf("ArrowRight", { kind: "winners", areaId: "a2" })).toEqual({ kind: "summary" });
    expect(viewOf("2", { kind: "reading", areaId: "a1", page: 3 })).toEqual({ kind: "reading", areaId: "a2", page: 0 });
    let v: View = { kind: "reading", areaId: "a1", page: 0 };
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      seen.push(v.kind === "reading" ? `${v.areaId}:${v.page}` : v.kind);
      v = viewOf(i % 2 ? "PageDown" : "ArrowDown", v);
    }
    // a1: four 300-character proposals, one a page; a2: two short ones on one page
    expect(seen).toEqual(["a1:0", "a1:1", "a1:2", "a1:3", "a2:0", "a2:0", "a2:0", "a2:0"]);
    expect(viewOf("ArrowUp", { kind: "reading", areaId: "a2", page: 0 })).toEqual({ kind: "reading", areaId: "a1", page: 3 });
    expect(viewOf("PageUp", { kind: "reading", areaId: "a1", page: 0 })).toEqual({ kind: "reading", areaId: "a1", page: 0 });
    // outside reading mode ↑/↓ do nothing, and PageDown still steps slides for a clicker
    expect(press("ArrowDown", { kind: "area", areaId: "a1" })).toBeNull();
    expect(viewOf("PageDown", { kind: "area", areaId: "a1" })).toEqual({ kind: "area", areaId: "a2" });
  });

  it("keeps winners and reading page in the fragment, and clamps a page past the end", () => {
    const w = hashWithView("#key=K", { kind: "winners", areaId: "a_1-x" });
    expect(viewFromHash(w)).toEqual({ kind: "winners", areaId: "a_1-x" });
    const r = hashWithView(w, { kind: "reading", areaId: "a1", page: 2 });
    expect(new URLSearchParams(r.slice(1)).get("page")).toBe("3");
    expect(viewFromHash(r)).toEqual({ kind: "reading", areaId: "a1", page: 2 });
    expect(new URLSearchParams(hashWithView(r, { kind: "summary" }).slice(1)).get("page")).toBeNull();
    expect(validView({ kind: "reading", areaId: "a1", page: 9 }, areas)).toEqual({ kind: "reading", areaId: "a1", page: 3 });
    expect(validView({ kind: "winners", areaId: "gone" }, areas)).toEqual({ kind: "join" });
  });
});

describe("in the page's language", () => {
  const areas = [
    { id: "a1", position: 0 },
    { id: "a2", position: 1 },
  ];
  const say = (lang: Language) => translator(lang, SCREEN[lang]);
  const place = (lang: Language) => (rank: number, tied: boolean) => placeIn(lang, SERVER_CATALOGS[lang].common, rank, tied);

  it("walks the areas in reading direction: in Arabic ← goes on and → goes back, as the key list says", () => {
    const view = (key: string, dir: "ltr" | "rtl") => keyAction({ key }, { kind: "area", areaId: "a1" }, areas, dir);
    expect(view("ArrowLeft", "rtl")).toEqual({ kind: "view", view: { kind: "area", areaId: "a2" } });
    expect(view("ArrowRight", "rtl")).toEqual({ kind: "view", view: { kind: "join" } });
    expect(view("ArrowRight", "ltr")).toEqual({ kind: "view", view: { kind: "area", areaId: "a2" } });
    expect(areaArrows("rtl")).toEqual(["→", "←"]);
    expect(keyLegend("rtl")[0]).toEqual({ keys: ["→", "←"], what: "legendAreas" });
    expect(keyLegend("ltr")[0]?.keys).toEqual(["←", "→"]);
  });

  // WCAG 2.1.4: with the single-key shortcuts off, nothing that types a character acts; the rest does.
  it("ignores every character key when the single-key shortcuts are off, and keeps the others", () => {
    const from: View = { kind: "area", areaId: "a1" };
    const presses = [..."wWrsjef2? ".split("").map((key) => ({ key })), { key: "ص", code: "KeyW" }, { key: "؟", code: "Slash" }];
    for (const press of presses) {
      expect(keyAction(press, from, areas, "ltr", true), `on: ${press.key}`).not.toBeNull();
      expect(keyAction(press, from, areas, "ltr", false), `off: ${press.key}`).toBeNull();
      expect(isCharacterKey(press)).toBe(true);
    }
    expect(keyAction({ key: "ArrowRight" }, from, areas, "ltr", false)).toEqual({ kind: "view", view: { kind: "area", areaId: "a2" } });
    expect(keyAction({ key: "End" }, from, areas, "ltr", false)).toEqual({ kind: "view", view: { kind: "summary" } });
    expect(keyAction({ key: "Home" }, from, areas, "ltr", false)).toEqual({ kind: "view", view: { kind: "join" } });
    expect(keyAction({ key: "Escape" }, { kind: "winners", areaId: "a1" }, areas, "ltr", false)).toEqual({ kind: "view", view: { kind: "area", areaId: "a1" } });
    for (const key of ["ArrowLeft", "PageDown", "Escape", "F1"]) expect(isCharacterKey({ key })).toBe(false);
  });

  it("leaves a focused control its own keys: all of them in a field, Space, Enter and letters on a button or checkbox", () => {
    expect(keyForControl({ key: "w" }, { tagName: "INPUT", type: "text" })).toBe(true);
    expect(keyForControl({ key: "ArrowRight" }, { tagName: "TEXTAREA" })).toBe(true);
    expect(keyForControl({ key: "ArrowRight" }, { tagName: "DIV", isContentEditable: true })).toBe(true);
    for (const key of [" ", "Enter", "w", "?"]) {
      expect(keyForControl({ key }, { tagName: "BUTTON" })).toBe(true);
      expect(keyForControl({ key }, { tagName: "INPUT", type: "checkbox" })).toBe(true);
    }
    expect(keyForControl({ key: "ArrowRight" }, { tagName: "BUTTON" })).toBe(false);
    expect(keyForControl({ key: "Escape" }, { tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(keyForControl({ key: "w" }, { tagName: "BODY" })).toBe(false);
    expect(keyForControl({ key: "w" }, null)).toBe(false);
  });

  it("takes a letter key by its place on an Arabic or Russian layout", () => {
    const from: View = { kind: "area", areaId: "a1" };
    expect(keyAction({ key: "ص", code: "KeyW" }, from, areas)).toEqual({ kind: "view", view: { kind: "winners", areaId: "a1" } });
    expect(keyAction({ key: "ы", code: "KeyS" }, from, areas)).toEqual({ kind: "view", view: { kind: "summary" } });
    expect(keyAction({ key: "٢", code: "Digit2" }, from, areas)).toEqual({ kind: "view", view: { kind: "area", areaId: "a2" } });
    expect(keyAction({ key: "؟", code: "Slash" }, from, areas)).toEqual({ kind: "help" });
    // a Latin layout's own key wins over its place (AZERTY: the key at QWERTY's W sends "z")
    expect(keyAction({ key: "z", code: "KeyW" }, from, areas)).toBeNull();
  });

  it("states turnout, thresholds and votes with each language's plurals", () => {
    expect([0, 1, 2, 3, 11, 100].map((voters) => roomTurnoutText({ voters, expected: 0 }, say("ar")))).toEqual(
      ["لم يُدلَ بأي صوت بعد", "صوّت شخص واحد", "صوّت شخصان", "صوّت 3 أشخاص", "صوّت 11 شخصًا", "صوّت 100 شخص"],
    );
    expect(roomTurnoutText({ voters: 0, expected: 54 }, say("ar"))).toBe("لم يصوّت أحد بعد من أصل 54");
    expect([1, 2, 5, 21].map((voters) => roomTurnoutText({ voters, expected: 0 }, say("ru")))).toEqual(
      ["Проголосовал 1 человек", "Проголосовали 2 человека", "Проголосовали 5 человек", "Проголосовал 21 человек"],
    );
    expect(roomTurnoutText({ voters: 54, expected: 54 }, say("fr"))).toBe("54 sur 54 ont voté");
    expect(roomTurnoutText({ voters: 1, expected: 54 }, say("de"))).toBe("1 von 54 hat abgestimmt");
    expect(turnoutText(0, 54, say("pt"))).toBe("0 de 54 votaram");
    expect(thresholdText(5, 2, say("es"))).toBe("Los resultados se muestran cuando 5 personas hayan votado en esta área (por ahora, 2)");
    expect([0, 1, 2, 30].map((v) => votesText(v, say("ar")))).toEqual(["0 صوت", "صوت واحد", "صوتان", "30 صوتًا"]);
    expect(votesText(30, say("zh"))).toBe("30 票");
    expect(statusText("open", say("ar"))).toBe("التصويت مفتوح");
  });

  it("writes the top three's places in the language, ties marked", () => {
    const d = areaDisplay(makeEvent(), areaResults([9, 5, 5, 1], 9));
    if (d.mode !== "shown") throw new Error("expected shown");
    const ranked = d.rows;
    expect(topThree(ranked, place("ar")).map((r) => r.place)).toEqual(["الأول", "الثاني مكرر", "الثاني مكرر"]);
    expect(topThree(ranked, place("fr")).map((r) => r.place)).toEqual(["1er", "=2e", "=2e"]);
    expect(topThree(ranked, place("zh")).map((r) => r.place)).toEqual(["第1", "并列第2", "并列第2"]);
    expect(topThree(ranked).map((r) => r.place)).toEqual(["1st", "=2nd", "=2nd"]);
  });
});
