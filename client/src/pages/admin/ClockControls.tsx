// The facilitator's clock for one area of the live controls: "open for N minutes" (also on an area
// already open with no deadline), then the time left on the server's clock and "+1 min", "+5 min";
// on a closed area, the runoff (RunoffButton). Its words are the `clock` catalog's, loaded here.
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import type { Area, Event } from "../../../../shared/schemas";
import { LIMITS } from "../../../../shared/limits";
import { formatRemaining, serverNow, syncServerClock } from "../../clock/serverClock";
import { useLazyT, type LazyT } from "../../i18n/useLazyT";
import type { AdminApi } from "./api";
import { openFor } from "./clockApi";
import { isolated } from "./isolate";
import { RunoffButton } from "./RunoffButton";
import { useAction } from "./useAction";
import "./clock-controls.css";

interface Props {
  api: AdminApi;
  event: Event;
  area: Area;
  refresh: () => Promise<void>;
}

const MAX_MINUTES = LIMITS.durationMaxSeconds / 60;

export function ClockControls({ api, event, area, refresh }: Props) {
  const t = useLazyT("clock");
  const { busy, error, run } = useAction(refresh);
  // "Open for N minutes" is replaced by the time left and "+1 min": the focus follows to "+1 min".
  const opened = useRef(false);
  if (!t) return null;
  if (area.status === "closed") return <RunoffButton api={api} event={event} area={area} refresh={refresh} t={t} />;
  if (area.proposals.length === 0) return null;
  return (
    <div className="clock-controls">
      {area.status === "open" && area.closesAt ? (
        <Extend t={t} area={area} closesAt={area.closesAt} busy={busy} takeFocus={opened} onExtend={(seconds) => void run(() => openFor(api, area.id, seconds))} />
      ) : (
        <OpenFor t={t} area={area} busy={busy} onOpen={(minutes) => { opened.current = true; void run(() => openFor(api, area.id, minutes * 60)).then((ok) => { if (!ok) opened.current = false; }); }} />
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}

function OpenFor({ t, area, busy, onOpen }: { t: LazyT; area: Area; busy: boolean; onOpen: (minutes: number) => void }) {
  const id = useId();
  const [minutes, setMinutes] = useState(5);
  const valid = Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_MINUTES;
  return (
    <span className="clock-open-for">
      <label className="visually-hidden" htmlFor={id}>{t("minutesLabel", { area: isolated(area.title) })}</label>
      <input id={id} type="number" inputMode="numeric" min={1} max={MAX_MINUTES} step={1} value={Number.isNaN(minutes) ? "" : minutes} onChange={(e) => setMinutes(e.currentTarget.valueAsNumber)} className="clock-minutes" />
      <button type="button" className="btn secondary" aria-disabled={busy || !valid} onClick={() => { if (!busy && valid) onOpen(minutes); }}>
        {t("openForButton", { n: valid ? minutes : 0 })}
      </button>
    </span>
  );
}

function Extend({ t, area, closesAt, busy, takeFocus, onExtend }: { t: LazyT; area: Area; closesAt: string; busy: boolean; takeFocus: { current: boolean }; onExtend: (seconds: number) => void }) {
  const plusOne = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (!takeFocus.current) return;
    takeFocus.current = false;
    // Only when the focus was on the button this replaced (now gone): never taken from elsewhere.
    if (document.activeElement === document.body || document.activeElement === null) plusOne.current?.focus();
  }, [takeFocus]);
  const deadline = Date.parse(closesAt);
  const [left, setLeft] = useState(() => deadline - serverNow());
  useEffect(() => {
    const tick = () => setLeft(deadline - serverNow());
    void syncServerClock().then(tick);
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [deadline]);
  // The new deadline counts from the server's now: what is left, plus the minutes asked for.
  const extend = (minutes: number) => onExtend(Math.ceil(Math.max(0, deadline - serverNow()) / 1000) + minutes * 60);
  return (
    <span className="clock-extend">
      <span className="clock-left" role="timer" data-testid="organiser-countdown">{t("closesByItself", { time: formatRemaining(left) })}</span>
      {[1, 5].map((n) => (
        // The name starts with the words on the button (WCAG 2.5.3: a voice user says what they see), then the area.
        <button key={n} ref={n === 1 ? plusOne : undefined} type="button" className="btn small secondary" aria-disabled={busy} onClick={() => { if (!busy) extend(n); }} aria-label={`${t("extendButton", { n })} — ${t("extendLabel", { n, area: isolated(area.title) })}`}>
          {t("extendButton", { n })}
        </button>
      ))}
    </span>
  );
}
