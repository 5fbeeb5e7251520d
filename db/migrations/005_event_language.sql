-- Languages (API 1.1): the event's default language, a BCP 47 tag of the eight Plenary speaks
-- (shared/i18n/languages.ts). Exports and the report use it; a page without `?lang=` and without a
-- supported browser language uses it too. Events created before this migration speak English, as before.
ALTER TABLE events ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
  CHECK (language IN ('en', 'fr', 'es', 'ar', 'ru', 'zh', 'de', 'pt'));
