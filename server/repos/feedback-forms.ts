// SQL of the feedback_forms table: one row per event that has an evaluation form (none: a draft with no questions).
import type { Db } from "../db/open";
import type { FeedbackStatus } from "../../shared/feedback";

export interface FeedbackFormRow {
  event_id: number;
  status: FeedbackStatus;
  updated_at: string;
}

export function feedbackFormsRepo(db: Db) {
  const byEvent = db.prepare<[number], FeedbackFormRow>("SELECT * FROM feedback_forms WHERE event_id = ?");
  const upsert = db.prepare<[number, string, string]>(
    "INSERT INTO feedback_forms (event_id, status, updated_at) VALUES (?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
  );
  return {
    byEvent: (eventId: number) => byEvent.get(eventId),
    upsert: (eventId: number, status: FeedbackStatus, at: string) => void upsert.run(eventId, status, at),
  };
}
export type FeedbackFormsRepo = ReturnType<typeof feedbackFormsRepo>;
