// The facilitator's controls: where phones join, turnout, opening and closing each area (closing
// asks for confirmation, since phones stop accepting changes at once), reveal (revealing an area
// still open asks too: counts on the wall sway the people still voting), and a live miniature of
// what the projector shows. Read-only when the page was opened with the projector key.
import { useState } from "react";
import type { Area, Event, InviteStats, Results } from "../../../../shared/schemas";
import { turnoutText } from "../screen/screen-model";
import type { AdminApi } from "./api";
import { ClockControls } from "./ClockControls";
import { ConfirmStep } from "./ConfirmStep";
import { CopyField } from "./CopyField";
import { HiddenCounts } from "./HiddenCounts";
import { participantUrl, screenPath } from "./links";
import { silentDevices, turnoutBase, votedOfExpected } from "./turnout";
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
  /** Opened with the projector key: shows the state, offers no action the server would refuse. */
  readOnly: boolean;
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
  const setRevealed = (area: Area, revealed: boolean) =>
    void run(() => api.patchArea(area.id, { revealed })).then((ok) => ok && setConfirming(null));
  const readOnly = props.readOnly;

  return (
    <section id="live" className="card admin-section" aria-labelledby="live-heading">
      <h2 id="live-heading">Run the vote</h2>
      <div className="live-grid">
        <div className="join-info">
          <p className="join-code">Event code <strong>{event.code}</strong></p>
          <CopyField label="Participant link" value={url} hint="Phones open this over the venue Wi-Fi; the projector shows it as a QR code." />
          <p className="turnout-total">
            <strong>{results ? votedOfExpected(event, results.voters) : "–"}</strong>
            {results && !readOnly && <> · <span className="silent-devices">{silentDevices(results)}</span> <span className="hint">(only you see this)</span></>}
            {event.access === "invite" && props.invites && <> · ballot cards: {props.invites.used} of {props.invites.issued} used</>}
            {!props.live && <span className="offline"> · reconnecting, numbers may be behind</span>}
          </p>
          {event.expectedParticipants === 0 && !readOnly && <p className="hint">Set “People expected” in the settings so the room sees turnout as voted of expected.</p>}
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
          {!readOnly && (
            <div className="actions all-areas">
              <button type="button" className="btn" disabled={busy || !anyNotOpen} onClick={() => setVoting("open")}>Open all areas</button>
              {confirming === "all" ? (
                <ConfirmStep label="Confirm closing all areas" question="Close voting in all areas? Phones can no longer change their votes." yes="Yes, close" busy={busy} onYes={() => setVoting("closed")} onNo={() => setConfirming(null)} />
              ) : (
                <button type="button" className="btn secondary" disabled={busy || !anyOpen} onClick={() => setConfirming("all")}>Close all areas</button>
              )}
            </div>
          )}
          {error && <p className="form-error" role="alert">{error}</p>}
          <table className="area-table">
            <caption className="visually-hidden">Voting status and turnout per area</caption>
            <thead>
              <tr><th scope="col">Area</th><th scope="col">Status</th><th scope="col">Turnout</th>{!readOnly && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr>
            </thead>
            <tbody>
              {event.areas.map((area) => {
                const r = results?.areas.find((a) => a.id === area.id);
                return (
                  <tr key={area.id}>
                    <th scope="row">{area.title}<span className="hint"><span className="visually-hidden">: </span>{counted(area.proposals.length, "proposal")}, {counted(area.maxVotes, "vote")} each</span></th>
                    <td><span className={`status status-${area.status}`}>{STATUS_TEXT[area.status]}</span>{event.resultsVisibility === "on-reveal" && area.status !== "draft" && (area.revealed ? <span className="status status-revealed">Revealed</span> : <span className="status status-hidden">Hidden from the room</span>)}</td>
                    <td>{r && results ? turnoutText(r.voters, turnoutBase(event, results)) : "–"}</td>
                    {!readOnly && <td>
                      <div className="row-actions">
                        {area.status === "open" ? (
                          confirming === area.id ? (
                            <ConfirmStep label={`Confirm closing “${area.title}”`} question={`Close voting in “${area.title}”? Phones can no longer change their votes.`} yes="Yes, close" busy={busy} onYes={() => setVoting("closed", [area.id])} onNo={() => setConfirming(null)} />
                          ) : (
                            <button type="button" className="btn secondary" disabled={busy} onClick={() => setConfirming(area.id)} aria-label={`Close voting in ${area.title}`}>Close</button>
                          )
                        ) : (
                          <button type="button" className="btn" disabled={busy || area.proposals.length === 0} onClick={() => setVoting("open", [area.id])} aria-label={`${area.status === "closed" ? "Reopen" : "Open"} voting in ${area.title}`}>
                            {area.status === "closed" ? "Reopen" : "Open"}
                          </button>
                        )}
                        {event.resultsVisibility === "on-reveal" && (confirming === `reveal:${area.id}` ? (
                          <ConfirmStep
                            label={`Confirm revealing “${area.title}”`}
                            question={`“${area.title}” is still open: the room will see the counts while people are still voting. Reveal anyway?`}
                            yes="Yes, reveal"
                            busy={busy}
                            onYes={() => setRevealed(area, true)}
                            onNo={() => setConfirming(null)}
                          />
                        ) : (
                          <button
                            type="button"
                            className="btn secondary"
                            disabled={busy}
                            onClick={() => (!area.revealed && area.status === "open" ? setConfirming(`reveal:${area.id}`) : setRevealed(area, !area.revealed))}
                            aria-label={`${area.revealed ? "Hide" : "Reveal"} results of ${area.title}`}
                          >
                            {area.revealed ? "Hide" : "Reveal"}
                          </button>
                        ))}
                        <ClockControls api={api} event={event} area={area} refresh={props.refresh} />
                      </div>
                    </td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {!readOnly && <HiddenCounts event={event} results={results} />}
          {event.resultsVisibility === "live" && <p className="hint">Results are live: the projector shows the bars as votes arrive. Choose “on reveal” in the settings to keep them hidden until you reveal each area.</p>}
        </>
      )}
    </section>
  );
}
