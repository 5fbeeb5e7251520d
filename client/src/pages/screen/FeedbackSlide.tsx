// The evaluation form on the projector (API 1.1, key E): per question a diverging stacked bar —
// disagreement to the start of the centre line, agreement to its end, the neutral middle astride it —
// and the share that agreed. Choices get plain bars; comments are never projected (their question
// is not even listed). Counts withheld under the privacy threshold stay withheld.
import { useEffect, useState } from "react";
import { SLOT_KEYS, diverges, neutralSlot } from "../../../../shared/feedback";
import { formatPercent } from "../../../../shared/i18n/format";
import { FeedbackResults, type Event, type FeedbackQuestionResults } from "../../../../shared/schemas";
import { request } from "../../api/http";
import { I18nProvider, useI18n, useT } from "../../i18n/I18n";

const ROLES = ["feedback"] as const;

export function FeedbackSlide(props: { event: Event; pushed: FeedbackResults | null; screenKey: string | null }) {
  const { lang } = useI18n();
  return (
    <I18nProvider lang={lang} roles={ROLES}>
      <Slide {...props} />
    </I18nProvider>
  );
}

function Slide({ event, pushed, screenKey }: { event: Event; pushed: FeedbackResults | null; screenKey: string | null }) {
  const t = useT("feedback");
  const { lang } = useI18n();
  // The socket pushes the counts after each change; the slide reads them once itself in case it
  // opens before any push (no answer yet since the projector connected).
  const [fetched, setFetched] = useState<FeedbackResults | null>(null);
  useEffect(() => {
    let live = true;
    void request("GET", `/api/events/${event.code}/feedback/results`, FeedbackResults, { token: screenKey }).then((r) => live && setFetched(r), () => {});
    return () => {
      live = false;
    };
  }, [event.code, screenKey]);
  const results = pushed ?? fetched;
  const shown = (results?.questions ?? []).filter((q) => q.kind !== "text");
  const pct = (share: number) => formatPercent(lang, share);
  return (
    <section className="slide feedback-slide" aria-labelledby="feedback-heading">
      <header className="slide-head">
        <div className="slide-titles">
          <p className="eyebrow"><bdi>{event.title}</bdi></p>
          <h1 id="feedback-heading">{t("slide.heading")}</h1>
        </div>
        {results && !results.withheld ? <p className="fb-slide-count">{t("slide.respondents", { n: results.respondents })}</p> : null}
      </header>
      {!results ? null : shown.length === 0 ? (
        <p className="fb-slide-note">{t("slide.noForm")}</p>
      ) : results.withheld ? (
        <p className="fb-slide-note">{t("slide.withheld", { n: event.privacyThreshold })}</p>
      ) : results.respondents === 0 ? (
        <p className="fb-slide-note">{t("slide.none")}</p>
      ) : (
        <ol className="fb-slide-list">
          {shown.map((q) => (
            <li key={q.id} className="fb-slide-q" data-kind={q.kind} data-agreed={q.agreedShare ?? ""}>
              <p className="fb-slide-prompt" dir="auto">{q.prompt}</p>
              {diverges(q.kind) ? <Diverging q={q} pct={pct} /> : <Choices q={q} pct={pct} />}
              {q.agreedShare !== null ? <p className="fb-slide-agreed">{t("slide.agreed", { share: pct(q.agreedShare) })}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Slots below the neutral one (or below the middle) disagree; those above agree. */
function Diverging({ q, pct }: { q: FeedbackQuestionResults; pct: (s: number) => string }) {
  const t = useT("feedback");
  const counts = q.counts ?? [];
  const answered = q.answered ?? 0;
  if (answered === 0) return null;
  const keys = SLOT_KEYS[q.kind as keyof typeof SLOT_KEYS];
  const neutral = neutralSlot(q.kind);
  const half = Math.floor(counts.length / 2);
  const shares = counts.map((n) => n / answered);
  const negative = shares.slice(0, half).reduce((a, b) => a + b, 0);
  const middle = neutral === null ? 0 : (shares[neutral] ?? 0);
  // Each side of the centre line is half the track: a share of 1 reaches its edge.
  const start = 50 - (negative + middle / 2) * 50;
  return (
    <div className="fb-bar" role="img" aria-label={counts.map((n, i) => `${t(keys[i] ?? "")}: ${n}`).join(", ")}>
      <span className="fb-centre" aria-hidden="true" />
      <div className="fb-stack" style={{ insetInlineStart: `${start}%`, inlineSize: "50%" }}>
        {counts.map((n, slot) => {
          const side = neutral === slot ? "neutral" : slot < half ? "neg" : "pos";
          const depth = side === "neg" ? half - slot : side === "pos" ? slot - (counts.length - 1 - half) : 0;
          return n === 0 ? null : (
            <span key={slot} className={`fb-seg fb-${side} fb-d${depth}`} style={{ flexGrow: n }} title={`${t(keys[slot] ?? "")}: ${n}`}>
              {(shares[slot] ?? 0) >= 0.08 ? pct(shares[slot] ?? 0) : ""}
            </span>
          );
        })}
      </div>
      <p className="fb-legend" aria-hidden="true">
        {counts.map((_, slot) => (
          <span key={slot} className={`fb-key fb-${neutral === slot ? "neutral" : slot < half ? "neg" : "pos"} fb-d${neutral === slot ? 0 : slot < half ? half - slot : slot - (counts.length - 1 - half)}`}>{t(keys[slot] ?? "")}</span>
        ))}
      </p>
    </div>
  );
}

function Choices({ q, pct }: { q: FeedbackQuestionResults; pct: (s: number) => string }) {
  const answered = q.answered ?? 0;
  return (
    <ul className="fb-choices">
      {(q.options ?? []).map((option, i) => {
        const n = q.counts?.[i] ?? 0;
        const share = answered === 0 ? 0 : n / answered;
        return (
          <li key={i} className="fb-choice">
            <span className="fb-choice-label" dir="auto">{option}</span>
            <span className="fb-choice-track"><span className="fb-choice-fill" style={{ inlineSize: `${share * 100}%` }} /></span>
            <span className="fb-choice-n">{pct(share)}</span>
          </li>
        );
      })}
    </ul>
  );
}
