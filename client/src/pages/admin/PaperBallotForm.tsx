// A paper ballot typed in for someone without a phone: one more participant, under the same rules
// as a phone (shared/rules.ts), in the areas that are open now.
import { useState, type FormEvent } from "react";
import { toggleChoice, votesLeftLabel } from "../../../../shared/rules";
import type { Ballot, Event } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { useAction } from "./useAction";
import { counted } from "./words";

export function PaperBallotForm(props: { api: AdminApi; event: Event }) {
  const { api, event } = props;
  const [choices, setChoices] = useState<Ballot>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [entered, setEntered] = useState(0);
  const [empty, setEmpty] = useState(false);
  const { busy, error, run } = useAction(async () => undefined);
  const open = event.areas.filter((a) => a.status === "open");
  const notOpen = event.areas.filter((a) => a.status !== "open");

  const toggle = (areaId: string, proposalId: string) => {
    const area = event.areas.find((a) => a.id === areaId);
    if (!area) return;
    const result = toggleChoice(area, choices[areaId] ?? [], proposalId);
    setEmpty(false);
    if (result.ok) {
      setChoices({ ...choices, [areaId]: result.proposalIds });
      setNotes({ ...notes, [areaId]: "" });
    } else {
      setNotes({ ...notes, [areaId]: result.message });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ballot = Object.fromEntries(Object.entries(choices).filter(([id, ids]) => ids.length > 0 && open.some((a) => a.id === id)));
    if (Object.keys(ballot).length === 0) {
      setEmpty(true);
      return;
    }
    void run(() => api.paperBallot(ballot)).then((ok) => {
      if (!ok) return;
      setEntered((n) => n + 1);
      setChoices({});
      setNotes({});
    });
  };

  return (
    <section id="paper" className="card admin-section" aria-labelledby="paper-heading">
      <h2 id="paper-heading">Paper ballots</h2>
      <p className="hint">For someone voting on paper: tick their choices and enter the ballot. Each entry counts as one more participant.</p>
      {open.length === 0 ? (
        <p>No area is open. Open voting first; paper ballots follow the same rules as phones.</p>
      ) : (
        <details className="paper-toggle">
          <summary>Enter a paper ballot</summary>
          <form onSubmit={submit}>
            {open.map((area) => {
              const chosen = choices[area.id] ?? [];
              return (
                <fieldset key={area.id} className="paper-area">
                  <legend>{area.title} <span className="hint">· {votesLeftLabel(area, chosen)}</span></legend>
                  <div className="paper-choices">
                    {area.proposals.map((p) => (
                      <label key={p.id} className="choice compact">
                        <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(area.id, p.id)} />
                        <span>{p.title}</span>
                      </label>
                    ))}
                  </div>
                  {notes[area.id] && <p className="form-error" role="alert">{notes[area.id]}</p>}
                </fieldset>
              );
            })}
            {notOpen.length > 0 && <p className="hint">Not open, so not on this form: {notOpen.map((a) => a.title).join(", ")}.</p>}
            {empty && <p className="form-error" role="alert">Tick at least one proposal, or skip this ballot if it is blank.</p>}
            {error && <p className="form-error" role="alert">{error}</p>}
            <div className="actions">
              <button className="btn" type="submit" disabled={busy}>Enter paper ballot</button>
              <span role="status">{entered > 0 ? `${counted(entered, "paper ballot")} entered on this page.` : ""}</span>
            </div>
          </form>
        </details>
      )}
    </section>
  );
}
