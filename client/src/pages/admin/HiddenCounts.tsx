// The facilitator sees first (issue 10, item 7): with results on reveal, the counts the room does
// not see yet, on this page only and only after a deliberate click — a laptop mirrored to the
// projector by mistake shows nothing until someone asks. The projector page applies the room's
// rules itself (screen-model areaDisplay), so nothing here can reach it.
import { useState } from "react";
import { isTied } from "../../../../shared/ranking";
import { methodOf } from "../../../../shared/rules";
import type { Event, Results } from "../../../../shared/schemas";
import { useT } from "../../i18n/I18n";
import { usePlace } from "../../i18n/place";
import { Iso } from "../../i18n/rich";

export function HiddenCounts({ event, results }: { event: Event; results: Results | null }) {
  const t = useT("organiser");
  const place = usePlace();
  const [shown, setShown] = useState(false);
  if (event.resultsVisibility !== "on-reveal") return null;
  return (
    <div className="hidden-counts">
      <button type="button" className="btn secondary" aria-expanded={shown} aria-controls="hidden-counts-panel" onClick={() => setShown(!shown)}>
        {shown ? t("hiddenHide") : t("hiddenShow")}
      </button>
      <span className="hint"> {t("hiddenHint")}</span>
      {shown && (
        <div id="hidden-counts-panel" className="hidden-counts-panel" role="region" aria-label={t("hiddenPanelLabel")}>
          {event.areas.map((area) => {
            const r = results?.areas.find((a) => a.id === area.id);
            return (
              <section key={area.id} className="hidden-area" aria-label={t("hiddenAreaLabel", { area: area.title })}>
                <h3><Iso>{area.title}</Iso> <span className="hint">· {area.revealed ? t("hiddenStateRevealed") : area.status === "draft" ? t("hiddenStateDraft") : t("hiddenStateHidden")}</span></h3>
                {area.status === "draft" && (!r || r.voters === 0) ? (
                  <p className="hint">{t("hiddenDraftNoVotes")}</p>
                ) : !r ? (
                  <p className="hint">{t("hiddenLoading")}</p>
                ) : r.withheld ? (
                  <p className="hint">{t("hiddenWithheld", { n: event.privacyThreshold, voters: r.voters })}</p>
                ) : r.voters === 0 ? (
                  <p className="hint">{t("hiddenNoVotes")}</p>
                ) : (
                  <>
                    <p className="hint">{t("hiddenVoters", { n: r.voters })}</p>
                    <ol className="hidden-rows">
                      {r.results.map((row) => (
                        <li key={row.proposalId}>
                          <span className="place">{place(row.rank ?? 0, isTied(r.results, row.rank))}</span>
                          <span className="label"><Iso>{row.label}</Iso></span>
                          <span className="votes">{countText(t, methodOf(r), row)}</span>
                          <bdi dir="auto" className="text">{row.title}</bdi>
                        </li>
                      ))}
                    </ol>
                  </>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** A hidden row's count named for the area's method: votes, dots, or points with the ballots behind them. */
function countText(t: (key: string, params?: Record<string, number>) => string, method: string, row: { votes: number | null; points: number | null }): string {
  const votes = row.votes ?? 0;
  if (method === "ranking") return t("hiddenPoints", { points: row.points ?? votes, votes });
  if (method === "dots") return t("hiddenDots", { dots: votes });
  return t("hiddenVotes", { votes });
}
