// The organiser page sees what the projector sees (event and results, live over the socket, with
// the admin token so hidden counts show too), plus the event as re-read after its own last edit, so
// an edit shows at once even before the server's push arrives. The next push replaces it.
import { useCallback, useEffect, useState } from "react";
import { EventReply, type Event } from "../../../../shared/schemas";
import { request } from "../../api/http";
import { useScreenData, type ScreenData } from "../../features/live/useScreenData";
import { apiPaths } from "../../api/paths";

export interface AdminData extends ScreenData {
  /** Re-reads the event after an edit of ours and shows it until the server pushes its next one. */
  refresh: () => Promise<void>;
}

export function useAdminEvent(code: string, adminToken: string | null): AdminData {
  const data = useScreenData(code, adminToken);
  const [fresh, setFresh] = useState<Event | null>(null);
  useEffect(() => setFresh(null), [data.event]);
  const refresh = useCallback(async () => {
    setFresh((await request("GET", apiPaths.event(code), EventReply, { token: adminToken })).event);
  }, [code, adminToken]);
  return { ...data, event: fresh ?? data.event, refresh };
}
