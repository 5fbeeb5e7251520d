// The event's batches of ballot cards: which can still be printed, which were printed or voided, and
// the two actions that end a batch's printable life. Both ask first: neither can be undone.
import type { InviteBatch } from "../../../../shared/schemas";
import { formatDateTime } from "../../../../shared/i18n/format";
import { useI18n, useT } from "../../i18n/I18n";
import { batchState, voidRefusal } from "./invitesStore";

interface Props {
  batches: InviteBatch[];
  selected: string | null;
  busy: boolean;
  onSelect: (id: string) => void;
  onPrinted: (b: InviteBatch) => void;
  onVoid: (b: InviteBatch) => void;
}

export function BatchList({ batches, selected, busy, onSelect, onPrinted, onVoid }: Props) {
  const t = useT("cards");
  const { lang } = useI18n();
  const when = (iso: string) => formatDateTime(lang, iso);
  const status = (b: InviteBatch): string => {
    switch (batchState(b)) {
      case "voided": return t("batchVoided", { time: when(b.voidedAt ?? "") });
      case "printed": return t("batchPrinted", { time: when(b.printedAt ?? "") });
      default: return t("batchUnprinted");
    }
  };
  if (batches.length === 0) return <p>{t("batchNone")}</p>;
  return (
    // aria-disabled, not disabled: a press that makes its own button unavailable (Show → Shown)
    // keeps the keyboard's focus on it.
    <table className="batch-list">
      <caption>{t("batchCaption")}</caption>
      <thead>
        <tr><th scope="col">{t("batchColBatch")}</th><th scope="col">{t("batchColStatus")}</th><th scope="col">{t("batchColUsed")}</th><th scope="col"><span className="visually-hidden">{t("batchColActions")}</span></th></tr>
      </thead>
      <tbody>
        {batches.map((b, i) => {
          const n = i + 1;
          const refusal = voidRefusal(b);
          const refusalText = refusal ? t(refusal.key, refusal.params) : undefined;
          const open = batchState(b) === "unprinted";
          return (
            <tr key={b.id} aria-current={b.id === selected ? "true" : undefined} data-batch={b.id}>
              <th scope="row">{t("batchName", { n })}<br /><span className="hint">{t("batchCards", { n: b.count })} · {t("batchCreated", { time: when(b.createdAt) })}</span></th>
              <td data-label={t("batchColStatus")}>{status(b)}</td>
              <td data-label={t("batchColUsed")}>{t("batchUsed", { used: b.used, count: b.count })}</td>
              <td className="actions">
                {open && (
                  <>
                    <button type="button" className="btn secondary" aria-disabled={busy || b.id === selected} onClick={() => { if (!busy && b.id !== selected) onSelect(b.id); }}>
                      {/* The name starts with the words on the button (WCAG 2.5.3), then says which batch. */}
                      {b.id === selected ? t("batchShown") : t("batchShow")}<span className="visually-hidden"> · {t("batchName", { n })}</span>
                    </button>
                    <button type="button" className="btn secondary" aria-disabled={busy} onClick={() => { if (!busy) onPrinted(b); }}>{t("batchMarkPrinted")}<span className="visually-hidden"> · {t("batchName", { n })}</span></button>
                  </>
                )}
                {!b.voidedAt && (
                  <button type="button" className="btn danger" disabled={busy || refusal !== null} title={refusalText} onClick={() => onVoid(b)} aria-label={t("batchVoidLabel", { n })}>{t("batchVoid")}</button>
                )}
                {refusalText && !b.voidedAt && <span className="hint">{refusalText}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
