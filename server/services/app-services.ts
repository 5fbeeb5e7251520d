// The services a route handler reaches: data access and settings. No broadcaster: writes announce
// themselves (events/domain-events.ts) and realtime listens (events/processors/realtime.ts).
import type { Results } from "../../shared/schemas";
import type { EventRow } from "../repos/events";
import type { Ctx } from "./context";

export interface Services {
  ctx: Ctx;
  /**
   * The results a role may see (realtime.ts resultsFor): the room's and the projector's are the
   * last live batch (issue 15), the same the sockets show, so a poll reveals nothing fresher.
   */
  results: (event: EventRow, role: "admin" | "screen" | "public") => Results;
  settings: {
    /** When set, creating an event needs `Authorization: Bearer <organiserKey>`. */
    organiserKey: string | null;
    /** Base URL phones use to reach this server (LAN address or PUBLIC_URL). */
    publicUrl: string | null;
  };
}
