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
export function voidRefusal(b: InviteBatch): string | null {
  if (b.voidedAt) return "Already voided.";
  if (b.printedAt) return "Printed cards may be in people's hands: a printed batch cannot be voided.";
  if (b.used > 0) return `${b.used} of its cards already joined, so it cannot be voided.`;
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
