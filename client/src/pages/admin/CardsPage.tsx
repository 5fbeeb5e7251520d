// Printable ballot cards, A4, eight to a sheet: a QR code that joins with the card's invite, the
// code typed out for phones without a camera, and one line saying what to do. The codes come from
// the organiser page through this tab's sessionStorage, since the API shows them only once.
import { useEffect, useState } from "react";
import { formatInvite } from "../../../../shared/codes";
import { EventReply, ServerInfo } from "../../../../shared/schemas";
import { request } from "../../api/http";
import { keyFromHash } from "../../routes";
import { QrCode } from "../screen/QrCode";
import { loadInvites } from "./invitesStore";
import { adminPath, participantUrl } from "./links";
import "../home/organiser.css";
import "./cards.css";
import { counted } from "./words";

const CARDS_PER_SHEET = 8;

export default function CardsPage({ code }: { code: string }) {
  const [invites] = useState(() => loadInvites(code));
  const [title, setTitle] = useState<string | null>(null);
  const [publicUrl, setPublicUrl] = useState<string | null | undefined>(undefined);
  const adminToken = keyFromHash(window.location.hash);

  useEffect(() => {
    request("GET", `/api/events/${code}`, EventReply).then((r) => setTitle(r.event.title)).catch(() => setTitle(""));
    request("GET", "/api/server-info", ServerInfo).then((r) => setPublicUrl(r.publicUrl)).catch(() => setPublicUrl(null));
  }, [code]);

  const sheets: string[][] = [];
  for (let i = 0; i < invites.length; i += CARDS_PER_SHEET) sheets.push(invites.slice(i, i + CARDS_PER_SHEET));
  const url = participantUrl(publicUrl ?? null, code);
  // Written without the scheme (phones add it) and split where a line may break: after the host.
  const { host, pathname: path } = new URL(url);
  const back = adminToken ? adminPath(code, adminToken, null) : null;

  return (
    <div className="cards-page">
      <div className="cards-toolbar no-print">
        <h1>Ballot cards · {code}</h1>
        {invites.length === 0 ? (
          <p>There are no new ballot-card codes in this browser tab. Codes are shown only once: generate a batch on the organiser page, then come here from its “Print” link.</p>
        ) : (
          <>
            <p>
              {counted(invites.length, "card")} on {counted(sheets.length, "A4 sheet")}. Print at 100% scale
              (“actual size”); each card works once. Cut along the grey lines.
            </p>
            <div className="actions">
              <button type="button" className="btn" onClick={() => window.print()} disabled={publicUrl === undefined}>Print cards</button>
              {back && <a className="btn secondary" href={back}>Back to the organiser page</a>}
            </div>
          </>
        )}
        {invites.length === 0 && back && <p><a className="btn secondary" href={back}>Back to the organiser page</a></p>}
      </div>
      {publicUrl !== undefined &&
        sheets.map((sheet, s) => (
          <section className="sheet" key={s} aria-label={`Sheet ${s + 1} of ${sheets.length}`}>
            {sheet.map((invite) => (
              <article className="ballot-card" key={invite}>
                <p className="card-event">{title}</p>
                <QrCode text={`${url}?invite=${encodeURIComponent(invite)}`} label={`QR code for ballot card ${formatInvite(invite)}`} />
                <div className="card-text">
                  <p className="card-label">Single-use ballot card</p>
                  <p className="card-code" aria-label="Ballot-card code">{formatInvite(invite)}</p>
                  <p className="card-instruction">
                    Scan with your phone camera, or open <strong>{host}<wbr />{path}</strong> and type this code.
                  </p>
                </div>
              </article>
            ))}
          </section>
        ))}
    </div>
  );
}
