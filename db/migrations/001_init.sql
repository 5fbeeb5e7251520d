-- Plenary schema v1. Migrations are append-only: never edit a released file, add the next number.

CREATE TABLE events (
  id                 INTEGER PRIMARY KEY,
  code               TEXT    NOT NULL UNIQUE,
  title              TEXT    NOT NULL,
  access             TEXT    NOT NULL DEFAULT 'open' CHECK (access IN ('open', 'invite')),
  votes_per_area     INTEGER NOT NULL DEFAULT 2 CHECK (votes_per_area BETWEEN 1 AND 20),
  results_visibility TEXT    NOT NULL DEFAULT 'live' CHECK (results_visibility IN ('live', 'on-reveal')),
  privacy_threshold  INTEGER NOT NULL DEFAULT 0 CHECK (privacy_threshold BETWEEN 0 AND 50),
  proposal_order     TEXT    NOT NULL DEFAULT 'random' CHECK (proposal_order IN ('random', 'organiser')),
  admin_token_hash   BLOB    NOT NULL,
  screen_key_hash    BLOB    NOT NULL,
  -- Increases with every change a results snapshot could show, so clients drop stale snapshots.
  seq                INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT    NOT NULL
);

CREATE TABLE areas (
  id         TEXT    PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  title      TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  max_votes  INTEGER NOT NULL CHECK (max_votes BETWEEN 1 AND 20),
  status     TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  revealed   INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0, 1)),
  opened_at  TEXT,
  closed_at  TEXT
);
CREATE INDEX areas_event ON areas(event_id, position);

CREATE TABLE proposals (
  id        TEXT    PRIMARY KEY,
  area_id   TEXT    NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
  title     TEXT    NOT NULL,
  body      TEXT    NOT NULL DEFAULT '',
  position  INTEGER NOT NULL,
  -- Target of the votes' composite key: a vote can only name a proposal of its own area.
  UNIQUE (id, area_id)
);
CREATE INDEX proposals_area ON proposals(area_id, position);

CREATE TABLE invites (
  id        INTEGER PRIMARY KEY,
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  code_hash BLOB    NOT NULL UNIQUE,
  used      INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
);
CREATE INDEX invites_event ON invites(event_id);

CREATE TABLE participants (
  id         INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  invite_id  INTEGER UNIQUE REFERENCES invites(id) ON DELETE SET NULL,
  kind       TEXT    NOT NULL DEFAULT 'phone' CHECK (kind IN ('phone', 'paper'))
);
CREATE INDEX participants_event ON participants(event_id);

-- A participant may hold several tokens (rejoining with the same ballot card on a second phone).
CREATE TABLE participant_tokens (
  token_hash     BLOB    PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX participant_tokens_participant ON participant_tokens(participant_id);

CREATE TABLE votes (
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  area_id        TEXT    NOT NULL,
  proposal_id    TEXT    NOT NULL,
  PRIMARY KEY (participant_id, proposal_id),
  FOREIGN KEY (proposal_id, area_id) REFERENCES proposals(id, area_id) ON DELETE CASCADE
);
CREATE INDEX votes_area ON votes(area_id, proposal_id);
CREATE INDEX votes_area_participant ON votes(area_id, participant_id);

-- The vote limit, held by the database itself: whatever the code above it does, no ballot
-- can grow past its area's maxVotes.
CREATE TRIGGER votes_limit BEFORE INSERT ON votes
WHEN (SELECT count(*) FROM votes WHERE participant_id = NEW.participant_id AND area_id = NEW.area_id)
     >= (SELECT max_votes FROM areas WHERE id = NEW.area_id)
BEGIN
  SELECT RAISE(ABORT, 'TOO_MANY_VOTES');
END;

-- Votes only while the area is open.
CREATE TRIGGER votes_open BEFORE INSERT ON votes
WHEN (SELECT status FROM areas WHERE id = NEW.area_id) IS NOT 'open'
BEGIN
  SELECT RAISE(ABORT, 'VOTING_CLOSED');
END;

-- Lowering an area's limit below a cast ballot would leave an over-limit ballot behind.
CREATE TRIGGER areas_limit BEFORE UPDATE OF max_votes ON areas
WHEN NEW.max_votes < OLD.max_votes AND EXISTS (
  SELECT 1 FROM votes WHERE area_id = NEW.id GROUP BY participant_id HAVING count(*) > NEW.max_votes)
BEGIN
  SELECT RAISE(ABORT, 'EVENT_LOCKED');
END;
