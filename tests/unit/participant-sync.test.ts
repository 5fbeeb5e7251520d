// The save-state transitions of one area (client/src/pages/participant/sync.ts) and the device store
// that keeps unsent choices across reloads. Pure: no server, no timers.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  IDLE,
  acknowledged,
  desire,
  failed,
  retryDelay,
  retryNow,
  saveText,
  sameSet,
  sending,
  shouldSend,
  shownChoice,
  type AreaSync,
} from "../../client/src/pages/participant/sync";
import { phoneTextIn } from "../helpers/phone-text";
import {
  forgetParticipant,
  loadConfirmed,
  loadLastEvent,
  saveConfirmed,
  saveLastEvent,
  loadHeld,
  loadPending,
  orderSeed,
  saveHeld,
  loadToken,
  saveToken,
  savePending,
  settlePending,
  type KeyValueStore,
} from "../../client/src/pages/participant/deviceStore";

const offline = { retryable: true, code: "NETWORK", message: "No connection to the server." };
const closed = { retryable: false, code: "VOTING_CLOSED", message: "Voting in this area is closed." };

describe("area save state", () => {
  it("sends a new choice at once and shows saved only after the acknowledgement", () => {
    let s = desire(IDLE, ["a"]);
    expect(s.state.kind).toBe("saving");
    expect(shouldSend(s, 0)).toBe(true);
    s = sending(s);
    expect(s.state.kind).toBe("saving");
    expect(shouldSend(s, 0)).toBe(false);
    s = acknowledged(s, ["a"], "approval");
    expect(s).toEqual({ want: null, inFlight: null, attempt: 0, state: { kind: "saved" } });
  });

  it("keeps one request per area on the wire and sends the newest choice after it", () => {
    let s = sending(desire(IDLE, ["a"]));
    s = desire(s, ["a", "b"]);
    expect(shouldSend(s, 0)).toBe(false);
    s = acknowledged(s, ["a"], "approval");
    expect(s.state.kind).toBe("saving");
    expect(s.want).toEqual(["a", "b"]);
    expect(shouldSend(s, 0)).toBe(true);
  });

  it("waits out the backoff when offline, and retries at once when the connection returns", () => {
    let s = failed(sending(desire(IDLE, ["a"])), ["a"], offline, 1000, 2000, "approval");
    expect(s.state).toEqual({ kind: "offline", retryAt: 3000, code: "NETWORK" });
    expect(s.want).toEqual(["a"]);
    expect(shouldSend(s, 2999)).toBe(false);
    expect(shouldSend(s, 3000)).toBe(true);
    // A change made while offline keeps the honest "offline" state rather than claiming to save.
    s = desire(s, ["b"]);
    expect(s.state.kind).toBe("offline");
    s = retryNow(s);
    expect(shouldSend(s, 1001)).toBe(true);
  });

  it("drops a refused choice and reports the reason", () => {
    const s = failed(sending(desire(IDLE, ["a"])), ["a"], closed, 0, 0, "approval");
    expect(s.want).toBeNull();
    expect(s.state).toEqual({ kind: "refused", code: "VOTING_CLOSED", message: "Voting in this area is closed." });
  });

  it("still sends a newer choice after an older one was refused", () => {
    let s = sending(desire(IDLE, ["a"]));
    s = desire(s, []);
    s = failed(s, ["a"], closed, 0, 0, "approval");
    expect(s.want).toEqual([]);
    expect(shouldSend(s, 0)).toBe(true);
  });

  it("never reaches saved without an acknowledgement, whatever happens", () => {
    type Step =
      | { t: "desire"; ids: string[] }
      | { t: "send" }
      | { t: "ack" }
      | { t: "fail"; retryable: boolean }
      | { t: "retry" };
    const step = fc.oneof(
      fc.record({ t: fc.constant("desire" as const), ids: fc.subarray(["a", "b", "c"]) }),
      fc.constant({ t: "send" as const }),
      fc.constant({ t: "ack" as const }),
      fc.record({ t: fc.constant("fail" as const), retryable: fc.boolean() }),
      fc.constant({ t: "retry" as const }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps: Step[]) => {
        let s: AreaSync = IDLE;
        // What the server holds: only an acknowledged request changes it.
        let server: string[] = [];
        for (const st of steps) {
          const before = s.state.kind;
          if (st.t === "desire") s = desire(s, st.ids);
          else if (st.t === "send" && shouldSend(s, Infinity)) s = sending(s);
          else if (st.t === "ack" && s.inFlight) { server = s.inFlight; s = acknowledged(s, s.inFlight, "approval"); }
          else if (st.t === "fail" && s.inFlight) s = failed(s, s.inFlight, st.retryable ? offline : closed, 0, 0, "approval");
          else if (st.t === "retry") s = retryNow(s);
          if (s.state.kind === "saved" && before !== "saved") {
            expect(st.t).toBe("ack");
            // Saved means the screen's choice is the server's.
            expect(shownChoice(s, server)).toEqual(server);
          }
          if (s.inFlight !== null) expect(s.want).not.toBeNull();
        }
      }),
    );
  });

  it("shows the pending choice over the server's", () => {
    expect(shownChoice(undefined, undefined)).toEqual([]);
    expect(shownChoice(undefined, ["x"])).toEqual(["x"]);
    expect(shownChoice(desire(IDLE, ["y"]), ["x"])).toEqual(["y"]);
    expect(shownChoice(desire(IDLE, []), ["x"])).toEqual([]);
  });

  it("words each state plainly, and says saved only for what the server holds", async () => {
    const en = await phoneTextIn("en");
    expect(saveText({ kind: "idle" }, false, en)).toBe("");
    expect(saveText({ kind: "idle" }, true, en)).toBe("Saved");
    expect(saveText({ kind: "saving" }, true, en)).toBe("Saving…");
    expect(saveText({ kind: "saved" }, false, en)).toBe("Saved");
    expect(saveText({ kind: "offline", retryAt: 0, code: "NETWORK" }, true, en)).toBe("Not sent yet — will retry");
    expect(saveText({ kind: "offline", retryAt: 0, code: "RATE_LIMITED" }, true, en)).toBe("Server busy — will retry");
    expect(saveText({ kind: "refused", code: "VOTING_CLOSED", message: "Voting in this area is closed." }, true, en)).toBe(
      "Not saved: Voting in this area is closed.",
    );
  });

  it("words a refusal from its code in the phone's language, not from the server's English", async () => {
    const refused = { kind: "refused", code: "VOTING_CLOSED", message: "Voting in this area is closed." } as const;
    expect(saveText(refused, true, await phoneTextIn("ar"))).toBe("لم يُحفظ: التصويت في هذا المجال مغلق.");
    expect(saveText(refused, true, await phoneTextIn("es"))).toBe("No guardado: La votación en esta área está cerrada.");
    expect(saveText({ kind: "refused", code: "SOMETHING_NEW", message: "x" }, true, await phoneTextIn("zh"))).toBe("未保存：出现了问题。");
    expect(saveText({ kind: "saved" }, false, await phoneTextIn("ru"))).toBe("Сохранено");
  });

  it("compares choices as sets", () => {
    expect(sameSet(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameSet(["a"], ["a", "b"])).toBe(false);
    expect(sameSet([], [])).toBe(true);
  });

  it("backs off exponentially with jitter, capped at 30 seconds", () => {
    expect(retryDelay(1, 1)).toBe(1000);
    expect(retryDelay(2, 1)).toBe(2000);
    expect(retryDelay(3, 0)).toBe(2000);
    expect(retryDelay(50, 1)).toBe(30_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const d = retryDelay(attempt, r);
        expect(d).toBeGreaterThanOrEqual(500);
        expect(d).toBeLessThanOrEqual(30_000);
        expect(retryDelay(attempt + 1, r)).toBeGreaterThanOrEqual(d);
      }),
    );
  });
});

/** A real key-value store in memory (the Web Storage API's shape), not a stand-in for our server. */
function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe("device store", () => {
  it("keeps the token per event code", () => {
    const store = memoryStore();
    saveToken(store, "ABCDEF", "t1");
    saveToken(store, "GHJKMN", "t2");
    expect(loadToken(store, "ABCDEF")).toBe("t1");
    expect(loadToken(store, "GHJKMN")).toBe("t2");
    expect(loadToken(store, "PQRSTU")).toBeNull();
    expect(loadToken(null, "ABCDEF")).toBeNull();
  });

  it("keeps the latest pending choice per area, and drops it only when that choice was settled", () => {
    const store = memoryStore();
    savePending(store, "ABCDEF", "area1", ["a"]);
    savePending(store, "ABCDEF", "area2", ["c"]);
    savePending(store, "ABCDEF", "area1", ["a", "b"]);
    expect(loadPending(store, "ABCDEF")).toEqual({ area1: ["a", "b"], area2: ["c"] });
    settlePending(store, "ABCDEF", "area1", ["a"], sameSet);
    expect(loadPending(store, "ABCDEF").area1).toEqual(["a", "b"]);
    settlePending(store, "ABCDEF", "area1", ["b", "a"], sameSet);
    expect(loadPending(store, "ABCDEF")).toEqual({ area2: ["c"] });
    settlePending(store, "ABCDEF", "area2", ["c"], sameSet);
    expect(store.data.size).toBe(0);
  });

  it("ignores damaged data and survives a store that throws", () => {
    const store = memoryStore();
    store.setItem("plenary.pending.ABCDEF", "{not json");
    expect(loadPending(store, "ABCDEF")).toEqual({});
    store.setItem("plenary.pending.ABCDEF", JSON.stringify({ a: ["x", 1], b: ["y"], c: "z" }));
    expect(loadPending(store, "ABCDEF")).toEqual({ b: ["y"] });
    const broken: KeyValueStore = {
      getItem: () => { throw new Error("denied"); },
      setItem: () => { throw new Error("quota"); },
      removeItem: () => { throw new Error("denied"); },
    };
    expect(() => savePending(broken, "ABCDEF", "a", ["x"])).not.toThrow();
    expect(loadPending(broken, "ABCDEF")).toEqual({});
    expect(loadToken(broken, "ABCDEF")).toBeNull();
  });

  it("keeps the last event seen and the last confirmed ballot for an offline reload; forgets the ballot with the participant", () => {
    const store = memoryStore();
    expect(loadLastEvent(store, "ABCDEF")).toBeNull();
    expect(loadConfirmed(store, "ABCDEF")).toBeNull();
    saveLastEvent(store, "ABCDEF", { code: "ABCDEF", title: "Forum" }, "v1");
    saveConfirmed(store, "ABCDEF", { area1: ["a"], area2: [] });
    expect(loadLastEvent(store, "ABCDEF")).toEqual({ event: { code: "ABCDEF", title: "Forum" }, version: "v1" });
    // An empty ballot confirmed by the server is still a confirmed ballot (not "unknown").
    saveConfirmed(store, "GHJKMN", {});
    expect(loadConfirmed(store, "GHJKMN")).toEqual({});
    expect(loadConfirmed(store, "ABCDEF")).toEqual({ area1: ["a"], area2: [] });
    store.setItem("plenary.event.PQRSTU", "{broken");
    expect(loadLastEvent(store, "PQRSTU")).toBeNull();
    forgetParticipant(store, "ABCDEF");
    expect(loadConfirmed(store, "ABCDEF")).toBeNull();
    // The event is no secret of the participant's: it stays for the next visit.
    expect(loadLastEvent(store, "ABCDEF")?.version).toBe("v1");
  });

  it("keeps a refused choice per area until it is dropped, and forgets it with the participant", () => {
    const store = memoryStore();
    saveHeld(store, "ABCDEF", "area1", ["a", "b"]);
    saveHeld(store, "ABCDEF", "area2", []);
    expect(loadHeld(store, "ABCDEF")).toEqual({ area1: ["a", "b"], area2: [] });
    saveHeld(store, "ABCDEF", "area1", null);
    expect(loadHeld(store, "ABCDEF")).toEqual({ area2: [] });
    forgetParticipant(store, "ABCDEF");
    expect(loadHeld(store, "ABCDEF")).toEqual({});
    expect(store.data.size).toBe(0);
  });

  it("draws the order seed once per event, before any token, and keeps an older phone's token as its seed", () => {
    const store = memoryStore();
    let n = 0;
    const random = () => `seed-${++n}`;
    expect(orderSeed(store, "ABCDEF", random)).toBe("seed-1");
    saveToken(store, "ABCDEF", "t1");
    expect(orderSeed(store, "ABCDEF", random)).toBe("seed-1");
    saveToken(store, "GHJKMN", "t2");
    expect(orderSeed(store, "GHJKMN", random)).toBe("t2");
    expect(orderSeed(null, "PQRSTU", random)).toBe("seed-2");
    expect(orderSeed(store, "PQRSTU")).toMatch(/^[0-9a-f]{24}$/);
  });

  it("forgets token and pending choices together", () => {
    const store = memoryStore();
    saveToken(store, "ABCDEF", "t1");
    savePending(store, "ABCDEF", "area1", ["a"]);
    saveToken(store, "GHJKMN", "t2");
    forgetParticipant(store, "ABCDEF");
    expect(loadToken(store, "ABCDEF")).toBeNull();
    expect(loadPending(store, "ABCDEF")).toEqual({});
    expect(loadToken(store, "GHJKMN")).toBe("t2");
  });
});
