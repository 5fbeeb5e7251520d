// SQL of the feedback_questions table: the form's questions in order.
import type { Db } from "../db/open";
import type { FeedbackKind } from "../../shared/feedback";

export interface FeedbackQuestionRow {
  id: string;
  event_id: number;
  position: number;
  kind: FeedbackKind;
  prompt: string;
  /** JSON array of the options (choice only). */
  options: string | null;
  option_count: number;
}

export function feedbackQuestionsRepo(db: Db) {
  const byEvent = db.prepare<[number], FeedbackQuestionRow>("SELECT * FROM feedback_questions WHERE event_id = ? ORDER BY position");
  const insert = db.prepare<[string, number, number, string, string, string | null, number]>(
    "INSERT INTO feedback_questions (id, event_id, position, kind, prompt, options, option_count) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const update = db.prepare<[number, string, string, string | null, number, string]>(
    "UPDATE feedback_questions SET position = ?, kind = ?, prompt = ?, options = ?, option_count = ? WHERE id = ?",
  );
  const remove = db.prepare<[string]>("DELETE FROM feedback_questions WHERE id = ?");
  return {
    byEvent: (eventId: number) => byEvent.all(eventId),
    insert: (q: Omit<FeedbackQuestionRow, never>) => void insert.run(q.id, q.event_id, q.position, q.kind, q.prompt, q.options, q.option_count),
    update: (q: FeedbackQuestionRow) => void update.run(q.position, q.kind, q.prompt, q.options, q.option_count, q.id),
    remove: (id: string) => void remove.run(id),
  };
}
export type FeedbackQuestionsRepo = ReturnType<typeof feedbackQuestionsRepo>;
