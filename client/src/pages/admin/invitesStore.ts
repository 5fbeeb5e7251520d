// The event's ballot-card batches, from the server: the API keeps an unprinted batch's codes, so
// the cards page can print or reprint it from any tab, after a reload or on another machine, until
// the organiser marks it printed. Nothing is kept in the browser.
import { useCallback, useEffect, useState } from "react";
import type { InviteBatch } from "../../../../shared/schemas";
import type { AdminApi } from "./api";

export type BatchState = "unprinted" | "printed" | "voided";

export function batchState(b: InviteBatch): BatchState {
  return b.voidedAt ? "voided" : b.printedAt ? "printed" : "unprinted";
}

/** Why a batch cannot be voided, or null when it can (the server refuses the same cases). */
/** Why a batch cannot be voided, as a `cards` catalog key and its parameters; null when it can. */
export function voidRefusal(b: InviteBatch): { key: "batchRefusedVoided" | "batchRefusedPrinted" | "batchRefusedUsed"; params: { used: number } } | null {
  if (b.voidedAt) return { key: "batchRefusedVoided", params: { used: b.used } };
  if (b.printedAt) return { key: "batchRefusedPrinted", params: { used: b.used } };
  if (b.used > 0) return { key: "batchRefusedUsed", params: { used: b.used } };
  return null;
}

export interface InviteBatches {
  batches: InviteBatch[] | null;
  error: string | null;
  refresh: () => Promise<void>;
}

export function useInviteBatches(api: AdminApi | null): InviteBatches {
  const [batches, setBatches] = useState<InviteBatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    if (!api) return;
    try {
      setBatches(await api.inviteBatches());
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : "The batches could not be loaded.");
    }
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { batches, error, refresh };
}
