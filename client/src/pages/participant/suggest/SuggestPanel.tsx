// "Suggest a proposal" on the phone (issue 13): a form for an area open for suggestions (title with
// its character counter, optional body) and the phone's own suggestions with their status. Its own
// lazy chunk and catalog role, fetched only once an area opens for suggestions: the join → first
// vote path never pays for it. Sending joins first when this phone has only looked (as a vote does).
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { LIMITS } from "../../../../../shared/limits";
import type { Area, Suggestion } from "../../../../../shared/schemas";
import { DraftingApi } from "../../../api/drafting";
import { phoneErrorKey } from "../../../api/errors";
import { ApiError } from "../../../api/http";
import { CountedText } from "../../../components/CountedText";
import { I18nProvider, useI18n, useT } from "../../../i18n/I18n";
import type { Participation } from "../participation";
import "./suggest.css";

interface Props {
  code: string;
  participation: Participation;
  /** Every area of the event (titles for the list); the form offers those open for suggestions. */
  areas: readonly Area[];
}

const ROLES = ["phone", "drafting"] as const;
/** Slow on purpose: a room of phones behind one venue address shares its read budget. */
const MINE_EVERY_MS = 20_000;

export default function SuggestPanel(props: Props) {
  const { lang } = useI18n();
  return (
    <I18nProvider lang={lang} roles={ROLES} ownsDocument={false}>
      <Panel {...props} />
    </I18nProvider>
  );
}

function Panel({ code, participation, areas }: Props) {
  const t = useT("drafting");
  const phone = useT("phone");
  const { lang } = useI18n();
  const id = useId();
  const open = useMemo(() => areas.filter((a) => a.status === "draft" && a.suggestions === "open"), [areas]);
  const [areaId, setAreaId] = useState(open[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [mine, setMine] = useState<Suggestion[]>([]);
  const chosen = open.find((a) => a.id === areaId) ?? open[0] ?? null;

  const readMine = useCallback(async () => {
    const token = participation.token;
    if (!token) return;
    const api = new DraftingApi(code, token);
    api.language = lang;
    try {
      setMine(await api.suggestions());
    } catch {
      // the list stays as it was; the next change of the event reads again
    }
  }, [code, participation, lang]);
  // Statuses change when the organiser acts, which changes the event (accepted, merged) or not
  // (rejected): read on every event change the page receives, and after each send.
  useEffect(() => void readMine(), [readMine, areas]);
  // A rejection changes no event: while one of its suggestions waits, the phone asks now and then.
  const waiting = mine.some((m) => m.status === "pending");
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void readMine(), MINE_EVERY_MS);
    return () => clearInterval(timer);
  }, [waiting, readMine]);

  const send = async () => {
    if (!chosen) return;
    setBusy(true);
    setMessage(null);
    try {
      const token = await participation.ensure();
      const api = new DraftingApi(code, token);
      api.language = lang;
      await api.suggest(chosen.id, title.trim(), body.trim());
      setTitle("");
      setBody("");
      // Ready for the next one: the emptied field takes the focus from the button, which stays idle
      // until something is typed (aria-disabled, not disabled: a disabled button drops the focus to the page).
      document.getElementById(`${id}-t`)?.focus();
      setMessage({ ok: true, text: t("suggestSent") });
      await readMine();
    } catch (err) {
      const reason = err instanceof ApiError ? (err.code === "NOT_ALLOWED" ? err.message : phone(phoneErrorKey(err.code))) : phone("error.other");
      setMessage({ ok: false, text: t("suggestFailed", { reason }) });
    } finally {
      setBusy(false);
    }
  };

  const titleOf = (areaId: string) => areas.find((a) => a.id === areaId)?.title ?? "";
  return (
    <section className="pp-suggest" aria-labelledby={`${id}-h`}>
      {chosen && (
        <>
          <h2 id={`${id}-h`}>{t("suggestHeading")}</h2>
          <p className="pp-help">{t("suggestIntro")}</p>
          <form onSubmit={(e) => { e.preventDefault(); if (!busy && title.trim()) void send(); }}>
            {open.length > 1 ? (
              <div className="field">
                <label htmlFor={`${id}-a`}>{t("suggestArea")}</label>
                <select id={`${id}-a`} value={chosen.id} onChange={(e) => setAreaId(e.currentTarget.value)}>
                  {open.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
                </select>
              </div>
            ) : (
              <p className="pp-suggest-area" dir="auto">{t("queueArea", { area: chosen.title })}</p>
            )}
            <CountedText id={`${id}-t`} label={t("suggestTitleLabel")} value={title} max={LIMITS.proposalTitle} rows={3} onChange={setTitle} required />
            <CountedText id={`${id}-b`} label={t("suggestBodyLabel")} value={body} max={LIMITS.proposalBody} rows={3} onChange={setBody} />
            <button type="submit" className="btn" aria-disabled={busy || !title.trim()}>{t("suggestSend")}</button>
          </form>
        </>
      )}
      <p className={message?.ok === false ? "pp-suggest-msg error" : "pp-suggest-msg"} role="status" aria-live="polite">{message?.text ?? ""}</p>
      {mine.length > 0 && (
        <div className="pp-mine">
          <h3>{t("mineHeading")}</h3>
          <ul>
            {mine.map((s) => (
              <li key={s.id}>
                <span className="pp-mine-title" dir="auto">{s.title}</span>
                <span className="pp-mine-meta"><span dir="auto">{titleOf(s.areaId)}</span> · <strong className={`status-${s.status}`}>{t("status", { status: s.status })}</strong></span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
