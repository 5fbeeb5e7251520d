// After a random workload (joins, votes, changes, withdrawals, invalid ballots, paper ballots,
// closing and reopening), the published results equal a recount from the raw votes table, and the
// votes table equals what the accepted requests asked for — in an approval, a dots and a ranking
// area (issue 15), the recount scoring each row by its method: a dot a vote, a place its Borda points.
import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Area, Results } from "../../shared/schemas";
import { api, createEvent, join, openVoting, startServer, vote, type CreatedTestEvent, type TestServer } from "../helpers/app";
import { getJson } from "./support";

type Action =
  | { kind: "join" }
  | { kind: "vote"; who: number; area: number; picks: number[] }
  | { kind: "withdraw"; who: number; area: number }
  | { kind: "paper"; picks: Array<[number, number[]]> }
  | { kind: "close"; area: number }
  | { kind: "reopen"; area: number };

const AREAS = [
  { title: "Two votes", method: "approval" as const, maxVotes: 2, maxPerProposal: 1, proposals: 5 },
  { title: "Three dots", method: "dots" as const, maxVotes: 3, maxPerProposal: 2, proposals: 4 },
  { title: "Rank three", method: "ranking" as const, maxVotes: 3, maxPerProposal: 1, proposals: 6 },
];

// Mostly plausible ballots (distinct own proposals), sometimes anything: repeats, too many, and
// FOREIGN, which names a proposal of another area.
const FOREIGN = 100;
const picksArb = fc.oneof(
  { arbitrary: fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }), weight: 5 },
  // Stacks: valid dots, repeats on the other methods.
  { arbitrary: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }), weight: 3 },
  { arbitrary: fc.array(fc.oneof(fc.nat({ max: 5 }), fc.constant(FOREIGN)), { maxLength: 4 }), weight: 1 },
);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constant<Action>({ kind: "join" }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("vote" as const), who: fc.nat(), area: fc.nat({ max: 2 }), picks: picksArb }), weight: 8 },
  { arbitrary: fc.record({ kind: fc.constant("withdraw" as const), who: fc.nat(), area: fc.nat({ max: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("paper" as const), picks: fc.array(fc.tuple(fc.nat({ max: 2 }), picksArb), { maxLength: 3 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("close" as const), area: fc.nat({ max: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("reopen" as const), area: fc.nat({ max: 2 }) }), weight: 2 },
);

/** What the accepted requests imply, kept by the test independently of the server. */
interface Model {
  participants: Array<{ token: string | null; ballot: Map<string, string[]> }>;
  open: Map<string, boolean>;
}

function pickIds(areas: Area[], areaIndex: number, picks: number[]): string[] {
  const area = areas[areaIndex]!;
  const foreign = areas[(areaIndex + 1) % areas.length]!.proposals[0]!.id;
  return picks.map((n) => (n === FOREIGN ? foreign : area.proposals[n % area.proposals.length]!.id));
}

/** Every area of the model has been opened: closed ones still take paper ballots (API 1.1). */
function valid(model: Model, area: Area, ids: string[], paper = false): boolean {
  const own = new Set(area.proposals.map((p) => p.id));
  const cap = area.method === "dots" ? area.maxPerProposal : 1;
  const stacked = ids.some((id) => ids.filter((x) => x === id).length > cap);
  return (paper || model.open.get(area.id) === true) && !stacked && ids.every((id) => own.has(id)) && ids.length <= area.maxVotes;
}

/** A ballot as a comparable string: a ranking in its order, the other methods as a sorted multiset. */
function ballotKey(area: Area | undefined, areaId: string, ids: readonly string[]): string {
  return `${areaId}:${(area?.method === "ranking" ? [...ids] : [...ids].sort()).join("+")}`;
}

async function run(server: TestServer, ev: CreatedTestEvent, actions: Action[], model: Model): Promise<void> {
  const { url } = server;
  const areas = ev.event.areas;
  const phones = () => model.participants.filter((p) => p.token !== null);
  for (const action of actions) {
    switch (action.kind) {
      case "join": {
        model.participants.push({ token: await join(url, ev.code), ballot: new Map() });
        break;
      }
      case "vote":
      case "withdraw": {
        const list = phones();
        if (list.length === 0) break;
        const who = list[action.who % list.length]!;
        const area = areas[action.area]!;
        const ids = action.kind === "vote" ? pickIds(areas, action.area, action.picks) : [];
        const res = await vote(url, ev.code, who.token!, area.id, ids);
        if (valid(model, area, ids)) {
          expect(res.status, res.text).toBe(200);
          who.ballot.set(area.id, ids);
        } else {
          expect([409, 422], res.text).toContain(res.status);
        }
        break;
      }
      case "paper": {
        const ballot: Record<string, string[]> = {};
        for (const [a, picks] of action.picks) ballot[areas[a]!.id] = pickIds(areas, a, picks);
        const ok = Object.entries(ballot).every(([areaId, ids]) => valid(model, areas.find((x) => x.id === areaId)!, ids, true));
        const res = await api(url, "POST", `/api/events/${ev.code}/paper-ballots`, { token: ev.adminToken, body: { ballot } });
        if (ok) {
          expect(res.status, res.text).toBe(201);
          model.participants.push({ token: null, ballot: new Map(Object.entries(ballot)) });
        } else {
          expect([409, 422], res.text).toContain(res.status);
        }
        break;
      }
      case "close":
      case "reopen": {
        const area = areas[action.area]!;
        const status = action.kind === "close" ? "closed" : "open";
        const res = await api(url, "POST", `/api/events/${ev.code}/voting`, { token: ev.adminToken, body: { status, areaIds: [area.id] } });
        expect(res.status, res.text).toBe(200);
        model.open.set(area.id, status === "open");
        break;
      }
    }
  }
}

/** The recount: straight from the SQLite file, through a connection of its own. */
function recount(file: string, areas: Area[]) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const votes = db.prepare("SELECT participant_id, area_id, proposal_id, dots, place FROM votes ORDER BY participant_id, area_id, place, rowid").all() as Array<{ participant_id: number; area_id: string; proposal_id: string; dots: number; place: number | null }>;
    const participants = (db.prepare("SELECT count(*) FROM participants").pluck().get() as number);
    const perProposal = new Map<string, number>();
    const pointsPerProposal = new Map<string, number>();
    const votersPerArea = new Map<string, Set<number>>();
    const byId = new Map(areas.map((a) => [a.id, a]));
    for (const v of votes) {
      const area = byId.get(v.area_id);
      // The method's scoring, from the row's dots and place (not its stored points).
      const points = area?.method === "ranking" ? area.maxVotes + 1 - (v.place ?? Infinity) : v.dots;
      perProposal.set(v.proposal_id, (perProposal.get(v.proposal_id) ?? 0) + v.dots);
      pointsPerProposal.set(v.proposal_id, (pointsPerProposal.get(v.proposal_id) ?? 0) + points);
      const set = votersPerArea.get(v.area_id) ?? new Set<number>();
      set.add(v.participant_id);
      votersPerArea.set(v.area_id, set);
    }
    const ballots = new Map<string, string[]>();
    for (const v of votes) {
      const k = `${v.participant_id}/${v.area_id}`;
      ballots.set(k, [...(ballots.get(k) ?? []), ...Array.from({ length: v.dots }, () => v.proposal_id)]);
    }
    return {
      participants,
      voters: new Set(votes.map((v) => v.participant_id)).size,
      ballots: [...ballots.entries()].map(([k, ids]) => ballotKey(byId.get(k.split("/")[1] ?? ""), k.split("/")[1] ?? "", ids)).sort(),
      areas: areas.map((area) => {
        const counted = area.proposals.map((p) => ({ proposalId: p.id, title: p.title, position: p.position, votes: perProposal.get(p.id) ?? 0, points: pointsPerProposal.get(p.id) ?? 0 }));
        const rows = counted
          .map((p) => ({ ...p, rank: 1 + counted.filter((q) => q.points > p.points).length }))
          .sort((x, y) => x.rank - y.rank || x.position - y.position)
          .map(({ proposalId, title, votes, points, rank }) => ({ proposalId, title, votes, points, rank }));
        return { id: area.id, voters: votersPerArea.get(area.id)?.size ?? 0, results: rows };
      }),
    };
  } finally {
    db.close();
  }
}

function modelBallots(model: Model, areas: Area[]): string[] {
  return model.participants
    .flatMap((p) => [...p.ballot.entries()].filter(([, ids]) => ids.length > 0).map(([areaId, ids]) => ballotKey(areas.find((a) => a.id === areaId), areaId, ids)))
    .sort();
}

async function checkRecount(server: TestServer, ev: CreatedTestEvent, model: Model): Promise<void> {
  const results = await getJson<Results>(server.url, `/api/events/${ev.code}/results`, ev.adminToken);
  const counted = recount(server.databaseFile, ev.event.areas);
  // the votes table holds exactly the accepted ballots…
  expect(counted.ballots).toEqual(modelBallots(model, ev.event.areas));
  expect(counted.participants).toBe(model.participants.length);
  // …and the published results are a recount of the votes table
  expect(results.participants).toBe(counted.participants);
  expect(results.voters).toBe(counted.voters);
  // Labels are not counts: the recount compares everything else of each row.
  const rows = (a: Results["areas"][number]) => a.results.map(({ label: _label, ...row }) => row);
  expect(results.areas.map((a) => ({ id: a.id, voters: a.voters, results: rows(a) }))).toEqual(counted.areas);
  for (const a of results.areas) expect(a.withheld).toBe(false);
}

async function freshEvent(server: TestServer): Promise<{ ev: CreatedTestEvent; model: Model }> {
  const ev = await createEvent(server.url, {
    title: "Recount",
    areas: AREAS.map((a) => ({ title: a.title, method: a.method, maxVotes: a.maxVotes, maxPerProposal: a.maxPerProposal, proposals: Array.from({ length: a.proposals }, (_, i) => ({ title: `${a.title} ${i}` })) })),
  });
  await openVoting(server.url, ev.code, ev.adminToken);
  return { ev, model: { participants: [], open: new Map(ev.event.areas.map((a) => [a.id, true])) } };
}

describe("recount", () => {
  it("results equal a recount of the raw votes table after random workloads", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 30, maxLength: 80 }), async (actions) => {
        const server = await startServer();
        try {
          const { ev, model } = await freshEvent(server);
          await run(server, ev, actions, model);
          await checkRecount(server, ev, model);
        } finally {
          await server.close();
        }
      }),
      { numRuns: 12 },
    );
  });

  it("a hall-sized seeded workload, recounted along the way", async () => {
    const server = await startServer();
    try {
      const { ev, model } = await freshEvent(server);
      const joins: Action[] = Array.from({ length: 54 }, () => ({ kind: "join" }));
      await run(server, ev, joins, model);
      const [workload] = fc.sample(fc.array(actionArb, { minLength: 300, maxLength: 300 }), { seed: 2017, numRuns: 1 });
      for (let i = 0; i < workload!.length; i += 100) {
        await run(server, ev, workload!.slice(i, i + 100), model);
        await checkRecount(server, ev, model);
      }
      // the workload did cast votes: the recount compared something
      expect(modelBallots(model, ev.event.areas).length).toBeGreaterThan(20);
      // …in every method, stacks and rankings of more than one included
      for (const a of ev.event.areas) expect(modelBallots(model, ev.event.areas).filter((b) => b.startsWith(`${a.id}:`) && b.includes("+")).length, a.method).toBeGreaterThan(2);
    } finally {
      await server.close();
    }
  });
});
