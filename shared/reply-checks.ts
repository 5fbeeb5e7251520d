// Checks of the replies the participant's phone reads, without zod. The phone page has a weight
// budget of 100 KB gzipped in all; React and Socket.IO take ~83 KB of it, and zod on the page would
// take 9 KB (zod/mini alone) to 27 KB (classic), leaving nothing. So the phone parses with these
// small checks instead, and keeps the guarantee in two ways:
// - the TypeScript types: each check is declared as producing the zod-inferred type from
//   shared/schemas.ts, and `object<T>` demands one check per field, so a field added or retyped in a
//   schema fails to compile here;
// - tests/unit/participant-reply-checks.test.ts compares every verdict and output with the zod
//   schema on generated valid and mutated payloads.
// Like zod's default objects, unknown fields are dropped, not refused.
import { LIMITS } from "./limits";
import type { z } from "zod";
import type { Ballot, BallotReply, Event, EventReply, JoinReply, PutBallotReply } from "./schemas";

export interface Check<T> {
  parse(data: unknown): T;
}

export class ReplyCheckError extends Error {
  constructor(path: string, expected: string) {
    super(`Unexpected reply from the server at ${path || "(root)"}: expected ${expected}`);
    this.name = "ReplyCheckError";
  }
}

/** The parsed value, or null for a payload that does not fit (a socket message is dropped, not fatal). */
export function tryParse<T>(check: Check<T>, data: unknown): T | null {
  try {
    return check.parse(data);
  } catch {
    return null;
  }
}

type Run<T> = (data: unknown, path: string) => T;
interface Checker<T> extends Check<T> {
  run: Run<T>;
}

function checker<T>(run: Run<T>): Checker<T> {
  return { run, parse: (data) => run(data, "") };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const string = (min = 0, max = Infinity, pattern?: RegExp): Checker<string> =>
  checker((v, path) => {
    if (typeof v !== "string" || v.length < min || v.length > max || (pattern && !pattern.test(v))) {
      throw new ReplyCheckError(path, "a string");
    }
    return v;
  });

export const int = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Checker<number> =>
  checker((v, path) => {
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min || v > max) throw new ReplyCheckError(path, "an integer");
    return v;
  });

export const boolean: Checker<boolean> = checker((v, path) => {
  if (typeof v !== "boolean") throw new ReplyCheckError(path, "true or false");
  return v;
});

export const oneOf = <const T extends string>(...values: T[]): Checker<T> =>
  checker((v, path) => {
    if (typeof v !== "string" || !(values as string[]).includes(v)) throw new ReplyCheckError(path, values.join(" | "));
    return v as T;
  });

export const nullable = <T>(inner: Checker<T>): Checker<T | null> =>
  checker((v, path) => (v === null ? null : inner.run(v, path)));

export const array = <T>(item: Checker<T>, max = Infinity): Checker<T[]> =>
  checker((v, path) => {
    if (!Array.isArray(v) || v.length > max) throw new ReplyCheckError(path, "a list");
    return v.map((x, i) => item.run(x, `${path}[${i}]`));
  });

/** One check per field of T, no more and no fewer: the compiler holds this to the zod type. */
export const object = <T extends object>(shape: { [K in keyof T]-?: Checker<T[K]> }): Checker<T> =>
  checker((v, path) => {
    if (!isRecord(v)) throw new ReplyCheckError(path, "an object");
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      out[key] = shape[key].run(v[key], path ? `${path}.${key}` : key);
    }
    return out as T;
  });

export const record = <V>(key: Checker<string>, value: Checker<V>): Checker<Record<string, V>> =>
  checker((v, path) => {
    if (!isRecord(v)) throw new ReplyCheckError(path, "an object");
    const out: Record<string, V> = {};
    for (const [k, x] of Object.entries(v)) {
      key.run(k, `${path}{key}`);
      out[k] = value.run(x, `${path}.${k}`);
    }
    return out;
  });

// ---- the replies the phone reads (mirrors of shared/schemas.ts) -------------------------------

const id = string(1, LIMITS.idLength, /^[A-Za-z0-9_-]+$/);
const maxVotes = int(LIMITS.votesMin, LIMITS.votesMax);

type Area = Event["areas"][number];
type Proposal = Area["proposals"][number];

const proposal = object<Proposal>({ id, title: string(), body: string(), position: int() });

const area = object<Area>({
  id,
  title: string(),
  position: int(),
  maxVotes,
  status: oneOf("draft", "open", "closed"),
  revealed: boolean,
  openedAt: nullable(string()),
  closedAt: nullable(string()),
  proposals: array(proposal),
});

const event = object<Event>({
  code: string(),
  title: string(),
  access: oneOf("open", "invite"),
  votesPerArea: maxVotes,
  resultsVisibility: oneOf("live", "on-reveal"),
  privacyThreshold: int(0, LIMITS.privacyThresholdMax),
  proposalOrder: oneOf("random", "organiser"),
  areas: array(area),
  createdAt: string(),
});

const ballot: Checker<Ballot> = record(id, array(id, LIMITS.votesMax));

export const EventReplyCheck: Check<EventReply> = object<EventReply>({ event });
export const BallotReplyCheck: Check<BallotReply> = object<BallotReply>({ ballot });
export const PutBallotReplyCheck: Check<PutBallotReply> = object<PutBallotReply>({ areaId: id, proposalIds: array(id) });
export const JoinReplyCheck: Check<z.infer<typeof JoinReply>> = object<z.infer<typeof JoinReply>>({ participantToken: string() });
