// The countdown's text: whole seconds left, rounded up (so "0:00" means the time has come), hours
// only when there are some; and the runoff's limits shared by the schema and the organiser page.
import { describe, expect, it } from "vitest";
import { formatRemaining } from "../../client/src/clock/serverClock";
import { LIMITS } from "../../shared/limits";
import { DurationSeconds, RunoffBody, VotingBody } from "../../shared/schemas";

describe("the countdown's time", () => {
  it("rounds up to the second and pads minutes and seconds", () => {
    expect([0, -5000, 1, 999, 1000, 1001, 59_001, 60_000, 61_000, 599_400].map(formatRemaining)).toEqual(
      ["0:00", "0:00", "0:01", "0:01", "0:01", "0:02", "1:00", "1:00", "1:01", "10:00"],
    );
    expect(formatRemaining(3_600_000)).toBe("1:00:00");
    expect(formatRemaining(3_600_000 + 4 * 60_000 + 59_500)).toBe("1:05:00");
    expect(formatRemaining(86_400_000)).toBe("24:00:00");
  });
});

describe("the clock's and the runoff's bounds", () => {
  it("take 10..86400 whole seconds and 2..20 places, nothing else", () => {
    const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) => schema.safeParse(v).success;
    expect([LIMITS.durationMinSeconds, 600, LIMITS.durationMaxSeconds].every((v) => ok(DurationSeconds, v))).toBe(true);
    expect([9, 86_401, 10.5, "60", null].some((v) => ok(DurationSeconds, v))).toBe(false);
    expect(ok(VotingBody, { status: "open", durationSeconds: null })).toBe(true);
    expect(ok(VotingBody, { status: "open", durationSeconds: 9 })).toBe(false);
    expect([2, 3, 20].every((top) => ok(RunoffBody, { top }))).toBe(true);
    expect([1, 21, 2.5, "3"].some((top) => ok(RunoffBody, { top }))).toBe(false);
  });
});
