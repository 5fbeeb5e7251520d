-- Voting methods per area (API 1.1, issue 15): approval (version 1), dots, ranking (Borda).
--
-- The rules live in shared/rules.ts; the database holds each method's invariant a second time, as
-- it held version 1's limit, so no race between two requests and no hand-written SQL can store a
-- ballot the rules would refuse. A vote row still names one proposal once (the key stays
-- (participant, proposal)); the method's facts are columns of that row:
--   dots   — dots on the proposal (approval and ranking: 1);
--   place  — ranking only: the proposal's place on the ballot, 1 = first choice (NULL otherwise);
--   points — what the row adds to the proposal's score: dots, or maxVotes + 1 - place (Borda).
-- Rows are never updated (a trigger below refuses it): a changed ballot deletes and inserts rows, so
-- every change passes the insert checks and the tally triggers, and nothing can bypass either.

ALTER TABLE areas ADD COLUMN method TEXT NOT NULL DEFAULT 'approval'
  CHECK (method IN ('approval', 'dots', 'ranking'));
-- Dots one participant may stack on one proposal: 1 for approval and ranking, at most the area's
-- maxVotes for dots (the service clamps it when maxVotes is lowered).
ALTER TABLE areas ADD COLUMN max_per_proposal INTEGER NOT NULL DEFAULT 1
  CHECK (max_per_proposal BETWEEN 1 AND 20 AND max_per_proposal <= max_votes AND (method = 'dots' OR max_per_proposal = 1));

ALTER TABLE votes ADD COLUMN dots INTEGER NOT NULL DEFAULT 1 CHECK (dots >= 1);
ALTER TABLE votes ADD COLUMN place INTEGER CHECK (place IS NULL OR place >= 1);
ALTER TABLE votes ADD COLUMN points INTEGER NOT NULL DEFAULT 1 CHECK (points >= 1);

-- Two proposals can never share a place on one ranking ballot (approval and dots rows have no place;
-- NULLs never collide in a unique index).
CREATE UNIQUE INDEX votes_place ON votes(participant_id, area_id, place) WHERE place IS NOT NULL;

-- The limit counted rows; it now counts dots: a participant's dots in an area never pass maxVotes
-- (approval and ranking rows carry one dot each, so for them this is the old row count).
DROP TRIGGER votes_limit;
CREATE TRIGGER votes_limit BEFORE INSERT ON votes
WHEN (SELECT coalesce(sum(dots), 0) FROM votes WHERE participant_id = NEW.participant_id AND area_id = NEW.area_id) + NEW.dots
     > (SELECT max_votes FROM areas WHERE id = NEW.area_id)
BEGIN
  SELECT RAISE(ABORT, 'TOO_MANY_VOTES');
END;

-- Each row as its area's method says it must be. The codes are the API's: a stack past the cap is
-- TOO_MANY_DOTS, a proposal counted twice on an approval or ranking ballot DUPLICATE_PROPOSAL, a
-- place past the ranking's length TOO_MANY_VOTES; anything else (missing place, points that are not
-- the method's) is a malformed row no request can produce: BAD_REQUEST.
CREATE TRIGGER votes_method BEFORE INSERT ON votes
BEGIN
  SELECT CASE
    WHEN a.method = 'dots' AND NEW.dots > a.max_per_proposal THEN RAISE(ABORT, 'TOO_MANY_DOTS')
    WHEN a.method <> 'dots' AND NEW.dots <> 1 THEN RAISE(ABORT, 'DUPLICATE_PROPOSAL')
    WHEN a.method <> 'ranking' AND NEW.place IS NOT NULL THEN RAISE(ABORT, 'BAD_REQUEST')
    WHEN a.method = 'ranking' AND NEW.place IS NULL THEN RAISE(ABORT, 'BAD_REQUEST')
    WHEN a.method = 'ranking' AND NEW.place > a.max_votes THEN RAISE(ABORT, 'TOO_MANY_VOTES')
    WHEN a.method = 'ranking' AND EXISTS (SELECT 1 FROM votes WHERE participant_id = NEW.participant_id AND area_id = NEW.area_id AND place = NEW.place)
      THEN RAISE(ABORT, 'DUPLICATE_PROPOSAL')
    WHEN a.method = 'ranking' AND NEW.points <> a.max_votes + 1 - NEW.place THEN RAISE(ABORT, 'BAD_REQUEST')
    WHEN a.method <> 'ranking' AND NEW.points <> NEW.dots THEN RAISE(ABORT, 'BAD_REQUEST')
  END
  FROM areas a WHERE a.id = NEW.area_id;
END;

-- A vote row is written once. Changing one in place would pass by the checks above and the tally
-- below; the repository deletes and inserts instead (repos/votes.ts).
CREATE TRIGGER votes_immutable BEFORE UPDATE ON votes
BEGIN
  SELECT RAISE(ABORT, 'NOT_ALLOWED');
END;

-- Lowering the limit below a cast ballot's dots would leave an over-limit ballot behind.
DROP TRIGGER areas_limit;
CREATE TRIGGER areas_limit BEFORE UPDATE OF max_votes ON areas
WHEN NEW.max_votes < OLD.max_votes AND EXISTS (
  SELECT 1 FROM votes WHERE area_id = NEW.id GROUP BY participant_id HAVING sum(dots) > NEW.max_votes)
BEGIN
  SELECT RAISE(ABORT, 'EVENT_LOCKED');
END;

-- A ranking's points depend on maxVotes (the first gets maxVotes): changing it would change what cast
-- ballots are worth.
CREATE TRIGGER areas_ranking_length BEFORE UPDATE OF max_votes ON areas
WHEN NEW.max_votes <> OLD.max_votes AND (OLD.method = 'ranking' OR NEW.method = 'ranking')
 AND EXISTS (SELECT 1 FROM votes WHERE area_id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'EVENT_LOCKED');
END;

-- Cast ballots were counted under the area's method: it cannot change under them.
CREATE TRIGGER areas_method BEFORE UPDATE OF method ON areas
WHEN NEW.method IS NOT OLD.method AND EXISTS (SELECT 1 FROM votes WHERE area_id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'EVENT_LOCKED');
END;

-- Nor can the cap per proposal drop below a stack already cast.
CREATE TRIGGER areas_per_proposal BEFORE UPDATE OF max_per_proposal ON areas
WHEN NEW.max_per_proposal < OLD.max_per_proposal AND EXISTS (
  SELECT 1 FROM votes WHERE area_id = NEW.id AND dots > NEW.max_per_proposal)
BEGIN
  SELECT RAISE(ABORT, 'EVENT_LOCKED');
END;

-- The running totals (002) gain the points; votes becomes the sum of dots (approval and ranking: the
-- ballots naming the proposal, as before).
ALTER TABLE tally_proposals ADD COLUMN points INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER tally_vote_added;
CREATE TRIGGER tally_vote_added AFTER INSERT ON votes
BEGIN
  INSERT INTO tally_proposals (proposal_id, votes, points) VALUES (NEW.proposal_id, NEW.dots, NEW.points)
    ON CONFLICT (proposal_id) DO UPDATE SET votes = votes + excluded.votes, points = points + excluded.points;
END;

DROP TRIGGER tally_vote_removed;
CREATE TRIGGER tally_vote_removed AFTER DELETE ON votes
BEGIN
  UPDATE tally_proposals SET votes = votes - OLD.dots, points = points - OLD.points WHERE proposal_id = OLD.proposal_id;
END;

-- Databases created before this migration: every vote is approval (one dot, one point); the totals
-- are recounted from the votes themselves rather than trusted.
UPDATE tally_proposals SET
  votes = coalesce((SELECT sum(dots) FROM votes WHERE proposal_id = tally_proposals.proposal_id), 0),
  points = coalesce((SELECT sum(points) FROM votes WHERE proposal_id = tally_proposals.proposal_id), 0);
