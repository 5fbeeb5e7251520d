// The countdown to an area's deadline (Area.closesAt), on the server's clock (serverClock.ts). On the
// projector: a large timer. On a phone: the timer in the area's header and, in the last minute, a
// warning shown and announced once through a live region (the ticking timer itself is role=timer,
// which screen readers do not read out every second). A lazy chunk with its own words (`clock`).
import { useEffect, useState } from "react";
import { LIMITS } from "../../../shared/limits";
import { useLazyT } from "../i18n/useLazyT";
import { formatRemaining, serverNow, syncServerClock } from "./serverClock";
import "./countdown.css";

export interface CountdownProps {
  closesAt: string;
  areaTitle: string;
  variant: "screen" | "phone";
}

const TICK_MS = 250;

export default function Countdown({ closesAt, areaTitle, variant }: CountdownProps) {
  const t = useLazyT("clock");
  const deadline = Date.parse(closesAt);
  const [left, setLeft] = useState(() => deadline - serverNow());
  useEffect(() => {
    let live = true;
    const tick = () => live && setLeft(deadline - serverNow());
    void syncServerClock().then(tick);
    const timer = setInterval(tick, TICK_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [deadline]);
  if (!t || Number.isNaN(deadline)) return null;
  const seconds = Math.max(0, Math.ceil(left / 1000));
  const lastMinute = seconds > 0 && seconds <= LIMITS.clockWarningSeconds;
  return (
    <div className={`countdown countdown-${variant}${lastMinute ? " countdown-last-minute" : ""}`} data-testid="countdown" data-seconds-left={seconds}>
      <p className="countdown-time" role="timer">
        {seconds > 0 ? t("closesIn", { time: formatRemaining(left) }) : t("timeUp")}
      </p>
      {variant === "phone" && (
        <p className="countdown-warning" aria-live="assertive" data-testid="countdown-warning">
          {lastMinute ? t("lastMinute", { area: areaTitle }) : ""}
        </p>
      )}
    </div>
  );
}
