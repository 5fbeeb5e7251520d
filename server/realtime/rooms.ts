// Room names, in one place: privileged sockets (admin, screen) may receive hidden counts; the room
// (participants and public views) never does; a participant's own room carries their ballot.
export const rooms = {
  privileged: (eventId: number) => `event:${eventId}:privileged`,
  room: (eventId: number) => `event:${eventId}:room`,
  participant: (participantId: number) => `participant:${participantId}`,
};
