// Keeps the ballot page live: the event (areas opening and closing) and the participant's own
// ballot follow the socket; after a reconnect the server's welcome brings the ballot again, with
// wishes still waiting in the write queue kept on top, and the event if it changed (`since`); the
// queue is told when the connection comes back. A phone that has only looked uses the
// public socket; once it joins (first vote, or a ballot card), the socket is opened again with its
// token so its own ballot follows too.
// Light on a poor link: votes go over HTTP, so socket.io-client (~13 KB) is loaded only after the
// ballot is shown, and while any area can still be voted on the socket asks for no results
// (the ballot does not show them); once every area is closed it asks for them, for the ended view.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { BallotReply, EventReply, Results, type Event } from "../../../../shared/schemas";
import { ApiError, request } from "../../api/http";
import type { PlenarySocket } from "../../api/socket";
import { browserStore, saveLastEvent } from "./deviceStore";
import type { Participation } from "./participation";
import { WriteQueue, type QueueSnapshot } from "./writeQueue";
import { apiPaths } from "../../api/paths";

export type Connection = "connecting" | "live" | "lost";

const store = browserStore();
/** A person reads before the first tap: the live connection can wait that long for the link to be free. */
const SOCKET_DELAY_MS = 1000;
// The delay is for a page that has only just appeared. Once the library is here, or the phone has
// joined (its first vote is sent: the socket reconnects with the token), a connection waits only
// for the vote in flight: a phone that just voted must hear at once that its area closed.
let socketLibraryLoaded = false;
/**
 * After a sleep longer than this, the socket may be dead without the page knowing (the radio slept,
 * the NAT forgot the connection, the server dropped it: a close that was never seen is only found by
 * the 40 s ping timeout), so waking opens a fresh one. It costs ~1 KB (the handshake names the event
 * version held, so the event is not resent) and, on the server, a cached welcome.
 */
const RECONNECT_AFTER_SLEEP_MS = 5000;
const EMPTY: QueueSnapshot = { confirmed: {}, areas: {}, held: {} };
const noop = () => () => {};

export function useLiveBallot(
  code: string,
  participation: Participation,
  initialEvent: Event,
  initialVersion: string | null,
  onTokenRefused: () => void,
): {
  event: Event;
  results: Results | null;
  token: string | null;
  snapshot: QueueSnapshot;
  loaded: boolean;
  connection: Connection;
  choose: (areaId: string, ids: string[]) => void;
  retry: () => void;
} {
  const [event, setEvent] = useState(initialEvent);
  const [results, setResults] = useState<Results | null>(null);
  const [queue, setQueue] = useState<WriteQueue | null>(null);
  const [loaded, setLoaded] = useState(false);
  // A page opened with no network (from the service worker's shell) says so at once.
  const [connection, setConnection] = useState<Connection>(() => (typeof navigator !== "undefined" && navigator.onLine === false ? "lost" : "connecting"));
  const token = useSyncExternalStore(participation.subscribe, participation.getToken);
  // Set by the live effect below: reads event and ballot again (a refused write means they are stale).
  const reread = useRef<() => void>(() => {});
  // The server's fingerprint of `event`, null when it came from a GET (then the handshake resends it).
  const version = useRef(initialVersion);
  const ended = event.areas.length > 0 && event.areas.every((a) => a.status === "closed");
  // The latest event, for the queue's comparisons (each area's method) without rebuilding the queue.
  const latestEvent = useRef(event);
  useEffect(() => {
    latestEvent.current = event;
  }, [event]);

  // The last state seen, for a reload with no network (deviceStore.ts, client/sw.js).
  useEffect(() => saveLastEvent(store, code, event, version.current), [code, event]);

  // The queue lives as long as the page: it must survive the token arriving mid-write. Made in a
  // layout effect: a plain effect waits for the next frame (preact/compat), and a tap on the boxes
  // already on screen in that moment, likely on a slow phone, would find no queue and be lost.
  useLayoutEffect(() => {
    const q = new WriteQueue(code, participation, store, {
      onTokenRefused,
      onRefused: () => reread.current(),
      methodOf: (areaId) => latestEvent.current.areas.find((a) => a.id === areaId)?.method,
    });
    setQueue(q);
    // A ballot the server confirmed on an earlier visit is shown as such until it answers again.
    if (q.restored) setLoaded(true);
    q.flush();
    return () => q.dispose();
  }, [code, participation, onTokenRefused]);

  useEffect(() => {
    if (!queue) return;
    let live = true;
    const q = queue;

    const readBallot = () => {
      // Nothing to read before joining: a phone that has only looked has no ballot.
      if (!token) return void setLoaded(true);
      const mark = q.readMark();
      return request("GET", apiPaths.ballot(code), BallotReply, { token })
        .then(({ ballot }) => {
          if (!live) return;
          q.setConfirmed(ballot, mark);
          setLoaded(true);
        })
        .catch((err: unknown) => {
          if (live && err instanceof ApiError && err.status === 401) onTokenRefused();
        });
    };
    const readEvent = () =>
      request("GET", apiPaths.event(code), EventReply, { token })
        .then((r) => {
          if (!live) return;
          version.current = null;
          setEvent(r.event);
        })
        .catch(() => {
          // the socket's next `event` or the next reconnect brings it
        });
    const stale = () => {
      void readEvent();
      void readBallot();
    };
    reread.current = stale;

    void readBallot();
    let socket: PlenarySocket | null = null;
    const wire = (s: PlenarySocket) => {
      s.on("connect", () => {
        setConnection("live");
        // A ballot pushed while we were away is lost, but the server's welcome carries the ballot
        // (and the event when it changed meanwhile), in commit order with later pushes: no GET
        // is needed, which spares a phone a round trip and the server a request per phone when a
        // hall reconnects at once. Then resend what waits.
        q.retryAll();
      });
      s.on("disconnect", () => setConnection("lost"));
      // No server at all (the phone's Wi-Fi is gone): say so rather than "connecting" for ever.
      s.on("connect_error", () => setConnection("lost"));
      // Typed by the shared event map, but still parsed: TypeScript types are not validation.
      s.on("event", (payload) => {
        const parsed = EventReply.safeParse(payload);
        if (!parsed.success) return;
        version.current = typeof payload.version === "string" ? payload.version : null;
        setEvent(parsed.data.event);
      });
      s.on("results", (payload) => {
        const parsed = Results.safeParse(payload);
        if (parsed.success) setResults(parsed.data);
      });
      s.on("ballot", (payload) => {
        const parsed = BallotReply.safeParse(payload);
        if (parsed.success) q.setConfirmed(parsed.data.ballot);
      });
    };
    // Loaded after the ballot is on screen, and never alongside a vote: on a thin link the ~15 KB
    // would slow the join and the PUT that the "saved" waits for. Nothing is lost by waiting: the
    // handshake's `since` brings any change made meanwhile. A failed load is tried again.
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    const open = (attempt: number) =>
      import("../../api/socket").then(
        ({ connectEvent }) => {
          socketLibraryLoaded = true;
          if (!live) return;
          socket = connectEvent(code, token, { results: ended, since: () => version.current });
          wire(socket);
        },
        () => {
          if (!live) return;
          setConnection("lost");
          retryTimer = setTimeout(() => void open(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
        },
      );
    let unsubscribe = () => {};
    const whenQuiet = () => {
      const busy = () => Object.values(q.getSnapshot().areas).some((a) => a.inFlight !== null);
      if (!busy()) return void open(0);
      unsubscribe = q.subscribe(() => {
        if (busy() || !live) return;
        unsubscribe();
        void open(0);
      });
    };
    const startTimer = setTimeout(whenQuiet, socketLibraryLoaded || token !== null ? 0 : SOCKET_DELAY_MS);

    // The network is back, or the phone woke up: a socket waiting out its reconnection backoff
    // (up to 5 s, or frozen timers while asleep) tries again now.
    const reconnectNow = () => {
      if (socket && !socket.connected) socket.disconnect().connect();
    };
    const online = () => {
      reconnectNow();
      q.retryAll();
      void readEvent();
    };
    // A phone back from the lock screen (hidden, or frozen by the browser: no timers, no pushes
    // handled) may have slept through pushes and retry timers, and its socket may be dead without
    // knowing it: read the event and the ballot again at once, resend what waits, and reconnect.
    let asleepSince: number | null = null;
    const sleep = () => void (asleepSince ??= Date.now());
    const wake = () => {
      const slept = asleepSince === null ? 0 : Date.now() - asleepSince;
      asleepSince = null;
      if (slept > RECONNECT_AFTER_SLEEP_MS && socket?.connected) socket.disconnect().connect();
      else reconnectNow();
      q.retryAll();
      stale();
    };
    const visible = () => (document.visibilityState === "visible" ? wake() : sleep());
    const shown = (e: PageTransitionEvent) => void (e.persisted && wake());
    const offline = () => setConnection("lost");
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    window.addEventListener("pageshow", shown);
    document.addEventListener("visibilitychange", visible);
    document.addEventListener("freeze", sleep);
    document.addEventListener("resume", wake);
    return () => {
      live = false;
      clearTimeout(startTimer);
      unsubscribe();
      if (retryTimer) clearTimeout(retryTimer);
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      document.removeEventListener("visibilitychange", visible);
      document.removeEventListener("freeze", sleep);
      document.removeEventListener("resume", wake);
      window.removeEventListener("pageshow", shown);
      socket?.removeAllListeners();
      socket?.disconnect();
    };
  }, [code, token, queue, onTokenRefused, ended]);

  const snapshot = useSyncExternalStore(queue?.subscribe ?? noop, queue?.getSnapshot ?? (() => EMPTY));
  const choose = useCallback((areaId: string, ids: string[]) => queue?.choose(areaId, ids), [queue]);
  const retry = useCallback(() => queue?.retryAll(), [queue]);
  return { event, results, token, snapshot, loaded, connection, choose, retry };
}
