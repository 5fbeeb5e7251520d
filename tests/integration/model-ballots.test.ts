// Model-based test: random sequences of join, cast, change, withdraw, double-submit, close, reopen,
// reveal and method changes run against the real app (through inject) and against a small pure
// model of the rules in API.md, in step — for each voting method (approval, dots, ranking; issue 15).
// After every command the app's ballot, results (privileged and public, with points), turnout and
// seq must be what the model says.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlenaryApp } from "../../server/app";
import type { Results } from "../../shared/schemas";
import { call, expectStatus, memoryApp, seedEvent, type Reply } from "./fixtures/kit";

const RUNS = 1000;

// ---- the model -------------------------------------------------------------------------------

type Status = "draft" | "open" | "closed";
type Method = "approval" | "dots" | "ranking";
const METHODS: Method[] = ["approval", "dots", "ranking"];
interface ModelArea {
  id: string;
  maxVotes: number;
  method: Method;
  /** Dots: how many one proposal may take; 1 otherwise. */
  maxPerProposal: number;
  status: Status;
  revealed: boolean;
  proposals: string[];
}
interface Model {
  visibility: "live" | "on-reveal";
  threshold: number;
  areas: ModelArea[];
  /** One entry per joined participant: areaId -> chosen proposal ids. */
  ballots: Array<Map<string, string[]>>;
}

/** Every reason the rules give to refuse this ballot (the API does not fix their precedence). */
function refusals(area: ModelArea, ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (area.status !== "open") out.add("VOTING_CLOSED");
  const stack = Math.max(0, ...ids.map((id) => ids.filter((x) => x === id).length));
  if (stack > (area.method === "dots" ? area.maxPerProposal : 1)) out.add(area.method === "dots" ? "TOO_MANY_DOTS" : "DUPLICATE_PROPOSAL");
  if (ids.some((id) => !area.proposals.includes(id))) out.add("UNKNOWN_PROPOSAL");
  if (ids.length > area.maxVotes) out.add("TOO_MANY_VOTES");
  return out;
}

interface ExpectedArea {
  id: string;
  voters: number;
  withheld: boolean;
  rows: Array<{ proposalId: string; votes: number | null; points: number | null; rank: number | null }>;
}

/** Whether two ballots are one under the method: ranking keeps order; dots count; approval is a set. */
function same(method: Method, a: readonly string[], b: readonly string[]): boolean {
  if (method === "ranking") return a.join() === b.join();
  return [...a].sort().join() === [...b].sort().join();
}

function expected(model: Model, audience: "public" | "privileged"): { participants: number; voters: number; areas: ExpectedArea[] } {
  const voters = model.ballots.filter((b) => [...b.values()].some((ids) => ids.length > 0)).length;
  const areas = model.areas.map((area) => {
    const votes = new Map(area.proposals.map((p) => [p, 0]));
    const points = new Map(area.proposals.map((p) => [p, 0]));
    let areaVoters = 0;
    for (const ballot of model.ballots) {
      const ids = ballot.get(area.id) ?? [];
      if (ids.length > 0) areaVoters++;
      ids.forEach((id, i) => {
        // Each entry is a vote (dots: a dot); a ranking's i-th entry is worth maxVotes - i (Borda).
        votes.set(id, (votes.get(id) ?? 0) + 1);
        points.set(id, (points.get(id) ?? 0) + (area.method === "ranking" ? area.maxVotes - i : 1));
      });
    }
    const withheld = areaVoters < model.threshold || (audience === "public" && model.visibility === "on-reveal" && !area.revealed);
    const ranked = area.proposals.map((p, position) => {
      const pts = points.get(p) ?? 0;
      // Standard competition ranking by points: one more than the number of proposals with more.
      const rank = 1 + area.proposals.filter((q) => (points.get(q) ?? 0) > pts).length;
      return { proposalId: p, votes: votes.get(p) ?? 0, points: pts, rank, position };
    });
    const rows = withheld
      ? ranked.map((r) => ({ proposalId: r.proposalId, votes: null, points: null, rank: null }))
      : ranked.sort((x, y) => x.rank - y.rank || x.position - y.position).map(({ proposalId, votes: v, points: pts, rank }) => ({ proposalId, votes: v, points: pts, rank }));
    return { id: area.id, voters: areaVoters, withheld, rows };
  });
  return { participants: model.ballots.length, voters, areas };
}

// ---- the real side ---------------------------------------------------------------------------

interface Real {
  app: PlenaryApp["app"];
  code: string;
  adminToken: string;
  screenKey: string;
  tokens: string[];
  seq: number;
  foreignProposal: string;
}

async function readResults(real: Real, token?: string): Promise<Results> {
  return (await expectStatus(call(real.app, "GET", `/api/events/${real.code}/results`, token ? { token } : {}), 200, "results")).body as Results;
}

/** The app's observable state must be the model's; seq must move exactly when the command says. */
async function agree(model: Model, real: Real, seqMoves: "up" | "same" | "any", who?: number): Promise<void> {
  const privileged = await readResults(real, real.screenKey);
  const pub = await readResults(real);
  for (const [results, audience] of [[privileged, "privileged"], [pub, "public"]] as const) {
    const want = expected(model, audience);
    const got = {
      participants: results.participants,
      voters: results.voters,
      areas: results.areas.map((a) => ({ id: a.id, voters: a.voters, withheld: a.withheld, rows: a.results.map((r) => ({ proposalId: r.proposalId, votes: r.votes, points: r.points, rank: r.rank })) })),
    };
    expect(got, audience).toEqual(want);
    for (const a of results.areas) {
      const m = model.areas.find((x) => x.id === a.id);
      expect({ status: a.status, revealed: a.revealed, maxVotes: a.maxVotes, method: a.method, maxPerProposal: a.maxPerProposal })
        .toEqual({ status: m?.status, revealed: m?.revealed, maxVotes: m?.maxVotes, method: m?.method, maxPerProposal: m?.maxPerProposal });
    }
  }
  expect(pub.seq).toBe(privileged.seq);
  if (seqMoves === "up") expect(privileged.seq).toBeGreaterThan(real.seq);
  if (seqMoves === "same") expect(privileged.seq).toBe(real.seq);
  real.seq = privileged.seq;
  if (who !== undefined) {
    const token = real.tokens[who] ?? "";
    const ballot = ((await expectStatus(call(real.app, "GET", `/api/events/${real.code}/ballot`, { token }), 200, "ballot")).body as { ballot: Record<string, string[]> }).ballot;
    // A ranking comes back in its order; the other methods in any order.
    const form = (a: ModelArea | undefined, ids: readonly string[]) => (a?.method === "ranking" ? [...ids] : [...ids].sort());
    const want = Object.fromEntries(model.areas.map((a) => [a.id, form(a, model.ballots[who]?.get(a.id) ?? [])]));
    expect(Object.fromEntries(Object.entries(ballot).map(([k, v]) => [k, form(model.areas.find((a) => a.id === k), v)]))).toEqual(want);
  }
}

function errorCode(r: Reply): string {
  return String((r.body as { error?: { code?: string } }).error?.code);
}

// ---- commands --------------------------------------------------------------------------------

type Cmd = fc.AsyncCommand<Model, Real, false>;

class Join implements Cmd {
  check = () => true;
  async run(model: Model, real: Real) {
    const r = await expectStatus(call(real.app, "POST", `/api/events/${real.code}/participants`, { body: {} }), 201, "join");
    real.tokens.push((r.body as { participantToken: string }).participantToken);
    model.ballots.push(new Map());
    await agree(model, real, "any", model.ballots.length - 1);
  }
  toString = () => "join";
}

/**
 * picks index a pool: the area's own proposals first, then the other area's, then one of another
 * event; so random picks cover valid sets, changes, duplicates, unknown and too many.
 */
class Cast implements Cmd {
  constructor(readonly who: number, readonly area: number, readonly picks: number[], readonly label: string) {}
  check = (m: Readonly<Model>) => m.ballots.length > 0;
  ids(model: Model, real: Real): string[] {
    const area = model.areas[this.area % model.areas.length] as ModelArea;
    const others = model.areas.filter((a) => a !== area).flatMap((a) => a.proposals);
    const pool = [...area.proposals, ...others, real.foreignProposal];
    return this.picks.map((i) => pool[i % pool.length] as string);
  }
  async run(model: Model, real: Real) {
    const who = this.who % model.ballots.length;
    const area = model.areas[this.area % model.areas.length] as ModelArea;
    const ids = this.ids(model, real);
    const res = await call(real.app, "PUT", `/api/events/${real.code}/ballot/${area.id}`, { token: real.tokens[who], body: { proposalIds: ids } });
    applyCast(model, who, area, ids, [res]);
    await agree(model, real, seqFor(model, res, who, area), who);
  }
  toString = () => `${this.label}(p${this.who}, a${this.area}, [${this.picks.join(",")}])`;
}

/** The same write sent twice at once (a double tap, a retry racing its original): one outcome. */
class DoubleSubmit extends Cast {
  override async run(model: Model, real: Real) {
    const who = this.who % model.ballots.length;
    const area = model.areas[this.area % model.areas.length] as ModelArea;
    const ids = this.ids(model, real);
    const send = () => call(real.app, "PUT", `/api/events/${real.code}/ballot/${area.id}`, { token: real.tokens[who], body: { proposalIds: ids } });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first?.status).toBe(second?.status);
    if (first && second && first.status === 200) expect([...(second.body as { proposalIds: string[] }).proposalIds].sort()).toEqual([...(first.body as { proposalIds: string[] }).proposalIds].sort());
    applyCast(model, who, area, ids, [first, second]);
    await agree(model, real, "any", who);
  }
  override toString = () => `double-submit(p${this.who}, a${this.area}, [${this.picks.join(",")}])`;
}

let lastChange = false;

function applyCast(model: Model, who: number, area: ModelArea, ids: string[], replies: Reply[]): void {
  const reasons = refusals(area, ids);
  const before = model.ballots[who]?.get(area.id) ?? [];
  lastChange = false;
  for (const res of replies) {
    if (reasons.size === 0) {
      expect(res.status, res.text).toBe(200);
      expect(same(area.method, (res.body as { proposalIds: string[] }).proposalIds, ids), res.text).toBe(true);
    } else {
      expect(reasons, `${res.status} ${res.text}`).toContain(errorCode(res));
    }
  }
  if (reasons.size === 0) {
    lastChange = !same(area.method, before, ids);
    model.ballots[who]?.set(area.id, [...ids]);
  }
}

function seqFor(_model: Model, res: Reply, _who: number, _area: ModelArea): "up" | "same" {
  // A refused write changes nothing; an accepted one moves seq exactly when the set changed.
  return res.status === 200 && lastChange ? "up" : "same";
}

class SetStatus implements Cmd {
  constructor(readonly area: number, readonly status: "open" | "closed", readonly via: "voting" | "patch") {}
  check = () => true;
  async run(model: Model, real: Real) {
    const area = model.areas[this.area % model.areas.length] as ModelArea;
    const res =
      this.via === "voting"
        ? await call(real.app, "POST", `/api/events/${real.code}/voting`, { token: real.adminToken, body: { status: this.status, areaIds: [area.id] } })
        : await call(real.app, "PATCH", `/api/events/${real.code}/areas/${area.id}`, { token: real.adminToken, body: { status: this.status } });
    expect(res.status, res.text).toBe(200);
    area.status = this.status;
    await agree(model, real, "any");
  }
  toString = () => `${this.status === "open" ? "reopen" : "close"}(a${this.area}, ${this.via})`;
}

class Reveal implements Cmd {
  constructor(readonly area: number, readonly revealed: boolean) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const area = model.areas[this.area % model.areas.length] as ModelArea;
    await expectStatus(call(real.app, "PATCH", `/api/events/${real.code}/areas/${area.id}`, { token: real.adminToken, body: { revealed: this.revealed } }), 200, "reveal");
    area.revealed = this.revealed;
    await agree(model, real, "any");
  }
  toString = () => `${this.revealed ? "reveal" : "hide"}(a${this.area})`;
}

/**
 * The organiser switches an area's method: refused (EVENT_LOCKED) once anyone has a vote there;
 * otherwise maxPerProposal is the dots default (maxVotes) on switching to dots, 1 for the others.
 */
class ChangeMethod implements Cmd {
  constructor(readonly area: number, readonly method: Method) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const area = model.areas[this.area % model.areas.length] as ModelArea;
    const res = await call(real.app, "PATCH", `/api/events/${real.code}/areas/${area.id}`, { token: real.adminToken, body: { method: this.method } });
    const voted = model.ballots.some((b) => (b.get(area.id) ?? []).length > 0);
    if (voted && this.method !== area.method) {
      expect(res.status, res.text).toBe(409);
      expect(errorCode(res)).toBe("EVENT_LOCKED");
    } else {
      expect(res.status, res.text).toBe(200);
      if (this.method !== area.method) area.maxPerProposal = this.method === "dots" ? area.maxVotes : 1;
      area.method = this.method;
    }
    await agree(model, real, "any");
  }
  toString = () => `method(a${this.area}, ${this.method})`;
}

const who = fc.nat(7);
const areaIx = fc.nat(1);
const validPicks = fc.uniqueArray(fc.nat(3), { maxLength: 3 });
const anyPicks = fc.array(fc.nat(12), { maxLength: 4 });
// Own proposals with repeats: dots stacks (valid or over the cap), repeats on the other methods.
const stackPicks = fc.array(fc.nat(3), { maxLength: 4 });

const commands = [
  fc.constant(new Join()),
  fc.tuple(who, areaIx, validPicks).map(([w, a, p]) => new Cast(w, a, p, "cast")),
  fc.tuple(who, areaIx, validPicks).map(([w, a, p]) => new Cast(w, a, p, "change")),
  fc.tuple(who, areaIx, anyPicks).map(([w, a, p]) => new Cast(w, a, p, "cast-any")),
  fc.tuple(who, areaIx, stackPicks).map(([w, a, p]) => new Cast(w, a, p, "cast-stack")),
  fc.tuple(who, areaIx).map(([w, a]) => new Cast(w, a, [], "withdraw")),
  fc.tuple(who, areaIx, validPicks).map(([w, a, p]) => new DoubleSubmit(w, a, p, "double")),
  fc.tuple(areaIx, fc.constantFrom("voting" as const, "patch" as const)).map(([a, via]) => new SetStatus(a, "closed", via)),
  fc.tuple(areaIx, fc.constantFrom("voting" as const, "patch" as const)).map(([a, via]) => new SetStatus(a, "open", via)),
  fc.tuple(areaIx, fc.boolean()).map(([a, r]) => new Reveal(a, r)),
  fc.tuple(areaIx, fc.constantFrom(...METHODS)).map(([a, m]) => new ChangeMethod(a, m)),
];

const setup = fc.record({
  visibility: fc.constantFrom("live" as const, "on-reveal" as const),
  threshold: fc.constantFrom(0, 0, 1, 2),
  maxVotes: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
  methods: fc.tuple(fc.constantFrom(...METHODS), fc.constantFrom(...METHODS)),
  /** Dots: the cap asked for, as a share of maxVotes (1 = every dot on one proposal; left out = the default). */
  caps: fc.tuple(fc.option(fc.integer({ min: 1, max: 3 })), fc.option(fc.integer({ min: 1, max: 3 }))),
  proposals: fc.tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 })),
  participants: fc.nat(3),
});

let plenary: PlenaryApp;
let foreignProposal = "";

beforeAll(async () => {
  plenary = await memoryApp();
  const other = await seedEvent(plenary.app);
  foreignProposal = other.proposalIds[0]?.[0] ?? "";
});
afterAll(async () => {
  await plenary.app.close();
});

describe("ballots: the app against a pure model", () => {
  it(`agrees over ${RUNS} random command sequences`, async () => {
    let runs = 0;
    let executed = 0;
    await fc.assert(
      fc.asyncProperty(setup, fc.commands(commands, { maxCommands: 12 }), async (cfg, cmds) => {
        runs++;
        const s = await seedEvent(plenary.app, {
          title: "Model",
          resultsVisibility: cfg.visibility,
          privacyThreshold: cfg.threshold,
          areas: [0, 1].map((i) => ({
            title: `Area ${i}`,
            maxVotes: cfg.maxVotes[i] ?? 1,
            method: cfg.methods[i] ?? "approval",
            ...(cfg.caps[i] == null ? {} : { maxPerProposal: Math.min(cfg.caps[i] ?? 1, cfg.maxVotes[i] ?? 1) }),
            proposals: Array.from({ length: cfg.proposals[i] ?? 2 }, (_, j) => ({ title: `P${i}.${j}` })),
          })),
        });
        await expectStatus(call(plenary.app, "POST", `/api/events/${s.code}/voting`, { token: s.adminToken, body: { status: "open" } }), 200);
        const model: Model = {
          visibility: cfg.visibility,
          threshold: cfg.threshold,
          areas: s.event.areas.map((a, i) => {
            const method = cfg.methods[i] ?? "approval";
            const maxVotes = cfg.maxVotes[i] ?? 1;
            const cap = cfg.caps[i];
            const maxPerProposal = method !== "dots" ? 1 : cap == null ? maxVotes : Math.min(cap, maxVotes);
            return { id: a.id, maxVotes, method, maxPerProposal, status: "open" as const, revealed: false, proposals: a.proposals.map((p) => p.id) };
          }),
          ballots: [],
        };
        const real: Real = { app: plenary.app, code: s.code, adminToken: s.adminToken, screenKey: s.screenKey, tokens: [], seq: 0, foreignProposal };
        for (let i = 0; i < cfg.participants; i++) await new Join().run(model, real);
        await agree(model, real, "any");
        const counted = [...cmds].length;
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        executed += counted;
      }),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
    expect(executed).toBeGreaterThan(RUNS * 3);
  }, 240_000);
});
