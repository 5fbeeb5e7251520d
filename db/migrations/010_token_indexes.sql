-- A token is looked up by itself, never through the event code in the path (issue 11, finding 9):
-- whether a blocked caller's token is valid must cost the same for a real code and a made-up one.
-- The participant tokens have their primary key; the admin link and the projector key get these.
CREATE INDEX events_admin_token ON events(admin_token_hash);
CREATE INDEX events_screen_key ON events(screen_key_hash);
