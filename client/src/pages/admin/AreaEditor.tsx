// One area in the content editor: its title and vote limit, its place in the order, its proposals.
import { useState, type FormEvent } from "react";
import { LIMITS } from "../../../../shared/limits";
import { PREFIX_PATTERN } from "../../../../shared/labels";
import type { Area, AreaResults, PatchAreaBody, VotingMethod } from "../../../../shared/schemas";
import { useT } from "../../i18n/I18n";
import { Iso, rich } from "../../i18n/rich";
import type { AdminApi } from "./api";
import { LongTextField } from "./LongTextField";
import { MethodField } from "./MethodField";
import { MoveDeleteControls } from "./MoveDeleteControls";
import { ProposalEditor } from "./ProposalEditor";
import { isolated } from "./isolate";
import { addProposalBlocked, areaDeleteBlocked, methodBlocked } from "./refusals";
import { useAction } from "./useAction";

interface Props {
  api: AdminApi;
  area: Area;
  /** This area's counts as the organiser sees them, to know beforehand what the server refuses. */
  tally: AreaResults | null;
  index: number;
  count: number;
  refresh: () => Promise<void>;
  /** Says what happened in the programme's live region. */
  announce: (message: string) => void;
}

export function AreaEditor({ api, area, tally, index, count, refresh, announce }: Props) {
  const [title, setTitle] = useState(area.title);
  const [prefix, setPrefix] = useState(area.prefix);
  const [maxVotes, setMaxVotes] = useState(String(area.maxVotes));
  const [method, setMethod] = useState<VotingMethod>(area.method);
  const [perProposal, setPerProposal] = useState(String(area.maxPerProposal));
  const [newTitle, setNewTitle] = useState("");
  const [newBody, setNewBody] = useState("");
  const t = useT("organiser");
  const { busy, error, run, explain } = useAction(refresh);
  const votes = Number(maxVotes);
  const cleanPrefix = prefix.trim().toUpperCase();
  const validPrefix = PREFIX_PATTERN.test(cleanPrefix);
  const per = Number(perProposal);
  // Dots: the cap per proposal as typed; the other methods always hold 1 (the server's rule).
  const perChanged = method === "dots" && per !== area.maxPerProposal;
  const methodChanged = method !== area.method || perChanged;
  const dirty = title.trim() !== area.title || votes !== area.maxVotes || cleanPrefix !== area.prefix || methodChanged;
  const validPer = method !== "dots" || (Number.isInteger(per) && per >= 1 && per <= votes);
  const locked = methodBlocked(tally);
  const addBlocked = addProposalBlocked(t, area, tally);
  const validVotes = Number.isInteger(votes) && votes >= LIMITS.votesMin && votes <= LIMITS.votesMax;
  const idBase = `area-${area.id}`;
  const shownPrefix = validPrefix ? cleanPrefix : area.prefix;

  const saveIdle = busy || !dirty || !title.trim() || !validVotes || !validPrefix || !validPer;
  const addIdle = busy || !newTitle.trim() || area.proposals.length >= LIMITS.proposalsPerArea || Boolean(addBlocked);
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (saveIdle) return;
    const body: PatchAreaBody = { title: title.trim(), maxVotes: votes };
    if (cleanPrefix !== area.prefix) body.prefix = cleanPrefix;
    if (method !== area.method) body.method = method;
    if (method === "dots" && (methodChanged || votes !== area.maxVotes)) body.maxPerProposal = per;
    const whenLocked = methodChanged || (method === "ranking" && votes !== area.maxVotes) ? t("lockedMethod", { area: isolated(area.title) }) : t("lockedLowerMaxVotes", { area: isolated(area.title), n: votes });
    void run(() => api.patchArea(area.id, body), (err) => explain(err, whenLocked)).then((ok) => { if (ok) announce(t("settingsSaved")); });
  };
  const addProposal = (e: FormEvent) => {
    e.preventDefault();
    if (addIdle) return;
    let label = "";
    void run(
      async () => {
        label = (await api.createProposal(area.id, newBody.trim() ? { title: newTitle.trim(), body: newBody.trim() } : { title: newTitle.trim() })).label;
        setNewTitle("");
        setNewBody("");
        // Ready for the next one: the emptied field takes the focus from the button, idle until
        // something is typed (aria-disabled: a disabled button drops the focus to the page).
        document.getElementById(`${idBase}-new-title`)?.focus();
      },
      (err) => explain(err, t("lockedAddProposal", { area: isolated(area.title) })),
    ).then((ok) => { if (ok) announce(t("programmeProposalAdded", { label })); });
  };

  return (
    <article className="area-editor" aria-labelledby={`${idBase}-h`}>
      <header className="area-editor-head">
        <h3 id={`${idBase}-h`}>
          <span className="area-number">{index + 1}.</span> <Iso>{area.title}</Iso>
        </h3>
        <MoveDeleteControls
          name={area.title}
          index={index}
          count={count}
          busy={busy}
          onMove={(position) => void run(() => api.patchArea(area.id, { position })).then((ok) => { if (ok) announce(t("programmeMoved")); })}
          onDelete={() => run(() => api.deleteArea(area.id), (err) => explain(err, t("lockedDeleteArea", { area: isolated(area.title) })))}
          // The area is gone from under the focus: the programme's heading takes it.
          onDeleted={() => { announce(t("programmeDeleted")); document.getElementById("programme-heading")?.focus(); }}
          question={rich(t, "areaDeleteQuestion", { area: <Iso>{area.title}</Iso> }, { n: area.proposals.length })}
          deleteBlocked={areaDeleteBlocked(tally) ? rich(t, "blockedDeleteArea", { area: <Iso>{area.title}</Iso> }) : null}
        />
      </header>
      <form className="area-settings" onSubmit={save}>
        <div className="field">
          <label htmlFor={`${idBase}-title`}>{t("areaTitleLabel")}</label>
          <input id={`${idBase}-title`} type="text" dir="auto" required maxLength={LIMITS.areaTitle} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field prefix-field">
          <label htmlFor={`${idBase}-prefix`}>{t("areaPrefixLabel")}</label>
          <input id={`${idBase}-prefix`} type="text" dir="ltr" required maxLength={LIMITS.prefixLength} value={prefix} onChange={(e) => setPrefix(e.target.value)} aria-describedby={`${idBase}-prefix-hint`} />
        </div>
        <div className="field votes-field">
          <label htmlFor={`${idBase}-votes`}>{t("areaVotesLabel")}</label>
          <input id={`${idBase}-votes`} type="number" inputMode="numeric" min={LIMITS.votesMin} max={LIMITS.votesMax} value={maxVotes} onChange={(e) => setMaxVotes(e.target.value)} />
        </div>
        <p className="hint prefix-hint" id={`${idBase}-prefix-hint`}>
          {rich(t, "areaPrefixHint", { first: <Iso>{`${shownPrefix}-1`}</Iso>, second: <Iso>{`${shownPrefix}-2`}</Iso> }, { max: LIMITS.prefixLength })}
        </p>
        <MethodField
          idBase={idBase}
          areaTitle={area.title}
          method={method}
          maxVotes={votes}
          perProposal={perProposal}
          onMethod={(m) => {
            setMethod(m);
            // Dots start with no cap of their own: all of the area's dots may go on one proposal.
            if (m === "dots" && area.method !== "dots") setPerProposal(String(validVotes ? votes : area.maxVotes));
          }}
          onPerProposal={setPerProposal}
          locked={locked}
        />
        <button className="btn secondary save-area" type="submit" aria-disabled={saveIdle}>{t("save")}</button>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      <details className="area-proposals">
        <summary id={`${idBase}-proposals`}>{t("areaProposalCount", { n: area.proposals.length })}<span className="visually-hidden">{rich(t, "areaProposalsIn", { area: <Iso>{area.title}</Iso> })}</span></summary>
        <ol className="proposal-list">
          {area.proposals.map((p, i) => (
            <li key={p.id}>
              <ProposalEditor api={api} proposal={p} tally={tally} index={i} count={area.proposals.length} refresh={refresh}
                announce={announce} onDeleted={() => document.getElementById(`${idBase}-proposals`)?.focus()} />
            </li>
          ))}
        </ol>
        <h4 className="add-proposal-heading">{t("areaAddProposalHeading")}</h4>
        <form onSubmit={addProposal}>
          <LongTextField id={`${idBase}-new-title`} label={t("proposalTextLabel")} required max={LIMITS.proposalTitle} value={newTitle} onChange={setNewTitle} />
          <div className="field">
            <label htmlFor={`${idBase}-new-body`}>{t("proposalBodyLabel")}</label>
            <textarea id={`${idBase}-new-body`} dir="auto" maxLength={LIMITS.proposalBody} rows={3} value={newBody} onChange={(e) => setNewBody(e.target.value)} />
          </div>
          <button className="btn" type="submit" aria-disabled={addIdle} aria-describedby={addBlocked ? `${idBase}-add-reason` : undefined}>{t("areaAddProposal")}</button>
          {addBlocked && <p className="reason" id={`${idBase}-add-reason`}>{addBlocked}</p>}
        </form>
      </details>
    </article>
  );
}
