-- Alerts (issue 19): notices shown under the bell and sent by e-mail. Each notice is made once
-- (its key names the week, the partnership's state or the event's start), the e-mail of it waits
-- in a durable outbox until the SMTP server took it, and each user may stop one kind by a secret
-- link in every message.
-- The language a user reads notices and e-mail in (null: English).
ALTER TABLE users ADD COLUMN lang TEXT CHECK (lang IS NULL OR lang = 'tr' OR lang = 'zh' OR
  lang = 'en');
CREATE TABLE notices (
  id TEXT NOT NULL PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind = 'digest' OR kind = 'health' OR kind = 'event_reminder'),
  dedupe_key TEXT NOT NULL UNIQUE,  -- kind, user and what it is about: made once
  lang TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,  -- the app's path it is about, e.g. /partnerships/…
  created_at TEXT NOT NULL,
  read_at TEXT
) STRICT;
CREATE INDEX notices_user ON notices (user_id, created_at);
CREATE INDEX notices_unread ON notices (user_id) WHERE read_at IS NULL;
-- The e-mail of a notice: the whole message as composed (so a retry sends the same bytes with the
-- same Message-ID). `sending` is marked before the SMTP transaction and committed: a message found
-- `sending` at start was cut short and is not sent again (it may have arrived), but shown failed.
CREATE TABLE mail_outbox (
  id TEXT NOT NULL PRIMARY KEY,
  notice_id TEXT NOT NULL UNIQUE REFERENCES notices (id),
  recipient TEXT NOT NULL,
  message TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state = 'pending' OR state = 'sending' OR state = 'sent' OR
    state = 'failed'),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
-- Per user and kind: the secret of its unsubscribe link, and whether the user unsubscribed.
CREATE TABLE alert_subscriptions (
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind = 'digest' OR kind = 'health' OR kind = 'event_reminder'),
  token TEXT NOT NULL UNIQUE,
  unsubscribed_at TEXT,
  PRIMARY KEY (user_id, kind)
) STRICT, WITHOUT ROWID;
-- The last health state the alerts saw per partnership: an alert goes out when it turns quiet or
-- dormant, not every pass while it stays so.
CREATE TABLE alert_health_states (
  partnership_id TEXT NOT NULL PRIMARY KEY REFERENCES partnerships (id),
  state TEXT NOT NULL,
  since TEXT NOT NULL
) STRICT, WITHOUT ROWID;
