-- A join whose answer is lost on crowded Wi-Fi (a timeout after the server committed) is sent again
-- by the phone. Without a key each try made a new participant: one person counted twice. The phone
-- now sends a random join key it generated and kept before the first try; a second join with the
-- same key is the same participant. Stored hashed, like tokens; it names no one.
ALTER TABLE participants ADD COLUMN join_key_hash BLOB;
CREATE UNIQUE INDEX participants_join_key ON participants(event_id, join_key_hash) WHERE join_key_hash IS NOT NULL;
