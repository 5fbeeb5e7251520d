// The event the server put inside the page's HTML (server/plugins/participant-page.ts): with it the
// ballot shows without a GET first, one round trip less on a poor link. It is what the server held
// when the page loaded; the socket handshake (`since`) brings anything newer. Only for the code the
// page was opened with; anything else (no block, another code, bad JSON) means "ask the server".
import { EventReply, type Event } from "../../../../shared/schemas";

const EVENT_DATA_ID = "plenary-event";

export interface EmbeddedEvent {
  event: Event;
  /** The server's fingerprint of this event (socket handshake `since`). */
  version: string | null;
}

let read: { text: string | null } | null = null;

export function embeddedEvent(code: string): EmbeddedEvent | null {
  if (typeof document === "undefined") return null;
  if (!read) {
    const el = document.getElementById(EVENT_DATA_ID);
    read = { text: el?.textContent ?? null };
    // Read once; the page keeps no second copy of the event in its DOM.
    el?.remove();
  }
  const text = read.text;
  if (!text) return null;
  try {
    const raw: unknown = JSON.parse(text);
    const parsed = EventReply.safeParse(raw);
    if (!parsed.success || parsed.data.event.code !== code) return null;
    const version = (raw as { version?: unknown }).version;
    return { event: parsed.data.event, version: typeof version === "string" ? version : null };
  } catch {
    return null;
  }
}
