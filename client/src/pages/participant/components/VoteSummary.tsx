// "You have voted in 3 of 4 areas", and a jump list to each area with how far along it is.
import type { Area } from "../../../../../shared/schemas";
import { methodOf, votesLeftText } from "../../../../../shared/rules";
import { usePhoneText } from "../useText";

interface Props {
  votedIn: number;
  areaCount: number;
  areas: Area[];
  chosenIn: (areaId: string) => string[];
}

export function VoteSummary({ votedIn, areaCount, areas, chosenIn }: Props) {
  const text = usePhoneText();
  const { t } = text;
  if (areaCount === 0) return null;
  return (
    <nav className="pp-summary" aria-label={t("areasNav")}>
      <p className="pp-summary-line">
        {t("votedIn", { voted: votedIn, areas: areaCount })}
      </p>
      <ul className="pp-jump">
        {areas.map((a) => {
          const n = chosenIn(a.id).length;
          // Dots and places are counted in their own words ("3 of 5 dots left"), not as choices.
          const progress = methodOf(a) === "approval" ? t("jumpChosen", { n, max: a.maxVotes }) : text.rule(votesLeftText(a, chosenIn(a.id)));
          const state = a.status === "open" ? progress : t(a.status === "closed" ? "jumpClosed" : "jumpNotOpen");
          return (
            <li key={a.id}>
              <a href={`#area-${a.id}`} className={n > 0 ? "jump done" : "jump"}>
                <span className="jump-title" dir="auto">{a.title}</span>
                <span className="jump-state">{n > 0 ? <span aria-hidden="true">✓ </span> : null}{state}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
