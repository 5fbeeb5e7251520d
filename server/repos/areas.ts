// SQL of the areas table.
import type { Db } from "../db/open";
import { keptRows } from "./kept-rows";
import type { AreaStatus, VotingMethod } from "../../shared/schemas";

export interface AreaRow {
  id: string;
  event_id: number;
  title: string;
  /** '' for areas created before migration 003 (the view derives one). */
  prefix: string;
  position: number;
  max_votes: number;
  status: AreaStatus;
  revealed: 0 | 1;
  opened_at: string | null;
  closed_at: string | null;
  /** Migration 007: when the server closes this open area by itself; null when no clock runs. */
  closes_at: string | null;
  /** Migration 007: the area this one is a runoff of. */
  round_of: string | null;
  suggestions: "off" | "open";
  content_locked: 0 | 1;
  /** Migration 011: how the area's ballots are counted. */
  method: VotingMethod;
  /** Migration 011: dots one participant may stack on one proposal (1 unless method is dots). */
  max_per_proposal: number;
}

export function areasRepo(db: Db) {
  const byEvent = db.prepare<[number], AreaRow>("SELECT * FROM areas WHERE event_id = ? ORDER BY position, rowid");
  // The ids alone, in the same order: a ballot's keys, read for every ballot pushed to its phone.
  const idsByEvent = db.prepare<[number], string>("SELECT id FROM areas WHERE event_id = ? ORDER BY position, rowid").pluck();
  const byId = db.prepare<[string, number], AreaRow>("SELECT * FROM areas WHERE id = ? AND event_id = ?");
  const insert = db.prepare<[string, number, string, string, number, number, VotingMethod, number]>(
    "INSERT INTO areas (id, event_id, title, prefix, position, max_votes, method, max_per_proposal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const setPrefix = db.prepare<[string, string]>("UPDATE areas SET prefix = ? WHERE id = ?");
  const setTitle = db.prepare<[string, string]>("UPDATE areas SET title = ? WHERE id = ?");
  // One statement for the three, so the CHECKs of migration 011 (maxPerProposal ≤ maxVotes, 1 unless
  // dots) see the new values together; its triggers refuse what cast ballots forbid.
  const setCounting = db.prepare<[number, VotingMethod, number, string]>("UPDATE areas SET max_votes = ?, method = ?, max_per_proposal = ? WHERE id = ?");
  const setRevealed = db.prepare<[number, string]>("UPDATE areas SET revealed = ? WHERE id = ?");
  const setPosition = db.prepare<[number, string]>("UPDATE areas SET position = ? WHERE id = ?");
  const setSuggestions = db.prepare<[string, string]>("UPDATE areas SET suggestions = ? WHERE id = ?");
  const setContentLocked = db.prepare<[number, string]>("UPDATE areas SET content_locked = ? WHERE id = ?");
  const open = db.prepare<[string, string]>(
    "UPDATE areas SET status = 'open', opened_at = coalesce(opened_at, ?), closed_at = NULL WHERE id = ?",
  );
  // Closing (by hand or by the clock) and returning to draft stop the clock: closes_at belongs to open areas only (007's CHECK).
  const close = db.prepare<[string, string]>("UPDATE areas SET status = 'closed', closed_at = ?, closes_at = NULL WHERE id = ?");
  const draft = db.prepare<[string]>("UPDATE areas SET status = 'draft', closes_at = NULL WHERE id = ?");
  const setClosesAt = db.prepare<[string | null, string]>("UPDATE areas SET closes_at = ? WHERE id = ? AND status = 'open'");
  const setRoundOf = db.prepare<[string, string]>("UPDATE areas SET round_of = ? WHERE id = ?");
  const pendingClocks = db.prepare<[], Pick<AreaRow, "id" | "event_id" | "closes_at">>(
    "SELECT id, event_id, closes_at FROM areas WHERE status = 'open' AND closes_at IS NOT NULL",
  );
  const remove = db.prepare<[string]>("DELETE FROM areas WHERE id = ?");
  const removeByEvent = db.prepare<[number]>("DELETE FROM areas WHERE event_id = ?");
  const countByEvent = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM areas WHERE event_id = ?");

  // Every ballot checks its area's status, method and deadline (~8 µs a read inside the batch's
  // transaction), and areas change only when the organiser or the clock acts: rows are kept
  // (repos/kept-rows.ts): every change below forgets them first (`changing`), and an insert marks its
  // transaction (`inserting`).
  const kept = keptRows<string, AreaRow>(db);

  return {
    byEvent: (eventId: number) => byEvent.all(eventId),
    idsByEvent: (eventId: number) => idsByEvent.all(eventId),
    byId: (id: string, eventId: number) => {
      const row = kept.read(id, () => byId.get(id, eventId));
      return row?.event_id === eventId ? row : undefined;
    },
    countByEvent: (eventId: number) => countByEvent.get(eventId)?.n ?? 0,
    insert: kept.inserting((row: Pick<AreaRow, "id" | "event_id" | "title" | "prefix" | "position" | "max_votes" | "method" | "max_per_proposal">) =>
      void insert.run(row.id, row.event_id, row.title, row.prefix, row.position, row.max_votes, row.method, row.max_per_proposal)),
    setPrefix: kept.changing((id: string, prefix: string) => void setPrefix.run(prefix, id)),
    setTitle: kept.changing((id: string, title: string) => void setTitle.run(title, id)),
    /** How the area counts: its vote limit, method and cap per proposal, written together. */
    setCounting: kept.changing((id: string, c: Pick<AreaRow, "max_votes" | "method" | "max_per_proposal">) => void setCounting.run(c.max_votes, c.method, c.max_per_proposal, id)),
    setRevealed: kept.changing((id: string, revealed: boolean) => void setRevealed.run(revealed ? 1 : 0, id)),
    setPosition: kept.changing((id: string, position: number) => void setPosition.run(position, id)),
    setSuggestions: kept.changing((id: string, mode: AreaRow["suggestions"]) => void setSuggestions.run(mode, id)),
    setContentLocked: kept.changing((id: string, locked: boolean) => void setContentLocked.run(locked ? 1 : 0, id)),
    setStatus: kept.changing((id: string, status: AreaRow["status"], now: string) => {
      if (status === "open") open.run(now, id);
      else if (status === "closed") close.run(now, id);
      else draft.run(id);
    }),
    /** Sets or clears the deadline of an open area (a draft or closed area keeps none). */
    setClosesAt: kept.changing((id: string, closesAt: string | null) => void setClosesAt.run(closesAt, id)),
    setRoundOf: kept.changing((id: string, roundOf: string) => void setRoundOf.run(roundOf, id)),
    /** Every open area with a deadline, in every event: what the clock arms at start. */
    pendingClocks: () => pendingClocks.all(),
    remove: kept.changing((id: string) => void remove.run(id)),
    removeByEvent: kept.changing((eventId: number) => void removeByEvent.run(eventId)),
  };
}
export type AreasRepo = ReturnType<typeof areasRepo>;
