// One area of the ballot: a sticky header that always shows how many votes are left and whether the
// last change reached the server, then the proposals. Closed and not-yet-open areas are read-only
// and still show the participant's own choices.
import { useId } from "react";
import type { Area, Proposal } from "../../../../../shared/schemas";
import { votesLeftLabel } from "../../../../../shared/rules";
import type { SaveState } from "../sync";
import { ProposalCard } from "./ProposalCard";
import { SaveStatus } from "./SaveStatus";

interface Props {
  area: Area;
  ordered: Proposal[];
  chosen: string[];
  state: SaveState;
  hasServerChoice: boolean;
  notice: string | null;
  onToggle: (area: Area, proposalId: string) => void;
  onRetry: () => void;
}

export function AreaSection({ area, ordered, chosen, state, hasServerChoice, notice, onToggle, onRetry }: Props) {
  const headingId = useId();
  const open = area.status === "open";
  const chosenTitles = area.proposals.filter((p) => chosen.includes(p.id)).map((p) => p.title);
  return (
    <section
      className={`area area-${area.status}`}
      id={`area-${area.id}`}
      aria-labelledby={headingId}
      data-area-status={area.status}
      data-save-state={state.kind}
    >
      <header className="area-head">
        <h2 id={headingId}>{area.title}</h2>
        <p className="area-meta">
          {open ? (
            <span className="votes-left">{votesLeftLabel(area, chosen)}</span>
          ) : (
            <span className="area-status">{area.status === "closed" ? "Voting closed" : "Voting not open yet"}</span>
          )}
          <SaveStatus state={state} hasServerChoice={hasServerChoice} />
          {state.kind === "offline" ? (
            <button type="button" className="save-retry" onClick={onRetry}>Try now</button>
          ) : null}
        </p>
        <p className="area-notice" role="alert">{notice ?? ""}</p>
      </header>
      {area.status === "closed" ? (
        <p className="area-final">
          {chosenTitles.length ? `Your choices: ${chosenTitles.join("; ")}.` : "You did not vote in this area."}
        </p>
      ) : null}
      <ul className="proposals">
        {ordered.map((p) => (
          <ProposalCard
            key={p.id}
            proposal={p}
            checked={chosen.includes(p.id)}
            disabled={!open}
            onToggle={(id) => onToggle(area, id)}
          />
        ))}
      </ul>
    </section>
  );
}
