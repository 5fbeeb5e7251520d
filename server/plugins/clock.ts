// The clock plugin (API 1.1): every open area with a deadline (areas.closes_at) has a timer that
// closes it then, as a manual close would (services/content.ts closeIfDue). The database is the
// only record: timers are armed from it at start (an area whose time passed while the server was
// down closes before the server listens) and follow every areaStatusChanged/contentChanged, so a
// manual close, an extension or a deleted area re-arms or clears them without the services
// knowing the clock exists.
import fp from "fastify-plugin";
import { closeIfDue } from "../services/content";

/** setTimeout's largest delay (about 24.8 days); a later deadline is re-armed when it fires early. */
const MAX_DELAY_MS = 2 ** 31 - 1;

interface Armed {
  eventId: number;
  closesAt: string;
  timer: NodeJS.Timeout;
}

export const clockPlugin = fp(
  async (app) => {
    const { ctx } = app;
    const armed = new Map<string, Armed>();

    const disarm = (areaId: string) => {
      const entry = armed.get(areaId);
      if (entry) clearTimeout(entry.timer);
      armed.delete(areaId);
    };
    const fire = (eventId: number, areaId: string) => {
      armed.delete(areaId);
      try {
        // "early": the injected clock (tests) or a too-long delay; the deadline is re-read, not trusted.
        if (closeIfDue(ctx, eventId, areaId) === "early") follow(eventId);
      } catch (err) {
        // A failing close (disk full…) must not stop the process; the next start closes it.
        app.log.error({ err, areaId }, "the clock could not close an area");
      }
    };
    const arm = (eventId: number, areaId: string, closesAt: string) => {
      if (armed.get(areaId)?.closesAt === closesAt) return;
      disarm(areaId);
      const delay = Math.min(MAX_DELAY_MS, Math.max(0, Date.parse(closesAt) - Date.parse(ctx.now())));
      const timer = setTimeout(() => fire(eventId, areaId), delay);
      armed.set(areaId, { eventId, closesAt, timer });
    };
    /** Makes this event's timers match its rows: the one place that decides what is armed. */
    function follow(eventId: number): void {
      const pending = new Map(ctx.repos.areas.byEvent(eventId).filter((a) => a.status === "open" && a.closes_at).map((a) => [a.id, a.closes_at as string]));
      for (const [areaId, entry] of armed) if (entry.eventId === eventId && !pending.has(areaId)) disarm(areaId);
      for (const [areaId, closesAt] of pending) arm(eventId, areaId, closesAt);
    }

    // At start: deadlines already past close now, before the first request; the rest are armed.
    for (const row of ctx.repos.areas.pendingClocks()) {
      if (Date.parse(row.closes_at ?? "") <= Date.parse(ctx.now())) closeIfDue(ctx, row.event_id, row.id);
      else if (row.closes_at) arm(row.event_id, row.id, row.closes_at);
    }
    const stops = ctx.events
      ? [
          ctx.events.on("areaStatusChanged", ({ eventId }) => follow(eventId)),
          ctx.events.on("contentChanged", ({ eventId }) => follow(eventId)),
        ]
      : [];
    // Before the database closes: a timer firing on a closed database would only log an error.
    app.addHook("preClose", async () => {
      stops.forEach((stop) => stop());
      for (const areaId of [...armed.keys()]) disarm(areaId);
    });
  },
  { name: "clock", fastify: "5.x", dependencies: ["database"] },
);
