// Every area is closed: the phone says the vote has ended — no ballot, no "until the area closes" —
// with the participant's own choices, and the counts where the room may see them (results shown
// live, or revealed by the facilitator, and above the privacy threshold).
import type { Area, Results } from "../../../../../shared/schemas";
import { ballotNames, choicesSentence, scoreText } from "../format";
import { usePhoneText } from "../useText";

interface Props {
  areas: Area[];
  results: Results | null;
  /** Results shown live (else only once the facilitator reveals an area). */
  liveResults: boolean;
  /** Whether this phone joined (then its own choices are shown per area). */
  joined: boolean;
  chosenIn: (areaId: string) => string[];
  heldIn: (areaId: string) => readonly string[] | null;
}

export function EndedView({ areas, results, liveResults, joined, chosenIn, heldIn }: Props) {
  const text = usePhoneText();
  const { t } = text;
  return (
    <section className="pp-ended" aria-labelledby="pp-ended-title">
      <h2 id="pp-ended-title">{t("ended")}</h2>
      <p>{t("endedThanks")}</p>
      {areas.map((area) => {
        const counts = results?.areas.find((r) => r.id === area.id);
        const held = heldIn(area.id);
        return (
          <section key={area.id} className="ended-area" aria-labelledby={`ended-${area.id}`}>
            <h3 id={`ended-${area.id}`} dir="auto">{area.title}</h3>
            {joined ? <p className="area-final">{choicesSentence(text, ballotNames(area, chosenIn(area.id)))}</p> : null}
            {held ? (
              <p className="area-held" data-held="closed">
                <strong>{t("notSent")}</strong> {t("heldEnded", { what: text.list(ballotNames(area, held)) || t("heldNoneEnded") })}
              </p>
            ) : null}
            {!counts ? null : counts.withheld ? (
              <p className="ended-hidden">
                {t(liveResults || counts.revealed ? "tooFew" : "notPublic")}
              </p>
            ) : (
              <ol className="ended-results" aria-label={t("resultsOf", { area: text.iso(area.title) })}>
                {counts.results.map((r) => (
                  <li key={r.proposalId} className="ended-row">
                    <span className="ended-rank">{r.rank ?? ""}</span>
                    <span className="ended-text" dir="auto">
                      <span className="proposal-label"><bdi>{r.label}</bdi></span>{" "}
                      <span className="ended-title" dir="auto">{r.title}</span>
                    </span>
                    <span className="ended-votes">{scoreText(text, counts.method, r)}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </section>
  );
}

