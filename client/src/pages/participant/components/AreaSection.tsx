// One area of the ballot: a sticky header that always shows how many votes are left and whether the
// last change reached the server, then the proposals. Closed and not-yet-open areas are read-only
// and still show the participant's own choices. The header's title is clamped to two lines so a
// long area title does not cover the phone; the whole title is a tap away.
import { lazy, Suspense, useId, useState } from "react";
import type { Area, Proposal } from "../../../../../shared/schemas";
import { methodOf, methodText, toggleBallot, votesLeftText, type RuleCheck } from "../../../../../shared/rules";
import type { SaveState } from "../sync";
import { ballotNames, choicesSentence } from "../format";
import { usePhoneText } from "../useText";
import { ProposalCard, useClipped } from "./ProposalCard";
import { SaveStatus } from "./SaveStatus";
import { PhoneClock } from "./PhoneClock";

// The dot stepper and the ranking are chunks of their own (with their words, the `methods` role),
// fetched only for an area counted that way: an approval phone never loads them.
const DotsList = lazy(() => import("../methods/DotsList"));
const RankingList = lazy(() => import("../methods/RankingList"));

/** A change to the area's ballot, worked out from the latest choice by one of the shared rules. */
export type BallotChange = (chosen: readonly string[]) => RuleCheck;

interface Props {
  area: Area;
  ordered: Proposal[];
  chosen: string[];
  state: SaveState;
  hasServerChoice: boolean;
  notice: string | null;
  /** A choice refused because the area closed before it arrived, kept on the phone. */
  held: readonly string[] | null;
  /** Applies a change (refusals become the area's notice); answers what the rule said. */
  onChange: (area: Area, change: BallotChange) => RuleCheck;
  onRetry: () => void;
  onSendHeld: (area: Area, ids: readonly string[]) => void;
}

export function AreaSection(props: Props) {
  const { area, ordered, chosen, state, hasServerChoice, notice, held, onChange, onRetry, onSendHeld } = props;
  const text = usePhoneText();
  const { t } = text;
  const headingId = useId();
  const [wholeTitle, setWholeTitle] = useState(false);
  const clipped = useClipped<HTMLHeadingElement>(area.title, wholeTitle);
  const open = area.status === "open";
  const method = methodOf(area);
  const change = (c: BallotChange) => onChange(area, c);
  return (
    <section
      className={`area area-${area.status}`}
      id={`area-${area.id}`}
      aria-labelledby={headingId}
      data-area-status={area.status}
      data-save-state={state.kind}
    >
      <header className="area-head">
        <div className="area-title-row">
          <h2 id={headingId} ref={clipped.ref} className={wholeTitle ? "area-title" : "area-title clamped"} dir="auto">
            {area.title}
          </h2>
          {clipped.more || wholeTitle ? (
            <button type="button" className="area-title-more" aria-expanded={wholeTitle} aria-controls={headingId} onClick={() => setWholeTitle(!wholeTitle)}>
              {t(wholeTitle ? "lessTitle" : "fullTitle")}
            </button>
          ) : null}
        </div>
        {/* How the area counts, so a ranking or dots area is never mistaken for ticking boxes. */}
        <p className="area-method">{text.rule(methodText(area))}</p>
        <p className="area-meta">
          {open ? (
            <span className="votes-left">{text.rule(votesLeftText(area, chosen))}</span>
          ) : (
            <span className="area-status">{t(area.status === "closed" ? "statusClosed" : "statusNotOpen")}</span>
          )}
          <SaveStatus state={state} hasServerChoice={hasServerChoice} />
          {state.kind === "offline" && open ? (
            <button type="button" className="save-retry" onClick={onRetry}>{t("tryNow")}</button>
          ) : null}
        </p>
        <p className="area-notice" role="alert">{notice ?? ""}</p>
        <PhoneClock area={area} />
      </header>
      {held ? <HeldChoice area={area} held={held} onSend={() => onSendHeld(area, held)} /> : null}
      {area.status === "closed" ? <p className="area-final">{choicesSentence(text, ballotNames(area, chosen))}</p> : null}
      {method === "approval" ? (
        <ul className="proposals">
          {ordered.map((p) => (
            <ProposalCard
              key={p.id}
              proposal={p}
              checked={chosen.includes(p.id)}
              disabled={!open}
              onToggle={(id) => change((c) => toggleBallot(area, c, id))}
            />
          ))}
        </ul>
      ) : (
        <Suspense fallback={<p className="area-loading">{t("loading")}</p>}>
          {method === "dots" ? (
            <DotsList area={area} ordered={ordered} chosen={chosen} onChange={change} />
          ) : (
            <RankingList area={area} ordered={ordered} chosen={chosen} onChange={change} />
          )}
        </Suspense>
      )}
    </section>
  );
}

/** The choice the server refused because voting had closed: said plainly, and sendable if it reopens. */
function HeldChoice({ area, held, onSend }: { area: Area; held: readonly string[]; onSend: () => void }) {
  const { t, list } = usePhoneText();
  const names = ballotNames(area, held);
  const what = names.length ? list(names) : t("heldNone");
  if (area.status !== "open") {
    return (
      <p className="area-held" data-held="closed">
        <strong>{t("notSent")}</strong> {t("heldClosed", { what })}
      </p>
    );
  }
  return (
    <div className="area-held" data-held="open">
      <p>
        <strong>{t("reopened")}</strong> {t("heldOpen", { what })}
      </p>
      <button type="button" className="btn" onClick={onSend}>{t("sendHeld")}</button>
    </div>
  );
}
