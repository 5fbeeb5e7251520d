-- Before the vote (API 1.1, issue 13): working groups draft their own area's proposals through an
-- editor link, the room sends suggestions, the organiser moderates them.

-- One editor link per area (a new one replaces the old), stored hashed like every other secret.
CREATE TABLE editor_keys (
  key_hash   BLOB    PRIMARY KEY,
  area_id    TEXT    NOT NULL UNIQUE REFERENCES areas(id) ON DELETE CASCADE,
  created_at TEXT    NOT NULL
);

-- Whether the room may suggest proposals for the area, and whether the organiser has locked its
-- content against the group's editor (the organiser can still edit).
ALTER TABLE areas ADD COLUMN suggestions TEXT NOT NULL DEFAULT 'off' CHECK (suggestions IN ('off', 'open'));
ALTER TABLE areas ADD COLUMN content_locked INTEGER NOT NULL DEFAULT 0 CHECK (content_locked IN (0, 1));

-- Where a proposal came from (the exports count them), how many suggestions were merged into it,
-- and a version that every edit bumps, so two people editing one proposal cannot overwrite each
-- other silently.
ALTER TABLE proposals ADD COLUMN origin TEXT NOT NULL DEFAULT 'group' CHECK (origin IN ('group', 'suggestion'));
ALTER TABLE proposals ADD COLUMN merged INTEGER NOT NULL DEFAULT 0 CHECK (merged >= 0);
ALTER TABLE proposals ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- The room's suggestions. participant_id lets a phone see its own suggestions' status and limits
-- how many one phone sends; it never leaves the server (no route, export or push names it).
-- created_at is kept to the minute: a queue ordered to the second would say who was typing when.
CREATE TABLE suggestions (
  id             TEXT    PRIMARY KEY,
  area_id        TEXT    NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
  participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  title          TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  body           TEXT    NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
  status         TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'merged', 'rejected')),
  proposal_id    TEXT    REFERENCES proposals(id) ON DELETE SET NULL,
  created_at     TEXT    NOT NULL
);
CREATE INDEX suggestions_area ON suggestions(area_id);
CREATE INDEX suggestions_participant ON suggestions(participant_id);
