// What the rapporteur's page shows, kept current: the event as the phone reads it (public HTTP, then
// the public socket's `event` pushes, no results), and the area's suggestion queue, read with the
// editor key when the event changes and every 10 s (the queue has no push for an editor link). The
// first suggestions read also checks the key: a replaced link is told so at once.
import { useCallback, useEffect, useState } from "react";
import { EventReply, type Event, type Suggestion } from "../../../../shared/schemas";
import { ApiError, request } from "../../api/http";
import type { DraftingApi } from "../../api/drafting";
import { apiPaths } from "../../api/paths";
import { connectEvent } from "../../api/socket";

const QUEUE_EVERY_MS = 10_000;

export interface EditorData {
  event: Event | null;
  suggestions: Suggestion[];
  /** UNAUTHORIZED / FORBIDDEN (the key), NOT_FOUND (the event): the page cannot work. */
  fatal: string | null;
  live: boolean;
  /** Re-reads the event (after our own write, before the push arrives) and the queue. */
  refresh: () => Promise<Event | null>;
}

export function useEditorData(code: string, api: DraftingApi | null): EditorData {
  const [event, setEvent] = useState<Event | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [fatal, setFatal] = useState<string | null>(api ? null : "UNAUTHORIZED");
  const [live, setLive] = useState(true);

  const readEvent = useCallback(async () => {
    const fresh = (await request("GET", apiPaths.event(code), EventReply)).event;
    setEvent(fresh);
    return fresh;
  }, [code]);
  const readQueue = useCallback(async () => {
    if (!api) return;
    try {
      setSuggestions(await api.suggestions());
    } catch (err) {
      if (err instanceof ApiError && (err.code === "UNAUTHORIZED" || err.code === "FORBIDDEN" || err.code === "NOT_FOUND")) setFatal(err.code);
    }
  }, [api]);

  useEffect(() => {
    if (!api) return;
    const socket = connectEvent(code, null, { results: false });
    socket.on("connect", () => {
      setLive(true);
      readEvent().catch((err: unknown) => { if (err instanceof ApiError && err.code === "NOT_FOUND") setFatal("NOT_FOUND"); });
    });
    socket.on("disconnect", () => setLive(false));
    socket.on("connect_error", () => setLive(false));
    socket.on("event", (payload) => setEvent(payload.event));
    return () => { socket.disconnect(); };
  }, [code, api, readEvent]);

  // The queue follows the event (an accepted suggestion changes it) and a slow clock (new ones do not).
  useEffect(() => {
    void readQueue();
  }, [readQueue, event]);
  useEffect(() => {
    const timer = setInterval(() => void readQueue(), QUEUE_EVERY_MS);
    return () => clearInterval(timer);
  }, [readQueue]);

  const refresh = useCallback(async () => {
    const [fresh] = await Promise.all([readEvent(), readQueue()]);
    return fresh;
  }, [readEvent, readQueue]);
  return { event, suggestions, fatal, live, refresh };
}
