// The printable sheets: A4, eight cards to a sheet. Each card has the event's title in full (wrapped,
// and its type shrunk until it fits: never cut), a QR code that joins with the card, and the codes
// typed out — the event code and the card code — so the card still works when the QR link does not.
import { useLayoutEffect, useRef, type RefObject } from "react";
import { useI18n, useT } from "../../i18n/I18n";
import { rich } from "../../i18n/rich";
import { QrCode } from "../../components/QrCode";

const CARDS_PER_SHEET = 8;
/** Type scales tried for the title, largest first; the smallest is still ~6 pt, readable in hand. */
const TITLE_FIT = [1, 0.92, 0.84, 0.76, 0.68, 0.6, 0.52];

interface Props {
  title: string;
  code: string;
  /** The participant page, e.g. http://192.168.1.20:3000/e/K7XQ2M. */
  url: string;
  invites: readonly string[];
}

const overflows = (el: Element | null) => !!el && (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth);

/** Sets `--title-fit` on the sheets: the largest scale at which the title and the card both fit. */
function useFitTitle(ref: RefObject<HTMLDivElement | null>, key: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Every card carries the same title and layout: measuring the first fits them all.
    const card = el.querySelector(".ballot-card");
    for (const scale of TITLE_FIT) {
      el.style.setProperty("--title-fit", String(scale));
      if (!overflows(card?.querySelector(".card-event") ?? null) && !overflows(card)) break;
    }
  }, [ref, key]);
}

export function CardSheets({ title, code, url, invites }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT("cards");
  const { lang, dir } = useI18n();
  // Refitted when the language changes too: the words around the title take another room.
  useFitTitle(ref, `${title}\u0000${url}\u0000${invites.length}\u0000${lang}`);
  const sheets: string[][] = [];
  for (let i = 0; i < invites.length; i += CARDS_PER_SHEET) sheets.push(invites.slice(i, i + CARDS_PER_SHEET));
  // Written without the scheme (phones add it), with a break allowed after the host.
  const { host, pathname: path } = new URL(url);

  return (
    <div className="sheets" ref={ref} lang={lang} dir={dir}>
      {sheets.map((sheet, s) => (
        <section className="sheet" key={s} aria-label={t("sheetLabel", { n: s + 1, total: sheets.length })}>
          {sheet.map((invite) => (
            <article className="ballot-card" key={invite} aria-label={t("sheetCardLabel", { code: invite })}>
              <p className="card-event" dir="auto">{title}</p>
              <QrCode text={`${url}?invite=${encodeURIComponent(invite)}`} label={t("sheetQrLabel", { code: invite })} />
              <div className="card-text">
                <p className="card-label">{t("sheetSingleUse")}</p>
                <p className="card-field">
                  <span className="card-key">{t("sheetEventCode")}</span> <span className="card-event-code" dir="ltr">{code}</span>
                </p>
                <p className="card-field">
                  <span className="card-key">{t("sheetCardCode")}</span> <span className="card-code" dir="ltr">{invite}</span>
                </p>
                <p className="card-instruction">
                  {rich(t, "sheetInstruction", { url: <strong className="card-url" dir="ltr">{host}<wbr />{path}</strong> })}
                </p>
              </div>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
