// The evaluation form (API 1.1): the organiser's form and its status, the participants' answers
// (replaceable while the form is open), and the counts with the privacy threshold. Answers are
// stored per participant so they can be replaced; nothing here returns who answered what.
import { AppError } from "../../shared/errors";
import { agreedShare, answerOfSlot, checkAnswer, countSlots, type FeedbackStatus } from "../../shared/feedback";
import type { Feedback, FeedbackAnswers, FeedbackQuestion, FeedbackResults, PutFeedbackBody } from "../../shared/schemas";

import type { EventRow } from "../repos/events";
import type { FeedbackQuestionRow } from "../repos/feedback-questions";
import type { ParticipantRow } from "../repos/participants";
import { committed, type Ctx } from "./context";
import { guardConstraints } from "./constraints";
import { newId, shuffle } from "../crypto";

/** privileged: the admin token or the screen key, which see the counts while the form is open. */
export type FeedbackAudience = "public" | "privileged";

function optionsOf(row: FeedbackQuestionRow): string[] | undefined {
  return row.options === null ? undefined : (JSON.parse(row.options) as string[]);
}

function questionView(row: FeedbackQuestionRow): FeedbackQuestion {
  const options = optionsOf(row);
  return { id: row.id, kind: row.kind, prompt: row.prompt, ...(options ? { options } : {}) };
}

export function feedbackStatus(ctx: Ctx, eventId: number): FeedbackStatus {
  return ctx.repos.feedbackForms.byEvent(eventId)?.status ?? "draft";
}

/** The form without answers; an event that never had one has an empty draft. */
export function feedbackView(ctx: Ctx, event: EventRow): Feedback {
  return { status: feedbackStatus(ctx, event.id), questions: ctx.repos.feedbackQuestions.byEvent(event.id).map(questionView) };
}

/** The stored number of an API answer: scales as given (1..5, 1..4), yes/no as 1/0, choices by index. */
const storedInt = (kind: FeedbackQuestionRow["kind"], slot: number) => (kind === "agree5" || kind === "useful4" ? slot + 1 : slot);
const slotOf = (kind: FeedbackQuestionRow["kind"], stored: number) => (kind === "agree5" || kind === "useful4" ? stored - 1 : stored);

/**
 * Replaces the form: questions with a known id are kept (their answers too), the others are new,
 * the missing ones go. A question that already has answers keeps its kind and options and cannot
 * be removed (NOT_ALLOWED): its answers would silently change meaning or disappear. Its prompt
 * may still be corrected.
 */
export function putFeedback(ctx: Ctx, event: EventRow, body: PutFeedbackBody): Feedback {
  const seen = new Set<string>();
  for (const [i, q] of body.questions.entries()) {
    if (q.kind === "choice") {
      const n = q.options?.length ?? 0;
      if (n < 2) throw new AppError("BAD_REQUEST", `body.questions.${i}.options: a choice needs 2 to 10 options`);
    } else if (q.options !== undefined) {
      throw new AppError("BAD_REQUEST", `body.questions.${i}.options: only a choice question has options`);
    }
    if (q.id !== undefined) {
      if (seen.has(q.id)) throw new AppError("BAD_REQUEST", `body.questions.${i}.id: the same question twice`);
      seen.add(q.id);
    }
  }
  ctx.db.transaction(() => {
    const existing = new Map(ctx.repos.feedbackQuestions.byEvent(event.id).map((q) => [q.id, q]));
    for (const [i, q] of body.questions.entries()) {
      if (q.id !== undefined && !existing.has(q.id)) throw new AppError("BAD_REQUEST", `body.questions.${i}.id: this form has no such question`);
    }
    const now = ctx.now();
    ctx.repos.feedbackForms.upsert(event.id, body.status, now);
    for (const old of existing.values()) {
      if (seen.has(old.id)) continue;
      if (ctx.repos.feedbackAnswers.answersTo(old.id) > 0) {
        throw new AppError("NOT_ALLOWED", `The question "${old.prompt.slice(0, 60)}" has answers: it cannot be removed.`);
      }
      ctx.repos.feedbackQuestions.remove(old.id);
    }
    for (const [position, q] of body.questions.entries()) {
      const options = q.kind === "choice" ? JSON.stringify(q.options ?? []) : null;
      const row: FeedbackQuestionRow = {
        id: q.id ?? newId("fq"),
        event_id: event.id,
        position,
        kind: q.kind,
        prompt: q.prompt,
        options,
        option_count: q.kind === "choice" ? (q.options?.length ?? 0) : 0,
      };
      const old = q.id === undefined ? undefined : existing.get(q.id);
      if (!old) {
        ctx.repos.feedbackQuestions.insert(row);
        continue;
      }
      if ((old.kind !== row.kind || old.options !== row.options) && ctx.repos.feedbackAnswers.answersTo(old.id) > 0) {
        throw new AppError("NOT_ALLOWED", `The question "${old.prompt.slice(0, 60)}" has answers: its kind and options can no longer change.`);
      }
      ctx.repos.feedbackQuestions.update(row);
    }
  })();
  committed(ctx, "feedbackChanged", { eventId: event.id });
  return feedbackView(ctx, event);
}

/** The caller's own answers, as the API writes them (the phone restores its form from them). */
export function ownAnswers(ctx: Ctx, participant: ParticipantRow): FeedbackAnswers {
  const out: FeedbackAnswers = {};
  for (const a of ctx.repos.feedbackAnswers.own(participant.id)) {
    out[a.question_id] = a.value_text ?? answerOfSlot({ kind: a.kind }, slotOf(a.kind, a.value_int ?? 0));
  }
  return out;
}

/**
 * Replaces all of the caller's answers (a question left out is unanswered) while the form is open:
 * checked whole before anything is written, so a refused request stores nothing.
 */
export function putAnswers(ctx: Ctx, event: EventRow, participant: ParticipantRow, answers: FeedbackAnswers): FeedbackAnswers {
  const changed = guardConstraints(() =>
    ctx.db.transaction(() => {
      if (feedbackStatus(ctx, event.id) !== "open") throw new AppError("FORM_CLOSED", "The evaluation form is not open.");
      const questions = new Map(ctx.repos.feedbackQuestions.byEvent(event.id).map((q) => [q.id, q]));
      const rows: Array<{ q: FeedbackQuestionRow; valueInt: number | null; valueText: string | null }> = [];
      for (const [id, value] of Object.entries(answers)) {
        const q = questions.get(id);
        if (!q) throw new AppError("BAD_REQUEST", `body.answers.${id}: this form has no such question`);
        const checked = checkAnswer({ kind: q.kind, options: optionsOf(q) }, value);
        if ("problem" in checked) throw new AppError("BAD_REQUEST", `body.answers.${id}: ${checked.problem}`);
        rows.push({ q, valueInt: checked.text === null ? storedInt(q.kind, checked.slot) : null, valueText: checked.text });
      }
      const before = JSON.stringify(ownAnswers(ctx, participant));
      ctx.repos.feedbackAnswers.removeOwn(participant.id);
      for (const r of rows) ctx.repos.feedbackAnswers.insert(r.q.id, r.q.kind, r.q.option_count, participant.id, r.valueInt, r.valueText);
      const after = ownAnswers(ctx, participant);
      return { after, changed: JSON.stringify(after) !== before };
    })(),
  );
  // A repeated, identical form (a retry from the phone's queue) announces nothing.
  if (changed.changed) committed(ctx, "feedbackAnswered", { eventId: event.id });
  return changed.after;
}

/**
 * Counts per question. The privacy threshold withholds them from everyone (as for areas); the
 * room sees them only once the form is closed, the organiser and the projector at any time.
 */
export function feedbackResults(ctx: Ctx, event: EventRow, audience: FeedbackAudience): FeedbackResults {
  return ctx.db.transaction(() => {
    const status = feedbackStatus(ctx, event.id);
    const respondents = ctx.repos.feedbackAnswers.respondents(event.id);
    const withheld = respondents < event.privacy_threshold || (audience === "public" && status !== "closed");
    const tallies = new Map<string, Map<number | null, number>>();
    for (const c of ctx.repos.feedbackAnswers.counts(event.id)) {
      const m = tallies.get(c.question_id) ?? new Map<number | null, number>();
      m.set(c.value_int, c.n);
      tallies.set(c.question_id, m);
    }
    const questions = ctx.repos.feedbackQuestions.byEvent(event.id).map((row) => {
      const view = questionView(row);
      const slots = countSlots({ kind: row.kind, options: view.options });
      const m = tallies.get(row.id) ?? new Map<number | null, number>();
      const counts = row.kind === "text"
        ? [m.get(null) ?? 0]
        : Array.from({ length: slots }, (_, slot) => m.get(storedInt(row.kind, slot)) ?? 0);
      const answered = counts.reduce((a, b) => a + b, 0);
      return withheld
        ? { ...view, answered: null, counts: null, agreedShare: null }
        : { ...view, answered, counts, agreedShare: agreedShare(row.kind, counts) };
    });
    return { status, respondents, withheld, questions };
  })();
}

/** The comments, per question, shuffled: for the admin's JSON export only, never a screen. */
export function feedbackComments(ctx: Ctx, event: EventRow): Array<{ questionId: string; text: string }> {
  if (ctx.repos.feedbackAnswers.respondents(event.id) < event.privacy_threshold) return [];
  return shuffle(ctx.repos.feedbackAnswers.comments(event.id).map((c) => ({ questionId: c.question_id, text: c.value_text })));
}
