// The printable paper ballot, for people without a phone: the event's title, and per area its
// proposals with label, full text and a box to tick, under the rule of that area. It reads the
// public programme only, so its link carries no key and can be printed before the day. Draft areas
// are on it too: before the day every area is a draft, and the form that types ballots in takes
// them once they open.
import { useEffect, useState } from "react";
import { EventReply, type Event } from "../../../../shared/schemas";
import { ApiError, request } from "../../api/http";
import { tickRule } from "./paperRules";
import "./paper-ballot.css";

export default function PaperBallotPrint({ code }: { code: string }) {
  const [event, setEvent] = useState<Event | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request("GET", `/api/events/${code}`, EventReply)
      .then((r) => {
        setEvent(r.event);
        document.title = `${r.event.title} — paper ballot`;
      })
      .catch((err) => setError(err instanceof ApiError ? err.message : "The programme could not be read."));
  }, [code]);

  if (error) return <main className="page narrow"><h1>Paper ballot</h1><p role="alert">{error}</p></main>;
  if (!event) return <p className="loading" role="status">Preparing the paper ballot…</p>;
  const limits = new Set(event.areas.map((a) => a.maxVotes));
  const sameLimit = limits.size === 1 ? [...limits][0] : undefined;

  return (
    <main className="paper-ballot">
      <div className="paper-toolbar no-print">
        <button type="button" className="btn" onClick={() => window.print()}>Print</button>
      </div>
      <header className="paper-ballot-head">
        <p className="paper-kicker">Paper ballot · event {event.code}</p>
        <h1>{event.title}</h1>
        <p className="paper-rule-main">
          {sameLimit !== undefined ? `In each area, ${tickRule(sameLimit)} ${sameLimit === 1 ? "proposal" : "proposals"}` : "In each area, tick at most the number of proposals given beside it"} (☐ → ☒).
          Leave an area blank to abstain there. Hand the ballot to the organisers; no name is needed.
        </p>
      </header>
      {event.areas.map((area) => (
        <section key={area.id} className="paper-ballot-area" aria-labelledby={`pb-${area.id}`}>
          <h2 id={`pb-${area.id}`}>
            {area.title} <span className="paper-area-rule">{tickRule(area.maxVotes)} per area</span>
          </h2>
          <ul className="paper-ballot-list">
            {area.proposals.map((p) => (
              <li key={p.id} className="paper-ballot-row" data-proposal-id={p.id}>
                <span className="tick-box" aria-hidden="true" />
                <span className="paper-ballot-label">{p.label}</span>
                <span className="paper-ballot-text">
                  {p.title}
                  {p.body && <span className="paper-ballot-body">{p.body}</span>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
