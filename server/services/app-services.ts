// The services a route handler reaches: data access, the realtime broadcaster and settings.
import type { Ctx } from "./context";
import type { Realtime } from "../realtime/realtime";

export interface Services {
  ctx: Ctx;
  realtime: Realtime;
  settings: {
    /** When set, creating an event needs `Authorization: Bearer <organiserKey>`. */
    organiserKey: string | null;
    /** Base URL phones use to reach this server (LAN address or PUBLIC_URL). */
    publicUrl: string | null;
  };
}
