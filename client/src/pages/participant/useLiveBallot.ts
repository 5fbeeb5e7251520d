// Keeps the ballot page live: the event (areas opening and closing), the public results and the
// participant's own ballot follow the socket; after a reconnect they are read again from the server,
// with wishes still waiting in the write queue kept on top; the queue is told when the connection
// comes back. A phone that has only looked uses the public socket; once it joins (first vote, or a
// ballot card), the socket is opened again with its token so its own ballot follows too.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { BallotReply, EventReply, Results, type Event } from "../../../../shared/schemas";
import { ApiError, request } from "../../api/http";
import { connectEvent } from "../../api/socket";
import { browserStore } from "./deviceStore";
import type { Participation } from "./participation";
import { WriteQueue, type QueueSnapshot } from "./writeQueue";

export type Connection = "connecting" | "live" | "lost";

const store = browserStore();
const EMPTY: QueueSnapshot = { confirmed: {}, areas: {}, held: {} };
const noop = () => () => {};

export function useLiveBallot(
  code: string,
  participation: Participation,
  initialEvent: Event,
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
  const [connection, setConnection] = useState<Connection>("connecting");
  const token = useSyncExternalStore(participation.subscribe, participation.getToken);
  // Set by the live effect below: reads event and ballot again (a refused write means they are stale).
  const reread = useRef<() => void>(() => {});

  // The queue lives as long as the page: it must survive the token arriving mid-write.
  useEffect(() => {
    const q = new WriteQueue(code, participation, store, {
      onTokenRefused,
      onRefused: () => reread.current(),
    });
    setQueue(q);
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
      return request("GET", `/api/events/${code}/ballot`, BallotReply, { token })
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
      request("GET", `/api/events/${code}`, EventReply, { token })
        .then((r) => live && setEvent(r.event))
        .catch(() => {
          // the socket's next `event` or the next reconnect brings it
        });
    const stale = () => {
      void readEvent();
      void readBallot();
    };
    reread.current = stale;

    void readBallot();
    const socket = connectEvent(code, token);
    let connectedBefore = false;
    socket.on("connect", () => {
      setConnection("live");
      // Anything pushed while we were away is lost: read the state again, then resend what waits.
      if (connectedBefore) stale();
      connectedBefore = true;
      q.retryAll();
    });
    socket.on("disconnect", () => setConnection("lost"));
    // Typed by the shared event map, but still parsed: TypeScript types are not validation.
    socket.on("event", (payload) => {
      const parsed = EventReply.safeParse(payload);
      if (parsed.success) setEvent(parsed.data.event);
    });
    socket.on("results", (payload) => {
      const parsed = Results.safeParse(payload);
      if (parsed.success) setResults(parsed.data);
    });
    socket.on("ballot", (payload) => {
      const parsed = BallotReply.safeParse(payload);
      if (parsed.success) q.setConfirmed(parsed.data.ballot);
    });

    const online = () => {
      q.retryAll();
      void readEvent();
    };
    // A phone back from the lock screen may have slept through pushes and retry timers.
    const visible = () => {
      if (document.visibilityState !== "visible") return;
      q.retryAll();
      stale();
    };
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", visible);
    return () => {
      live = false;
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", visible);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [code, token, queue, onTokenRefused]);

  const snapshot = useSyncExternalStore(queue?.subscribe ?? noop, queue?.getSnapshot ?? (() => EMPTY));
  const choose = useCallback((areaId: string, ids: string[]) => queue?.choose(areaId, ids), [queue]);
  const retry = useCallback(() => queue?.retryAll(), [queue]);
  return { event, results, token, snapshot, loaded, connection, choose, retry };
}
