// Pushes what the write path announced to the sockets: the one place that decides which write
// owes which broadcast (before, each route handler called its own).
import type { Realtime } from "../../realtime/realtime";
import type { DomainEvents } from "../domain-events";

export function realtimeProcessor(events: DomainEvents, realtime: Realtime): () => void {
  const stops = [
    // What every phone and the projector show of the event itself: push it, with the results it
    // implies — at once when the change is to what the results show, else with the room's batch.
    events.on("settingsChanged", ({ eventId, resultsAffected }) => realtime.eventChanged(eventId, resultsAffected)),
    // Content changes keep the room's batch (live-batch.ts) unless a reveal or status moved with them.
    events.on("contentChanged", ({ eventId }) => realtime.eventChanged(eventId, false)),
    events.on("areaStatusChanged", ({ eventId }) => realtime.eventChanged(eventId)),
    // Counts and turnout only; paper ballots count towards the room's batch like phone ballots.
    events.on("participantJoined", ({ eventId }) => realtime.resultsChanged(eventId, 0)),
    events.on("paperBallotEntered", ({ eventId }) => realtime.resultsChanged(eventId, 1)),
    events.on("paperBallotDeleted", ({ eventId }) => realtime.resultsChanged(eventId, 1)),
    // The voter's other tabs and devices follow, and the counts.
    events.on("ballotCast", ({ eventId, participantId }) => realtime.ballotChanged(eventId, participantId)),
    // The form's status travels in the event (Event.feedbackStatus); its counts to the organiser and projector.
    events.on("feedbackChanged", ({ eventId }) => {
      realtime.eventChanged(eventId, false);
      realtime.feedbackChanged(eventId);
    }),
    events.on("feedbackAnswered", ({ eventId }) => realtime.feedbackChanged(eventId)),
    // The organiser's moderation queue (a count; the list itself is read over HTTP).
    events.on("suggestionsChanged", ({ eventId, contentChanged }) => {
      if (contentChanged) realtime.eventChanged(eventId, false);
      realtime.suggestionsChanged(eventId);
    }),
    // eventCreated, invitesChanged and editorLinkCreated: no socket shows them.
  ];
  return () => stops.forEach((stop) => stop());
}
