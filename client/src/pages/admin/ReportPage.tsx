// The meeting report, for print or PDF: per area the top three with their labels, full texts and
// counts, and a bar chart; every proposal in full as an annex; turnout of people (voters of those
// expected), opening and closing times, and the rules used. It reads the JSON export, so it says
// exactly what the files say; it holds no identities because they hold none. Print CSS (report.css)
// lets areas flow across pages but never splits a row, so the first page is not left nearly empty.
// It speaks the EVENT's language (the room's, API 1.1), not the browser's: `?lang=` overrides it
// for a copy in another language. Until the export arrives the organiser's own language is used.
import { useEffect, useState } from "react";
import { formatDateTime } from "../../../../shared/i18n/format";
import { evaluationText } from "../../../../shared/feedback-report";
import { isTied, topRanked } from "../../../../shared/ranking";
import { methodSentence, scoreSentence } from "../../../../shared/method-report";
import { methodOf } from "../../../../shared/rules";
import { ApiError, request } from "../../api/http";
import { chooseLanguage, queryLanguage } from "../../i18n/choose";
import { I18nProvider, useI18n, useT } from "../../i18n/I18n";
import { usePlace } from "../../i18n/place";
import { Iso, rich } from "../../i18n/rich";
import { RoundNote } from "./RoundNote";
import { keyFromHash } from "../../routes";
import { openedClosed, proposalTexts, ReportExport, shareText, turnoutSentence } from "./reportData";
import { ReportChart } from "./ReportChart";
import "./report.css";
import { apiPaths } from "../../api/paths";

const ROLES = ["common", "report", "organiser"] as const;

type Loaded = { data: ReportExport } | { error: { key: string } | { message: string } };

export default function ReportPage({ code }: { code: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const token = keyFromHash(window.location.hash);

  useEffect(() => {
    if (!token) {
      setLoaded({ error: { key: "reportMissingKey" } });
      return;
    }
    request("GET", apiPaths.export(code, "json"), ReportExport, { token })
      .then((data) => setLoaded({ data }))
      .catch((err) => setLoaded({ error: err instanceof ApiError ? { message: err.message } : { key: "reportReadFailed" } }));
  }, [code, token]);

  const lang = loaded && "data" in loaded ? (queryLanguage() ?? loaded.data.event.language) : chooseLanguage();
  return (
    <I18nProvider lang={lang} roles={ROLES}>
      {!loaded ? <Preparing /> : "data" in loaded ? <Report data={loaded.data} /> : <Failed error={loaded.error} />}
    </I18nProvider>
  );
}

function Preparing() {
  const t = useT("organiser");
  return <p className="loading" role="status">{t("reportPreparing")}</p>;
}

function Failed({ error }: { error: { key: string } | { message: string } }) {
  const t = useT("organiser");
  return <main className="page narrow"><h1>{t("reportHeading")}</h1><p role="alert">{"key" in error ? t(error.key) : error.message}</p></main>;
}

function Report({ data }: { data: ReportExport }) {
  const { lang } = useI18n();
  const t = useT("organiser");
  const r = useT("report");
  const place = usePlace();
  const { event, results, turnout } = data;
  const times = new Map(data.areas.map((a) => [a.id, a]));
  const texts = proposalTexts(event);
  const limits = new Set(event.areas.map((a) => a.maxVotes));
  const sameLimit = limits.size === 1 ? [...limits][0] : undefined;

  useEffect(() => {
    document.title = r("title", { event: event.title });
  }, [r, event.title]);

  return (
    <main className="report">
      <div className="report-toolbar no-print">
        <button type="button" className="btn" onClick={() => window.print()}>{t("reportPrint")}</button>
      </div>
      <header>
        <h1><Iso>{event.title}</Iso></h1>
        <p className="report-sub">{rich(t, "reportSub", { code: <Iso>{event.code}</Iso> }, { time: formatDateTime(lang, data.generatedAt) })}</p>
      </header>

      <section aria-labelledby="rules-h" className="report-block">
        <h2 id="rules-h">{t("reportRulesHeading")}</h2>
        <ul>
          <li>{results.areas.some((a) => methodOf(a) !== "approval") ? r("introMethods", { tie: place(2, true) }) : sameLimit !== undefined ? t("reportRuleLimit", { n: sameLimit }) : t("reportRuleLimitMixed")}</li>
          <li>{t(event.access === "invite" ? "reportRuleInvite" : "reportRuleOpen")}</li>
          <li>{t(event.resultsVisibility === "live" ? "reportRuleLive" : "reportRuleOnReveal")}</li>
          {event.privacyThreshold > 0 && <li>{t("reportRuleThreshold", { n: event.privacyThreshold })}</li>}
          <li>{t("reportRuleTies", { tie: place(2, true) })}</li>
          <li>{t("reportRuleChatham")}</li>
        </ul>
      </section>

      <section aria-labelledby="turnout-h" className="report-block">
        <h2 id="turnout-h">{r("turnoutHeading")}</h2>
        <p className="report-turnout">
          {turnoutSentence(t, event.expectedParticipants, turnout)}
          {turnout.invites && ` ${t("reportTurnoutCards", { issued: turnout.invites.issued, used: turnout.invites.used })}`}
        </p>
      </section>

      {results.areas.map((area) => {
        const when = times.get(area.id);
        const method = methodOf(area);
        // Bars as long as what the rows are ranked by: points for a ranking, votes (dots) otherwise.
        const rows = area.results.flatMap((x) => (x.votes === null || x.rank === null ? [] : [{ id: x.proposalId, label: x.label, title: x.title, votes: x.points ?? x.votes, rank: x.rank, score: method === "approval" ? undefined : scoreSentence(r, method, x) }]));
        return (
          <section key={area.id} className="report-area" aria-labelledby={`a-${area.id}`}>
            <h2 id={`a-${area.id}`}><Iso>{area.title}</Iso></h2>
            <RoundNote event={event} areaId={area.id} r={r} />
            <p className="report-method" data-testid="report-method" data-method={method}>{methodSentence(r, area, (rank) => place(rank, false))}</p>
            <p className="report-meta">
              {method === "approval"
                ? t("reportAreaMeta", { voters: area.voters, max: area.maxVotes, times: openedClosed(t, lang, when?.openedAt ?? null, when?.closedAt ?? null) })
                : openedClosed(t, lang, when?.openedAt ?? null, when?.closedAt ?? null)}
            </p>
            {area.withheld ? (
              <p>{t("reportWithheldArea", { n: event.privacyThreshold })}</p>
            ) : area.voters === 0 ? (
              <p>{when?.openedAt ? r("noVotes") : t("reportNotOpened")}</p>
            ) : (
              <>
                <ol className="podium">
                  {topRanked(area.results, 3).map((x) => (
                    <li key={x.proposalId} data-proposal-id={x.proposalId}>
                      <span className="place">{place(x.rank ?? 0, isTied(area.results, x.rank))}</span>
                      <Iso className="podium-label">{x.label}</Iso>
                      <ProposalText title={x.title} body={texts.get(x.proposalId)?.body ?? ""} titleClass="podium-title" />
                      <span className="podium-votes">{scoreSentence(r, method, x)}</span>
                    </li>
                  ))}
                </ol>
                <ReportChart rows={rows} areaTitle={area.title} />
              </>
            )}
          </section>
        );
      })}

      <section className="report-annex" aria-labelledby="annex-h">
        <h2 id="annex-h">{r("annexHeading")}</h2>
        <p className="report-meta">{t("reportAnnexIntro")}</p>
        {results.areas.map((area) => (
          <div key={area.id} className="annex-area">
            <h3><Iso>{area.title}</Iso></h3>
            {area.withheld ? (
              <>
                <p>{t("reportAnnexWithheld")}</p>
                <ul className="annex-withheld">
                  {(event.areas.find((a) => a.id === area.id)?.proposals ?? []).map((p) => (
                    <li key={p.id} data-proposal-id={p.id}><Iso className="annex-label">{p.label}</Iso> <ProposalText title={p.title} body={p.body} /></li>
                  ))}
                </ul>
              </>
            ) : (
              <AnnexTable area={area} texts={texts} />
            )}
          </div>
        ))}
      </section>
      <Evaluation data={data} />
    </main>
  );
}

/**
 * An area's full ranking, with the columns its method counts (the Markdown annex's): approval votes
 * and share of voters; dots and their share of every dot; ranking points beside the ballots.
 */
function AnnexTable({ area, texts }: { area: ReportExport["results"]["areas"][number]; texts: ReturnType<typeof proposalTexts> }) {
  const { lang } = useI18n();
  const r = useT("report");
  const place = usePlace();
  const method = methodOf(area);
  const dots = area.results.reduce((n, x) => n + (x.votes ?? 0), 0);
  const cols = method === "ranking" ? ["colPoints", "colBallots", "colShare"] : method === "dots" ? ["colDots", "colShareDots"] : ["colVotes", "colShare"];
  const cells = (x: (typeof area.results)[number]) =>
    method === "ranking" ? [x.points ?? x.votes, x.votes, shareText(lang, x.votes, area.voters)] : method === "dots" ? [x.votes, shareText(lang, x.votes, dots)] : [x.votes, shareText(lang, x.votes, area.voters)];
  return (
    <table data-method={method}>
      <thead><tr><th scope="col">{r("colRank")}</th><th scope="col">{r("colLabel")}</th><th scope="col">{r("colProposal")}</th>{cols.map((c) => <th key={c} scope="col">{r(c)}</th>)}</tr></thead>
      <tbody>
        {area.results.map((x) => (
          <tr key={x.proposalId} data-proposal-id={x.proposalId}>
            <td>{place(x.rank ?? 0, isTied(area.results, x.rank))}</td>
            <td className="annex-label"><Iso>{x.label}</Iso></td>
            <td><ProposalText title={x.title} body={texts.get(x.proposalId)?.body ?? ""} /></td>
            {cells(x).map((c, i) => <td key={i}>{c}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The report ends with the evaluation, in the words of the Markdown report (shared/feedback-report.ts). */
function Evaluation({ data }: { data: ReportExport }) {
  const r = useT("report");
  const { lang } = useI18n();
  const results = data.feedback?.results;
  const text = results ? evaluationText(lang, r, results, data.event.privacyThreshold) : null;
  if (!text) return null;
  return (
    <section className="report-block report-evaluation" aria-labelledby="evaluation-h">
      <h2 id="evaluation-h">{text.heading}</h2>
      <p>{text.summary}</p>
      {text.lines.length > 0 ? <ul>{text.lines.map((line, i) => <li key={i} dir="auto">{line}</li>)}</ul> : null}
    </section>
  );
}

/** A proposal as written: its text (often the whole paragraph), then its background, never cut; in its own direction. */
function ProposalText({ title, body, titleClass }: { title: string; body: string; titleClass?: string }) {
  return (
    <span className="proposal-text" dir="auto">
      <span className={titleClass}>{title}</span>
      {body && <span className="proposal-body">{body}</span>}
    </span>
  );
}
