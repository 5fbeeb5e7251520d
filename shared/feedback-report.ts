// The evaluation in the report's own words ("90% of respondents agreed: …", "All respondents …" at
// 100%), for the Markdown export and the printable report alike, in the event's language.
import type en from "./i18n/catalogs/en/report";
import type { Params } from "./i18n/message";
import { formatNumber, formatPercent } from "./i18n/format";
import type { Language } from "./i18n/languages";
import type { FeedbackResults } from "./schemas";

/**
 * A share as the report prints it: to the nearest percent, but never "100%" for fewer than all, so
 * that "all respondents" and 100% mean the same thing.
 */
export function reportShare(lang: Language, share: number): string {
  return formatPercent(lang, share < 1 && Math.round(share * 100) >= 100 ? 0.99 : share);
}

/** Per kind with a share that agreed: the sentence for some respondents, and for all of them. */
const SENTENCES = {
  agree5: ["feedbackAgreed", "feedbackAgreedAll"],
  useful4: ["feedbackUseful", "feedbackUsefulAll"],
  yesno: ["feedbackYes", "feedbackYesAll"],
} as const;

export interface EvaluationText {
  heading: string;
  /** "54 participants answered the evaluation form." or why the evaluation is withheld. */
  summary: string;
  /** One line per question, in the form's order. */
  lines: string[];
}

/**
 * `prompt` shapes organisers' text for the medium (Markdown escaping, bidi isolation); null when the
 * form has no questions (the report then says nothing of it).
 */
export function evaluationText(
  lang: Language,
  t: (key: keyof typeof en, params?: Params) => string,
  results: FeedbackResults,
  threshold: number,
  prompt: (s: string) => string = (s) => s,
): EvaluationText | null {
  if (results.questions.length === 0) return null;
  const heading = t("feedbackHeading");
  if (results.withheld) return { heading, summary: t("feedbackWithheld", { threshold }), lines: [] };
  const respondents = results.respondents;
  const lines = results.questions.map((q) => {
    const p = prompt(q.prompt);
    const answered = q.answered ?? 0;
    const of = answered < respondents ? ` ${t("feedbackAnswered", { answered: formatNumber(lang, answered), respondents: formatNumber(lang, respondents) })}` : "";
    if (q.kind === "text") return t("feedbackComments", { prompt: p, n: formatNumber(lang, answered) });
    if (answered === 0) return t("feedbackNoAnswers", { prompt: p });
    if (q.kind === "choice") {
      const counts = (q.options ?? []).map((option, i) => t("feedbackOption", { option: prompt(option), n: formatNumber(lang, q.counts?.[i] ?? 0) })).join("; ");
      return t("feedbackChoice", { prompt: p, counts }) + of;
    }
    const share = q.agreedShare ?? 0;
    const [some, all] = SENTENCES[q.kind === "agree5" ? "agree5" : q.kind === "useful4" ? "useful4" : "yesno"];
    const sentence = share === 1 ? t(all, { prompt: p }) : t(some, { share: reportShare(lang, share), prompt: p });
    return sentence + of;
  });
  return { heading, summary: t("feedbackRespondents", { n: respondents }), lines };
}
