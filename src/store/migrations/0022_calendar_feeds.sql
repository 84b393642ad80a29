-- Calendar feeds (iCalendar) a user subscribes to from a phone or a desktop calendar: a secret
-- URL per feed (only its SHA-256 is kept), revocable, answering with what its user may see.
CREATE TABLE calendar_feeds (
  id TEXT NOT NULL PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind = 'partnership' OR kind = 'mine'),
  partnership_id TEXT REFERENCES partnerships (id),
  lang TEXT NOT NULL CHECK (lang = 'tr' OR lang = 'zh' OR lang = 'en'),
  token_digest TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK ((kind = 'partnership') = (partnership_id IS NOT NULL))
) STRICT;
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id, created_at);
