// SQL of the feedback_answers table. Only counts and (for the admin's JSON export) comments ever
// leave it: no query here returns a participant id with an answer, outside the participant's own.
import type { Db } from "../db/open";
import type { FeedbackKind } from "../../shared/feedback";

export interface OwnAnswerRow {
  question_id: string;
  kind: FeedbackKind;
  value_int: number | null;
  value_text: string | null;
}

export function feedbackAnswersRepo(db: Db) {
  const own = db.prepare<[number], OwnAnswerRow>("SELECT question_id, kind, value_int, value_text FROM feedback_answers WHERE participant_id = ?");
  const removeOwn = db.prepare<[number]>("DELETE FROM feedback_answers WHERE participant_id = ?");
  const insert = db.prepare<[string, string, number, number, number | null, string | null]>(
    "INSERT INTO feedback_answers (question_id, kind, option_count, participant_id, value_int, value_text) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const counts = db.prepare<[number], { question_id: string; value_int: number | null; n: number }>(
    `SELECT a.question_id, a.value_int, count(*) AS n FROM feedback_answers a JOIN feedback_questions q ON q.id = a.question_id
     WHERE q.event_id = ? GROUP BY a.question_id, a.value_int`,
  );
  const respondents = db.prepare<[number], { n: number }>(
    "SELECT count(DISTINCT a.participant_id) AS n FROM feedback_answers a JOIN feedback_questions q ON q.id = a.question_id WHERE q.event_id = ?",
  );
  const comments = db.prepare<[number], { question_id: string; value_text: string }>(
    "SELECT a.question_id, a.value_text FROM feedback_answers a JOIN feedback_questions q ON q.id = a.question_id WHERE q.event_id = ? AND a.value_text IS NOT NULL",
  );
  const answeredQuestion = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM feedback_answers WHERE question_id = ?");
  return {
    /** The caller's own answers (the phone restores its form from them). */
    own: (participantId: number) => own.all(participantId),
    removeOwn: (participantId: number) => void removeOwn.run(participantId),
    insert: (questionId: string, kind: FeedbackKind, optionCount: number, participantId: number, valueInt: number | null, valueText: string | null) =>
      void insert.run(questionId, kind, optionCount, participantId, valueInt, valueText),
    /** Per question and value, how many answered it (comments count under value_int NULL). */
    counts: (eventId: number) => counts.all(eventId),
    respondents: (eventId: number) => respondents.get(eventId)?.n ?? 0,
    /** Comments, in storage order: the caller shuffles them before they leave the server. */
    comments: (eventId: number) => comments.all(eventId),
    answersTo: (questionId: string) => answeredQuestion.get(questionId)?.n ?? 0,
  };
}
export type FeedbackAnswersRepo = ReturnType<typeof feedbackAnswersRepo>;
