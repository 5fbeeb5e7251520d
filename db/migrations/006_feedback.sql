-- The evaluation form (API 1.1): one form per event, its questions in order, and one answer per
-- participant and question. Answers name their participant only so that a phone can replace its own
-- answers until the form closes; no output joins them to a participant, ballot, card or token
-- (docs/SECURITY.md), and a participant's deletion (an undone paper ballot) takes its answers along.

CREATE TABLE feedback_forms (
  event_id    INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  status      TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  updated_at  TEXT    NOT NULL
);

CREATE TABLE feedback_questions (
  -- Random ("fq_…"), like area ids: it says nothing about other events or questions.
  id        TEXT    PRIMARY KEY,
  event_id  INTEGER NOT NULL REFERENCES feedback_forms(event_id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (position >= 0),
  kind      TEXT    NOT NULL CHECK (kind IN ('agree5', 'useful4', 'yesno', 'choice', 'text')),
  prompt    TEXT    NOT NULL CHECK (length(prompt) BETWEEN 1 AND 500),
  -- A JSON array of the options' texts, for `choice` only; its length bounds the answers (below).
  options   TEXT,
  option_count INTEGER NOT NULL DEFAULT 0,
  CHECK ((kind = 'choice') = (options IS NOT NULL)),
  CHECK ((kind = 'choice' AND option_count BETWEEN 2 AND 10) OR (kind <> 'choice' AND option_count = 0)),
  -- The answers' foreign key names the kind too, so their CHECK below knows the scale.
  UNIQUE (id, kind, option_count)
);
CREATE INDEX feedback_questions_event ON feedback_questions(event_id, position);

CREATE TABLE feedback_answers (
  question_id     TEXT    NOT NULL,
  kind            TEXT    NOT NULL,
  option_count    INTEGER NOT NULL,
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  -- Scales and choices as numbers (yesno: 1 yes, 0 no), comments as text: exactly one of the two.
  value_int       INTEGER,
  value_text      TEXT,
  PRIMARY KEY (question_id, participant_id),
  FOREIGN KEY (question_id, kind, option_count) REFERENCES feedback_questions(id, kind, option_count) ON DELETE CASCADE,
  CHECK ((value_int IS NULL) <> (value_text IS NULL)),
  CHECK (
    (kind = 'agree5'  AND value_int BETWEEN 1 AND 5) OR
    (kind = 'useful4' AND value_int BETWEEN 1 AND 4) OR
    (kind = 'yesno'   AND value_int IN (0, 1)) OR
    (kind = 'choice'  AND value_int >= 0 AND value_int < option_count) OR
    (kind = 'text'    AND value_text IS NOT NULL AND length(value_text) BETWEEN 1 AND 1000)
  )
) WITHOUT ROWID;
CREATE INDEX feedback_answers_participant ON feedback_answers(participant_id);
