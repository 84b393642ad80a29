-- Accounts, sessions, API tokens, the security log, and who may see each record.
-- Secrets are never stored: passwords as Argon2id strings, session and API tokens as SHA-256
-- hex digests of the random value the client holds.
CREATE TABLE users (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'contributor', 'partner', 'viewer')),
  person_id TEXT REFERENCES people (id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) STRICT;

-- The partnerships a partner user works in.
CREATE TABLE user_partnerships (
  user_id TEXT NOT NULL REFERENCES users (id),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  PRIMARY KEY (user_id, partnership_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sessions (
  token_hash TEXT NOT NULL PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  address TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id TEXT NOT NULL PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  last_used_at TEXT,
  revoked_at TEXT
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Logins, failed logins, logouts, lockouts, role changes, tokens: the security half of the
-- audit trail (record changes are in `changes`).
CREATE TABLE auth_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('login', 'login_failed', 'login_locked', 'logout',
                                     'user_created', 'role_changed', 'user_disabled',
                                     'user_enabled', 'password_changed', 'token_created',
                                     'token_revoked', 'partnerships_changed')),
  email TEXT NOT NULL DEFAULT '',
  user_id TEXT,
  actor TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX auth_events_email_at ON auth_events (email, kind, at);
CREATE INDEX auth_events_address_at ON auth_events (address, kind, at);
CREATE INDEX auth_events_at ON auth_events (at);

-- Every record's visibility (private: home city only; shared: also the partner users of its
-- partnership; public: anyone) and the user who created it (its owner for contributors).
ALTER TABLE cities ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'shared', 'public'));
ALTER TABLE cities ADD COLUMN created_by TEXT;
ALTER TABLE organizations ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'shared', 'public'));
ALTER TABLE organizations ADD COLUMN created_by TEXT;
ALTER TABLE people ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'shared', 'public'));
ALTER TABLE people ADD COLUMN created_by TEXT;
ALTER TABLE partnerships ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'shared', 'public'));
ALTER TABLE partnerships ADD COLUMN created_by TEXT;
ALTER TABLE meetings ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'shared', 'public'));
ALTER TABLE meetings ADD COLUMN created_by TEXT;
ALTER TABLE commitments ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'shared', 'public'));
ALTER TABLE commitments ADD COLUMN created_by TEXT;
ALTER TABLE events ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'shared', 'public'));
ALTER TABLE events ADD COLUMN created_by TEXT;
ALTER TABLE glossary ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility IN ('private', 'shared', 'public'));
ALTER TABLE glossary ADD COLUMN created_by TEXT;

-- The public portal lists published partnerships and public events by date.
CREATE INDEX events_visibility_starts ON events (visibility, archived, starts_at);
CREATE INDEX partnerships_visibility ON partnerships (visibility, archived);
