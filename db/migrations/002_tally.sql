-- Running totals of the votes table, kept by triggers inside the same transaction as the votes
-- themselves. A results snapshot then reads a few rows per area instead of counting every vote
-- (at 10,000 participants a full recount takes tens of milliseconds, ten times a second), and the
-- totals cannot drift from a recount: no write to votes — repository, cascade or hand-written SQL —
-- passes by the triggers, and a rolled-back write rolls back its totals with it.
--
-- The totals have no foreign keys: whatever order a cascade deletes parents in, every vote row
-- removed still finds the total it must decrement. Totals of removed areas or proposals stay
-- behind (at zero: one with votes cannot be removed) and are never read.

CREATE TABLE tally_proposals (
  proposal_id TEXT    PRIMARY KEY,
  votes       INTEGER NOT NULL
) WITHOUT ROWID;

-- Participants with a non-empty ballot in the area.
CREATE TABLE tally_areas (
  area_id TEXT    PRIMARY KEY,
  voters  INTEGER NOT NULL
) WITHOUT ROWID;

-- Participants with a vote in any area of the event.
CREATE TABLE tally_events (
  event_id INTEGER PRIMARY KEY,
  voters   INTEGER NOT NULL
);

CREATE TRIGGER tally_vote_added AFTER INSERT ON votes
BEGIN
  INSERT INTO tally_proposals (proposal_id, votes) VALUES (NEW.proposal_id, 1)
    ON CONFLICT (proposal_id) DO UPDATE SET votes = votes + 1;
END;

CREATE TRIGGER tally_vote_removed AFTER DELETE ON votes
BEGIN
  UPDATE tally_proposals SET votes = votes - 1 WHERE proposal_id = OLD.proposal_id;
END;

-- The row just inserted is the participant's only vote in the area: one more voter there.
CREATE TRIGGER tally_area_voter_added AFTER INSERT ON votes
WHEN NOT EXISTS (SELECT 1 FROM votes WHERE area_id = NEW.area_id AND participant_id = NEW.participant_id AND proposal_id <> NEW.proposal_id)
BEGIN
  INSERT INTO tally_areas (area_id, voters) VALUES (NEW.area_id, 1)
    ON CONFLICT (area_id) DO UPDATE SET voters = voters + 1;
END;

CREATE TRIGGER tally_area_voter_removed AFTER DELETE ON votes
WHEN NOT EXISTS (SELECT 1 FROM votes WHERE area_id = OLD.area_id AND participant_id = OLD.participant_id)
BEGIN
  UPDATE tally_areas SET voters = voters - 1 WHERE area_id = OLD.area_id;
END;

-- The participant's only vote in the whole event: one more voter of the event.
CREATE TRIGGER tally_event_voter_added AFTER INSERT ON votes
WHEN NOT EXISTS (SELECT 1 FROM votes WHERE participant_id = NEW.participant_id AND proposal_id <> NEW.proposal_id)
BEGIN
  INSERT INTO tally_events (event_id, voters) SELECT event_id, 1 FROM areas WHERE id = NEW.area_id
    ON CONFLICT (event_id) DO UPDATE SET voters = voters + 1;
END;

-- The event is found through the area or, if a cascade removed that first, the participant.
CREATE TRIGGER tally_event_voter_removed AFTER DELETE ON votes
WHEN NOT EXISTS (SELECT 1 FROM votes WHERE participant_id = OLD.participant_id)
BEGIN
  UPDATE tally_events SET voters = voters - 1
  WHERE event_id = coalesce((SELECT event_id FROM areas WHERE id = OLD.area_id), (SELECT event_id FROM participants WHERE id = OLD.participant_id));
END;

-- Event ids can be reused after a delete; area and proposal ids are random and never are.
CREATE TRIGGER tally_event_removed AFTER DELETE ON events
BEGIN
  DELETE FROM tally_events WHERE event_id = OLD.id;
END;

-- Databases created before this migration: start the totals from a recount.
INSERT INTO tally_proposals (proposal_id, votes)
  SELECT proposal_id, count(*) FROM votes GROUP BY proposal_id;
INSERT INTO tally_areas (area_id, voters)
  SELECT area_id, count(DISTINCT participant_id) FROM votes GROUP BY area_id;
INSERT INTO tally_events (event_id, voters)
  SELECT a.event_id, count(DISTINCT v.participant_id) FROM votes v JOIN areas a ON a.id = v.area_id GROUP BY a.event_id;
