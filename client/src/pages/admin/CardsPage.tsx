// The ballot-cards page: the event's batches, and the printable cards of one batch not yet marked
// printed. The codes come from the server (admin token only), so a new tab, a reload or another
// machine prints the same cards; marking the batch printed erases them there. The page also says
// what the QR codes depend on, and how a card works when they no longer open.
import { useEffect, useMemo, useState } from "react";
import { ServerInfo, EventReply, type InviteBatch } from "../../../../shared/schemas";
import { request } from "../../api/http";
import { keyFromHash } from "../../routes";
import { AdminApi } from "./api";
import { BatchList } from "./BatchList";
import { CardSheets } from "./CardSheets";
import { explain } from "./explain";
import { batchState, useInviteBatches } from "./invitesStore";
import { adminPath, participantUrl } from "./links";
import { counted } from "./words";
import "../home/organiser.css";
import "./cards.css";
import { apiPaths } from "../../api/paths";

// The batch shown rides in the fragment with the key (#key=…&batch=…): a reload shows it again.
function requestedBatch(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, "")).get("batch");
}

function showBatchInUrl(id: string): void {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  params.set("batch", id);
  window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}#${params.toString()}`);
}

export default function CardsPage({ code }: { code: string }) {
  const adminToken = keyFromHash(window.location.hash);
  const api = useMemo(() => (adminToken ? new AdminApi(code, adminToken) : null), [code, adminToken]);
  const { batches, error: listError, refresh } = useInviteBatches(api);
  const [title, setTitle] = useState<string | null>(null);
  const [publicUrl, setPublicUrl] = useState<string | null | undefined>(undefined);
  const [selected, setSelected] = useState<string | null>(requestedBatch);
  const [printable, setPrintable] = useState<{ batchId: string; invites: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    request("GET", apiPaths.event(code), EventReply).then((r) => setTitle(r.event.title)).catch(() => setTitle(""));
    request("GET", apiPaths.serverInfo(), ServerInfo).then((r) => setPublicUrl(r.publicUrl)).catch(() => setPublicUrl(null));
  }, [code]);

  // With no batch asked for, the newest one that can still be printed.
  useEffect(() => {
    if (selected || !batches) return;
    const next = [...batches].reverse().find((b) => batchState(b) === "unprinted");
    if (next) setSelected(next.id);
  }, [batches, selected]);

  const current = batches?.find((b) => b.id === selected) ?? null;
  const currentState = current ? batchState(current) : null;
  useEffect(() => {
    if (!api || !selected || currentState !== "unprinted") {
      setPrintable(null);
      return;
    }
    let live = true;
    api.inviteBatch(selected).then(
      (r) => live && setPrintable({ batchId: selected, invites: r.invites }),
      (err: unknown) => live && setMessage({ ok: false, text: explain(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, selected, currentState]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      setMessage({ ok: true, text: done });
    } catch (err) {
      setMessage({ ok: false, text: explain(err) });
    } finally {
      await refresh();
      setBusy(false);
    }
  };
  const markPrinted = (b: InviteBatch) => {
    if (!api || !window.confirm(`Mark this batch of ${counted(b.count, "card")} as printed?\n\nIts codes are then erased from the server and cannot be printed again. The printed cards keep working.`)) return;
    void act(() => api.markBatchPrinted(b.id), `Marked as printed. The ${counted(b.count, "card")} keep working; their codes are no longer on the server.`);
  };
  const voidBatch = (b: InviteBatch) => {
    if (!api || !window.confirm(`Void this batch of ${counted(b.count, "card")}?\n\nNone of its cards will work any more, and it cannot be printed again.`)) return;
    void act(() => api.voidBatch(b.id), `Voided. None of its ${counted(b.count, "card")} will work.`);
  };
  const select = (id: string) => {
    setMessage(null);
    setSelected(id);
    showBatchInUrl(id);
  };

  const url = participantUrl(publicUrl ?? null, code);
  const host = new URL(url).hostname;
  const unreachable = host === "localhost" || host.startsWith("127.") || host === "[::1]";
  const back = adminToken ? adminPath(code, adminToken, null) : null;
  const shown = printable && printable.batchId === selected && current ? printable : null;
  const sheets = shown ? Math.ceil(shown.invites.length / 8) : 0;

  return (
    <div className="cards-page">
      <div className="cards-toolbar no-print">
        <h1>Ballot cards · {code}</h1>
        {!api ? (
          <p className="form-error">This page needs the organiser link: open it from the organiser page.</p>
        ) : (
          <>
            {listError && <p className="form-error" role="alert">{listError}</p>}
            {batches && <BatchList batches={batches} selected={selected} busy={busy} onSelect={select} onPrinted={markPrinted} onVoid={voidBatch} />}
            {message && <p className={message.ok ? "form-ok" : "form-error"} role={message.ok ? "status" : "alert"}>{message.text}</p>}
            {current && currentState !== "unprinted" && (
              <p>This batch was {currentState === "voided" ? "voided" : "marked as printed"}: its codes are no longer on the server, so it cannot be printed.</p>
            )}
            {shown && current && (
              <div className="print-box">
                <p>
                  {counted(shown.invites.length, "card")} on {counted(sheets, "A4 sheet")}. Print at 100% scale (“actual size”), cut along the
                  grey lines; each card admits one person. When every card has come out of the printer, mark the batch as printed.
                </p>
                <div className="actions">
                  <button type="button" className="btn" onClick={() => window.print()} disabled={publicUrl === undefined || title === null}>Print cards</button>
                  <button type="button" className="btn secondary" disabled={busy} onClick={() => markPrinted(current)}>Mark as printed</button>
                </div>
              </div>
            )}
            <section className="qr-notice" aria-labelledby="qr-heading">
              <h2 id="qr-heading">What the QR codes depend on</h2>
              <p>
                Each QR code opens <strong className="card-url">{url}</strong> with the card’s code. That address comes from the server:
                {" "}<code>PUBLIC_URL</code> when it is set, otherwise the laptop’s network address right now. The QR codes work only while
                phones can reach the laptop at exactly that address.
              </p>
              {unreachable && (
                <p className="form-error">This address is the laptop itself: no phone can open it. Set <code>PUBLIC_URL</code> (or start the server on the venue network) before printing.</p>
              )}
              <p>
                If the laptop gets another address at the venue (another Wi-Fi, a new IP), the QR codes stop opening, but every card still
                works by its codes: open the address shown on the projector, and on the start page type the <strong>event code</strong> and
                then the <strong>card code</strong>, as printed (“{code} ABCD-EF23”). To keep the QR codes working, set <code>PUBLIC_URL</code> to
                an address that will not change (a fixed IP or a name) before printing.
              </p>
            </section>
            {back && <p><a className="btn secondary" href={back}>Back to the organiser page</a></p>}
          </>
        )}
      </div>
      {shown && publicUrl !== undefined && title !== null && <CardSheets title={title} code={code} url={url} invites={shown.invites} />}
    </div>
  );
}
