// Ranking on the phone: a tap on a proposal ranks it next (its badge shows 1, 2, 3 …), a second tap
// takes it out and the ones after it move up (toggleBallot); the ranked ones are listed in order
// with move up / move down buttons, so nothing needs dragging. Every change is said aloud
// ("PH-3 ranked 2nd of 3"), and the keyboard stays on the moved proposal's button.
import { useId } from "react";
import type { Proposal } from "../../../../../shared/schemas";
import { moveRank, toggleBallot } from "../../../../../shared/rules";
import { useT } from "../../../i18n/I18n";
import { usePlace } from "../../../i18n/place";
import { ProposalBody } from "../components/ProposalCard";
import { shortName } from "../format";
import { usePhoneText } from "../useText";
import { Announcer, ProposalText, WithMethodWords, useAnnouncer, useKeptFocus, type MethodProps } from "./MethodFrame";
import "./methods.css";

export default function RankingList(props: MethodProps) {
  return (
    <WithMethodWords>
      <Ranking {...props} />
    </WithMethodWords>
  );
}

function Ranking({ area, ordered, chosen, onChange }: MethodProps) {
  const t = useT("methods");
  const text = usePhoneText();
  const place = usePlace();
  const headingId = useId();
  const [said, say] = useAnnouncer();
  const box = useKeptFocus<HTMLDivElement>();
  const open = area.status === "open";
  const byId = new Map(area.proposals.map((p) => [p.id, p]));
  const ranked = chosen.filter((id) => byId.has(id));
  const nameOf = (p: Proposal) => text.iso(shortName(p));

  const sayPlace = (ids: readonly string[], p: Proposal) => {
    const at = ids.indexOf(p.id);
    say(at < 0 ? t("unrankedAnnounce", { name: nameOf(p) }) : t("rankedAnnounce", { name: nameOf(p), place: place(at + 1), count: ids.length }));
  };
  const toggle = (p: Proposal) => {
    const r = onChange((c) => toggleBallot(area, c, p.id));
    if (r.ok) sayPlace(r.proposalIds, p);
  };
  const move = (p: Proposal, by: -1 | 1) => {
    const at = ranked.indexOf(p.id);
    const r = onChange((c) => moveRank(area, c, p.id, by));
    if (!r.ok) return;
    if ((by === -1 && at === 0) || (by === 1 && at === ranked.length - 1)) {
      say(t(by === -1 ? "firstAlready" : "lastAlready", { name: nameOf(p) }));
    } else sayPlace(r.proposalIds, p);
  };

  return (
    <div className="ranking" ref={box}>
      <Announcer said={said} />
      {open ? <p className="rank-hint">{t("rankHint")}</p> : null}
      {ranked.length > 0 ? (
        <section className="rank-order" aria-labelledby={headingId}>
          <h3 id={headingId} className="rank-heading">{t("yourRanking")}</h3>
          <ol className="rank-list">
            {ranked.map((id, i) => {
              const p = byId.get(id) as Proposal;
              const name = nameOf(p);
              return (
                <li key={id} className="rank-item" data-ranked-id={id}>
                  <span className="rank-badge">{i + 1}</span>
                  <span className="rank-name" dir="auto">
                    {p.label ? <span className="proposal-label"><bdi>{p.label}</bdi></span> : null}
                    <span className="rank-title" dir="auto">{p.title}</span>
                  </span>
                  <span className="rank-moves">
                    <button
                      type="button"
                      className="rank-move"
                      data-focus-key={`${id}:up`}
                      aria-label={t("moveUp", { name })}
                      aria-disabled={!open || i === 0 || undefined}
                      onClick={() => move(p, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="rank-move"
                      data-focus-key={`${id}:down`}
                      aria-label={t("moveDown", { name })}
                      aria-disabled={!open || i === ranked.length - 1 || undefined}
                      onClick={() => move(p, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
      <ul className="proposals">
        {ordered.map((p) => (
          <RankCard key={p.id} proposal={p} at={ranked.indexOf(p.id)} count={ranked.length} open={open} onToggle={toggle} />
        ))}
      </ul>
    </div>
  );
}

function RankCard(props: { proposal: Proposal; at: number; count: number; open: boolean; onToggle: (p: Proposal) => void }) {
  const { proposal, at, count, open, onToggle } = props;
  const t = useT("methods");
  const place = usePlace();
  const titleId = useId();
  const labelId = useId();
  const bodyId = useId();
  const stateId = useId();
  const ranked = at >= 0;
  // Named by its content, what it shows (label and text: the visible words are the name, WCAG
  // 2.5.3), described by its place ("Ranked 2nd of 3") and its background.
  const described = [stateId, proposal.body ? bodyId : ""].filter(Boolean).join(" ");
  return (
    <li className={ranked ? "proposal rank-card is-chosen" : "proposal rank-card"} data-proposal-id={proposal.id} data-rank={ranked ? at + 1 : 0}>
      {/* The badge and the spoken place sit beside the button, not in it: its visible words are
          exactly its name (label and text), as WCAG 2.5.3 asks; the badge is drawn over its padding. */}
      <span className={ranked ? "rank-badge on-card" : "rank-badge on-card empty"} aria-hidden="true">{ranked ? at + 1 : ""}</span>
      <span id={stateId} className="visually-hidden">
        {ranked ? t("rankedState", { place: place(at + 1), count }) : t("notRanked")}
      </span>
      <button
        type="button"
        className="proposal-choice rank-choice"
        data-focus-key={`${proposal.id}:pick`}
        aria-pressed={ranked}
        // aria-disabled, not disabled: focus stays when the area closes, and a tap says why.
        aria-disabled={!open || undefined}
        aria-describedby={described}
        onClick={() => onToggle(proposal)}
      >
        <ProposalText proposal={proposal} labelId={labelId} titleId={titleId} />
      </button>
      <ProposalBody proposal={proposal} id={bodyId} />
    </li>
  );
}
