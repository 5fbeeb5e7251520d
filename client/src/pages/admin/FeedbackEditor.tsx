// The organiser's evaluation form (API 1.1): start from the forum's template, edit the questions,
// open and close the form independently of the areas, and watch the counts arrive. Its words are
// in the `feedback` catalog (a nested provider, so the organiser catalog stays as it is).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { FEEDBACK_KINDS, forumTemplate, type FeedbackKind, type FeedbackStatus } from "../../../../shared/feedback";
import { LIMITS } from "../../../../shared/limits";
import { FeedbackReply, FeedbackResults, type Event, type Feedback } from "../../../../shared/schemas";
import { request } from "../../api/http";
import { I18nProvider, useI18n, useT } from "../../i18n/I18n";
import { formatPercent } from "../../../../shared/i18n/format";
import type { AdminApi } from "./api";
import { useExplain } from "./explain";

interface Draft {
  id?: string;
  kind: FeedbackKind;
  prompt: string;
  /** choice only: one option per line. */
  options: string;
}

const ROLES = ["feedback"] as const;

export function FeedbackEditor(props: { api: AdminApi; event: Event }) {
  const { lang } = useI18n();
  return (
    <I18nProvider lang={lang} roles={ROLES}>
      <Editor {...props} />
    </I18nProvider>
  );
}

const toDrafts = (f: Feedback): Draft[] => f.questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: (q.options ?? []).join("\n") }));

function Editor({ api, event }: { api: AdminApi; event: Event }) {
  const t = useT("feedback");
  const explain = useExplain();
  const { lang } = useI18n();
  const [status, setStatus] = useState<FeedbackStatus>(event.feedbackStatus);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [results, setResults] = useState<FeedbackResults | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const path = `/api/events/${api.code}/feedback`;

  useEffect(() => {
    void request("GET", path, FeedbackReply).then((r) => {
      setDrafts(toDrafts(r.feedback));
      setStatus(r.feedback.status);
    }, (err: unknown) => setMessage({ ok: false, text: explain(err) }));
  }, [path, explain]);

  const readResults = useCallback(() => request("GET", `${path}/results`, FeedbackResults, { token: api.token }).then(setResults, () => {}), [path, api.token]);
  // While the form is open the counts are read every few seconds (a short form, a few hundred bytes).
  useEffect(() => {
    void readResults();
    if (status !== "open") return;
    const timer = setInterval(() => void readResults(), 3000);
    return () => clearInterval(timer);
  }, [readResults, status]);

  const save = async (nextStatus: FeedbackStatus) => {
    if (!drafts) return;
    setBusy(true);
    setMessage(null);
    try {
      const questions = drafts.map((d) => ({
        ...(d.id ? { id: d.id } : {}),
        kind: d.kind,
        prompt: d.prompt,
        ...(d.kind === "choice" ? { options: d.options.split("\n").map((o) => o.trim()).filter(Boolean) } : {}),
      }));
      const reply = await request("PUT", path, FeedbackReply, { token: api.token, body: { status: nextStatus, questions } });
      setDrafts(toDrafts(reply.feedback));
      setStatus(reply.feedback.status);
      setMessage({ ok: true, text: t("ed.saved") });
      void readResults();
    } catch (err) {
      setMessage({ ok: false, text: explain(err) });
    } finally {
      setBusy(false);
    }
  };

  // "Add a question" hands the focus to the new question's field, ready to type.
  const focusLast = useRef(false);
  useLayoutEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    document.querySelector<HTMLInputElement>("#feedback .fb-editor-q:last-child input[type=text]")?.focus();
  });
  const edit = (i: number, change: Partial<Draft>) => setDrafts((ds) => ds && ds.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const useTemplate = () => setDrafts((ds) => [...(ds ?? []), ...forumTemplate((key) => t(key)).map((q) => ({ ...q, options: "" }))]);
  const byId = new Map((results?.questions ?? []).map((q) => [q.id, q]));

  return (
    <section id="feedback" className="card admin-section" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t("ed.heading")}</h2>
      <p>{t("ed.intro")}</p>
      <p className={`fb-status fb-status-${status}`} role="status" data-status={status}>
        {t(status === "open" ? "ed.status.open" : status === "closed" ? "ed.status.closed" : "ed.status.draft")}
        {results ? ` · ${t("ed.respondents", { n: results.respondents })}` : ""}
      </p>
      {drafts === null ? null : drafts.length === 0 ? <p>{t("ed.empty")}</p> : (
        <ol className="fb-editor">
          {drafts.map((d, i) => {
            const r = d.id ? byId.get(d.id) : undefined;
            return (
              <li key={d.id ?? `new-${i}`} className="fb-editor-q">
                <label>
                  <span>{t("ed.prompt", { n: i + 1 })}</span>
                  <input type="text" dir="auto" maxLength={LIMITS.feedbackPrompt} value={d.prompt} onInput={(e) => edit(i, { prompt: (e.target as HTMLInputElement).value })} />
                </label>
                <label>
                  <span>{t("ed.kind")}</span>
                  <select value={d.kind} onChange={(e) => edit(i, { kind: (e.target).value as FeedbackKind })}>
                    {FEEDBACK_KINDS.map((k) => <option key={k} value={k}>{t(KIND_KEYS[k])}</option>)}
                  </select>
                </label>
                {d.kind === "choice" ? (
                  <label>
                    <span>{t("ed.options")}</span>
                    <textarea rows={3} dir="auto" value={d.options} onInput={(e) => edit(i, { options: (e.target as HTMLTextAreaElement).value })} />
                  </label>
                ) : null}
                {r && r.agreedShare !== null ? <p className="fb-editor-share">{t("ed.agreed", { share: formatPercent(lang, r.agreedShare) })}</p> : null}
                <button type="button" className="btn secondary" onClick={() => setDrafts((ds) => ds && ds.filter((_, j) => j !== i))}>{t("ed.remove")}</button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="actions fb-editor-actions">
        <button type="button" className="btn secondary" disabled={!drafts} onClick={useTemplate}>{t("ed.template")}</button>
        <button type="button" className="btn secondary" disabled={!drafts} onClick={() => { focusLast.current = true; setDrafts((ds) => [...(ds ?? []), { kind: "agree5", prompt: "", options: "" }]); }}>{t("ed.add")}</button>
        {/* aria-disabled while saving, not disabled: a disabled button drops the keyboard's focus to the
            page; the open/close button is one element whose words change, so the focus stays on it. */}
        <button type="button" className="btn secondary" disabled={!drafts} aria-disabled={busy} onClick={() => { if (!busy) void save(status); }}>{t("ed.save")}</button>
        {status === "open" ? (
          <button type="button" className="btn" disabled={!drafts} aria-disabled={busy} onClick={() => { if (!busy) void save("closed"); }}>{t("ed.close")}</button>
        ) : (
          <button type="button" className="btn" disabled={!drafts} aria-disabled={busy || drafts?.length === 0} onClick={() => { if (!busy && drafts?.length) void save("open"); }}>{t(status === "closed" ? "ed.reopen" : "ed.open")}</button>
        )}
      </div>
      {results && results.questions.length > 0 ? <h3 className="visually-hidden">{t("ed.results")}</h3> : null}
      {message ? <p className={message.ok ? "form-ok" : "form-error"} role={message.ok ? "status" : "alert"}>{message.text}</p> : null}
    </section>
  );
}

const KIND_KEYS = {
  agree5: "kind.agree5",
  useful4: "kind.useful4",
  yesno: "kind.yesno",
  choice: "kind.choice",
  text: "kind.text",
} as const satisfies Record<FeedbackKind, string>;
