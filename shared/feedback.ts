// The evaluation form's rules (API 1.1, "The evaluation form"), once for the server, the phone, the
// projector and the report: each kind's answers, how they are counted, and which of them "agree".
import { LIMITS } from "./limits";

export const FEEDBACK_KINDS = ["agree5", "useful4", "yesno", "choice", "text"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_STATUSES = ["draft", "open", "closed"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export interface QuestionShape {
  kind: FeedbackKind;
  options?: readonly string[] | null;
}

/** An answer as the API carries it: scales and choices as numbers, yes/no and comments as strings. */
export type AnswerValue = number | string;

/**
 * How many counts a question's results carry, from the negative end to the positive one:
 * agree5 [strongly disagree … strongly agree], useful4 [not … extremely useful], yesno [no, yes],
 * choice one per option, text one (the number of comments, never their words).
 */
export function countSlots(q: QuestionShape): number {
  switch (q.kind) {
    case "agree5": return 5;
    case "useful4": return 4;
    case "yesno": return 2;
    case "choice": return q.options?.length ?? 0;
    case "text": return 1;
  }
}

/**
 * The stored number of a valid answer (its slot in the counts), or the problem with it.
 * Comments are stored as text: for them the slot is 0 and `text` holds the words.
 */
export function checkAnswer(q: QuestionShape, value: AnswerValue): { slot: number; text: string | null } | { problem: string } {
  const whole = (min: number, max: number) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? { slot: value - min, text: null } : { problem: `must be a whole number from ${min} to ${max}` };
  switch (q.kind) {
    case "agree5": return whole(1, 5);
    case "useful4": return whole(1, 4);
    case "yesno": return value === "yes" ? { slot: 1, text: null } : value === "no" ? { slot: 0, text: null } : { problem: 'must be "yes" or "no"' };
    case "choice": return whole(0, countSlots(q) - 1);
    case "text": {
      if (typeof value !== "string") return { problem: "must be text" };
      const trimmed = value.trim();
      if (trimmed.length === 0) return { problem: "must not be empty (leave the question out instead)" };
      if (trimmed.length > LIMITS.feedbackText) return { problem: `must be at most ${LIMITS.feedbackText} characters` };
      return { slot: 0, text: trimmed };
    }
  }
}

/** The API value of a stored slot (the inverse of checkAnswer for every kind but text). */
export function answerOfSlot(q: QuestionShape, slot: number): AnswerValue {
  switch (q.kind) {
    case "agree5":
    case "useful4": return slot + 1;
    case "yesno": return slot === 1 ? "yes" : "no";
    default: return slot;
  }
}

/** The slots that count as agreeing: agree + strongly agree; extremely + quite useful; yes. */
export function agreedSlots(kind: FeedbackKind): readonly number[] | null {
  switch (kind) {
    case "agree5": return [3, 4];
    case "useful4": return [2, 3];
    case "yesno": return [1];
    default: return null;
  }
}

/** The share that agreed, of those who answered the question; null for kinds without one or no answers. */
export function agreedShare(kind: FeedbackKind, counts: readonly number[]): number | null {
  const slots = agreedSlots(kind);
  if (!slots) return null;
  const answered = counts.reduce((a, b) => a + b, 0);
  if (answered === 0) return null;
  return slots.reduce((sum, s) => sum + (counts[s] ?? 0), 0) / answered;
}

/** The neutral slot of a scale, drawn astride the middle of a diverging bar (agree5 only). */
export function neutralSlot(kind: FeedbackKind): number | null {
  return kind === "agree5" ? 2 : null;
}

/** Whether the kind is a scale (or yes/no) drawn as a diverging bar; choices are plain bars, comments never shown. */
export function diverges(kind: FeedbackKind): boolean {
  return kind === "agree5" || kind === "useful4" || kind === "yesno";
}

/** The catalog keys of the forum's own form (feedback catalog), in the organiser's or the event's language. */
export const FORUM_TEMPLATE: ReadonlyArray<{ kind: FeedbackKind; key: "template.ideas" | "template.useful" | "template.apply" | "template.comment" }> = [
  { kind: "agree5", key: "template.ideas" },
  { kind: "useful4", key: "template.useful" },
  { kind: "agree5", key: "template.apply" },
  { kind: "text", key: "template.comment" },
];

/** The 2017 forum's evaluation as a form: its three statements, then an optional comment. */
export function forumTemplate(t: (key: (typeof FORUM_TEMPLATE)[number]["key"]) => string): Array<{ kind: FeedbackKind; prompt: string }> {
  return FORUM_TEMPLATE.map(({ kind, key }) => ({ kind, prompt: t(key) }));
}

/** The feedback catalog's word for each slot of a scale, from its negative end (phone buttons, bars, CSV). */
export const SLOT_KEYS = {
  agree5: ["agree5.1", "agree5.2", "agree5.3", "agree5.4", "agree5.5"],
  useful4: ["useful4.1", "useful4.2", "useful4.3", "useful4.4"],
  yesno: ["yesno.no", "yesno.yes"],
} as const;
export type SlotKey = (typeof SLOT_KEYS)[keyof typeof SLOT_KEYS][number];
