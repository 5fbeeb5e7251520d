// Socket.IO on the Fastify server: handshake checked in middleware, rooms per event and per
// participant, coalesced results snapshots that respect each audience's visibility.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { AppError } from "../../shared/errors";
import { LIMITS } from "../../shared/limits";
import { SocketAuth, type Results } from "../../shared/schemas";
import { SOCKET_PATH, type ClientToServerEvents, type InterServerEvents, type ServerToClientEvents, type SocketData } from "../../shared/socket-events";
import { identify } from "../http/auth";
import { underGuessBudget, type GuessGuard } from "../security/guess-guard";
import { callerLanguage, localizedMessage } from "../i18n/error-message";
import type { Language } from "../../shared/i18n/languages";
import type { Ctx } from "../services/context";
import { ballotOf } from "../services/ballots";
import { requireEvent } from "../services/event-view";
import { feedbackResults } from "../services/feedback";
import type { EventRow } from "../repos/events";
import { Coalescer } from "./coalescer";
import { LiveBatch } from "./live-batch";
import { PacedBroadcast } from "./paced-broadcast";
import { preEncoder, sendPreEncoded } from "./pre-encoded";
import { SnapshotCache, type ResultsSnapshot } from "./snapshot-cache";
import { corkHandshakes } from "./cork-handshake";
import { rooms } from "./rooms";
import { watchSendBuffers } from "./send-buffer";

export type PlenaryServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type PlenarySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface RealtimeOptions {
  /** Minimum gap between results snapshots to admin and screen sockets (API.md: 100 ms). */
  resultsIntervalMs: number;
  /** Minimum gap for everyone else: a phone needs no more than one tally a second. */
  publicResultsIntervalMs: number;
  /**
   * Tokenless connections one address may hold: a whole room behind one venue NAT must still fit.
   * Sockets with a valid token count per participant, admin link or projector key instead
   * (LIMITS.socketsPerCaller), so a noisy neighbour never locks a joined phone or the projector out.
   */
  maxSocketsPerIp: number;
  /** How often sockets that stopped reading are looked for (send-buffer.ts). */
  sendBufferSweepMs?: number;
  /** Failed look-ups per address (plugins/security.ts); null when rate limits are off. */
  guard: GuessGuard | null;
}

export interface Realtime {
  io: PlenaryServer;
  /**
   * Counts changed, `ballots` of them changed ballots (0: a join): coalesced snapshots to the
   * organiser; the room's when its batch is due (live-batch.ts).
   */
  resultsChanged(eventId: number, ballots: number): void;
  /**
   * Content, status or settings changed: push the event now, and the results it implies — to the
   * room too when `immediate` (settings, area status), else as live-batch.ts decides.
   */
  eventChanged(eventId: number, immediate?: boolean): void;
  /**
   * The results a caller may see over HTTP: the organiser's are current, the room's and the
   * projector's are the last batch (the same the sockets got), so a poll shows nothing fresher.
   */
  resultsFor(event: EventRow, role: "admin" | "screen" | "public"): Results;
  /** The evaluation form or its answers changed: coalesced counts to the organiser and projector. */
  feedbackChanged(eventId: number): void;
  /** One participant's ballot changed: their other tabs and devices follow. */
  ballotChanged(eventId: number, participantId: number): void;
  /** The moderation queue changed: the organiser's page fetches it again. */
  suggestionsChanged(eventId: number): void;
  /** Sockets dropped since start because they stopped reading (send-buffer.ts). */
  droppedSlowSockets(): number;
  /** Live-batch timers armed now (live-batch.ts: at most one per event, none after close). */
  liveBatchTimers(): number;
  close(): Promise<void>;
}

export function createRealtime(httpServer: HttpServer, ctx: Ctx, options: RealtimeOptions): Realtime {
  const io: PlenaryServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: LIMITS.socketBytes,
    // Same-origin only: the client is served by this server, so no cross-origin socket is needed.
    cors: { origin: false },
    pingInterval: 20000,
    pingTimeout: 20000,
  });
  corkHandshakes(io);
  // Welcome snapshots encoded once per change and shared (snapshot-cache.ts): a reconnect storm
  // costs a look-up and a write per socket, not a read, a count and an encoding.
  const cache = new SnapshotCache(ctx, preEncoder(io));
  // Open sockets per key: `ip:…` for tokenless ones, the caller for the others (see maxSocketsPerIp).
  const perKey = new Map<string, number>();
  const keyOf = (data: SocketData, ip: string) =>
    data.participantId !== null ? `p:${data.participantId}` : data.role === "public" ? `ip:${ip}` : `${data.role}:${data.eventId}`;
  const capOf = (key: string) => (key.startsWith("ip:") ? options.maxSocketsPerIp : LIMITS.socketsPerCaller);

  io.use((socket, next) => {
    // The event's language once its code was found (never looked up for a refusal before that:
    // a blocked address must not learn from the language that a code exists).
    let found: Language | undefined;
    try {
      const ip = socket.handshake.address;
      const parsed = SocketAuth.safeParse(socket.handshake.auth);
      if (!parsed.success) throw new AppError("BAD_REQUEST", "The handshake needs { code, token?, results?, since? }.");
      // The same budget as HTTP, through the same door (security/guess-guard.ts): over it, only a
      // valid token gets through, refused before the code is looked up; an unknown code spends it.
      const event = underGuessBudget(options.guard, ctx, { ip, code: parsed.data.code, token: parsed.data.token }, () => requireEvent(ctx, parsed.data.code));
      found = event.language;
      const caller = identify(ctx.repos, event, parsed.data.token ?? null);
      const data: SocketData = {
        eventId: event.id,
        code: event.code,
        // An editor link follows its area as the room does (public view); its queue comes by HTTP.
        role: caller.role === "anonymous" || caller.role === "editor" ? "public" : caller.role,
        participantId: caller.participant?.id ?? null,
        results: parsed.data.results ?? true,
        since: parsed.data.since ?? null,
      };
      const key = keyOf(data, ip);
      if ((perKey.get(key) ?? 0) >= capOf(key)) {
        throw new AppError("RATE_LIMITED", key.startsWith("ip:") ? "Too many connections from this address." : "Too many connections with this link.");
      }
      socket.data = data;
      next();
    } catch (err) {
      // As an HTTP refusal (server/i18n/error-message.ts): the code never changes, the message is in
      // the caller's language (Accept-Language of the handshake, else the event's, else English).
      const code = err instanceof AppError ? err.code : "INTERNAL";
      const english = err instanceof AppError ? err.message : "Internal error.";
      const lang = callerLanguage(socket.handshake.headers["accept-language"], found);
      const error = new Error(code) as Error & { data?: unknown };
      error.data = { code, message: localizedMessage(lang, code, english, err) };
      next(error);
    }
  });

  io.on("connection", (socket: PlenarySocket) => {
    const { eventId, role, participantId, results, since } = socket.data;
    const key = keyOf(socket.data, socket.handshake.address);
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
    socket.on("disconnect", () => {
      const n = (perKey.get(key) ?? 1) - 1;
      if (n <= 0) perKey.delete(key);
      else perKey.set(key, n);
    });
    const privileged = role === "admin" || role === "screen";
    const wantsResults = privileged || results;
    void socket.join(privileged ? rooms.privileged(eventId) : results ? rooms.room(eventId) : rooms.quiet(eventId));
    // Results go to the organiser live and to the projector in the room's batches (live-batch.ts).
    if (role === "admin") void socket.join(rooms.admin(eventId));
    if (role === "screen") void socket.join(rooms.screen(eventId));
    if (participantId !== null) void socket.join(rooms.participant(participantId));
    // A fresh socket (first load or reconnect) gets the current state at once, not at the next
    // change: the event unless it holds this very version already, the results if it wants them.
    // The row is read again (not taken from the handshake) so its seq is the one of this moment.
    const event = ctx.repos.events.byId(eventId);
    if (!event) return void socket.disconnect(true);
    const snapshot = cache.event(event);
    if (privileged) sendPreEncoded(socket, snapshot.privileged);
    else if (snapshot.version !== since) sendPreEncoded(socket, snapshot.room);
    if (wantsResults) sendPreEncoded(socket, snapshotFor(event, role === "admin" ? "admin" : role === "screen" ? "screen" : "public").encoded);
    if (participantId !== null) socket.emit("ballot", { ballot: ballotOf(ctx, event, participantId) });
    if (privileged && ctx.repos.feedbackQuestions.byEvent(eventId).length > 0) socket.emit("feedbackResults", feedbackResults(ctx, event, "privileged"));
  });

  let dropped = 0;
  const stopSweep = watchSendBuffers(() => io.of("/").sockets.values(), options.sendBufferSweepMs ?? 1000, () => {
    dropped += 1;
  });

  const sendAdmin = new Coalescer<number>(options.resultsIntervalMs, (eventId) => {
    const event = ctx.repos.events.byId(eventId);
    if (event) io.to(rooms.admin(eventId)).emit("results", cache.resultsAt(event, "privileged").results);
  });
  // The projector is what the room watches: it gets the room's batches, with its hidden counts.
  const sendScreen = new Coalescer<number>(options.resultsIntervalMs, (eventId) => {
    const event = ctx.repos.events.byId(eventId);
    if (event) io.to(rooms.screen(eventId)).emit("results", batch.roomResults(event, "privileged").results);
  });
  // The form's counts never go to the room while it is open (public once closed, over HTTP).
  const sendFeedback = new Coalescer<number>(options.resultsIntervalMs, (eventId) => {
    const event = ctx.repos.events.byId(eventId);
    if (event) io.to(rooms.privileged(eventId)).emit("feedbackResults", feedbackResults(ctx, event, "privileged"));
  });
  // The room can be thousands of phones: its snapshots go out paced (paced-broadcast.ts), so they
  // never hold the event loop long enough to delay ballots or the projector.
  const roomPasses = new Map<number, PacedBroadcast<ResultsSnapshot>>();
  const sendRoom = (eventId: number) => {
    let pass = roomPasses.get(eventId);
    if (!pass) {
      pass = new PacedBroadcast<ResultsSnapshot>({
        minGapMs: options.publicResultsIntervalMs,
        duty: 0.25,
        sliceSize: 100,
        members: () => [...(io.sockets.adapter.rooms.get(rooms.room(eventId)) ?? [])],
        snapshot: () => {
          const event = ctx.repos.events.byId(eventId);
          return event ? batch.roomResults(event, "public") : null;
        },
        // One encoding per pass, not one per slice of 100.
        send: (socketIds, snapshot) => {
          for (const id of socketIds) {
            const socket = io.of("/").sockets.get(id);
            if (socket) sendPreEncoded(socket, snapshot.encoded);
          }
        },
      });
      roomPasses.set(eventId, pass);
    }
    pass.poke();
  };

  // The room's results moved (at once, or when its batch was due): room and projector follow.
  const batch = new LiveBatch(ctx, cache, preEncoder(io), (eventId) => {
    sendScreen.poke(eventId);
    sendRoom(eventId);
  });
  function snapshotFor(event: EventRow, role: "admin" | "screen" | "public") {
    return role === "admin" ? cache.resultsAt(event, "privileged") : batch.roomResults(event, role === "screen" ? "privileged" : "public");
  }

  const resultsChanged = (eventId: number, ballots: number) => {
    sendAdmin.poke(eventId);
    batch.countsChanged(eventId, ballots);
  };

  return {
    io,
    resultsChanged,
    resultsFor: (event, role) => snapshotFor(event, role).results,
    eventChanged(eventId, immediate = true) {
      cache.eventChanged(eventId);
      const event = ctx.repos.events.byId(eventId);
      if (!event) return;
      const { view, version } = cache.event(event);
      io.to(rooms.privileged(eventId)).emit("event", { event: view });
      io.to(rooms.room(eventId)).to(rooms.quiet(eventId)).emit("event", { event: view, version });
      sendAdmin.poke(eventId);
      batch.eventChanged(eventId, immediate);
    },
    feedbackChanged: (eventId) => sendFeedback.poke(eventId),
    ballotChanged(eventId, participantId) {
      // A phone whose socket is gone (screen off, reload) gets its ballot when it connects again:
      // read it only for someone listening.
      // The ballot needs the event's id only, not its row.
      const room = rooms.participant(participantId);
      if (io.sockets.adapter.rooms.has(room)) io.to(room).emit("ballot", { ballot: ballotOf(ctx, { id: eventId }, participantId) });
      resultsChanged(eventId, 1);
    },
    suggestionsChanged(eventId) {
      io.to(rooms.privileged(eventId)).emit("suggestions", { pending: ctx.repos.suggestions.pendingByEvent(eventId) });
    },
    droppedSlowSockets: () => dropped,
    liveBatchTimers: () => batch.timers(),
    async close() {
      stopSweep();
      sendAdmin.close();
      sendScreen.close();
      batch.close();
      sendFeedback.close();
      for (const pass of roomPasses.values()) pass.close();
      // Not io.close(): that would also close the HTTP server, which Fastify closes itself.
      io.local.disconnectSockets(true);
      io.engine.close();
    },
  };
}
