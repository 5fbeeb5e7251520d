// Every area is closed: the phone says the vote has ended — no ballot, no "until the area closes" —
// with the participant's own choices, and the counts where the room may see them (results shown
// live, or revealed by the facilitator, and above the privacy threshold).
import type { Area, Results } from "../../../../../shared/schemas";
import { choicesSentence, listOf, namesOf } from "../format";

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
  return (
    <section className="pp-ended" aria-labelledby="pp-ended-title">
      <h2 id="pp-ended-title">Voting has ended</h2>
      <p>Thank you. Every area is closed; this page shows the results as the facilitator releases them.</p>
      {areas.map((area) => {
        const counts = results?.areas.find((r) => r.id === area.id);
        const held = heldIn(area.id);
        return (
          <section key={area.id} className="ended-area" aria-labelledby={`ended-${area.id}`}>
            <h3 id={`ended-${area.id}`} dir="auto">{area.title}</h3>
            {joined ? <p className="area-final">{choicesSentence(namesOf(area.proposals, chosenIn(area.id)))}</p> : null}
            {held ? (
              <p className="area-held" data-held="closed">
                <strong>Not sent — voting closed.</strong> Your last choice ({listOf(namesOf(area.proposals, held)) || "none"}) did not
                reach the server before voting closed.
              </p>
            ) : null}
            {!counts ? null : counts.withheld ? (
              <p className="ended-hidden">
                {liveResults || counts.revealed ? "Too few votes to show the counts." : "The results are not public yet."}
              </p>
            ) : (
              <ol className="ended-results" aria-label={`Results: ${area.title}`}>
                {counts.results.map((r) => (
                  <li key={r.proposalId} className="ended-row">
                    <span className="ended-rank">{r.rank ?? ""}</span>
                    <span className="ended-text">
                      <span className="proposal-label"><bdi>{r.label}</bdi></span>{" "}
                      <span className="ended-title" dir="auto">{r.title}</span>
                    </span>
                    <span className="ended-votes">{r.votes === 1 ? "1 vote" : `${r.votes ?? 0} votes`}</span>
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
