// One proposal: shown as its title, opened to correct the title or text, moved or deleted.
import { useState, type FormEvent } from "react";
import { LIMITS } from "../../../../shared/limits";
import type { AreaResults, Proposal } from "../../../../shared/schemas";
import { useT } from "../../i18n/I18n";
import { Iso } from "../../i18n/rich";
import type { AdminApi } from "./api";
import { LongTextField } from "./LongTextField";
import { MoveDeleteControls } from "./MoveDeleteControls";
import { proposalDeleteBlocked } from "./refusals";
import { useAction } from "./useAction";

interface Props {
  api: AdminApi;
  proposal: Proposal;
  tally: AreaResults | null;
  index: number;
  count: number;
  refresh: () => Promise<void>;
  announce: (message: string) => void;
  /** After the delete: the list it was in takes the focus (its line is gone from under it). */
  onDeleted: () => void;
}

export function ProposalEditor({ api, proposal, tally, index, count, refresh, announce, onDeleted }: Props) {
  const [title, setTitle] = useState(proposal.title);
  const [body, setBody] = useState(proposal.body);
  const t = useT("organiser");
  const { busy, error, run, explain } = useAction(refresh);
  const dirty = title.trim() !== proposal.title || body.trim() !== proposal.body;
  const idBase = `proposal-${proposal.id}`;

  // Save stays focusable once saved (aria-disabled, not disabled: that drops the focus to the page).
  const idle = busy || !dirty || !title.trim();
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (idle) return;
    void run(() => api.patchProposal(proposal.id, { title: title.trim(), body: body.trim() })).then((ok) => { if (ok) announce(t("settingsSaved")); });
  };

  return (
    <div className="proposal-editor">
      <div className="proposal-line">
        <details className="proposal-details">
          <summary>
            <span className="proposal-label"><Iso>{proposal.label}</Iso></span>
            <bdi dir="auto" className="proposal-title">{proposal.title}</bdi>
            {proposal.body && <span className="proposal-snippet"> — <Iso>{proposal.body}</Iso></span>}
          </summary>
          <form onSubmit={save}>
            <LongTextField id={`${idBase}-title`} label={t("proposalTextLabel")} required max={LIMITS.proposalTitle} value={title} onChange={setTitle} />
            <div className="field">
              <label htmlFor={`${idBase}-body`}>{t("proposalBodyLabel")}</label>
              <textarea id={`${idBase}-body`} dir="auto" maxLength={LIMITS.proposalBody} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
            </div>
            <button className="btn secondary" type="submit" aria-disabled={idle}>{t("save")}</button>
          </form>
        </details>
        <MoveDeleteControls
          name={proposal.title}
          index={index}
          count={count}
          busy={busy}
          onMove={(position) => void run(() => api.patchProposal(proposal.id, { position })).then((ok) => { if (ok) announce(t("programmeMoved")); })}
          onDelete={() => run(() => api.deleteProposal(proposal.id), (err) => explain(err, t("lockedDeleteProposal")))}
          onDeleted={() => { announce(t("programmeDeleted")); onDeleted(); }}
          deleteBlocked={proposalDeleteBlocked(t, proposal.id, tally)}
        />
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}
