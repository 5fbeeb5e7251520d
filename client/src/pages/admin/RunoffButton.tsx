// "Runoff of the top N" on a closed area: a new draft area right after it with the proposals ranked
// N or better, ties at the cut included (the server decides which: POST …/runoff). The organiser
// opens it when the room is ready, like any area.
import { useId, useState } from "react";
import type { Area, Event } from "../../../../shared/schemas";
import { LIMITS } from "../../../../shared/limits";
import type { LazyT } from "../../i18n/useLazyT";
import type { AdminApi } from "./api";
import { runoff } from "./clockApi";
import { useAction } from "./useAction";
import { isolated } from "./isolate";

interface Props {
  api: AdminApi;
  event: Event;
  area: Area;
  refresh: () => Promise<void>;
  t: LazyT;
}

export function RunoffButton({ api, area, refresh, t }: Props) {
  const id = useId();
  const [top, setTop] = useState(3);
  const [created, setCreated] = useState(false);
  const { busy, error, run } = useAction(refresh);
  const valid = Number.isInteger(top) && top >= LIMITS.runoffTopMin && top <= LIMITS.runoffTopMax;
  return (
    <div className="clock-controls runoff-controls">
      <label className="visually-hidden" htmlFor={id}>{t("runoffTopLabel", { area: isolated(area.title) })}</label>
      <input id={id} type="number" inputMode="numeric" min={LIMITS.runoffTopMin} max={LIMITS.runoffTopMax} step={1} value={Number.isNaN(top) ? "" : top} onChange={(e) => setTop(e.currentTarget.valueAsNumber)} className="clock-minutes" />
      <button type="button" className="btn secondary" disabled={busy || !valid} onClick={() => void run(() => runoff(api, area.id, top)).then((ok) => setCreated(ok))}>
        {t("runoffButton", { n: valid ? top : LIMITS.runoffTopMin })}
      </button>
      <p className="hint" role="status">{created ? t("runoffCreated", { area: isolated(area.title) }) : ""}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}
