// The meeting report, for print or PDF: per area the top three with their labels, full texts and
// counts, and a bar chart; every proposal in full as an annex; turnout of people (voters of those
// expected), opening and closing times, and the rules used. It reads the JSON export, so it says
// exactly what the files say; it holds no identities because they hold none. Print CSS (report.css)
// lets areas flow across pages but never splits a row, so the first page is not left nearly empty.
import { useEffect, useState } from "react";
import { isTied, ordinal, topRanked } from "../../../../shared/ranking";
import { plural } from "../../../../shared/rules";
import { ApiError, request } from "../../api/http";
import { keyFromHash } from "../../routes";
import { formatTime, openedClosed, proposalTexts, ReportExport, shareText, turnoutSentence } from "./reportData";
import { ReportChart } from "./ReportChart";
import "./report.css";

export default function ReportPage({ code }: { code: string }) {
  const [data, setData] = useState<ReportExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const token = keyFromHash(window.location.hash);

  useEffect(() => {
    if (!token) {
      setError("This report link is missing its key. Open the report from the organiser page.");
      return;
    }
    request("GET", `/api/events/${code}/export?format=json`, ReportExport, { token })
      .then((d) => {
        setData(d);
        document.title = `${d.event.title} — results`;
      })
      .catch((err) => setError(err instanceof ApiError ? err.message : "The results could not be read."));
  }, [code, token]);

  if (error) return <main className="page narrow"><h1>Report</h1><p role="alert">{error}</p></main>;
  if (!data) return <p className="loading" role="status">Preparing the report…</p>;
  const { event, results, turnout } = data;
  const times = new Map(data.areas.map((a) => [a.id, a]));
  const texts = proposalTexts(event);
  const limits = new Set(event.areas.map((a) => a.maxVotes));

  return (
    <main className="report">
      <div className="report-toolbar no-print">
        <button type="button" className="btn" onClick={() => window.print()}>Print or save as PDF</button>
      </div>
      <header>
        <h1>{event.title}</h1>
        <p className="report-sub">Results of the prioritisation vote · event {event.code} · report generated {formatTime(data.generatedAt)}</p>
      </header>

      <section aria-labelledby="rules-h" className="report-block">
        <h2 id="rules-h">How the vote worked</h2>
        <ul>
          <li>
            Each participant could choose up to {limits.size === 1 ? `${[...limits][0]} ${plural([...limits][0] ?? 0, "proposal")}` : "a set number of proposals"} in each area
            {limits.size > 1 ? " (the limit of each area is given below)" : ""}, and change their choice until the area closed.
          </li>
          <li>{event.access === "invite" ? "Voting needed a single-use ballot card." : "Anyone with the event's link or code could vote."}</li>
          <li>{event.resultsVisibility === "live" ? "The tally was shown live on the projector." : "Results were hidden until the facilitator revealed each area."}</li>
          {event.privacyThreshold > 0 && <li>Counts of an area are withheld unless at least {event.privacyThreshold} participants voted in it.</li>}
          <li>Proposals are ranked by votes; equal votes share a rank (written “=2nd”), and ties are not broken.</li>
          <li>No names were asked for and no vote can be traced to a person (Chatham House Rule).</li>
        </ul>
      </section>

      <section aria-labelledby="turnout-h" className="report-block">
        <h2 id="turnout-h">Turnout</h2>
        <p className="report-turnout">
          {turnoutSentence(event.expectedParticipants, turnout)}
          {turnout.invites && ` Ballot cards: ${turnout.invites.issued} issued, ${turnout.invites.used} used.`}
        </p>
      </section>

      {results.areas.map((area) => {
        const t = times.get(area.id);
        const rows = area.results.flatMap((r) => (r.votes === null || r.rank === null ? [] : [{ id: r.proposalId, label: r.label, title: r.title, votes: r.votes, rank: r.rank }]));
        return (
          <section key={area.id} className="report-area" aria-labelledby={`a-${area.id}`}>
            <h2 id={`a-${area.id}`}>{area.title}</h2>
            <p className="report-meta">
              {area.voters} {plural(area.voters, "voter")} · up to {area.maxVotes} {plural(area.maxVotes, "vote")} each · {openedClosed(t?.openedAt ?? null, t?.closedAt ?? null)}
            </p>
            {area.withheld ? (
              <p>Results withheld: fewer than {event.privacyThreshold} participants voted in this area.</p>
            ) : area.voters === 0 ? (
              <p>{t?.openedAt ? "No votes were cast." : "This area was not opened for voting."}</p>
            ) : (
              <>
                <ol className="podium">
                  {topRanked(area.results, 3).map((r) => (
                    <li key={r.proposalId} data-proposal-id={r.proposalId}>
                      <span className="place">{ordinal(r.rank ?? 0, isTied(area.results, r.rank))}</span>
                      <span className="podium-label">{r.label}</span>
                      <ProposalText title={r.title} body={texts.get(r.proposalId)?.body ?? ""} titleClass="podium-title" />
                      <span className="podium-votes">{r.votes} {plural(r.votes ?? 0, "vote")}</span>
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
        <h2 id="annex-h">Annex: full ranking</h2>
        <p className="report-meta">Every proposal as submitted, in full, with its label and its votes.</p>
        {results.areas.map((area) => (
          <div key={area.id} className="annex-area">
            <h3>{area.title}</h3>
            {area.withheld ? (
              <>
                <p>Votes withheld (below the privacy threshold). The proposals:</p>
                <ul className="annex-withheld">
                  {(event.areas.find((a) => a.id === area.id)?.proposals ?? []).map((p) => (
                    <li key={p.id} data-proposal-id={p.id}><span className="annex-label">{p.label}</span> <ProposalText title={p.title} body={p.body} /></li>
                  ))}
                </ul>
              </>
            ) : (
              <table>
                <thead><tr><th scope="col">Rank</th><th scope="col">Label</th><th scope="col">Proposal</th><th scope="col">Votes</th><th scope="col">Share of voters</th></tr></thead>
                <tbody>
                  {area.results.map((r) => (
                    <tr key={r.proposalId} data-proposal-id={r.proposalId}>
                      <td>{ordinal(r.rank ?? 0, isTied(area.results, r.rank))}</td>
                      <td className="annex-label">{r.label}</td>
                      <td><ProposalText title={r.title} body={texts.get(r.proposalId)?.body ?? ""} /></td>
                      <td>{r.votes}</td>
                      <td>{shareText(r.votes, area.voters)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </section>
    </main>
  );
}

/** A proposal as written: its text (often the whole paragraph), then its background, never cut. */
function ProposalText({ title, body, titleClass }: { title: string; body: string; titleClass?: string }) {
  return (
    <span className="proposal-text">
      <span className={titleClass}>{title}</span>
      {body && <span className="proposal-body">{body}</span>}
    </span>
  );
}
