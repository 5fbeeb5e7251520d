-- Live bars in batches (issue 15, API 1.1): the room's results move every live_batch_seconds and
-- only after at least live_batch_ballots changed ballots, so a neighbour watching the projector
-- cannot tell what one person just tapped. 0 seconds: at every ballot (the behaviour before).
-- Bounds are LIMITS.liveBatch*, defaults EVENT_DEFAULTS (tests/integration/facts-once.test.ts).
-- Events older than this migration keep the instant bars they were run with: existing rows get
-- the DEFAULT, so they are set to 0 below; a new event gets liveBatchDefault() from the server.
ALTER TABLE events ADD COLUMN live_batch_seconds INTEGER NOT NULL DEFAULT 15
  CHECK (live_batch_seconds BETWEEN 0 AND 300);
ALTER TABLE events ADD COLUMN live_batch_ballots INTEGER NOT NULL DEFAULT 5
  CHECK (live_batch_ballots BETWEEN 1 AND 50);
UPDATE events SET live_batch_seconds = 0;
