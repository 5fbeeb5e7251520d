-- The real forum (API 1.1): proposal labels, the expected attendance, paper ballots that can be
-- listed and undone, and accepted after an area closed.

-- The people expected in the room: the denominator of the turnout the room sees (0 = not set).
ALTER TABLE events ADD COLUMN expected_participants INTEGER NOT NULL DEFAULT 0
  CHECK (expected_participants BETWEEN 0 AND 100000);

-- The label prefix ("PH" in "PH-3"). Empty for areas created before this migration: their view
-- derives one from the title until it is set.
ALTER TABLE areas ADD COLUMN prefix TEXT NOT NULL DEFAULT '';

-- The label a proposal had when its area first opened, so the room's "PH-3" never changes meaning.
-- NULL while the area has never been opened: the label then follows the organiser's order.
ALTER TABLE proposals ADD COLUMN label TEXT;

-- A paper ballot's public handle (for the organiser's list and undo) and when it was entered.
-- Random, like every other id: it says nothing about the order people voted in.
ALTER TABLE participants ADD COLUMN paper_id TEXT;
ALTER TABLE participants ADD COLUMN entered_at TEXT;
CREATE UNIQUE INDEX participants_paper ON participants(paper_id) WHERE paper_id IS NOT NULL;

-- Votes only while the area is open — except paper ballots, which the organiser may enter until
-- the results are final, for closed areas too (never for a draft area).
DROP TRIGGER votes_open;
CREATE TRIGGER votes_open BEFORE INSERT ON votes
WHEN (SELECT status FROM areas WHERE id = NEW.area_id) IS NOT 'open'
 AND NOT ((SELECT status FROM areas WHERE id = NEW.area_id) IS 'closed'
          AND (SELECT kind FROM participants WHERE id = NEW.participant_id) IS 'paper')
BEGIN
  SELECT RAISE(ABORT, 'VOTING_CLOSED');
END;
