// One paper voter's ballot, typed in whole: every area that takes paper (open or closed, never a
// draft), each proposal with its label and full text — the organiser reads the ticks off paper and
// must find the same words here. The limit is enforced as on a phone (paperRules → shared/rules).
import { useState, type FormEvent } from "react";
import { votesLeftText } from "../../../../shared/rules";
import type { Ballot, Event } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { useI18n, useT } from "../../i18n/I18n";
import { takesPaper, togglePaper } from "./paperRules";
import { useAction } from "./useAction";

export function PaperBallotForm(props: { api: AdminApi; event: Event; onEntered: () => Promise<void> }) {
  const { api, event } = props;
  const t = useT("cards");
  const i18n = useI18n();
  const [choices, setChoices] = useState<Ballot>({});
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
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
      setNotes({});
    });
  };

  if (areas.length === 0) return <p>{t("paperNoArea")}</p>;

  return (
    <form className="paper-form" onSubmit={submit} aria-label={t("paperFormLabel")}>
      {areas.map((area) => {
        const chosen = choices[area.id] ?? [];
        const left = votesLeftText(area, chosen);
        return (
          <fieldset key={area.id} className="paper-area">
            <legend>
              <bdi dir="auto">{area.title}</bdi>{" "}
              <span className="hint">
                · {t("paperTickRule", { n: area.maxVotes })} · {i18n.t("rules", left.key, left.params)}
                {area.status === "closed" && <> · {t("paperClosedTakes")}</>}
              </span>
            </legend>
            <div className="paper-choices">
              {area.proposals.map((p) => (
                <label key={p.id} className="choice compact paper-choice">
                  <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(area.id, p.id)} aria-label={`${p.label}: ${p.title}`} />
                  <span dir="auto">
                    <bdi className="paper-label">{p.label}</bdi> {p.title}
                    {p.body && <span className="paper-body">{p.body}</span>}
                  </span>
                </label>
              ))}
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
