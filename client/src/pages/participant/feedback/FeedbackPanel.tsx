// The evaluation form on the phone (API 1.1), beside the ballot: one screen, every answer a large
// tap target, saved like a vote (feedbackQueue.ts: "Saved" only after the server's 200, queued
// while offline), changeable until the form closes. Its own lazy chunk with its own catalog role,
// loaded only once the event says the form is open: the join → first vote path never pays for it.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { SLOT_KEYS, countSlots, type FeedbackStatus } from "../../../../../shared/feedback";
import { LIMITS } from "../../../../../shared/limits";
import { AnswersReply, FeedbackReply, type FeedbackQuestion } from "../../../../../shared/schemas";
import { request } from "../../../api/http";
import { phoneErrorKey } from "../../../api/errors";
import { I18nProvider, useI18n, useT } from "../../../i18n/I18n";
import { browserStore } from "../deviceStore";
import type { Participation } from "../participation";
import { FeedbackQueue, type FeedbackSave } from "./feedbackQueue";
import "./feedback.css";

interface Props {
  code: string;
  participation: Participation;
  status: FeedbackStatus;
}

const ROLES = ["phone", "feedback"] as const;
const store = browserStore();

export default function FeedbackPanel(props: Props) {
  const { lang } = useI18n();
  return (
    <I18nProvider lang={lang} roles={ROLES}>
      <Panel {...props} />
    </I18nProvider>
  );
}

function Panel({ code, participation, status }: Props) {
  const t = useT("feedback");
  const phone = useT("phone");
  const [questions, setQuestions] = useState<FeedbackQuestion[] | null>(null);
  const [queue] = useState(() => new FeedbackQueue(code, participation, store));
  useEffect(() => () => queue.dispose(), [queue]);
  const snap = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  // Read again when the form opens or closes, and after a refused save (a question was removed or
  // changed meanwhile) — not on every event push: a room behind one venue address would spend its
  // shared read budget on it.
  const refusedAt = snap.save.kind === "refused" ? snap.save : null;

  useEffect(() => {
    let live = true;
    // With the token, the read counts against this participant's budget, not the venue's address.
    void request("GET", `/api/events/${code}/feedback`, FeedbackReply, { token: participation.token }).then(
      (r) => live && setQuestions(r.feedback.questions),
      () => live && setQuestions((q) => q ?? []),
    );
    const token = participation.token;
    if (token) void request("GET", `/api/events/${code}/feedback/answers`, AnswersReply, { token }).then((r) => live && queue.setConfirmed(r.answers), () => {});
    return () => {
      live = false;
    };
  }, [code, participation, queue, status, refusedAt]);

  const open = status === "open";
  return (
    <section className="fb-panel" aria-labelledby="fb-heading">
      <h2 id="fb-heading">{t("form.heading")}</h2>
      {open ? <p className="fb-intro">{t("form.intro")}</p> : <p className="fb-closed" role="status">{t("form.closed")}</p>}
      {questions === null ? <p className="loading" role="status">{t("form.loading")}</p> : null}
      {open && questions
        ? questions.map((q, i) => (
            <Question key={q.id} q={q} n={i + 1} total={questions.length} value={snap.answers[q.id]} onAnswer={(v) => queue.answer(q.id, v)} />
          ))
        : null}
      {open ? <SaveLine save={snap.save} phone={phone} t={t} /> : null}
    </section>
  );
}

function SaveLine({ save, phone, t }: { save: FeedbackSave; phone: (k: string) => string; t: (k: string, p?: Record<string, string | number>) => string }) {
  const text =
    save.kind === "saving" ? t("status.saving")
    : save.kind === "saved" ? t("status.saved")
    : save.kind === "queued" ? t("status.queued")
    : save.kind === "refused" ? t("status.failed", { reason: phone(phoneErrorKey(save.code)) })
    : "";
  // Mounted while its words change, so screen readers announce each one.
  return (
    <p className={`fb-save save save-${save.kind}`} role="status" data-save={save.kind}>
      {save.kind === "saved" ? <span aria-hidden="true">✓ </span> : null}
      {text}
    </p>
  );
}

interface QuestionProps {
  q: FeedbackQuestion;
  n: number;
  total: number;
  value: number | string | undefined;
  onAnswer: (value: number | string | null) => void;
}

function Question({ q, n, total, value, onAnswer }: QuestionProps) {
  const t = useT("feedback");
  const legendId = `fb-q-${q.id}`;
  return (
    <fieldset className="fb-question" aria-labelledby={legendId} data-kind={q.kind}>
      <p className="fb-n">{t("form.question", { n, total })}</p>
      <p className="fb-prompt" id={legendId} dir="auto">{q.prompt}</p>
      {q.kind === "text" ? (
        <Comment value={typeof value === "string" ? value : ""} onSave={onAnswer} label={q.prompt} />
      ) : (
        <div className={`fb-options fb-${q.kind}`} role="radiogroup" aria-labelledby={legendId}>
          {options(q, t).map(({ label, value: v }) => (
            <button
              key={String(v)}
              type="button"
              role="radio"
              aria-checked={value === v}
              className={`fb-option${value === v ? " chosen" : ""}`}
              onClick={() => onAnswer(value === v ? null : v)}
            >
              <span dir="auto">{label}</span>
            </button>
          ))}
        </div>
      )}
      {value !== undefined && q.kind !== "text" ? (
        <button type="button" className="fb-clear" onClick={() => onAnswer(null)}>{t("answer.clear")}</button>
      ) : null}
    </fieldset>
  );
}

/** The buttons of a question, from the scale's positive end (what most people tap) to its negative one. */
function options(q: FeedbackQuestion, t: (k: string) => string): Array<{ label: string; value: number | string }> {
  switch (q.kind) {
    case "agree5":
      return SLOT_KEYS.agree5.map((key, slot) => ({ label: t(key), value: slot + 1 })).reverse();
    case "useful4":
      return SLOT_KEYS.useful4.map((key, slot) => ({ label: t(key), value: slot + 1 })).reverse();
    case "yesno":
      return [{ label: t("yesno.yes"), value: "yes" }, { label: t("yesno.no"), value: "no" }];
    case "choice":
      return Array.from({ length: countSlots(q) }, (_, i) => ({ label: q.options?.[i] ?? "", value: i }));
    default:
      return [];
  }
}

function Comment({ value, onSave, label }: { value: string; onSave: (v: string | null) => void; label: string }) {
  const t = useT("feedback");
  const [draft, setDraft] = useState(value);
  const edited = useRef(false);
  // The server's copy arrives after the first render: show it unless the participant is typing.
  useEffect(() => {
    if (!edited.current) setDraft(value);
  }, [value]);
  const save = useCallback(() => {
    edited.current = false;
    const trimmed = draft.trim();
    if (trimmed === value) return;
    onSave(trimmed === "" ? null : trimmed);
  }, [draft, value, onSave]);
  return (
    <div className="fb-comment">
      <textarea
        aria-label={label}
        placeholder={t("comment.placeholder")}
        maxLength={LIMITS.feedbackText}
        rows={3}
        value={draft}
        onInput={(e) => {
          edited.current = true;
          setDraft((e.target as HTMLTextAreaElement).value);
        }}
        onBlur={save}
      />
      <div className="fb-comment-foot">
        <span className="fb-left">{t("comment.left", { n: LIMITS.feedbackText - draft.length })}</span>
        <button type="button" className="btn secondary fb-save-comment" onClick={save}>{t("comment.save")}</button>
      </div>
    </div>
  );
}
