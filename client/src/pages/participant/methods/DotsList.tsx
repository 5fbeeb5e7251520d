// Dot voting on the phone: a stepper per proposal (− count +), real buttons named with the
// proposal's label ("Add a dot to PH-3"). At either cap — every dot placed, or the most one proposal
// may take — + stays focusable but says why it does nothing (aria-disabled, the rule's own words),
// as an approval box does at its limit; a tap on it puts the same words in the area's notice.
import { useId } from "react";
import type { Proposal } from "../../../../../shared/schemas";
import { addDot, dotsOf, perProposalCap, removeDot } from "../../../../../shared/rules";
import { useT } from "../../../i18n/I18n";
import { ProposalBody } from "../components/ProposalCard";
import { shortName } from "../format";
import { usePhoneText } from "../useText";
import { Announcer, ProposalText, WithMethodWords, useAnnouncer, useKeptFocus, type MethodProps } from "./MethodFrame";
import "./methods.css";

/** Pips drawn for a cap up to this; above it the count alone says it. */
const MAX_PIPS = 10;

export default function DotsList(props: MethodProps) {
  return (
    <WithMethodWords>
      <Dots {...props} />
    </WithMethodWords>
  );
}

function Dots({ area, ordered, chosen, onChange }: MethodProps) {
  const t = useT("methods");
  const [said, say] = useAnnouncer();
  const box = useKeptFocus<HTMLUListElement>();
  const counts = dotsOf(chosen);
  const step = (p: Proposal, name: string, by: 1 | -1) => {
    if (by === -1 && !counts.get(p.id)) return say(t("noDotToRemove", { name }));
    const r = onChange((c) => (by === 1 ? addDot(area, c, p.id) : removeDot(area, c, p.id)));
    if (r.ok) say(t("dotsAnnounce", { name, n: dotsOf(r.proposalIds).get(p.id) ?? 0 }));
  };
  return (
    <>
      <Announcer said={said} />
      <ul className="proposals dots" ref={box}>
        {ordered.map((p) => (
          <DotRow key={p.id} proposal={p} n={counts.get(p.id) ?? 0} cap={perProposalCap(area)} refusal={refusalOf(addDot(area, chosen, p.id))} onStep={step} />
        ))}
      </ul>
    </>
  );
}

function refusalOf(r: ReturnType<typeof addDot>) {
  return r.ok ? null : r;
}

interface RowProps {
  proposal: Proposal;
  n: number;
  cap: number;
  /** Why + would be refused now (either cap, or the area not open), or null. */
  refusal: ReturnType<typeof refusalOf>;
  onStep: (p: Proposal, name: string, by: 1 | -1) => void;
}

function DotRow({ proposal, n, cap, refusal, onStep }: RowProps) {
  const t = useT("methods");
  const text = usePhoneText();
  const titleId = useId();
  const labelId = useId();
  const bodyId = useId();
  const countId = useId();
  const whyId = useId();
  const name = text.iso(shortName(proposal));
  const why = refusal ? text.rule(refusal) : null;
  const cannotRemove = n === 0 || refusal?.code === "VOTING_CLOSED";
  return (
    <li className={n > 0 ? "proposal is-chosen" : "proposal"} data-proposal-id={proposal.id} data-dots={n}>
      <div className="proposal-choice method-text">
        <ProposalText proposal={proposal} labelId={labelId} titleId={titleId} />
      </div>
      <ProposalBody proposal={proposal} id={bodyId} />
      <div className="dot-stepper" role="group" aria-label={name}>
        <button
          type="button"
          className="dot-step"
          data-focus-key={`${proposal.id}:remove`}
          aria-label={t("removeDot", { name })}
          aria-describedby={countId}
          aria-disabled={cannotRemove || undefined}
          onClick={() => onStep(proposal, name, -1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <span className="dot-count" id={countId}>
          {cap <= MAX_PIPS ? (
            <span className="dot-pips" aria-hidden="true">
              {Array.from({ length: cap }, (_, i) => (
                <span key={i} className={i < n ? "pip on" : "pip"} />
              ))}
            </span>
          ) : null}
          <span className="dot-n">{t("dotCount", { n })}</span>
        </span>
        <button
          type="button"
          className="dot-step"
          data-focus-key={`${proposal.id}:add`}
          aria-label={t("addDot", { name })}
          aria-describedby={why ? `${countId} ${whyId}` : countId}
          aria-disabled={why ? true : undefined}
          onClick={() => onStep(proposal, name, 1)}
        >
          <span aria-hidden="true">+</span>
        </button>
        {why ? <span id={whyId} className="visually-hidden">{why}</span> : null}
      </div>
    </li>
  );
}
