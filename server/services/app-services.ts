// The services a route handler reaches: data access and settings. No broadcaster: writes announce
// themselves (events/domain-events.ts) and realtime listens (events/processors/realtime.ts).
import type { Ctx } from "./context";

export interface Services {
  ctx: Ctx;
  settings: {
    /** When set, creating an event needs `Authorization: Bearer <organiserKey>`. */
    organiserKey: string | null;
    /** Base URL phones use to reach this server (LAN address or PUBLIC_URL). */
    publicUrl: string | null;
  };
}
