-- Ballot-card batches (API 1.1): a batch stays printable from any tab until the organiser marks it
-- printed, and an unprinted batch can be voided.

CREATE TABLE invite_batches (
  -- Random ("ib_…"), like area and proposal ids: it says nothing about other events or batches.
  id          TEXT    PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  created_at  TEXT    NOT NULL,
  count       INTEGER NOT NULL CHECK (count >= 1),
  printed_at  TEXT,
  voided_at   TEXT,
  -- The batch's codes in print order (a JSON array), kept only while the cards may still need
  -- printing: set to NULL when the batch is marked printed or voided (docs/SECURITY.md). The
  -- invites table holds their hashes either way.
  codes       TEXT,
  CHECK (printed_at IS NULL OR voided_at IS NULL),
  CHECK (codes IS NULL OR (printed_at IS NULL AND voided_at IS NULL))
);
CREATE INDEX invite_batches_event ON invite_batches(event_id, created_at);

-- The batch an invite was issued in; NULL for invites issued before this migration (always valid).
ALTER TABLE invites ADD COLUMN batch_id TEXT REFERENCES invite_batches(id) ON DELETE CASCADE;
CREATE INDEX invites_batch ON invites(batch_id);
