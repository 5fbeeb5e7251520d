// The encoded snapshots a socket is welcomed with, computed once and shared by every socket that
// connects before the next change. When the venue Wi-Fi comes back, the whole room reconnects within
// seconds: before, each socket read the event (every proposal's full text), hashed it for its
// version, counted the results and encoded both, for itself alone (~1–2 ms each, 10,000 times).
//
// Keys, and why they are enough:
// - results per (event, audience, seq): every write a snapshot could show bumps the event's `seq`
//   in its own transaction (repos/events.ts bumpSeq), so a snapshot read at a seq is the state at
//   that seq. The event row is read for each connect anyway (one indexed row), and its seq decides.
// - the event view per (event, seq at its last change): the view does not change with votes, so it
//   is not re-read at every ballot; `eventChanged` (settings, content, area status: every write that
//   changes the view, processors/realtime.ts) drops it, synchronously after the COMMIT, before any
//   socket can connect in between (better-sqlite3 and the domain events are synchronous).
import type { Event, Results } from "../../shared/schemas";
import type { EventRow } from "../repos/events";
import type { Ctx } from "../services/context";
import { eventView } from "../services/event-view";
import { resultsFor, tally, type Audience, type Tally } from "../services/results";
import { eventVersion } from "./event-version";
import type { PreEncoded } from "./pre-encoded";

export interface EventSnapshot {
  view: Event;
  version: string;
  /** `event` as privileged sockets get it (no version: they never send `since`). */
  privileged: PreEncoded;
  /** `event` as the room and quiet sockets get it, with its version. */
  room: PreEncoded;
}

export interface ResultsSnapshot {
  seq: number;
  results: Results;
  encoded: PreEncoded;
}

export type Encode = (event: string, data: unknown) => PreEncoded;

export class SnapshotCache {
  private readonly events = new Map<number, EventSnapshot>();
  private readonly results = new Map<string, ResultsSnapshot>();
  private readonly tallies = new Map<number, Tally>();
  /** For tests and the bench: how many snapshots were built rather than reused. */
  readonly built = { event: 0, results: 0 };

  constructor(
    private readonly ctx: Ctx,
    private readonly encode: Encode,
  ) {}

  event(row: EventRow): EventSnapshot {
    const hit = this.events.get(row.id);
    if (hit) return hit;
    const view = eventView(this.ctx, row);
    const version = eventVersion(view);
    const snapshot = { view, version, privileged: this.encode("event", { event: view }), room: this.encode("event", { event: view, version }) };
    this.built.event += 1;
    this.events.set(row.id, snapshot);
    return snapshot;
  }

  /** The results `audience` may see at `row.seq`; one count serves both audiences at the same seq. */
  resultsAt(row: EventRow, audience: Audience): ResultsSnapshot {
    const key = `${row.id}:${audience}`;
    const hit = this.results.get(key);
    if (hit && hit.seq === row.seq) return hit;
    let t = this.tallies.get(row.id);
    if (!t || t.event.seq !== row.seq) {
      t = tally(this.ctx, row);
      this.tallies.set(row.id, t);
    }
    const results = resultsFor(t, audience);
    const snapshot = { seq: row.seq, results, encoded: this.encode("results", results) };
    this.built.results += 1;
    this.results.set(key, snapshot);
    return snapshot;
  }

  /** The event's content, settings or status changed: its view is read again at the next use. */
  eventChanged(eventId: number): void {
    this.events.delete(eventId);
  }
}
