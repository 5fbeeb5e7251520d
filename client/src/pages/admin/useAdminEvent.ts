// The organiser page sees what the projector sees (event and results, live over the socket, with
// the admin token so hidden counts show too), plus the event as returned by its own last edit, so an
// edit shows at once even before the server's push arrives. The next push replaces it.
import { useCallback, useEffect, useState } from "react";
import type { Event } from "../../../../shared/schemas";
import { useScreenData, type ScreenData } from "../screen/useScreenData";

export interface AdminData extends ScreenData {
  /** Show this event (from a reply to one of our own edits) until the server pushes its next one. */
  applyEvent: (event: Event) => void;
}

export function useAdminEvent(code: string, adminToken: string | null): AdminData {
  const data = useScreenData(code, adminToken);
  const [fresh, setFresh] = useState<Event | null>(null);
  useEffect(() => setFresh(null), [data.event]);
  const applyEvent = useCallback((event: Event) => setFresh(event), []);
  return { ...data, event: fresh ?? data.event, applyEvent };
}
