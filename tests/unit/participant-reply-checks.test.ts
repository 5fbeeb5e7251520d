// The phone parses server replies with shared/reply-checks.ts instead of zod (weight budget). These
// tests hold the two to the same verdicts: valid payloads, and the same payloads with one part
// broken, must be accepted or refused alike, with equal output when accepted.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import { BallotReply, EventReply, JoinReply, PutBallotReply } from "../../shared/schemas";
import {
  BallotReplyCheck,
  EventReplyCheck,
  JoinReplyCheck,
  PutBallotReplyCheck,
  ReplyCheckError,
  tryParse,
  type Check,
} from "../../shared/reply-checks";

const idChars = "abcXYZ019_-".split("");
const id = fc.array(fc.constantFrom(...idChars), { minLength: 1, maxLength: 12 }).map((a) => a.join(""));
const text = fc.string({ maxLength: 20 });

const proposal = fc.record({ id, title: text, body: text, position: fc.integer({ min: -5, max: 500 }) });
const area = fc.record({
  id,
  title: text,
  position: fc.nat(60),
  maxVotes: fc.integer({ min: 1, max: 20 }),
  status: fc.constantFrom("draft", "open", "closed"),
  revealed: fc.boolean(),
  openedAt: fc.option(text, { nil: null }),
  closedAt: fc.option(text, { nil: null }),
  proposals: fc.array(proposal, { maxLength: 4 }),
});
const eventReply = fc.record({
  event: fc.record({
    code: text,
    title: text,
    access: fc.constantFrom("open", "invite"),
    votesPerArea: fc.integer({ min: 1, max: 20 }),
    resultsVisibility: fc.constantFrom("live", "on-reveal"),
    privacyThreshold: fc.integer({ min: 0, max: 50 }),
    proposalOrder: fc.constantFrom("random", "organiser"),
    areas: fc.array(area, { maxLength: 3 }),
    createdAt: text,
  }),
});
const ballotReply = fc.record({ ballot: fc.dictionary(id, fc.array(id, { maxLength: 20 }), { maxKeys: 4 }) });
const putReply = fc.record({ areaId: id, proposalIds: fc.array(id, { maxLength: 5 }) });
const joinReply = fc.record({ participantToken: text });

/** Values that sit on or just past every limit the schemas state. */
const edge = fc.constantFrom<unknown>(
  null, undefined, true, false, 0, -1, 1, 1.5, 20, 21, 50, 51, NaN, Infinity, 2 ** 53, "", "x", "open", "closed",
  "draft", "invite", "organiser", "on-reveal", "bad id!", "a".repeat(64), "a".repeat(65), [], [1], ["ok"], {},
  Array.from({ length: 21 }, (_, i) => `p${i}`),
);

type Json = unknown;

/** Every place in a value where a mutation can go: [container, key]. */
function slots(value: Json, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([value, i]); slots(v, out); });
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) { out.push([value as Record<string, unknown>, k]); slots(v, out); }
  }
  return out;
}

/** The payload with one part replaced, removed, or an extra field added. */
function mutate(value: Json, pick: number, kind: number, replacement: unknown): Json {
  const copy = structuredClone(value) as Json;
  const all = slots(copy);
  if (all.length === 0) return replacement;
  const [container, key] = all[pick % all.length] as [Record<string, unknown> | unknown[], string | number];
  if (kind === 0 && !Array.isArray(container)) delete (container as Record<string, unknown>)[key as string];
  else if (kind === 1 && !Array.isArray(container)) (container as Record<string, unknown>)[`extra${pick}`] = replacement;
  else (container as Record<string | number, unknown>)[key] = replacement;
  return copy;
}

function agree<T>(schema: z.ZodType<T>, check: Check<T>, payload: unknown) {
  const expected = schema.safeParse(payload);
  const got = tryParse(check, payload);
  if (expected.success) {
    expect(got, JSON.stringify(payload)).toEqual(expected.data);
  } else {
    expect(got, JSON.stringify(payload)).toBeNull();
  }
}

const pairs = [
  ["EventReply", EventReply, EventReplyCheck, eventReply],
  ["BallotReply", BallotReply, BallotReplyCheck, ballotReply],
  ["PutBallotReply", PutBallotReply, PutBallotReplyCheck, putReply],
  ["JoinReply", JoinReply, JoinReplyCheck, joinReply],
] as const;

describe.each(pairs)("%s check agrees with the zod schema", (_name, schema, check, valid) => {
  it("accepts what zod accepts, with the same output", () => {
    fc.assert(fc.property(valid, (payload) => agree(schema as z.ZodType<unknown>, check as Check<unknown>, payload)), { numRuns: 300 });
  });

  it("refuses what zod refuses when one part is broken", () => {
    fc.assert(
      fc.property(valid, fc.nat(), fc.nat(2), edge, (payload, pick, kind, replacement) =>
        agree(schema as z.ZodType<unknown>, check as Check<unknown>, mutate(payload, pick, kind, replacement)),
      ),
      { numRuns: 1500 },
    );
  });
});

describe("reply checks", () => {
  it("say where a reply went wrong", () => {
    expect(() => PutBallotReplyCheck.parse({ areaId: "a1", proposalIds: ["ok", "not ok"] })).toThrow(ReplyCheckError);
    expect(() => PutBallotReplyCheck.parse({ areaId: "a1", proposalIds: ["ok", "not ok"] })).toThrow(/proposalIds\[1\]/);
  });

  it("drop unknown fields like zod does", () => {
    expect(JoinReplyCheck.parse({ participantToken: "t", extra: 1 })).toEqual({ participantToken: "t" });
  });
});
