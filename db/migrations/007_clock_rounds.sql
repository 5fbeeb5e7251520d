-- The clock and the rounds (API 1.1, issue 15). Numbered 007: 006 is taken by the evaluation form on
-- another branch; migrations only need unique, increasing numbers.
--
-- closes_at: when the server closes the open area by itself (ISO time, UTC). Only an open area can
-- have one: closing it (by hand or by the clock) clears it, so a pending deadline is exactly
-- "status = 'open' AND closes_at IS NOT NULL" and a restart re-arms the timers from that alone.
ALTER TABLE areas ADD COLUMN closes_at TEXT CHECK (closes_at IS NULL OR status = 'open');
-- round_of: the area this one is a runoff of. A runoff outlives its first round's deletion (the
-- first round can only be deleted while it has no votes, so this is rare) as a plain area.
ALTER TABLE areas ADD COLUMN round_of TEXT REFERENCES areas(id) ON DELETE SET NULL;
-- The voting method (dots, ranking) comes as its own column in a later migration: nothing here
-- depends on the method, and the runoff copies proposals, not ballots.
CREATE INDEX areas_closes_at ON areas(closes_at) WHERE closes_at IS NOT NULL;
