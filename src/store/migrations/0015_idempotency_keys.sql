-- The first answer to each POST sent with an Idempotency-Key, kept for 24 hours: the same key from
-- the same user answers it again without a second write (a phone retrying after a dropped
-- answer). Written in the transaction of the write it answers, so a crash keeps both or neither.
CREATE TABLE idempotency_keys (
  caller TEXT NOT NULL,        -- the user's id
  key TEXT NOT NULL,           -- as sent, 1 to 255 visible ASCII characters
  fingerprint TEXT NOT NULL,   -- SHA-256 of the method, path and body the key was first sent with
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  headers TEXT NOT NULL,       -- JSON array of [name, value]
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (caller, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
