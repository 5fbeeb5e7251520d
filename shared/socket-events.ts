// The one Socket.IO event map, used by the server's Server<> and the client's Socket<>.
// No event name is written as a string anywhere else.
import type { Ballot, Event, FeedbackResults, Results } from "./schemas";

export interface ServerToClientEvents {
  /** `version`: see SocketAuth.since (sent to the room's sockets; privileged ones may not get it). */
  event: (payload: { event: Event; version?: string }) => void;
  results: (payload: Results) => void;
  ballot: (payload: { ballot: Ballot }) => void;
  /** API 1.1: the evaluation form's counts, to admin and screen sockets only (coalesced like results). */
  feedbackResults: (payload: FeedbackResults) => void;
  /** To the organiser and projector: suggestions waiting for moderation (issue 13). Never their authors. */
  suggestions: (payload: { pending: number }) => void;
}

/** Clients change nothing over the socket; writes go through HTTP. */
export type ClientToServerEvents = Record<string, never>;

export interface InterServerEvents {
  ping: () => void;
}

export type SocketRole = "admin" | "screen" | "participant" | "public";

export interface SocketData {
  eventId: number;
  code: string;
  role: SocketRole;
  participantId: number | null;
  /** Handshake `results` (public and participant sockets only; admin and screen always get them). */
  results: boolean;
  /** Handshake `since`: the event version the client holds, or null. */
  since: string | null;
}

export const SOCKET_PATH = "/socket.io";
