// Everything the projector shows, kept current: the event and results by HTTP first, then by the
// socket. Snapshots can race (push vs fetch), so only a newer seq replaces the shown one; after a
// reconnect the page re-fetches, since pushes sent while it was away are gone. The organiser page
// follows the same live count (with its own key), so this lives here rather than in pages/screen.
import { useEffect, useRef, useState } from "react";
import { ApiError, request } from "../../api/http";
import { connectEvent } from "../../api/socket";
import { EventReply, FeedbackResults, Results, ServerInfo, type Event } from "../../../../shared/schemas";
import { newerResults } from "./newerResults";
import { apiPaths } from "../../api/paths";

export interface ScreenData {
  event: Event | null;
  results: Results | null;
  publicUrl: string | null;
  /** False while the socket is away: numbers on screen may be stale. */
  live: boolean;
  /** A stable error code (ApiError.code) that stops the page, e.g. UNAUTHORIZED or NOT_FOUND. */
  fatal: string | null;
  /** The evaluation form's counts, as last pushed (null before the first push). */
  feedback: FeedbackResults | null;
}

export function useScreenData(code: string, screenKey: string | null): ScreenData {
  const [event, setEvent] = useState<Event | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [publicUrl, setPublicUrl] = useState<string | null>(null);
  const [live, setLive] = useState(true);
  const [fatal, setFatal] = useState<string | null>(screenKey ? null : "UNAUTHORIZED");
  const [feedback, setFeedback] = useState<FeedbackResults | null>(null);
  // After a reconnect the first snapshot of that connection replaces the shown one whatever its seq
  // (a restored backup may count lower); later ones must be newer. Generation numbers keep a fetch
  // from an earlier connection from claiming that right.
  const generation = useRef(0);
  const resetPending = useRef(false);

  useEffect(() => {
    if (!screenKey) return;
    const abort = new AbortController();
    let stopped = false;
    let eventLoaded = false;
    const opts = { token: screenKey, signal: abort.signal };

    const fail = (err: unknown) => {
      if (stopped || (err instanceof DOMException && err.name === "AbortError")) return;
      // The status decides, so a refusal still reads right if its body carries no known code.
      if (err instanceof ApiError && !err.retryable) setFatal(err.status === 401 ? "UNAUTHORIZED" : err.status === 404 ? "NOT_FOUND" : err.code);
      // retryable trouble: the socket's reconnect triggers the next fetch
    };
    const apply = (r: Results, gen: number) => {
      const force = resetPending.current && gen === generation.current;
      if (force) resetPending.current = false;
      setResults((cur) => newerResults(cur, r, force));
    };
    const fetchAll = () => {
      const gen = generation.current;
      request("GET", apiPaths.event(code), EventReply, opts)
        .then((r) => {
          if (stopped) return;
          eventLoaded = true;
          setEvent(r.event);
        })
        .catch(fail);
      request("GET", apiPaths.results(code), Results, opts)
        .then((r) => { if (!stopped) apply(r, gen); })
        .catch(fail);
    };

    fetchAll();
    request("GET", apiPaths.serverInfo(), ServerInfo, { signal: abort.signal })
      .then((r) => { if (!stopped) setPublicUrl(r.publicUrl); })
      .catch(() => { /* the page's own origin is the fallback address */ });

    const socket = connectEvent(code, screenKey);
    let connectedBefore = false;
    socket.on("connect", () => {
      setLive(true);
      if (connectedBefore) {
        generation.current += 1;
        resetPending.current = true;
        fetchAll();
      } else if (!eventLoaded) {
        fetchAll(); // the first fetch failed (server still starting): try again now it answers
      }
      connectedBefore = true;
    });
    socket.on("disconnect", () => setLive(false));
    socket.on("connect_error", () => setLive(false));
    socket.on("results", (payload) => {
      const parsed = Results.safeParse(payload);
      if (!parsed.success) return;
      apply(parsed.data, generation.current);
    });
    socket.on("event", (payload) => {
      const parsed = EventReply.safeParse(payload);
      if (parsed.success) setEvent(parsed.data.event);
    });
    // The evaluation form's counts (API 1.1), pushed to the projector only; comments never come.
    socket.on("feedbackResults", (payload) => {
      const parsed = FeedbackResults.safeParse(payload);
      if (parsed.success) setFeedback(parsed.data);
    });

    return () => {
      stopped = true;
      abort.abort();
      socket.disconnect();
    };
  }, [code, screenKey]);

  return { event, results, publicUrl, live, fatal, feedback };
}
