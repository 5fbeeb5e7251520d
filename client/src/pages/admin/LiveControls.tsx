// The facilitator's controls (words: the organiser catalog): where phones join, turnout, opening and closing each area (closing
// asks for confirmation, since phones stop accepting changes at once), reveal (revealing an area
// still open asks too: counts on the wall sway the people still voting), and a live miniature of
// what the projector shows. Read-only when the page was opened with the projector key.
import { useState } from "react";
import type { Area, Event, InviteStats, Results } from "../../../../shared/schemas";
import { useT } from "../../i18n/I18n";
import { Iso, rich } from "../../i18n/rich";
import type { AdminApi } from "./api";
import { ClockControls } from "./ClockControls";
import { ConfirmStep } from "./ConfirmStep";
import { CopyField } from "./CopyField";
import { HiddenCounts } from "./HiddenCounts";
import { participantUrl, screenPath } from "../../features/links/links";
import { areaTurnout, silentDevices, turnoutBase, votedOfExpected } from "./turnout";
import { useAction } from "./useAction";

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

const STATUS_KEYS: Record<Area["status"], string> = { draft: "liveStatusDraft", open: "liveStatusOpen", closed: "liveStatusClosed" };

export function LiveControls(props: Props) {
  const { api, event, results } = props;
  const t = useT("organiser");
  const [confirming, setConfirming] = useState<string | null>(null);
  const { busy, error, run } = useAction(props.refresh);
  const url = participantUrl(props.publicUrl, event.code);
  const anyOpen = event.areas.some((a) => a.status === "open");
  const anyNotOpen = event.areas.some((a) => a.status !== "open");

  // A row's button is replaced as the area changes (Open becomes Close, a confirm step comes and
  // goes): when the focus went with it, it moves to that row's button of the same kind, so a
  // keyboard user is never sent back to the top of the page (WCAG 2.4.3).
  const refocus = (areaId: string | undefined, action: "status" | "reveal") =>
    requestAnimationFrame(() => {
      if (!areaId || (document.activeElement && document.activeElement !== document.body)) return;
      document.querySelector<HTMLElement>(`[data-area-action="${action}:${CSS.escape(areaId)}"]`)?.focus();
    });
  const setVoting = (status: "open" | "closed", areaIds?: string[]) =>
    void run(() => api.setVoting(status, areaIds)).then((ok) => {
      if (ok) setConfirming(null);
      if (areaIds?.length === 1) refocus(areaIds[0], "status");
    });
  const setRevealed = (area: Area, revealed: boolean) =>
    void run(() => api.patchArea(area.id, { revealed })).then((ok) => {
      if (ok) setConfirming(null);
      refocus(area.id, "reveal");
    });
  const cancel = (areaId: string, action: "status" | "reveal") => {
    setConfirming(null);
    refocus(areaId, action);
  };
  const readOnly = props.readOnly;

  return (
    <section id="live" className="card admin-section" aria-labelledby="live-heading">
      <h2 id="live-heading">{t("adminNavLive")}</h2>
      <div className="live-grid">
        <div className="join-info">
          <p className="join-code">{rich(t, "liveEventCode", { code: <strong><Iso>{event.code}</Iso></strong> })}</p>
          <CopyField label={t("liveParticipantLink")} value={url} hint={t("liveParticipantLinkHint")} />
          <p className="turnout-total">
            <strong>{results ? votedOfExpected(t, event, results.voters) : "–"}</strong>
            {results && !readOnly && <> · <span className="silent-devices">{silentDevices(t, results)}</span> <span className="hint">{t("liveOnlyYou")}</span></>}
            {event.access === "invite" && props.invites && <> · {t("liveCardsUsed", { used: props.invites.used, issued: props.invites.issued })}</>}
            {!props.live && <span className="offline"> · {t("liveReconnecting")}</span>}
          </p>
          {event.expectedParticipants === 0 && !readOnly && <p className="hint">{t("liveSetExpected")}</p>}
        </div>
        <figure className="mini-screen">
          {props.screenKey ? (
            <>
              {/* Out of the Tab order: the miniature has nothing to press, and a focused frame showed no
                  ring and took the keys (a11y-keyboard.test.ts); the link below opens the real one. */}
              <iframe title={t("liveProjectorPreview")} src={screenPath(event.code, props.screenKey, true)} loading="lazy" tabIndex={-1} />
              <figcaption>
                {t("liveProjectorPreview")} · <a href={screenPath(event.code, props.screenKey)} target="_blank" rel="noreferrer">{t("adminOpenProjector")}</a>
              </figcaption>
            </>
          ) : (
            <figcaption className="hint">{t("liveNoProjectorKey")}</figcaption>
          )}
        </figure>
      </div>

      {event.areas.length === 0 ? (
        <p className="hint">{t("liveNoAreas")}</p>
      ) : (
        <>
          {!readOnly && (
            <div className="actions all-areas">
              <button type="button" className="btn" disabled={busy || !anyNotOpen} onClick={() => setVoting("open")}>{t("liveOpenAll")}</button>
              {confirming === "all" ? (
                <ConfirmStep label={t("liveConfirmCloseAllLabel")} question={t("liveConfirmCloseAll")} yes={t("liveYesClose")} busy={busy} onYes={() => setVoting("closed")} onNo={() => setConfirming(null)} />
              ) : (
                <button type="button" className="btn secondary" disabled={busy || !anyOpen} onClick={() => setConfirming("all")}>{t("liveCloseAll")}</button>
              )}
            </div>
          )}
          {error && <p className="form-error" role="alert">{error}</p>}
          <table className="area-table">
            <caption className="visually-hidden">{t("liveTableCaption")}</caption>
            <thead>
              <tr><th scope="col">{t("liveColArea")}</th><th scope="col">{t("liveColStatus")}</th><th scope="col">{t("liveColTurnout")}</th>{!readOnly && <th scope="col"><span className="visually-hidden">{t("liveColActions")}</span></th>}</tr>
            </thead>
            <tbody>
              {event.areas.map((area) => {
                const r = results?.areas.find((a) => a.id === area.id);
                return (
                  <tr key={area.id}>
                    <th scope="row"><Iso>{area.title}</Iso><span className="hint"><span className="visually-hidden">: </span>{t(area.method === "dots" ? "liveAreaMetaDots" : area.method === "ranking" ? "liveAreaMetaRanking" : "liveAreaMeta", { proposals: area.proposals.length, votes: area.maxVotes })}</span></th>
                    <td><span className={`status status-${area.status}`}>{t(STATUS_KEYS[area.status] ?? "liveStatusDraft")}</span>{event.resultsVisibility === "on-reveal" && area.status !== "draft" && (area.revealed ? <span className="status status-revealed">{t("liveStatusRevealed")}</span> : <span className="status status-hidden">{t("liveStatusHidden")}</span>)}</td>
                    <td>{r && results ? areaTurnout(t, r.voters, turnoutBase(event, results)) : "–"}</td>
                    {!readOnly && <td>
                      <div className="row-actions">
                        {area.status === "open" ? (
                          confirming === area.id ? (
                            <ConfirmStep label={t("liveConfirmCloseLabel", { area: area.title })} question={rich(t, "liveConfirmClose", { area: <Iso>{area.title}</Iso> })} yes={t("liveYesClose")} busy={busy} onYes={() => setVoting("closed", [area.id])} onNo={() => cancel(area.id, "status")} />
                          ) : (
                            <button type="button" className="btn secondary" data-area-action={`status:${area.id}`} disabled={busy} onClick={() => setConfirming(area.id)} aria-label={t("liveCloseAria", { area: area.title })}>{t("liveClose")}</button>
                          )
                        ) : (
                          <button type="button" className="btn" data-area-action={`status:${area.id}`} disabled={busy || area.proposals.length === 0} onClick={() => setVoting("open", [area.id])} aria-label={t(area.status === "closed" ? "liveReopenAria" : "liveOpenAria", { area: area.title })}>
                            {t(area.status === "closed" ? "liveReopen" : "liveOpen")}
                          </button>
                        )}
                        {event.resultsVisibility === "on-reveal" && (confirming === `reveal:${area.id}` ? (
                          <ConfirmStep
                            label={t("liveConfirmRevealLabel", { area: area.title })}
                            question={rich(t, "liveConfirmReveal", { area: <Iso>{area.title}</Iso> })}
                            yes={t("liveYesReveal")}
                            busy={busy}
                            onYes={() => setRevealed(area, true)}
                            onNo={() => cancel(area.id, "reveal")}
                          />
                        ) : (
                          <button
                            type="button"
                            className="btn secondary"
                            data-area-action={`reveal:${area.id}`}
                            disabled={busy}
                            onClick={() => (!area.revealed && area.status === "open" ? setConfirming(`reveal:${area.id}`) : setRevealed(area, !area.revealed))}
                            aria-label={t(area.revealed ? "liveHideAria" : "liveRevealAria", { area: area.title })}
                          >
                            {t(area.revealed ? "liveHide" : "liveReveal")}
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
          {event.resultsVisibility === "live" && <p className="hint">{t("liveResultsLive")}</p>}
        </>
      )}
    </section>
  );
}
