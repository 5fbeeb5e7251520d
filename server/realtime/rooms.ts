// Room names, in one place: privileged sockets (admin, screen) may receive hidden counts; the room
// (participants and public views) never does; a participant's own room carries their ballot.
export const rooms = {
  privileged: (eventId: number) => `event:${eventId}:privileged`,
  room: (eventId: number) => `event:${eventId}:room`,
  // Within privileged, for results only: the organiser follows every ballot, the projector (which
  // the room watches) gets the room's batches (live-batch.ts).
  admin: (eventId: number) => `event:${eventId}:admin`,
  screen: (eventId: number) => `event:${eventId}:screen`,
  // Public sockets that asked for no results (handshake `results: false`, a phone while voting):
  // they get the event and their ballot, never the results snapshots.
  quiet: (eventId: number) => `event:${eventId}:quiet`,
  participant: (participantId: number) => `participant:${participantId}`,
};
