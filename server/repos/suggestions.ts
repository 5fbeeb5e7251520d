// SQL of the suggestions table. participant_id is read only to count a phone's suggestions and to
// show a phone its own; no query here returns it.
import type { Db } from "../db/open";
import type { Suggestion } from "../../shared/schemas";

export interface SuggestionRow {
  id: string;
  area_id: string;
  title: string;
  body: string;
  status: Suggestion["status"];
  proposal_id: string | null;
  created_at: string;
}

const COLUMNS = "s.id, s.area_id, s.title, s.body, s.status, s.proposal_id, s.created_at";

export function suggestionsRepo(db: Db) {
  const insert = db.prepare<[string, string, number, string, string, string]>(
    "INSERT INTO suggestions (id, area_id, participant_id, title, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  // Oldest first, then by the random id: rows of one minute come in no order that names anyone.
  const byEvent = db.prepare<[number], SuggestionRow>(
    `SELECT ${COLUMNS} FROM suggestions s JOIN areas a ON a.id = s.area_id WHERE a.event_id = ? ORDER BY s.created_at, s.id`,
  );
  const byArea = db.prepare<[string], SuggestionRow>(`SELECT ${COLUMNS} FROM suggestions s WHERE s.area_id = ? ORDER BY s.created_at, s.id`);
  const byParticipant = db.prepare<[number], SuggestionRow>(`SELECT ${COLUMNS} FROM suggestions s WHERE s.participant_id = ? ORDER BY s.created_at, s.id`);
  const byId = db.prepare<[string, number], SuggestionRow>(
    `SELECT ${COLUMNS} FROM suggestions s JOIN areas a ON a.id = s.area_id WHERE s.id = ? AND a.event_id = ?`,
  );
  const countByParticipant = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM suggestions WHERE participant_id = ?");
  const pendingByEvent = db.prepare<[number], { n: number }>(
    "SELECT count(*) AS n FROM suggestions s JOIN areas a ON a.id = s.area_id WHERE a.event_id = ? AND s.status = 'pending'",
  );
  const decide = db.prepare<[string, string | null, string]>("UPDATE suggestions SET status = ?, proposal_id = ? WHERE id = ?");
  return {
    insert: (row: { id: string; areaId: string; participantId: number; title: string; body: string; createdAt: string }) =>
      void insert.run(row.id, row.areaId, row.participantId, row.title, row.body, row.createdAt),
    byEvent: (eventId: number) => byEvent.all(eventId),
    byArea: (areaId: string) => byArea.all(areaId),
    byParticipant: (participantId: number) => byParticipant.all(participantId),
    byId: (id: string, eventId: number) => byId.get(id, eventId),
    countByParticipant: (participantId: number) => countByParticipant.get(participantId)?.n ?? 0,
    pendingByEvent: (eventId: number) => pendingByEvent.get(eventId)?.n ?? 0,
    decide: (id: string, status: SuggestionRow["status"], proposalId: string | null) => void decide.run(status, proposalId, id),
  };
}
export type SuggestionsRepo = ReturnType<typeof suggestionsRepo>;
