import { useRef } from "react";
import { QrCode } from "../../components/QrCode";
import { roomTurnoutText, type RoomTurnout } from "./screen-model";
import { useShrinkToFit } from "./useFitText";
import { useScreenWords } from "./useScreenWords";

export interface JoinPanelProps {
  title: string;
  url: string;
  code: string;
  /** Null until the first results arrive. */
  turnout: RoomTurnout | null;
}

/** Splits the address after the scheme and host, so a long LAN address wraps at a sensible place. */
function UrlText({ url }: { url: string }) {
  const m = /^(https?:\/\/)([^/]+)(\/.*)?$/.exec(url);
  if (!m) return <>{url}</>;
  return (
    <>
      <span className="url-scheme">{m[1]}</span>
      {m[2]}
      <wbr />
      {m[3] ?? ""}
    </>
  );
}

export function JoinPanel({ title, url, code, turnout }: JoinPanelProps) {
  const { say } = useScreenWords();
  const ref = useRef<HTMLElement>(null);
  const turnoutText = turnout === null ? "\u00a0" : roomTurnoutText(turnout, say);
  // The slide is sized for the stage; what makes its text taller (a reader's own text spacing, a
  // long title or address) shrinks the slide, QR code and all, so nothing runs off the stage.
  useShrinkToFit(ref, ".join-text", `${title}|${url}|${code}|${turnoutText}`, 0.5);
  return (
    <section ref={ref} className="slide join" aria-labelledby="join-heading">
      <QrCode text={url} label={say("qrLabel", { url })} />
      <div className="join-text">
        <p className="eyebrow"><bdi>{title}</bdi></p>
        <h1 id="join-heading">{say("joinHeading")}</h1>
        <p className="join-step">{say("joinScan")}</p>
        {/* An address and a code read left to right on any page, Arabic too. */}
        <p className="join-url" data-testid="join-url" dir="ltr"><UrlText url={url} /></p>
        <p className="join-step">{say("joinCode")}</p>
        {/* Spelt out for a screen reader ("K 7 X Q"); an aria-label on a <p> is not reliably read. */}
        <p className="join-code" data-testid="join-code" dir="ltr" aria-hidden="true">{code}</p>
        <p className="visually-hidden">{say("joinCodeSpoken", { code: code.split("").join(" ") })}</p>
        <p className="join-turnout" data-testid="turnout" aria-live="polite">
          {turnoutText}
        </p>
      </div>
    </section>
  );
}
