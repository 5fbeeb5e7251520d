// How an area's ballot is counted (API 1.1): approval, dots or ranking, each radio with the sentence
// the phones will show for it (methodText, the rules catalog), so the organiser reads beforehand what
// the room will be told; for dots, how many may stack on one proposal. Part of the area's settings
// form (saved with its button). Once people have voted the server refuses a change (EVENT_LOCKED):
// the group is disabled with that reason, known from the organiser's own tally.
import { LIMITS } from "../../../../shared/limits";
import { methodText } from "../../../../shared/rules";
import type { VotingMethod } from "../../../../shared/schemas";
import { useI18n, useT } from "../../i18n/I18n";
import { Iso, rich } from "../../i18n/rich";

const METHODS: readonly VotingMethod[] = ["approval", "dots", "ranking"];
const NAMES = { approval: "methodApproval", dots: "methodDots", ranking: "methodRanking" } as const;

interface Props {
  idBase: string;
  areaTitle: string;
  method: VotingMethod;
  /** The votes field as typed: the sentences follow it while the organiser edits. */
  maxVotes: number;
  perProposal: string;
  onMethod: (m: VotingMethod) => void;
  onPerProposal: (v: string) => void;
  /** People have voted: no change is possible any more. */
  locked: boolean;
}

export function MethodField({ idBase, areaTitle, method, maxVotes, perProposal, onMethod, onPerProposal, locked }: Props) {
  const t = useT("organiser");
  const i18n = useI18n();
  const max = Number.isInteger(maxVotes) && maxVotes >= LIMITS.votesMin ? maxVotes : 1;
  const per = Number(perProposal);
  const sentence = (m: VotingMethod) => {
    const how = methodText({ method: m, maxVotes: max, maxPerProposal: Number.isInteger(per) && per >= 1 ? per : max });
    return i18n.t("rules", how.key, how.params);
  };
  const reasonId = `${idBase}-method-locked`;
  return (
    <fieldset className="method-field" disabled={locked} aria-describedby={locked ? reasonId : undefined} data-testid="method-field">
      <legend>{t("methodLegend")}</legend>
      <div className="method-options">
        {METHODS.map((m) => (
          <label key={m} className="method-option">
            <input type="radio" name={`${idBase}-method`} value={m} checked={method === m} onChange={() => onMethod(m)} aria-describedby={`${idBase}-how-${m}`} />
            <span>
              <strong>{t(NAMES[m])}</strong>
              <span className="hint method-how" id={`${idBase}-how-${m}`}>{sentence(m)}</span>
            </span>
          </label>
        ))}
      </div>
      {method === "dots" && (
        <div className="field per-field">
          <label htmlFor={`${idBase}-per`}>{t("methodPerLabel")}</label>
          <input id={`${idBase}-per`} type="number" inputMode="numeric" min={1} max={max} value={perProposal} onChange={(e) => onPerProposal(e.target.value)} aria-describedby={`${idBase}-per-hint`} />
          <span className="hint" id={`${idBase}-per-hint`}>{t("methodPerHint", { n: max })}</span>
        </div>
      )}
      {locked && <p className="reason" id={reasonId}>{rich(t, "blockedMethod", { area: <Iso>{areaTitle}</Iso> })}</p>}
    </fieldset>
  );
}
