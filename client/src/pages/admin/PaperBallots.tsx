// Paper ballots (issue 10, item 5): the printable ballot for people without a phone, the form that
// types one in, and the list of those entered with undo — any time before the results are final.
import { useCallback, useEffect, useState } from "react";
import type { Event, PaperBallot, Results } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { useExplain } from "./explain";
import { paperBallotPath } from "../../features/links/links";
import { PaperBallotForm } from "./PaperBallotForm";
import { PaperBallotList } from "./PaperBallotList";
import { useT } from "../../i18n/I18n";

export function PaperBallots(props: { api: AdminApi; event: Event; results: Results | null }) {
  const { api, event } = props;
  const t = useT("cards");
  const explain = useExplain();
  const [ballots, setBallots] = useState<PaperBallot[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setBallots(await api.paperBallots());
  }, [api]);
  // Another organiser tab may enter or undo one too: a paper ballot always changes `participants`.
  const participants = props.results?.participants;
  useEffect(() => {
    reload().catch((err: unknown) => setError(explain(err)));
  }, [reload, participants, explain]);

  const undo = (id: string) => {
    setBusy(true);
    setError(null);
    api
      .deletePaperBallot(id)
      .then(reload)
      .catch((err: unknown) => setError(explain(err)))
      .finally(() => setBusy(false));
  };

  return (
    <section id="paper" className="card admin-section" aria-labelledby="paper-heading">
      <h2 id="paper-heading">{t("paperHeading")}</h2>
      <p className="hint">{t("paperHint")}</p>
      <p>
        <a className="btn secondary" href={paperBallotPath(event.code)} target="_blank" rel="noreferrer">{t("paperPrintable")}</a>
        <span className="hint"> {t("paperPrintableHint")}</span>
      </p>
      <details className="paper-toggle">
        <summary>{t("paperEnter")}</summary>
        <PaperBallotForm api={api} event={event} onEntered={reload} />
      </details>
      <h3 className="paper-list-heading" id="paper-list-heading" tabIndex={-1}>{ballots ? t("paperEnteredCount", { n: ballots.length }) : t("paperEntered")}</h3>
      <PaperBallotList event={event} ballots={ballots} busy={busy} onUndo={undo} />
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
