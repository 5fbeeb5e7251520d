// Keeps the ballot page live: the event (areas opening and closing) and the participant's own ballot
// follow the socket; after a reconnect both are read again from the server, with wishes still
// waiting in the write queue kept on top; the queue is told when the connection comes back.
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { BallotReply, EventReply, type Event } from "../../../../shared/schemas";
import { ApiError, request } from "../../api/http";
import { connectEvent } from "../../api/socket";
import { browserStore } from "./deviceStore";
import { WriteQueue, type QueueSnapshot } from "./writeQueue";

export type Connection = "connecting" | "live" | "lost";

const store = browserStore();
const EMPTY: QueueSnapshot = { confirmed: {}, areas: {} };
const noop = () => () => {};

export function useLiveBallot(
  code: string,
  token: string,
  initialEvent: Event,
  onTokenRefused: () => void,
): {
  event: Event;
  snapshot: QueueSnapshot;
  loaded: boolean;
  connection: Connection;
  choose: (areaId: string, ids: string[]) => void;
  retry: () => void;
} {
  const [event, setEvent] = useState(initialEvent);
  const [queue, setQueue] = useState<WriteQueue | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [connection, setConnection] = useState<Connection>("connecting");

  useEffect(() => {
    let live = true;

    const readBallot = () => {
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

    const q = new WriteQueue(code, token, store, {
      onTokenRefused,
      onRefused: () => {
        void readEvent();
        void readBallot();
      },
    });
    setQueue(q);
    void readBallot();
    q.flush();

    const socket = connectEvent(code, token);
    let connectedBefore = false;
    socket.on("connect", () => {
      setConnection("live");
      // Anything pushed while we were away is lost: read the state again, then resend what waits.
      if (connectedBefore) {
        void readEvent();
        void readBallot();
      }
      connectedBefore = true;
      q.retryAll();
    });
    socket.on("disconnect", () => setConnection("lost"));
    // Typed by the shared event map, but still parsed: TypeScript types are not validation.
    socket.on("event", (payload) => {
      const parsed = EventReply.safeParse(payload);
      if (parsed.success) setEvent(parsed.data.event);
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
      void readEvent();
      void readBallot();
    };
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", visible);
    return () => {
      live = false;
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", visible);
      socket.removeAllListeners();
      socket.disconnect();
      q.dispose();
    };
  }, [code, token, onTokenRefused]);

  const snapshot = useSyncExternalStore(queue?.subscribe ?? noop, queue?.getSnapshot ?? (() => EMPTY));
  const choose = useCallback((areaId: string, ids: string[]) => queue?.choose(areaId, ids), [queue]);
  const retry = useCallback(() => queue?.retryAll(), [queue]);
  return { event, snapshot, loaded, connection, choose, retry };
}
