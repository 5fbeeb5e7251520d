// One proposal: shown as its title, opened to correct the title or text, moved or deleted.
import { useState, type FormEvent } from "react";
import { LIMITS } from "../../../../shared/limits";
import type { AreaResults, Proposal } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { explain, LOCKED } from "./explain";
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
}

export function ProposalEditor({ api, proposal, tally, index, count, refresh }: Props) {
  const [title, setTitle] = useState(proposal.title);
  const [body, setBody] = useState(proposal.body);
  const { busy, error, run } = useAction(refresh);
  const dirty = title.trim() !== proposal.title || body.trim() !== proposal.body;
  const idBase = `proposal-${proposal.id}`;

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.patchProposal(proposal.id, { title: title.trim(), body: body.trim() }));
  };

  return (
    <div className="proposal-editor">
      <div className="proposal-line">
        <details className="proposal-details">
          <summary>
            <span className="proposal-label">{proposal.label}</span>
            <span className="proposal-title">{proposal.title}</span>
            {proposal.body && <span className="proposal-snippet"> — {proposal.body}</span>}
          </summary>
          <form onSubmit={save}>
            <LongTextField id={`${idBase}-title`} label="Proposal text" required max={LIMITS.proposalTitle} value={title} onChange={setTitle} />
            <div className="field">
              <label htmlFor={`${idBase}-body`}>Background (optional)</label>
              <textarea id={`${idBase}-body`} maxLength={LIMITS.proposalBody} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
            </div>
            <button className="btn secondary" type="submit" disabled={busy || !dirty || !title.trim()}>Save</button>
          </form>
        </details>
        <MoveDeleteControls
          name={proposal.title}
          index={index}
          count={count}
          busy={busy}
          onMove={(position) => void run(() => api.patchProposal(proposal.id, { position }))}
          onDelete={() => run(() => api.deleteProposal(proposal.id), (err) => explain(err, LOCKED.deleteProposal))}
          deleteBlocked={proposalDeleteBlocked(proposal.id, tally)}
        />
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}
