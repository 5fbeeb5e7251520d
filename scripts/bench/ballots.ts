// The load generator's own record of the vote: every (participant, area) slot with its last
// acknowledged ballot, so that the server's tally can be checked against an independent recount.
import { rankByVotes } from "../../shared/ranking";
import { ballotScores } from "../../shared/rules";
import type { Results } from "../../shared/schemas";
import type { AreaIds, RecountCheck } from "./workers/protocol";

export type BallotPattern = "tap" | "replace" | "random";

export class BallotBook {
  /** Last acknowledged ballot per slot (participant × areas.length + area). */
  private readonly stored: string[][];
  private readonly busy: Uint8Array;
  /** Slots whose state is unknown (a request failed without an answer). */
  private readonly unknown = new Set<number>();
  private cursor = 0;

  constructor(readonly participants: number, readonly areas: readonly AreaIds[]) {
    this.stored = Array.from({ length: participants * areas.length }, () => []);
    this.busy = new Uint8Array(participants * areas.length);
  }

  get slots(): number {
    return this.stored.length;
  }

  participantOf(slot: number): number {
    return Math.floor(slot / this.areas.length);
  }

  areaOf(slot: number): AreaIds {
    const area = this.areas[slot % this.areas.length];
    if (!area) throw new Error(`no area for slot ${slot}`);
    return area;
  }

  /**
   * A free slot (no request of it in flight, so replies cannot overtake each other), in turn or at
   * random; null when every slot is busy.
   */
  take(random: boolean): number | null {
    const n = this.slots;
    if (random) {
      for (let tries = 0; tries < 32; tries++) {
        const slot = Math.floor(Math.random() * n);
        if (!this.busy[slot]) return this.claim(slot);
      }
    }
    for (let k = 0; k < n; k++) {
      const slot = (this.cursor + k) % n;
      if (!this.busy[slot]) {
        this.cursor = (slot + 1) % n;
        return this.claim(slot);
      }
    }
    return null;
  }

  /**
   * A ballot for the slot that differs from the stored one, so that every accepted write is a
   * change (and moves the event's seq by exactly one).
   * - "tap": what a phone sends for one tap — the stored ballot with one proposal added or removed
   *   (at the limit a phone must remove one before choosing another);
   * - "replace": every vote replaced by others, as many as allowed (the most writing a ballot does);
   * - "random": any ballot of 1..maxVotes proposals, now and then an empty one (a withdrawal).
   */
  nextBallot(slot: number, pattern: BallotPattern): string[] {
    const current = this.stored[slot] ?? [];
    const { proposals, maxVotes } = this.areaOf(slot);
    if (pattern === "tap") {
      const remove = current.length >= maxVotes || (current.length > 0 && Math.random() < 0.5);
      if (remove) {
        const out = current[Math.floor(Math.random() * current.length)];
        return current.filter((id) => id !== out);
      }
      const free = proposals.filter((id) => !current.includes(id));
      return [...current, free[Math.floor(Math.random() * free.length)] ?? ""];
    }
    if (pattern === "replace") {
      const pick = shuffled(proposals.filter((id) => !current.includes(id))).slice(0, maxVotes);
      if (pick.length === maxVotes) return pick;
    }
    for (;;) {
      const size = current.length > 0 && Math.random() < 0.05 ? 0 : 1 + Math.floor(Math.random() * maxVotes);
      const pick = shuffled(proposals).slice(0, size);
      if (!sameSet(pick, current)) return pick;
    }
  }

  storedOf(slot: number): string[] {
    return this.stored[slot] ?? [];
  }

  settle(slot: number, acknowledged: string[] | null): void {
    this.busy[slot] = 0;
    if (acknowledged) {
      this.stored[slot] = acknowledged;
      this.unknown.delete(slot);
    } else this.unknown.add(slot);
  }

  /** Compares a Results snapshot (privileged view) with the recount of acknowledged ballots. */
  check(results: Results): RecountCheck {
    const differences: string[] = [];
    const note = (d: string) => void (differences.length < 10 && differences.push(d));
    if (this.unknown.size > 0) note(`${this.unknown.size} ballot slots have an unknown state (failed requests)`);
    const votersAll = new Set<number>();
    this.areas.forEach((area, a) => {
      const got = results.areas.find((r) => r.id === area.id);
      if (!got) return note(`area ${area.id} missing from the snapshot`);
      // Counted under the area's method (issue 15): votes (dots) and points, as the server counts them.
      const counts = new Map(area.proposals.map((p) => [p, 0]));
      const points = new Map(area.proposals.map((p) => [p, 0]));
      let voters = 0;
      for (let p = 0; p < this.participants; p++) {
        const ballot = this.stored[p * this.areas.length + a] ?? [];
        if (ballot.length > 0) {
          voters += 1;
          votersAll.add(p);
        }
        for (const [id, score] of ballotScores(got, ballot)) {
          counts.set(id, (counts.get(id) ?? 0) + score.votes);
          points.set(id, (points.get(id) ?? 0) + score.points);
        }
      }
      if (got.withheld) note(`area ${area.id} withheld`);
      if (got.voters !== voters) note(`area ${area.id}: ${got.voters} voters, recount ${voters}`);
      const expected = rankByVotes(area.proposals.map((id, position) => ({ id, position, votes: counts.get(id) ?? 0, points: points.get(id) ?? 0 })));
      expected.forEach((row, i) => {
        const shown = got.results.find((r) => r.proposalId === row.id);
        if (!shown) return note(`proposal ${row.id} missing`);
        if (shown.votes !== row.votes) note(`proposal ${row.id}: ${String(shown.votes)} votes, recount ${row.votes}`);
        if (shown.points !== row.points) note(`proposal ${row.id}: ${String(shown.points)} points, recount ${row.points}`);
        if (shown.rank !== row.rank) note(`proposal ${row.id}: rank ${String(shown.rank)}, recount ${row.rank}`);
        if (got.results[i]?.proposalId !== row.id) note(`area ${area.id}: row ${i} is ${got.results[i]?.proposalId ?? "missing"}, expected ${row.id}`);
      });
    });
    if (results.voters !== votersAll.size) note(`event: ${results.voters} voters, recount ${votersAll.size}`);
    if (results.participants !== this.participants) note(`event: ${results.participants} participants, ${this.participants} joined`);
    return { matches: differences.length === 0, differences, seq: results.seq };
  }

  private claim(slot: number): number {
    this.busy[slot] = 1;
    return slot;
  }
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
