// Paper ballots (issue 10, item 5): the printable ballot for people without a phone, the form that
// types one in, and the list of those entered with undo — any time before the results are final.
import { useCallback, useEffect, useState } from "react";
import type { Event, PaperBallot, Results } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { explain } from "./explain";
import { paperBallotPath } from "./links";
import { PaperBallotForm } from "./PaperBallotForm";
import { PaperBallotList } from "./PaperBallotList";
import { counted } from "./words";

export function PaperBallots(props: { api: AdminApi; event: Event; results: Results | null }) {
  const { api, event } = props;
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
  }, [reload, participants]);

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
      <h2 id="paper-heading">Paper ballots</h2>
      <p className="hint">
        For people without a phone: print the paper ballot, then type each filled-in one here. Each counts as one more participant, under the
        same limits as a phone; open and closed areas take them until you publish the results.
      </p>
      <p>
        <a className="btn secondary" href={paperBallotPath(event.code)} target="_blank" rel="noreferrer">Printable paper ballot</a>
        <span className="hint"> every area's proposals with label, full text and a box to tick</span>
      </p>
      <details className="paper-toggle">
        <summary>Enter a paper ballot</summary>
        <PaperBallotForm api={api} event={event} onEntered={reload} />
      </details>
      <h3 className="paper-list-heading">Entered{ballots ? ` (${counted(ballots.length, "paper ballot")})` : ""}</h3>
      <PaperBallotList event={event} ballots={ballots} busy={busy} onUndo={undo} />
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
