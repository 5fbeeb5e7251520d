import { QrCode } from "./QrCode";
import { roomTurnoutText, type RoomTurnout } from "./screen-model";

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
  return (
    <section className="slide join" aria-labelledby="join-heading">
      <QrCode text={url} label={`QR code for ${url}`} />
      <div className="join-text">
        <p className="eyebrow">{title}</p>
        <h1 id="join-heading">Vote on your phone</h1>
        <p className="join-step">Scan the code, or open</p>
        <p className="join-url" data-testid="join-url"><UrlText url={url} /></p>
        <p className="join-step">Event code</p>
        <p className="join-code" data-testid="join-code" aria-label={`Event code ${code.split("").join(" ")}`}>{code}</p>
        <p className="join-turnout" data-testid="turnout" aria-live="polite">
          {turnout === null ? "\u00a0" : roomTurnoutText(turnout)}
        </p>
      </div>
    </section>
  );
}
