// The database's own backstops (triggers, keys) surface as the API's errors, never as a 500,
// should a bug in the layers above ever let a bad write through to them.
import { afterEach, beforeEach, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { guardConstraints } from "../../server/services/constraints";
import { createEvent, join, openVoting, startServer, vote, type TestServer } from "../helpers/app";
import { smallEvent } from "./support";

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

function codeOf(fn: () => unknown): string {
  try {
    guardConstraints(fn);
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return "no error";
}

it("maps the votes key, the limit trigger and the open-area trigger to API codes", async () => {
  const ev = await createEvent(server.url, smallEvent());
  await openVoting(server.url, ev.code, ev.adminToken);
  const area = ev.event.areas[0]!;
  const [p0, p1, p2] = area.proposals.map((p) => p.id);
  const token = await join(server.url, ev.code);
  expect((await vote(server.url, ev.code, token, area.id, [p0!])).status).toBe(200);
  const participantId = server.db.prepare<[], { id: number }>("SELECT id FROM participants").get()!.id;
  const insert = server.db.prepare("INSERT INTO votes (participant_id, area_id, proposal_id) VALUES (?, ?, ?)");

  expect(codeOf(() => insert.run(participantId, area.id, p0))).toBe("DUPLICATE_PROPOSAL");
  insert.run(participantId, area.id, p1);
  expect(codeOf(() => insert.run(participantId, area.id, p2))).toBe("TOO_MANY_VOTES");
  server.db.prepare("UPDATE areas SET status = 'closed' WHERE id = ?").run(area.id);
  server.db.prepare("DELETE FROM votes WHERE proposal_id = ?").run(p1);
  expect(codeOf(() => insert.run(participantId, area.id, p2))).toBe("VOTING_CLOSED");
  // Lowering the limit below a cast ballot is refused by its trigger as EVENT_LOCKED.
  server.db.prepare("UPDATE areas SET status = 'open', max_votes = 3 WHERE id = ?").run(area.id);
  insert.run(participantId, area.id, p1);
  insert.run(participantId, area.id, p2);
  expect(codeOf(() => server.db.prepare("UPDATE areas SET max_votes = 2 WHERE id = ?").run(area.id))).toBe("EVENT_LOCKED");
});
