// One paper voter's ballot, typed in whole: every area that takes paper (open or closed, never a
// draft), each proposal with its label and full text — the organiser reads the ticks off paper and
// must find the same words here. The limit is enforced as on a phone (paperRules → shared/rules).
// Each area as its paper asks (API 1.1): approval a tick box per proposal, dots a number of dots per
// proposal, ranking the place written beside it (1, 2, 3…).
import { useState, type FormEvent } from "react";
import { methodOf, methodText, perProposalCap, votesLeftText } from "../../../../shared/rules";
import type { Area, Ballot, Event } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { useI18n, useT } from "../../i18n/I18n";
import { paperBallotOf, takesPaper, togglePaper } from "./paperRules";
import { useAction } from "./useAction";

export function PaperBallotForm(props: { api: AdminApi; event: Event; onEntered: () => Promise<void> }) {
  const { api, event } = props;
  const t = useT("cards");
  const i18n = useI18n();
  const [choices, setChoices] = useState<Ballot>({});
  // Dots and ranking areas: the numbers as typed, per area and proposal (the ballot is built from them).
  const [written, setWritten] = useState<Record<string, Record<string, string>>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [empty, setEmpty] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction(props.onEntered);
  const areas = event.areas.filter(takesPaper);
  const drafts = event.areas.filter((a) => !takesPaper(a));

  const toggle = (areaId: string, proposalId: string) => {
    const area = event.areas.find((a) => a.id === areaId);
    if (!area) return;
    const result = togglePaper(area, choices[areaId] ?? [], proposalId);
    setEmpty(false);
    setDone(null);
    if (result.ok) {
      setChoices({ ...choices, [areaId]: result.proposalIds });
      setNotes({ ...notes, [areaId]: "" });
    } else {
      setNotes({ ...notes, [areaId]: i18n.t("rules", result.key, result.params) });
    }
  };

  const write = (area: Area, proposalId: string, value: string) => {
    const next = { ...(written[area.id] ?? {}), [proposalId]: value };
    setWritten({ ...written, [area.id]: next });
    setEmpty(false);
    setDone(null);
    const result = paperBallotOf(area, next);
    setChoices({ ...choices, [area.id]: result.ok ? result.proposalIds : [] });
    setNotes({ ...notes, [area.id]: result.ok ? "" : i18n.t(result.role, result.key, result.params) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    // A dots or ranking area whose numbers are refused stops the whole ballot: its note says why.
    // (An approval area's note only explains a refused tick; its ticks stand as they are.)
    if (areas.some((a) => methodOf(a) !== "approval" && notes[a.id])) return;
    const ballot = Object.fromEntries(Object.entries(choices).filter(([id, ids]) => ids.length > 0 && areas.some((a) => a.id === id)));
    const ticks = Object.values(ballot).reduce((n, ids) => n + ids.length, 0);
    if (ticks === 0) {
      setEmpty(true);
      return;
    }
    void run(() => api.paperBallot(ballot)).then((ok) => {
      if (!ok) return;
      setDone(t("paperDone", { n: ticks }));
      setChoices({});
      setWritten({});
      setNotes({});
    });
  };

  if (areas.length === 0) return <p>{t("paperNoArea")}</p>;

  return (
    <form className="paper-form" onSubmit={submit} aria-label={t("paperFormLabel")}>
      {areas.map((area) => {
        const chosen = choices[area.id] ?? [];
        const left = votesLeftText(area, chosen);
        const method = methodOf(area);
        const how = methodText(area);
        return (
          <fieldset key={area.id} className="paper-area">
            <legend>
              <bdi dir="auto">{area.title}</bdi>{" "}
              <span className="hint">
                · {method === "approval" ? t("paperTickRule", { n: area.maxVotes }) : i18n.t("rules", how.key, how.params)} · {i18n.t("rules", left.key, left.params)}
                {area.status === "closed" && <> · {t("paperClosedTakes")}</>}
              </span>
            </legend>
            {method !== "approval" && <p className="hint paper-how">{t(method === "dots" ? "paperDotsHint" : "paperPlaceHint")}</p>}
            <div className="paper-choices">
              {area.proposals.map((p) =>
                method === "approval" ? (
                  <label key={p.id} className="choice compact paper-choice">
                    <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(area.id, p.id)} aria-label={`${p.label}: ${p.title}`} />
                    <ProposalText label={p.label} title={p.title} body={p.body} />
                  </label>
                ) : (
                  <label key={p.id} className="choice compact paper-choice paper-number">
                    <input
                      type="number"
                      inputMode="numeric"
                      min={method === "dots" ? 0 : 1}
                      max={method === "dots" ? perProposalCap(area) : area.maxVotes}
                      value={written[area.id]?.[p.id] ?? ""}
                      onChange={(e) => write(area, p.id, e.target.value)}
                      aria-label={t(method === "dots" ? "paperDotsLabel" : "paperPlaceLabel", { label: p.label, title: p.title })}
                      data-proposal-id={p.id}
                    />
                    <ProposalText label={p.label} title={p.title} body={p.body} />
                  </label>
                ),
              )}
            </div>
            {notes[area.id] && <p className="form-error" role="alert">{notes[area.id]}</p>}
          </fieldset>
        );
      })}
      {drafts.length > 0 && <p className="hint">{t("paperDrafts", { areas: drafts.map((a) => a.title).join(t("paperListSeparator")) })}</p>}
      {empty && <p className="form-error" role="alert">{t("paperEmpty")}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="actions paper-submit">
        <button className="btn" type="submit" aria-disabled={busy}>{t("paperSubmit")}</button>
        <span role="status">{done}</span>
      </div>
    </form>
  );
}

function ProposalText({ label, title, body }: { label: string; title: string; body?: string | undefined }) {
  return (
    <span dir="auto">
      <bdi className="paper-label">{label}</bdi> {title}
      {body && <span className="paper-body">{body}</span>}
    </span>
  );
}
