// The phone's save state per voting method (client/src/pages/participant/sync.ts, deviceStore.ts)
// with ballots made by the shared rules (shared/rules.ts): "saved" only when the server holds the
// ballot the screen shows, compared as the method counts — a reordered ranking is a change that
// must be sent, dots are a multiset. Pure: no server, no timers.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IDLE, acknowledged, desire, failed, sending, shouldSend, shownChoice, type AreaSync } from "../../client/src/pages/participant/sync";
import { loadPending, savePending, settlePending, type KeyValueStore } from "../../client/src/pages/participant/deviceStore";
import { ballotNames, scoreText } from "../../client/src/pages/participant/format";
import { addDot, checkBallot, moveRank, removeDot, sameBallot, toggleBallot, type AreaRuleInput } from "../../shared/rules";
import type { VotingMethod } from "../../shared/schemas";
import { phoneTextIn } from "../helpers/phone-text";

const offline = { retryable: true, code: "NETWORK", message: "No connection to the server." };
const refused = { retryable: false, code: "TOO_MANY_DOTS", message: "Too many dots." };

function area(method: VotingMethod, maxVotes = 3, maxPerProposal?: number): AreaRuleInput {
  return { id: "A", title: "Area", maxVotes, status: "open", method, maxPerProposal, proposals: ["a", "b", "c", "d"].map((id) => ({ id })) };
}

function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

describe("ranking: the order is the ballot", () => {
  it("does not call a reordered ranking saved when the older order is acknowledged", () => {
    const r = area("ranking");
    let s = sending(desire(IDLE, ["a", "b", "c"]));
    const moved = moveRank(r, ["a", "b", "c"], "c", -1);
    expect(moved.ok && moved.proposalIds).toEqual(["a", "c", "b"]);
    s = desire(s, moved.ok ? moved.proposalIds : []);
    s = acknowledged(s, ["a", "b", "c"], "ranking");
    expect(s.state.kind).toBe("saving");
    expect(s.want).toEqual(["a", "c", "b"]);
    expect(shouldSend(s, 0)).toBe(true);
    s = acknowledged(sending(s), ["a", "c", "b"], "ranking");
    expect(s.state.kind).toBe("saved");
  });

  it("sends the newer order after a refusal of the older one", () => {
    let s = sending(desire(IDLE, ["a", "b"]));
    s = desire(s, ["b", "a"]);
    s = failed(s, ["a", "b"], refused, 0, 0, "ranking");
    expect(s.state.kind).toBe("saving");
    expect(s.want).toEqual(["b", "a"]);
  });

  it("keeps a reordered wish on the device until that order is acknowledged", () => {
    const store = memoryStore();
    savePending(store, "K7XQ2M", "A", ["b", "a"]);
    settlePending(store, "K7XQ2M", "A", ["a", "b"], (x, y) => sameBallot("ranking", x, y));
    expect(loadPending(store, "K7XQ2M")).toEqual({ A: ["b", "a"] });
    settlePending(store, "K7XQ2M", "A", ["b", "a"], (x, y) => sameBallot("ranking", x, y));
    expect(loadPending(store, "K7XQ2M")).toEqual({});
  });
});

describe("dots: a multiset", () => {
  it("is saved when the server holds the same dots in another order", () => {
    let s = sending(desire(IDLE, ["a", "b", "a"]));
    s = acknowledged(s, ["a", "a", "b"], "dots");
    expect(s.state.kind).toBe("saved");
  });

  it("is not saved when a dot moved while the request was out", () => {
    let s = sending(desire(IDLE, ["a", "a"]));
    s = desire(s, ["a", "b"]);
    s = acknowledged(s, ["a", "a"], "dots");
    expect(s.state.kind).toBe("saving");
  });

  it("keeps a wish through a lost connection and sends it after", () => {
    let s = sending(desire(IDLE, ["a", "a", "b"]));
    s = failed(s, ["a", "a", "b"], offline, 1000, 2000, "dots");
    expect(s.state).toEqual({ kind: "offline", retryAt: 3000, code: "NETWORK" });
    expect(s.want).toEqual(["a", "a", "b"]);
    expect(shouldSend(s, 2999)).toBe(false);
    expect(shouldSend(s, 3000)).toBe(true);
  });
});

// Random taps through the shared rules, random acknowledgements and failures: whenever the state is
// "saved", the server holds exactly the ballot on the screen, under the method's own comparison
// (ranking: the same order); and every ballot sent passes the server's check.
describe.each([
  ["dots", area("dots", 5, 3)],
  ["ranking", area("ranking", 3)],
  ["approval", area("approval", 2)],
] as const)("model: %s", (method, a) => {
  it("says saved only for what the server holds", () => {
    type Step = { t: "tap"; id: string; op: number } | { t: "send" } | { t: "ack" } | { t: "fail"; retryable: boolean };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ t: fc.constant("tap" as const), id: fc.constantFrom("a", "b", "c", "d"), op: fc.nat(3) }),
      fc.constant({ t: "send" as const }),
      fc.constant({ t: "ack" as const }),
      fc.record({ t: fc.constant("fail" as const), retryable: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let s: AreaSync = IDLE;
        let server: string[] = [];
        for (const st of steps) {
          const before = s.state.kind;
          if (st.t === "tap") {
            const shown = shownChoice(s, server);
            const r =
              method === "dots" ? (st.op % 2 ? addDot(a, shown, st.id) : removeDot(a, shown, st.id))
              : method === "ranking" ? (st.op === 0 ? toggleBallot(a, shown, st.id) : moveRank(a, shown, st.id, st.op === 1 ? -1 : 1))
              : toggleBallot(a, shown, st.id);
            if (r.ok && !sameBallot(method, r.proposalIds, shown)) s = desire(s, r.proposalIds);
          } else if (st.t === "send" && shouldSend(s, Infinity)) {
            s = sending(s);
            expect(checkBallot(a, s.inFlight ?? []).ok).toBe(true);
          } else if (st.t === "ack" && s.inFlight) {
            server = s.inFlight;
            s = acknowledged(s, s.inFlight, method);
          } else if (st.t === "fail" && s.inFlight) {
            s = failed(s, s.inFlight, st.retryable ? offline : refused, 0, 0, method);
          }
          if (s.state.kind === "saved" && before !== "saved") {
            expect(st.t).toBe("ack");
            const shown = shownChoice(s, server);
            // Exact: ranking keeps its order, and the screen shows the server's own list.
            expect(shown).toEqual(server);
          }
          if (s.inFlight !== null) expect(s.want).not.toBeNull();
        }
      }),
    );
  });
});

describe("the phone's words for a method's results and ballot", () => {
  const proposals = ["a", "b", "c"].map((id, i) => ({ id, label: `PH-${i + 1}`, title: `T${i}`, body: "", position: i })) as never[];

  it("names a ranking in its order, other ballots in the area's order", () => {
    expect(ballotNames({ method: "ranking", proposals }, ["c", "a"])).toEqual(["PH-3", "PH-1"]);
    expect(ballotNames({ method: "approval", proposals }, ["c", "a"])).toEqual(["PH-1", "PH-3"]);
    expect(ballotNames({ method: "dots", proposals }, ["c", "c", "a"])).toEqual(["PH-1", "PH-3"]);
  });

  it("labels points for ranking, dots for dots and votes for approval, with each language's plurals", async () => {
    const en = await phoneTextIn("en");
    expect(scoreText(en, "ranking", { votes: 5, points: 12 })).toBe("12 points");
    expect(scoreText(en, "dots", { votes: 8, points: 8 })).toBe("8 dots");
    expect(scoreText(en, "dots", { votes: 1, points: 1 })).toBe("1 dot");
    expect(scoreText(en, "approval", { votes: 30, points: 30 })).toBe("30 votes");
    const ru = await phoneTextIn("ru");
    expect(scoreText(ru, "ranking", { votes: 1, points: 21 })).toBe("21 очко");
    expect(scoreText(ru, "ranking", { votes: 1, points: 3 })).toBe("3 очка");
    expect(scoreText(ru, "dots", { votes: 5, points: 5 })).toBe("5 баллов");
    const ar = await phoneTextIn("ar");
    expect(scoreText(ar, "ranking", { votes: 1, points: 2 })).toBe("نقطتان");
    expect(scoreText(ar, "dots", { votes: 3, points: 3 })).toBe("3 نقاط");
    expect(scoreText(ar, "dots", { votes: 11, points: 11 })).toBe("11 نقطة");
  });
});
