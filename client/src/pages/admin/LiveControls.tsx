// The facilitator's controls: where phones join, turnout, opening and closing each area (closing
// asks for confirmation, since phones stop accepting changes at once), reveal, and a live miniature
// of what the projector shows.
import { useState } from "react";
import type { Area, Event, InviteStats, Results } from "../../../../shared/schemas";
import { turnoutText } from "../screen/screen-model";
import type { AdminApi } from "./api";
import { CopyField } from "./CopyField";
import { participantUrl, screenPath } from "./links";
import { useAction } from "./useAction";
import { counted } from "./words";

interface Props {
  api: AdminApi;
  event: Event;
  results: Results | null;
  publicUrl: string | null;
  live: boolean;
  screenKey: string | null;
  invites: InviteStats | null;
  refresh: () => Promise<void>;
}

const STATUS_TEXT: Record<Area["status"], string> = { draft: "Not open yet", open: "Open", closed: "Closed" };

export function LiveControls(props: Props) {
  const { api, event, results } = props;
  const [confirming, setConfirming] = useState<string | null>(null);
  const { busy, error, run } = useAction(props.refresh);
  const url = participantUrl(props.publicUrl, event.code);
  const anyOpen = event.areas.some((a) => a.status === "open");
  const anyNotOpen = event.areas.some((a) => a.status !== "open");

  const setVoting = (status: "open" | "closed", areaIds?: string[]) =>
    void run(() => api.setVoting(status, areaIds)).then((ok) => ok && setConfirming(null));
  const setRevealed = (area: Area, revealed: boolean) => void run(() => api.patchArea(area.id, { revealed }));

  return (
    <section id="live" className="card admin-section" aria-labelledby="live-heading">
      <h2 id="live-heading">Run the vote</h2>
      <div className="live-grid">
        <div className="join-info">
          <p className="join-code">Event code <strong>{event.code}</strong></p>
          <CopyField label="Participant link" value={url} hint="Phones open this over the venue Wi-Fi; the projector shows it as a QR code." />
          <p className="turnout-total">
            <strong>{results ? results.participants : "–"}</strong> joined · <strong>{results ? results.voters : "–"}</strong> voted
            {event.access === "invite" && props.invites && <> · ballot cards: {props.invites.used} of {props.invites.issued} used</>}
            {!props.live && <span className="offline"> · reconnecting, numbers may be behind</span>}
          </p>
        </div>
        <figure className="mini-screen">
          {props.screenKey ? (
            <>
              <iframe title="Projector preview" src={screenPath(event.code, props.screenKey, true)} loading="lazy" />
              <figcaption>
                Projector preview · <a href={screenPath(event.code, props.screenKey)} target="_blank" rel="noreferrer">Open the projector view</a>
              </figcaption>
            </>
          ) : (
            <figcaption className="hint">This link carries no projector key. Use the projector link you saved when the event was created.</figcaption>
          )}
        </figure>
      </div>

      {event.areas.length === 0 ? (
        <p className="hint">Add areas and proposals below, then open voting here.</p>
      ) : (
        <>
          <div className="actions all-areas">
            <button type="button" className="btn" disabled={busy || !anyNotOpen} onClick={() => setVoting("open")}>Open all areas</button>
            {confirming === "all" ? (
              <ConfirmClose what="all areas" busy={busy} onYes={() => setVoting("closed")} onNo={() => setConfirming(null)} />
            ) : (
              <button type="button" className="btn secondary" disabled={busy || !anyOpen} onClick={() => setConfirming("all")}>Close all areas</button>
            )}
          </div>
          {error && <p className="form-error" role="alert">{error}</p>}
          <table className="area-table">
            <caption className="visually-hidden">Voting status and turnout per area</caption>
            <thead>
              <tr><th scope="col">Area</th><th scope="col">Status</th><th scope="col">Turnout</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
            </thead>
            <tbody>
              {event.areas.map((area) => {
                const r = results?.areas.find((a) => a.id === area.id);
                return (
                  <tr key={area.id}>
                    <th scope="row">{area.title}<span className="hint"><span className="visually-hidden">: </span>{counted(area.proposals.length, "proposal")}, {counted(area.maxVotes, "vote")} each</span></th>
                    <td><span className={`status status-${area.status}`}>{STATUS_TEXT[area.status]}</span>{area.revealed && event.resultsVisibility === "on-reveal" && <span className="status status-revealed">Revealed</span>}</td>
                    <td>{r && results ? turnoutText(r.voters, results.participants) : "–"}</td>
                    <td>
                      <div className="row-actions">
                        {area.status === "open" ? (
                          confirming === area.id ? (
                            <ConfirmClose what={`“${area.title}”`} busy={busy} onYes={() => setVoting("closed", [area.id])} onNo={() => setConfirming(null)} />
                          ) : (
                            <button type="button" className="btn secondary" disabled={busy} onClick={() => setConfirming(area.id)} aria-label={`Close voting in ${area.title}`}>Close</button>
                          )
                        ) : (
                          <button type="button" className="btn" disabled={busy || area.proposals.length === 0} onClick={() => setVoting("open", [area.id])} aria-label={`${area.status === "closed" ? "Reopen" : "Open"} voting in ${area.title}`}>
                            {area.status === "closed" ? "Reopen" : "Open"}
                          </button>
                        )}
                        {event.resultsVisibility === "on-reveal" && (
                          <button type="button" className="btn secondary" disabled={busy} onClick={() => setRevealed(area, !area.revealed)} aria-label={`${area.revealed ? "Hide" : "Reveal"} results of ${area.title}`}>
                            {area.revealed ? "Hide" : "Reveal"}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {event.resultsVisibility === "live" && <p className="hint">Results are live: the projector shows the bars as votes arrive. Choose “on reveal” in the settings to keep them hidden until you reveal each area.</p>}
        </>
      )}
    </section>
  );
}

function ConfirmClose(props: { what: string; busy: boolean; onYes: () => void; onNo: () => void }) {
  return (
    <span className="confirm" role="group" aria-label={`Confirm closing ${props.what}`}>
      <span>Close voting in {props.what}? Phones can no longer change their votes.</span>
      <button type="button" className="btn danger" disabled={props.busy} onClick={props.onYes} autoFocus>Yes, close</button>
      <button type="button" className="btn secondary" disabled={props.busy} onClick={props.onNo}>Cancel</button>
    </span>
  );
}
