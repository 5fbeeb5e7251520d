// Which key opened the organiser page. The projector link has the same shape (#key=…), and pasted
// into the organiser address it reads the event and the counts just as well — but every button
// would fail. One admin-only read tells the keys apart: 403 means "a key of this event, not the
// organiser's" (participant tokens never travel in links, so in practice the projector key).
import { useEffect, useState } from "react";
import { ApiError } from "../../api/http";
import type { AdminApi } from "./api";

export type KeyRole = "checking" | "admin" | "not-admin";

export function useKeyRole(api: AdminApi | null): KeyRole {
  const [role, setRole] = useState<KeyRole>("checking");
  useEffect(() => {
    if (!api) return;
    let stopped = false;
    api
      .inviteStats()
      .then(() => { if (!stopped) setRole("admin"); })
      .catch((err: unknown) => {
        // Anything but a refusal (no network, server restarting) must not lock the organiser out.
        if (!stopped) setRole(err instanceof ApiError && err.status === 403 ? "not-admin" : "admin");
      });
    return () => { stopped = true; };
  }, [api]);
  return role;
}
