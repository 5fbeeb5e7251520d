// The printable paper ballot, for people without a phone: the event's title, and per area its
// proposals with label, full text and a box to tick, under the rule of that area. It reads the
// public programme only, so its link carries no key and can be printed before the day. Draft areas
// are on it too: before the day every area is a draft, and the form that types ballots in takes
// them once they open. It speaks the EVENT's language (people in the room fill it in); `?lang=`
// prints it in another. Each area asks for what its method counts (API 1.1): a tick (approval), a
// number of dots, or a place 1, 2, 3… (ranking), and its box is made for that mark.
import { useEffect, useState } from "react";
import { methodOf, perProposalCap } from "../../../../shared/rules";
import { EventReply, type Area, type Event } from "../../../../shared/schemas";
import { ApiError, request } from "../../api/http";
import { chooseLanguage, queryLanguage } from "../../i18n/choose";
import { I18nProvider, useT } from "../../i18n/I18n";
import { Iso, rich } from "../../i18n/rich";
import "./paper-ballot.css";
import { apiPaths } from "../../api/paths";

const ROLES = ["cards"] as const;

export default function PaperBallotPrint({ code }: { code: string }) {
  const [event, setEvent] = useState<Event | null>(null);
  const [error, setError] = useState<{ key: string } | { message: string } | null>(null);

  useEffect(() => {
    request("GET", apiPaths.event(code), EventReply)
      .then((r) => setEvent(r.event))
      .catch((err) => setError(err instanceof ApiError ? { message: err.message } : { key: "printReadFailed" }));
  }, [code]);

  return (
    <I18nProvider lang={event ? (queryLanguage() ?? event.language) : chooseLanguage()} roles={ROLES}>
      <Ballot event={event} error={error} />
    </I18nProvider>
  );
}

function Ballot({ event, error }: { event: Event | null; error: { key: string } | { message: string } | null }) {
  const t = useT("cards");
  useEffect(() => {
    if (event) document.title = t("printDocTitle", { event: event.title });
  }, [event, t]);

  if (error) return <main className="page narrow"><h1>{t("printHeading")}</h1><p role="alert">{"key" in error ? t(error.key) : error.message}</p></main>;
  if (!event) return <p className="loading" role="status">{t("printPreparing")}</p>;
  const limits = new Set(event.areas.map((a) => a.maxVotes));
  const sameLimit = limits.size === 1 ? [...limits][0] : undefined;
  const allApproval = event.areas.every((a) => methodOf(a) === "approval");
  const mainRule = !allApproval ? t("printRuleMethods") : sameLimit !== undefined ? t("printRuleMain", { n: sameLimit }) : t("printRuleMixed");
  const areaRule = (area: Area) => {
    const method = methodOf(area);
    if (method === "dots") return t("printAreaDots", { max: area.maxVotes, per: perProposalCap(area) });
    if (method === "ranking") return t("printAreaRanking", { max: area.maxVotes });
    return t("printAreaRule", { n: area.maxVotes });
  };

  return (
    <main className="paper-ballot">
      <div className="paper-toolbar no-print">
        <button type="button" className="btn" onClick={() => window.print()}>{t("printPrint")}</button>
      </div>
      <header className="paper-ballot-head">
        <p className="paper-kicker">{rich(t, "printKicker", { code: <Iso>{event.code}</Iso> })}</p>
        <h1><Iso>{event.title}</Iso></h1>
        <p className="paper-rule-main">{mainRule}</p>
      </header>
      {event.areas.map((area) => (
        <section key={area.id} className="paper-ballot-area" aria-labelledby={`pb-${area.id}`} data-method={methodOf(area)}>
          <h2 id={`pb-${area.id}`}>
            <Iso>{area.title}</Iso> <span className="paper-area-rule">{areaRule(area)}</span>
          </h2>
          <ul className="paper-ballot-list">
            {area.proposals.map((p) => (
              <li key={p.id} className="paper-ballot-row" data-proposal-id={p.id}>
                {/* A tick needs a square; a number of dots or a place needs room for two digits. */}
                <span className={methodOf(area) === "approval" ? "tick-box" : "number-box"} aria-hidden="true" />
                <Iso className="paper-ballot-label">{p.label}</Iso>
                <span className="paper-ballot-text" dir="auto">
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
