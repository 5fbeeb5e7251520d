// The ballot-cards page: the event's batches, and the printable cards of one batch not yet marked
// printed. The codes come from the server (admin token only), so a new tab, a reload or another
// machine prints the same cards; marking the batch printed erases them there. The page also says
// what the QR codes depend on, and how a card works when they no longer open.
import { useEffect, useLayoutEffect, useMemo, useState } from "react";
import type { Language } from "../../../../shared/i18n/languages";
import { ServerInfo, EventReply, type InviteBatch } from "../../../../shared/schemas";
import { request } from "../../api/http";
import { keyFromHash } from "../../routes";
import { AdminApi } from "./api";
import { BatchList } from "./BatchList";
import { CardSheets } from "./CardSheets";
import { useExplain } from "./explain";
import { batchState, useInviteBatches } from "./invitesStore";
import { adminPath, participantUrl } from "../../features/links/links";
import { chooseLanguage, queryLanguage } from "../../i18n/choose";
import { I18nProvider, useT } from "../../i18n/I18n";
import { LanguageSwitcher } from "../../i18n/LanguageSwitcher";
import { rich } from "../../i18n/rich";
import "../../components/organiser.css";
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

// The page's own words follow the organiser (browser, then the event's language); the printed cards
// speak the event's language, as the paper ballot does: they are read in the room. `?lang=` sets both.
// organiser: the refusals' words the organiser page uses too (explain.ts).
const ROLES = ["cards", "organiser"] as const;

export default function CardsPage({ code }: { code: string }) {
  const [eventLanguage, setEventLanguage] = useState<Language | null>(null);
  return (
    <I18nProvider lang={chooseLanguage({ eventLanguage })} roles={ROLES}>
      <Cards code={code} onEventLanguage={setEventLanguage} />
    </I18nProvider>
  );
}

function Cards({ code, onEventLanguage }: { code: string; onEventLanguage: (lang: Language) => void }) {
  const t = useT("cards");
  const explain = useExplain();
  const adminToken = keyFromHash(window.location.hash);
  const api = useMemo(() => (adminToken ? new AdminApi(code, adminToken) : null), [code, adminToken]);
  const { batches, error: listError, refresh } = useInviteBatches(api);
  const [title, setTitle] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language | null>(null);
  const [publicUrl, setPublicUrl] = useState<string | null | undefined>(undefined);
  const [selected, setSelected] = useState<string | null>(requestedBatch);
  const [printable, setPrintable] = useState<{ batchId: string; invites: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    request("GET", apiPaths.event(code), EventReply)
      .then((r) => {
        setTitle(r.event.title);
        setLanguage(r.event.language);
        onEventLanguage(r.event.language);
      })
      .catch(() => setTitle(""));
    request("GET", apiPaths.serverInfo(), ServerInfo).then((r) => setPublicUrl(r.publicUrl)).catch(() => setPublicUrl(null));
  }, [code, onEventLanguage]);
  useEffect(() => {
    document.title = t("pageDocTitle", { code });
  }, [t, code]);

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
  }, [api, selected, currentState, explain]);

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
  // Marking printed or voiding removes the batch's buttons, the focused one among them: the focus
  // goes to the message that says what happened, never to the page (WCAG 2.4.3).
  useLayoutEffect(() => {
    if (!busy && (document.activeElement === document.body || document.activeElement === null)) document.getElementById("cards-message")?.focus();
  }, [busy]);
  const markPrinted = (b: InviteBatch) => {
    if (!api || !window.confirm(t("pageConfirmPrinted", { n: b.count }))) return;
    void act(() => api.markBatchPrinted(b.id), t("pageDonePrinted", { n: b.count }));
  };
  const voidBatch = (b: InviteBatch) => {
    if (!api || !window.confirm(t("pageConfirmVoid", { n: b.count }))) return;
    void act(() => api.voidBatch(b.id), t("pageDoneVoid", { n: b.count }));
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
  const env = <code>PUBLIC_URL</code>;

  return (
    <div className="cards-page">
      <div className="cards-toolbar no-print">
        <div className="cards-title">
          <h1>{t("pageHeading", { code })}</h1>
          <LanguageSwitcher label={t("pageLanguage")} />
        </div>
        {!api ? (
          <p className="form-error">{t("pageNeedsKey")}</p>
        ) : (
          <>
            {listError && <p className="form-error" role="alert">{listError}</p>}
            {batches && <BatchList batches={batches} selected={selected} busy={busy} onSelect={select} onPrinted={markPrinted} onVoid={voidBatch} />}
            {message && <p id="cards-message" tabIndex={-1} className={message.ok ? "form-ok" : "form-error"} role={message.ok ? "status" : "alert"}>{message.text}</p>}
            {current && currentState !== "unprinted" && (
              <p>{t("pageNotPrintable", { state: currentState ?? "printed" })}</p>
            )}
            {shown && current && (
              <div className="print-box">
                <p>{t("pagePrintHelp", { cards: shown.invites.length, sheets })}</p>
                <div className="actions">
                  <button type="button" className="btn" onClick={() => window.print()} disabled={publicUrl === undefined || title === null}>{t("pagePrint")}</button>
                  <button type="button" className="btn secondary" aria-disabled={busy} onClick={() => { if (!busy) markPrinted(current); }}>{t("pageMarkPrinted")}</button>
                </div>
              </div>
            )}
            <section className="qr-notice" aria-labelledby="qr-heading">
              <h2 id="qr-heading">{t("pageQrHeading")}</h2>
              <p>{rich(t, "pageQrOpens", { url: <strong className="card-url">{url}</strong>, env })}</p>
              {unreachable && <p className="form-error">{rich(t, "pageQrUnreachable", { env })}</p>}
              <p>
                {rich(t, "pageQrFallback", {
                  eventCode: <strong>{t("pageEventCode")}</strong>,
                  cardCode: <strong>{t("pageCardCode")}</strong>,
                  example: <bdi dir="ltr">{code} ABCD-EF23</bdi>,
                  env,
                })}
              </p>
            </section>
            {back && <p><a className="btn secondary" href={back}>{t("pageBack")}</a></p>}
          </>
        )}
      </div>
      {shown && publicUrl !== undefined && title !== null && (
        <I18nProvider lang={queryLanguage() ?? language ?? "en"} roles={ROLES} ownsDocument={false}>
          <CardSheets title={title} code={code} url={url} invites={shown.invites} />
        </I18nProvider>
      )}
    </div>
  );
}
