// SQL of the events table.
import type { Db } from "../db/open";
import { keptRows } from "./kept-rows";
import type { Language } from "../../shared/i18n/languages";
// The enums are the API's (shared/schemas.ts), never re-declared here.
import type { Access, ProposalOrder, ResultsVisibility } from "../../shared/schemas";

export interface EventRow {
  id: number;
  code: string;
  title: string;
  access: Access;
  votes_per_area: number;
  results_visibility: ResultsVisibility;
  privacy_threshold: number;
  proposal_order: ProposalOrder;
  expected_participants: number;
  /** API 1.1 (migration 005): the event's default language. */
  language: Language;
  /** API 1.1 (migration 012): the room's results move every this many seconds (0: at every ballot)… */
  live_batch_seconds: number;
  /** …and only after at least this many changed ballots (realtime/live-batch.ts). */
  live_batch_ballots: number;
  admin_token_hash: Buffer;
  screen_key_hash: Buffer;
  seq: number;
  created_at: string;
}

export type EventSettingsPatch = Partial<Pick<EventRow, "title" | "access" | "votes_per_area" | "results_visibility" | "privacy_threshold" | "proposal_order" | "expected_participants" | "language" | "live_batch_seconds" | "live_batch_ballots">>;

const SETTING_COLUMNS = ["title", "access", "votes_per_area", "results_visibility", "privacy_threshold", "proposal_order", "expected_participants", "language", "live_batch_seconds", "live_batch_ballots"] as const;

export function eventsRepo(db: Db) {
  const byCode = db.prepare<[string], EventRow>("SELECT * FROM events WHERE code = ?");
  const byId = db.prepare<[number], EventRow>("SELECT * FROM events WHERE id = ?");
  // Indexed (migration 006): found from the token alone, whatever code the request names.
  const byTokenHash = db.prepare<[Buffer, Buffer], EventRow>("SELECT * FROM events WHERE admin_token_hash = ? OR screen_key_hash = ?");
  const byArea = db.prepare<[string], EventRow>("SELECT e.* FROM events e JOIN areas a ON a.event_id = e.id WHERE a.id = ?");
  const insert = db.prepare<[string, string, string, number, string, number, string, number, string, number, number, Buffer, Buffer, string]>(
    `INSERT INTO events (code, title, access, votes_per_area, results_visibility, privacy_threshold, proposal_order,
       expected_participants, language, live_batch_seconds, live_batch_ballots, admin_token_hash, screen_key_hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const bump = db.prepare<[number]>("UPDATE events SET seq = seq + 1 WHERE id = ?");
  const count = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM events");
  const all = db.prepare<[], EventRow>("SELECT * FROM events ORDER BY id");
  const updates = new Map(
    SETTING_COLUMNS.map((col) => [col, db.prepare<[string | number, number]>(`UPDATE events SET ${col} = ? WHERE id = ?`)]),
  );

  // A ballot reads its event by id several times (its token's event, the live batch, the welcome's
  // seq): ~15 µs a read, a tenth of a ballot's cost, so rows are kept (repos/kept-rows.ts). By code
  // too, for each socket handshake and page (~45 µs a read in a reconnect storm): that a known code
  // answers faster tells a guesser nothing its answer does not (404 for a code that names no event,
  // and only hits are kept, so a miss is read every time); a blocked address is refused before
  // this read (security/guess-guard.ts). Ids are numbers and codes strings: one map, one forget.
  const kept = keptRows<number | string, EventRow>(db);

  return {
    byCode: (code: string) => kept.read(code, () => byCode.get(code)),
    byId: (id: number) => kept.read(id, () => byId.get(id)),
    /** The event whose admin link or projector key has this hash. */
    byTokenHash: (hash: Buffer) => byTokenHash.get(hash, hash),
    /** The event an area belongs to (an editor link names its area, not its event). */
    byArea: (areaId: string) => byArea.get(areaId),
    count: () => count.get()?.n ?? 0,
    all: () => all.all(),
    insert(row: Omit<EventRow, "id" | "seq">): number {
      kept.forget();
      return Number(
        insert.run(row.code, row.title, row.access, row.votes_per_area, row.results_visibility, row.privacy_threshold,
          row.proposal_order, row.expected_participants, row.language, row.live_batch_seconds, row.live_batch_ballots, row.admin_token_hash, row.screen_key_hash, row.created_at).lastInsertRowid,
      );
    },
    update(id: number, patch: EventSettingsPatch): void {
      kept.forget();
      for (const col of SETTING_COLUMNS) {
        const value = patch[col];
        if (value !== undefined) updates.get(col)?.run(value, id);
      }
    },
    /** Marks a change that a results snapshot could show. */
    bumpSeq: (id: number) => {
      kept.forget();
      bump.run(id);
    },
  };
}
export type EventsRepo = ReturnType<typeof eventsRepo>;
