// The event's batches of ballot cards: which can still be printed, which were printed or voided, and
// the two actions that end a batch's printable life. Both ask first: neither can be undone.
import type { InviteBatch } from "../../../../shared/schemas";
import { batchState, voidRefusal } from "./invitesStore";
import { counted } from "./words";

interface Props {
  batches: InviteBatch[];
  selected: string | null;
  busy: boolean;
  onSelect: (id: string) => void;
  onPrinted: (b: InviteBatch) => void;
  onVoid: (b: InviteBatch) => void;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

function status(b: InviteBatch): string {
  switch (batchState(b)) {
    case "voided": return `Voided ${when(b.voidedAt ?? "")}: its cards no longer work`;
    case "printed": return `Printed ${when(b.printedAt ?? "")}: codes erased from the server`;
    default: return "Not yet marked as printed: can be printed again";
  }
}

export function BatchList({ batches, selected, busy, onSelect, onPrinted, onVoid }: Props) {
  if (batches.length === 0) return <p>No ballot cards yet: generate a batch on the organiser page.</p>;
  return (
    <table className="batch-list">
      <caption>Batches of ballot cards</caption>
      <thead>
        <tr><th scope="col">Batch</th><th scope="col">Status</th><th scope="col">Used</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody>
        {batches.map((b, i) => {
          const name = `Batch ${i + 1}`;
          const refusal = voidRefusal(b);
          const open = batchState(b) === "unprinted";
          return (
            <tr key={b.id} aria-current={b.id === selected ? "true" : undefined} data-batch={b.id}>
              <th scope="row">{name}: {counted(b.count, "card")}<br /><span className="hint">created {when(b.createdAt)}</span></th>
              <td>{status(b)}</td>
              <td>{b.used} of {b.count}</td>
              <td className="actions">
                {open && (
                  <>
                    <button type="button" className="btn secondary" disabled={busy || b.id === selected} onClick={() => onSelect(b.id)} aria-label={`Show ${name} for printing`}>
                      {b.id === selected ? "Shown below" : "Show for printing"}
                    </button>
                    <button type="button" className="btn secondary" disabled={busy} onClick={() => onPrinted(b)} aria-label={`Mark ${name} as printed`}>Mark as printed</button>
                  </>
                )}
                {!b.voidedAt && (
                  <button type="button" className="btn danger" disabled={busy || refusal !== null} title={refusal ?? undefined} onClick={() => onVoid(b)} aria-label={`Void ${name}`}>Void</button>
                )}
                {refusal && !b.voidedAt && <span className="hint">{refusal}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
