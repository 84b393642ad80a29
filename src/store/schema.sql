CREATE TRIGGER agreement_approvals_counted_archive AFTER UPDATE OF archived ON agreement_approvals
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'agreement_approvals' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('agreement_approvals', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agreement_approvals_counted_delete AFTER DELETE ON agreement_approvals BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'agreement_approvals' AND archived = OLD.archived;
END;
CREATE TRIGGER agreement_approvals_counted_insert AFTER INSERT ON agreement_approvals BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('agreement_approvals', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agreement_texts_counted_archive AFTER UPDATE OF archived ON agreement_texts
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'agreement_texts' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('agreement_texts', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agreement_texts_counted_delete AFTER DELETE ON agreement_texts BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'agreement_texts' AND archived = OLD.archived;
END;
CREATE TRIGGER agreement_texts_counted_insert AFTER INSERT ON agreement_texts BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('agreement_texts', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER b2b_plans_counted_archive AFTER UPDATE OF archived ON b2b_plans
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'b2b_plans' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('b2b_plans', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER b2b_plans_counted_delete AFTER DELETE ON b2b_plans BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'b2b_plans' AND archived = OLD.archived;
END;
CREATE TRIGGER b2b_plans_counted_insert AFTER INSERT ON b2b_plans BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('b2b_plans', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER cases_counted_archive AFTER UPDATE OF archived ON cases
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'cases' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('cases', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER cases_counted_delete AFTER DELETE ON cases BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'cases' AND archived = OLD.archived;
END;
CREATE TRIGGER cases_counted_insert AFTER INSERT ON cases BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('cases', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER cities_counted_archive AFTER UPDATE OF archived ON cities
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'cities' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('cities', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER cities_counted_delete AFTER DELETE ON cities BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'cities' AND archived = OLD.archived;
END;
CREATE TRIGGER cities_counted_insert AFTER INSERT ON cities BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('cities', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER commitment_moved_with_history AFTER UPDATE OF partnership_id ON commitments
  WHEN OLD.partnership_id IS NOT NEW.partnership_id BEGIN
  UPDATE commitment_history SET commitment_partnership_id = NEW.partnership_id
    WHERE commitment_id = NEW.id;
END;
CREATE TRIGGER commitments_counted_archive AFTER UPDATE OF archived ON commitments
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'commitments' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('commitments', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER commitments_counted_delete AFTER DELETE ON commitments BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'commitments' AND archived = OLD.archived;
END;
CREATE TRIGGER commitments_counted_insert AFTER INSERT ON commitments BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('commitments', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER commitments_tallied_delete AFTER DELETE ON commitments WHEN OLD.archived = 0 BEGIN
  UPDATE commitment_tallies SET n = n - 1
    WHERE partnership_id = OLD.partnership_id AND area = OLD.area AND status = OLD.status AND
          due_month = coalesce(substr(OLD.due_date, 1, 7), '');
  DELETE FROM commitment_tallies
    WHERE partnership_id = OLD.partnership_id AND area = OLD.area AND status = OLD.status AND
          due_month = coalesce(substr(OLD.due_date, 1, 7), '') AND n = 0;
END;
CREATE TRIGGER commitments_tallied_insert AFTER INSERT ON commitments WHEN NEW.archived = 0 BEGIN
  INSERT INTO commitment_tallies (partnership_id, area, status, due_month, n)
    VALUES (NEW.partnership_id, NEW.area, NEW.status, coalesce(substr(NEW.due_date, 1, 7), ''), 1)
    ON CONFLICT (partnership_id, area, status, due_month) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER commitments_tallied_update
  AFTER UPDATE OF partnership_id, area, status, due_date, archived ON commitments
  WHEN OLD.partnership_id IS NOT NEW.partnership_id OR OLD.area IS NOT NEW.area OR
       OLD.status IS NOT NEW.status OR OLD.due_date IS NOT NEW.due_date OR
       OLD.archived IS NOT NEW.archived BEGIN
  UPDATE commitment_tallies SET n = n - 1
    WHERE OLD.archived = 0 AND partnership_id = OLD.partnership_id AND area = OLD.area AND
          status = OLD.status AND due_month = coalesce(substr(OLD.due_date, 1, 7), '');
  DELETE FROM commitment_tallies
    WHERE partnership_id = OLD.partnership_id AND area = OLD.area AND status = OLD.status AND
          due_month = coalesce(substr(OLD.due_date, 1, 7), '') AND n = 0;
  INSERT INTO commitment_tallies (partnership_id, area, status, due_month, n)
    SELECT NEW.partnership_id, NEW.area, NEW.status, coalesce(substr(NEW.due_date, 1, 7), ''), 1
    WHERE NEW.archived = 0
    ON CONFLICT (partnership_id, area, status, due_month) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_counted_archive AFTER UPDATE OF archived ON events
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'events' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('events', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_counted_delete AFTER DELETE ON events BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'events' AND archived = OLD.archived;
END;
CREATE TRIGGER events_counted_insert AFTER INSERT ON events BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('events', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER exhibitors_counted_archive AFTER UPDATE OF archived ON exhibitors
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'exhibitors' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('exhibitors', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER exhibitors_counted_delete AFTER DELETE ON exhibitors BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'exhibitors' AND archived = OLD.archived;
END;
CREATE TRIGGER exhibitors_counted_insert AFTER INSERT ON exhibitors BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('exhibitors', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER fair_buyers_counted_archive AFTER UPDATE OF archived ON fair_buyers
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'fair_buyers' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('fair_buyers', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER fair_buyers_counted_delete AFTER DELETE ON fair_buyers BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'fair_buyers' AND archived = OLD.archived;
END;
CREATE TRIGGER fair_buyers_counted_insert AFTER INSERT ON fair_buyers BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('fair_buyers', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER glossary_counted_archive AFTER UPDATE OF archived ON glossary
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'glossary' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('glossary', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER glossary_counted_delete AFTER DELETE ON glossary BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'glossary' AND archived = OLD.archived;
END;
CREATE TRIGGER glossary_counted_insert AFTER INSERT ON glossary BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('glossary', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER leads_counted_archive AFTER UPDATE OF archived ON leads
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'leads' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('leads', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER leads_counted_delete AFTER DELETE ON leads BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'leads' AND archived = OLD.archived;
END;
CREATE TRIGGER leads_counted_insert AFTER INSERT ON leads BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('leads', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER legal_steps_counted_archive AFTER UPDATE OF archived ON legal_steps
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'legal_steps' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('legal_steps', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER legal_steps_counted_delete AFTER DELETE ON legal_steps BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'legal_steps' AND archived = OLD.archived;
END;
CREATE TRIGGER legal_steps_counted_insert AFTER INSERT ON legal_steps BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('legal_steps', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER meeting_requests_counted_archive AFTER UPDATE OF archived ON meeting_requests
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'meeting_requests' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('meeting_requests', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER meeting_requests_counted_delete AFTER DELETE ON meeting_requests BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'meeting_requests' AND archived = OLD.archived;
END;
CREATE TRIGGER meeting_requests_counted_insert AFTER INSERT ON meeting_requests BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('meeting_requests', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER meetings_counted_archive AFTER UPDATE OF archived ON meetings
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'meetings' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('meetings', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER meetings_counted_delete AFTER DELETE ON meetings BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'meetings' AND archived = OLD.archived;
END;
CREATE TRIGGER meetings_counted_insert AFTER INSERT ON meetings BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('meetings', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER organizations_counted_archive AFTER UPDATE OF archived ON organizations
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'organizations' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('organizations', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER organizations_counted_delete AFTER DELETE ON organizations BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'organizations' AND archived = OLD.archived;
END;
CREATE TRIGGER organizations_counted_insert AFTER INSERT ON organizations BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('organizations', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER partnerships_counted_archive AFTER UPDATE OF archived ON partnerships
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'partnerships' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('partnerships', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER partnerships_counted_delete AFTER DELETE ON partnerships BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'partnerships' AND archived = OLD.archived;
END;
CREATE TRIGGER partnerships_counted_insert AFTER INSERT ON partnerships BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('partnerships', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER people_counted_archive AFTER UPDATE OF archived ON people
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'people' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('people', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER people_counted_delete AFTER DELETE ON people BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'people' AND archived = OLD.archived;
END;
CREATE TRIGGER people_counted_insert AFTER INSERT ON people BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('people', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER products_counted_archive AFTER UPDATE OF archived ON products
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'products' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('products', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER products_counted_delete AFTER DELETE ON products BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'products' AND archived = OLD.archived;
END;
CREATE TRIGGER products_counted_insert AFTER INSERT ON products BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('products', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TABLE agreement_approvals (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  agreement_id TEXT NOT NULL REFERENCES agreement_texts (id),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  agreement_version REAL CHECK (agreement_version IS NULL OR agreement_version >= 1),
  content_hash TEXT CHECK (content_hash IS NULL OR length(content_hash) = 64),
  key_id TEXT,
  public_key TEXT,
  signature TEXT,
  approved_at TEXT,
  approved_by_role TEXT,
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT
) STRICT;
CREATE TABLE agreement_texts (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL CHECK (json_valid(title)),
  body TEXT NOT NULL CHECK (json_valid(body)),
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT
) STRICT;
CREATE TABLE alert_health_states (
  partnership_id TEXT NOT NULL PRIMARY KEY REFERENCES partnerships (id),
  state TEXT NOT NULL,
  since TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE alert_subscriptions (
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind = 'digest' OR kind = 'health' OR kind = 'event_reminder'),
  token TEXT NOT NULL UNIQUE,
  unsubscribed_at TEXT,
  PRIMARY KEY (user_id, kind)
) STRICT, WITHOUT ROWID;
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
CREATE TABLE auth_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind = 'login' OR kind = 'login_failed' OR kind = 'login_locked' OR
    kind = 'logout' OR kind = 'user_created' OR kind = 'role_changed' OR
    kind = 'user_disabled' OR kind = 'user_enabled' OR
    kind = 'password_changed' OR kind = 'token_created' OR
    kind = 'token_revoked' OR kind = 'partnerships_changed' OR
    kind = 'federation_rejected' OR kind = 'federation_invited' OR
    kind = 'federation_paired' OR kind = 'federation_confirmed' OR
    kind = 'federation_revoked' OR kind = 'federation_key_rotated'),
  email TEXT NOT NULL DEFAULT '',
  user_id TEXT,
  actor TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE TABLE b2b_meetings (
  request_id TEXT NOT NULL PRIMARY KEY REFERENCES meeting_requests (id),
  event_id TEXT NOT NULL REFERENCES b2b_runs (event_id),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
  table_number INTEGER NOT NULL CHECK (table_number >= 1)
) STRICT;
CREATE TABLE b2b_plans (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  event_id TEXT NOT NULL REFERENCES events (id),
  day_start REAL NOT NULL CHECK (day_start >= 0 AND day_start < 1440),
  day_end REAL NOT NULL CHECK (day_end > day_start AND day_end <= 1440),
  slot_minutes REAL NOT NULL CHECK (slot_minutes >= 5 AND slot_minutes <= 240),
  tables REAL NOT NULL CHECK (tables >= 1 AND tables <= 500),
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT
) STRICT;
CREATE TABLE b2b_runs (
  event_id TEXT NOT NULL PRIMARY KEY REFERENCES events (id),
  ran_at TEXT NOT NULL,
  requests INTEGER NOT NULL CHECK (requests >= 0),
  met INTEGER NOT NULL CHECK (met >= 0 AND met <= requests),
  met_priority INTEGER NOT NULL,
  upper_bound INTEGER NOT NULL CHECK (upper_bound >= met_priority)
) STRICT;
CREATE TABLE blob_derivatives (
  sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),  -- the source blob
  state TEXT NOT NULL CHECK (state = 'working' OR state = 'done' OR state = 'failed'),
  -- The thumbnail, itself a blob of the store (JPEG, at most 512 px on its long side); NULL when
  -- the file has none (not an image or PDF, or bytes that do not decode).
  thumbnail TEXT CHECK (thumbnail IS NULL OR length(thumbnail) = 64),
  -- The document's text, at most 1 MiB of UTF-8 (previews::kMaxTextBytes); NULL when it has none.
  text TEXT,
  made_at TEXT NOT NULL
) STRICT;
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
CREATE TABLE cases (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  title TEXT NOT NULL CHECK (json_valid(title)),
  summary TEXT NOT NULL CHECK (json_valid(summary)),
  problem TEXT CHECK (problem IS NULL OR json_valid(problem)),
  approach TEXT CHECK (approach IS NULL OR json_valid(approach)),
  results TEXT CHECK (results IS NULL OR json_valid(results)),
  lessons TEXT CHECK (lessons IS NULL OR json_valid(lessons)),
  area TEXT NOT NULL DEFAULT 'heritage' CHECK (area = 'technology_ai' OR area = 'education' OR
    area = 'culture_arts' OR area = 'music' OR area = 'sports' OR area = 'trade_export' OR
    area = 'heritage' OR area = 'tourism' OR area = 'municipal_services' OR area = 'youth' OR
    area = 'other'),
  city_id TEXT NOT NULL REFERENCES cities (id),
  organization_id TEXT REFERENCES organizations (id),
  period_start TEXT,
  period_end TEXT,
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  contacts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contacts)),
  commitment_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(commitment_ids)),
  event_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(event_ids)),
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT,
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
) STRICT;
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  op TEXT NOT NULL CHECK (op = 'create' OR op = 'update' OR op = 'archive' OR op = 'transition'),
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE TABLE cities (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  name TEXT NOT NULL CHECK (json_valid(name)),
  country TEXT NOT NULL CHECK (length(country) = 2),
  time_zone TEXT NOT NULL,
  latitude REAL CHECK (latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude BETWEEN -180 AND 180)
, visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility = 'private' OR visibility = 'shared' OR
    visibility = 'public'), created_by TEXT) STRICT;
CREATE TABLE commitment_history (
  id TEXT NOT NULL PRIMARY KEY,
  commitment_id TEXT NOT NULL REFERENCES commitments (id),
  kind TEXT NOT NULL CHECK (kind IN ('transition', 'note')),
  from_status TEXT,
  to_status TEXT,
  note TEXT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  instance_id TEXT NOT NULL, commitment_partnership_id TEXT,
  CHECK (kind = 'note' OR (from_status IS NOT NULL AND to_status IS NOT NULL))
) STRICT;
CREATE TABLE commitment_tallies (
  partnership_id TEXT NOT NULL,
  area TEXT NOT NULL,
  status TEXT NOT NULL,
  due_month TEXT NOT NULL,  -- 'YYYY-MM', '' for none
  n INTEGER NOT NULL CHECK (n >= 0),  -- a row reaching 0 is deleted
  PRIMARY KEY (partnership_id, area, status, due_month)
) STRICT, WITHOUT ROWID;
CREATE TABLE commitments (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  meeting_id TEXT REFERENCES meetings (id),
  text TEXT NOT NULL CHECK (json_valid(text)),
  area TEXT NOT NULL CHECK (area = 'technology_ai' OR area = 'education' OR area = 'culture_arts' OR
    area = 'music' OR area = 'sports' OR area = 'trade_export' OR
    area = 'heritage' OR area = 'tourism' OR area = 'municipal_services' OR
    area = 'youth' OR area = 'other'),
  proposed_by_side TEXT NOT NULL CHECK (proposed_by_side = 'home' OR proposed_by_side = 'partner' OR
    proposed_by_side = 'both'),
  proposed_by_person_id TEXT REFERENCES people (id),
  home_owner_id TEXT REFERENCES people (id),
  partner_owner_id TEXT REFERENCES people (id),
  due_date TEXT,
  status TEXT NOT NULL CHECK (status = 'proposed' OR status = 'agreed' OR status = 'planned' OR
    status = 'in_progress' OR status = 'done' OR status = 'dropped')
, visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility = 'private' OR visibility = 'shared' OR
    visibility = 'public'), created_by TEXT, evidence_links TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(evidence_links))) STRICT;
CREATE TABLE events (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  kind TEXT NOT NULL CHECK (kind = 'festival' OR kind = 'sports' OR kind = 'concert' OR
    kind = 'fair' OR kind = 'exhibition' OR kind = 'conference' OR
    kind = 'study_visit' OR kind = 'other'),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  title TEXT NOT NULL CHECK (json_valid(title)),
  description TEXT CHECK (description IS NULL OR json_valid(description)),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  city_id TEXT REFERENCES cities (id),
  venue TEXT,
  status TEXT NOT NULL CHECK (status = 'idea' OR status = 'planned' OR status = 'confirmed' OR
    status = 'held' OR status = 'cancelled'),
  commitment_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(commitment_ids)), visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility = 'private' OR visibility = 'shared' OR
    visibility = 'public'), created_by TEXT,
  CHECK (ends_at >= starts_at)
) STRICT;
CREATE TABLE exchange_agreement_approvals (
  id TEXT NOT NULL PRIMARY KEY,
  agreement_id TEXT NOT NULL REFERENCES exchange_agreements (id),
  side TEXT NOT NULL CHECK (side = 'home' OR side = 'partner'),
  user_id TEXT NOT NULL,
  user_email TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  content TEXT NOT NULL CHECK (json_valid(content)),
  superseded_at TEXT
) STRICT;
CREATE TABLE exchange_agreements (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  home_institution_id TEXT NOT NULL REFERENCES organizations (id),
  partner_institution_id TEXT NOT NULL REFERENCES organizations (id),
  first_year TEXT NOT NULL CHECK (first_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
  last_year TEXT NOT NULL CHECK (last_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
  state TEXT NOT NULL DEFAULT 'draft'
    CHECK (state = 'draft' OR state = 'proposed' OR state = 'approved'),
  visibility TEXT NOT NULL DEFAULT 'shared' CHECK (visibility = 'private' OR visibility = 'shared'),
  -- SHA-256 (hex) of the canonical content both sides approve.
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  CHECK (last_year >= first_year),
  CHECK (home_institution_id <> partner_institution_id)
) STRICT;
CREATE TABLE exchange_allocation_placements (
  run_id TEXT NOT NULL REFERENCES exchange_allocation_runs (id),
  application_id TEXT NOT NULL REFERENCES exchange_applications (id),
  condition_id TEXT,
  rank INTEGER NOT NULL CHECK (rank >= 0),
  score INTEGER NOT NULL,
  lottery TEXT NOT NULL,
  explanation TEXT NOT NULL CHECK (json_valid(explanation)),
  PRIMARY KEY (run_id, application_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE exchange_allocation_runs (
  id TEXT NOT NULL PRIMARY KEY,
  call_id TEXT NOT NULL REFERENCES exchange_calls (id),
  created_at TEXT NOT NULL,
  created_by TEXT,
  created_by_email TEXT NOT NULL,
  -- The locked run whose placements were floors in this one (the re-run rule), if any.
  previous_run_id TEXT REFERENCES exchange_allocation_runs (id),
  seed TEXT NOT NULL,
  formula TEXT NOT NULL,
  code_version TEXT NOT NULL,
  input TEXT NOT NULL,
  input_hash TEXT NOT NULL CHECK (length(input_hash) = 64),
  result TEXT NOT NULL,
  result_hash TEXT NOT NULL CHECK (length(result_hash) = 64),
  -- [{condition_id, seats, admitted, cutoff_score|null}] in the call's order of conditions.
  cutoffs TEXT NOT NULL CHECK (json_valid(cutoffs)),
  locked_at TEXT,
  locked_by_email TEXT
) STRICT;
CREATE TABLE exchange_application_events (
  id TEXT NOT NULL PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES exchange_applications (id),
  kind TEXT NOT NULL CHECK (kind = 'submitted' OR kind = 'changed' OR kind = 'withdrawn'),
  at TEXT NOT NULL,
  user_id TEXT,
  user_email TEXT NOT NULL,
  late INTEGER NOT NULL DEFAULT 0 CHECK (late = 0 OR late = 1),
  fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields)),
  reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE exchange_applications (
  id TEXT NOT NULL PRIMARY KEY,
  call_id TEXT NOT NULL REFERENCES exchange_calls (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  name_native TEXT NOT NULL,
  name_latin TEXT NOT NULL,
  student_number TEXT NOT NULL,
  home_department TEXT NOT NULL,
  isced_code TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level = 'bachelor' OR level = 'master' OR level = 'doctoral'),
  academic_average INTEGER NOT NULL CHECK (academic_average >= 0),
  average_scale INTEGER NOT NULL CHECK (average_scale > 0 AND academic_average <= average_scale),
  language_score INTEGER NOT NULL CHECK (language_score BETWEEN 0 AND 1000000),
  -- [{"language": "en", "result": "B2"}, …] and the ranked condition ids.
  language_results TEXT NOT NULL CHECK (json_valid(language_results)),
  choices TEXT NOT NULL CHECK (json_valid(choices) AND json_array_length(choices) >= 1),
  status TEXT NOT NULL DEFAULT 'submitted' CHECK (status = 'submitted' OR status = 'withdrawn'),
  UNIQUE (call_id, student_number)
) STRICT;
CREATE TABLE exchange_calls (
  id TEXT NOT NULL PRIMARY KEY,
  agreement_id TEXT NOT NULL REFERENCES exchange_agreements (id),
  academic_year TEXT NOT NULL
    CHECK (academic_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
  direction TEXT NOT NULL
    CHECK (direction = 'home_to_partner' OR direction = 'partner_to_home'),
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  -- The home city's IANA zone when the call was made: the window's days are its days.
  time_zone TEXT NOT NULL,
  academic_weight INTEGER NOT NULL CHECK (academic_weight >= 0),
  language_weight INTEGER NOT NULL CHECK (language_weight >= 0),
  max_choices INTEGER NOT NULL CHECK (max_choices BETWEEN 1 AND 20),
  -- The published tie-break seed, a decimal below 2^64.
  tie_seed TEXT NOT NULL CHECK (length(tie_seed) BETWEEN 1 AND 20),
  created_at TEXT NOT NULL,
  created_by TEXT,
  CHECK (closes_on >= opens_on),
  CHECK (academic_weight + language_weight = 1000000),
  UNIQUE (agreement_id, academic_year, direction)
) STRICT;
CREATE TABLE exchange_conditions (
  id TEXT NOT NULL PRIMARY KEY,
  agreement_id TEXT NOT NULL REFERENCES exchange_agreements (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  direction TEXT NOT NULL
    CHECK (direction = 'home_to_partner' OR direction = 'partner_to_home'),
  host_department TEXT NOT NULL,
  isced_code TEXT NOT NULL CHECK (isced_code GLOB '[0-9][0-9]' OR
    isced_code GLOB '[0-9][0-9][0-9]' OR isced_code GLOB '[0-9][0-9][0-9][0-9]'),
  level TEXT NOT NULL CHECK (level = 'bachelor' OR level = 'master' OR level = 'doctoral'),
  seats_per_year INTEGER NOT NULL CHECK (seats_per_year BETWEEN 1 AND 999),
  months_per_student INTEGER NOT NULL CHECK (months_per_student BETWEEN 1 AND 24),
  language TEXT NOT NULL CHECK (length(language) = 2),
  min_cefr TEXT NOT NULL CHECK (min_cefr = 'A1' OR min_cefr = 'A2' OR min_cefr = 'B1' OR
    min_cefr = 'B2' OR min_cefr = 'C1' OR min_cefr = 'C2'),
  extra_requirements TEXT NOT NULL DEFAULT '',
  -- Set when an edit took the condition out of the agreement; null while it is part of it.
  removed_at TEXT
) STRICT;
CREATE TABLE exchange_nominations (
  id TEXT NOT NULL PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES exchange_allocation_runs (id),
  call_id TEXT NOT NULL REFERENCES exchange_calls (id),
  agreement_id TEXT NOT NULL REFERENCES exchange_agreements (id),
  application_id TEXT NOT NULL REFERENCES exchange_applications (id),
  condition_id TEXT NOT NULL,
  academic_year TEXT NOT NULL,
  direction TEXT NOT NULL
    CHECK (direction = 'home_to_partner' OR direction = 'partner_to_home'),
  host_institution_id TEXT NOT NULL,
  host_department TEXT NOT NULL,
  name_native TEXT NOT NULL,
  name_latin TEXT NOT NULL,
  home_institution_id TEXT NOT NULL,
  home_department TEXT NOT NULL,
  isced_code TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level = 'bachelor' OR level = 'master' OR level = 'doctoral'),
  months INTEGER NOT NULL CHECK (months >= 0),
  language TEXT NOT NULL,
  language_level TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  sent_by_email TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'sent'
    CHECK (status = 'sent' OR status = 'accepted' OR status = 'rejected' OR status = 'withdrawn'),
  decided_at TEXT,
  decided_by_email TEXT,
  reason TEXT NOT NULL DEFAULT '',
  CHECK (status <> 'rejected' OR length(reason) > 0),
  UNIQUE (run_id, application_id)
) STRICT;
CREATE TABLE exhibitors (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  event_id TEXT NOT NULL REFERENCES events (id),
  company_id TEXT NOT NULL REFERENCES organizations (id),
  stand TEXT,
  product_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(product_ids)),
  delegation_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(delegation_ids)),
  logistics_notes TEXT,
  covered_costs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(covered_costs)),
  available_slots TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(available_slots)),
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT
) STRICT;
CREATE TABLE fair_buyers (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  event_id TEXT NOT NULL REFERENCES events (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  available_slots TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(available_slots)),
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT
) STRICT;
CREATE TABLE federation_invitations (
  id TEXT NOT NULL PRIMARY KEY,
  code_digest TEXT NOT NULL UNIQUE,
  partnership_ids TEXT NOT NULL CHECK (json_valid(partnership_ids)),
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  peer_id TEXT
) STRICT;
CREATE TABLE federation_keys (
  id TEXT NOT NULL PRIMARY KEY,
  public_key TEXT NOT NULL,
  secret_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;
CREATE TABLE "federation_outbox" (
  id TEXT NOT NULL PRIMARY KEY,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  owner_instance_id TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('update', 'archive', 'transition', 'note')),
  body TEXT NOT NULL CHECK (json_valid(body)),
  base_version INTEGER NOT NULL CHECK (base_version >= 1),
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'rejected', 'dismissed')),
  applied_version INTEGER,
  problem TEXT CHECK (problem IS NULL OR json_valid(problem)),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT,
  decided_at TEXT
) STRICT;
CREATE TABLE federation_peer_keys (
  key_id TEXT NOT NULL,
  peer_id TEXT NOT NULL REFERENCES federation_peers (id),
  public_key TEXT NOT NULL,
  added_at TEXT NOT NULL,
  valid_until TEXT,
  PRIMARY KEY (peer_id, key_id)
) STRICT;
CREATE TABLE federation_peers (
  id TEXT NOT NULL PRIMARY KEY,
  instance_id TEXT NOT NULL,
  url TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role = 'inviter' OR role = 'invitee'),
  state TEXT NOT NULL CHECK (state = 'pending' OR state = 'active' OR state = 'revoked'),
  partnership_ids TEXT NOT NULL CHECK (json_valid(partnership_ids)),
  confirmed_here_at TEXT,
  confirmed_there_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE TABLE federation_proposals_received (
  id TEXT NOT NULL PRIMARY KEY,
  peer_id TEXT NOT NULL REFERENCES federation_peers (id),
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (json_valid(answer)),
  received_at TEXT NOT NULL
) STRICT;
CREATE TABLE federation_sync (
  peer_id TEXT NOT NULL PRIMARY KEY REFERENCES federation_peers (id),
  cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
  last_attempt_at TEXT,
  last_success_at TEXT,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  next_attempt_at TEXT,
  applied INTEGER NOT NULL DEFAULT 0 CHECK (applied >= 0)
) STRICT;
CREATE TABLE federation_tombstones (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL PRIMARY KEY,
  owner_instance_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE TABLE files (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  holder TEXT NOT NULL,      -- the holding record's collection: partnerships, meetings, …
  holder_id TEXT NOT NULL,
  milestone TEXT,            -- on a partnership: the legal step (milestone kind) it documents
  name TEXT NOT NULL,        -- as uploaded, UTF-8
  media_type TEXT NOT NULL,  -- sniffed from the bytes
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data = 0 OR personal_data = 1),
  created_by TEXT NOT NULL   -- the uploading user's id
) STRICT;
CREATE TABLE glossary (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  term TEXT NOT NULL CHECK (json_valid(term)),
  kind TEXT NOT NULL CHECK (kind = 'city' OR kind = 'institution' OR kind = 'title' OR
    kind = 'festival' OR kind = 'heritage_site' OR kind = 'other'),
  note TEXT
, visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility = 'private' OR visibility = 'shared' OR
    visibility = 'public'), created_by TEXT) STRICT;
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
CREATE TABLE instance (
  id TEXT NOT NULL PRIMARY KEY,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE leads (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  event_id TEXT REFERENCES events (id),
  buyer_id TEXT REFERENCES organizations (id),
  exhibitor_company_id TEXT REFERENCES organizations (id),
  inquirer_company TEXT,
  inquirer_contact TEXT CHECK (inquirer_contact IS NULL OR json_valid(inquirer_contact)),
  product_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(product_ids)),
  source TEXT NOT NULL
    CHECK (source = 'fair_meeting' OR source = 'portal_inquiry' OR source = 'visit'),
  status TEXT NOT NULL DEFAULT 'new',
  lost_reason TEXT,
  deal_hundredths REAL CHECK (deal_hundredths IS NULL OR deal_hundredths >= 1),
  deal_currency TEXT CHECK (deal_currency IS NULL OR length(deal_currency) = 3),
  deal_date TEXT,
  status_note TEXT,
  next_follow_up TEXT,
  follow_up_owner_id TEXT REFERENCES people (id),
  notes TEXT,
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT, inquiry_message TEXT,
  CHECK (buyer_id IS NOT NULL OR inquirer_company IS NOT NULL),
  CHECK (status <> 'won' OR (deal_hundredths IS NOT NULL AND deal_currency IS NOT NULL AND
                             deal_date IS NOT NULL)),
  CHECK (status <> 'lost' OR lost_reason IS NOT NULL)
) STRICT;
CREATE TABLE legal_steps (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  reference TEXT,
  note TEXT,
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT
) STRICT;
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
CREATE TABLE meeting_requests (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  event_id TEXT NOT NULL REFERENCES events (id),
  buyer_id TEXT NOT NULL REFERENCES organizations (id),
  exhibitor_id TEXT NOT NULL REFERENCES exhibitors (id),
  priority REAL CHECK (priority IS NULL OR (priority >= 1 AND priority <= 1000)),
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT
) STRICT;
CREATE TABLE meetings (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  kind TEXT NOT NULL CHECK (kind = 'incoming_delegation' OR kind = 'outgoing_visit' OR
    kind = 'video_call' OR kind = 'conference' OR kind = 'other'),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  title TEXT NOT NULL CHECK (json_valid(title)),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  venue TEXT,
  city_id TEXT REFERENCES cities (id),
  participants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(participants)),
  areas TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(areas)),
  minutes TEXT CHECK (minutes IS NULL OR json_valid(minutes)), visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility = 'private' OR visibility = 'shared' OR
    visibility = 'public'), created_by TEXT,
  CHECK (ends_at >= starts_at)
) STRICT;
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
CREATE TABLE organizations (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  name TEXT NOT NULL CHECK (json_valid(name)),
  kind TEXT NOT NULL CHECK (kind = 'municipality' OR kind = 'department' OR kind = 'university' OR
    kind = 'chamber' OR kind = 'company' OR kind = 'orchestra' OR
    kind = 'sports_club' OR kind = 'ngo' OR kind = 'other'),
  city_id TEXT NOT NULL REFERENCES cities (id),
  website TEXT
, visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility = 'private' OR visibility = 'shared' OR
    visibility = 'public'), created_by TEXT, sector TEXT, export_markets TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(export_markets)), certifications TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(certifications)), contact TEXT CHECK (contact IS NULL OR json_valid(contact))) STRICT;
CREATE TABLE partnerships (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  home_city_id TEXT NOT NULL REFERENCES cities (id),
  partner_city_id TEXT NOT NULL REFERENCES cities (id),
  tier TEXT NOT NULL CHECK (tier = 'exploring' OR tier = 'letter_of_intent' OR
    tier = 'friendship' OR tier = 'sister_city'),
  status TEXT NOT NULL CHECK (status = 'active' OR status = 'dormant' OR status = 'suspended' OR
    status = 'terminated'),
  milestones TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(milestones)),
  focal_points TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(focal_points)),
  notes TEXT CHECK (notes IS NULL OR json_valid(notes)), visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility = 'private' OR visibility = 'shared' OR
    visibility = 'public'), created_by TEXT, quiet_after_months REAL
  CHECK (quiet_after_months IS NULL OR quiet_after_months BETWEEN 1 AND 60), dormant_after_months REAL
  CHECK (dormant_after_months IS NULL OR dormant_after_months BETWEEN 1 AND 120),
  CHECK (home_city_id <> partner_city_id)
) STRICT;
CREATE TABLE people (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  native_name TEXT NOT NULL,
  latin_name TEXT NOT NULL,
  title TEXT CHECK (title IS NULL OR json_valid(title)),
  organization_id TEXT REFERENCES organizations (id),
  languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
  contact TEXT CHECK (contact IS NULL OR json_valid(contact))
, visibility TEXT NOT NULL DEFAULT 'private'
  CHECK (visibility = 'private' OR visibility = 'shared' OR
    visibility = 'public'), created_by TEXT) STRICT;
CREATE TABLE products (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  company_id TEXT NOT NULL REFERENCES organizations (id),
  name TEXT NOT NULL CHECK (json_valid(name)),
  description TEXT CHECK (description IS NULL OR json_valid(description)),
  hs_code TEXT NOT NULL CHECK (length(hs_code) = 6 AND hs_code NOT GLOB '*[^0-9]*'),
  hs_code_tr TEXT CHECK (hs_code_tr IS NULL OR
    (length(hs_code_tr) = 12 AND substr(hs_code_tr, 1, 6) = hs_code)),
  hs_code_cn TEXT CHECK (hs_code_cn IS NULL OR
    (length(hs_code_cn) = 10 AND substr(hs_code_cn, 1, 6) = hs_code)),
  unit TEXT NOT NULL DEFAULT 'kg',
  minimum_order REAL CHECK (minimum_order IS NULL OR minimum_order >= 0),
  price_min REAL CHECK (price_min IS NULL OR price_min >= 0),
  price_max REAL CHECK (price_max IS NULL OR price_max >= 0),
  currency TEXT CHECK (currency IS NULL OR length(currency) = 3),
  shelf_life_days REAL CHECK (shelf_life_days IS NULL OR shelf_life_days >= 1),
  certifications TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(certifications)),
  markets TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(markets)),
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT,
  CHECK (price_min IS NULL OR price_max IS NULL OR price_min <= price_max)
) STRICT;
CREATE TABLE record_counts (
  resource TEXT NOT NULL,
  archived INTEGER NOT NULL CHECK (archived = 0 OR archived = 1),
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (resource, archived)
) STRICT, WITHOUT ROWID;
CREATE TABLE report_narratives (
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  narrative TEXT NOT NULL CHECK (json_valid(narrative)),
  version INTEGER NOT NULL CHECK (version >= 1),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (partnership_id, year)
) STRICT, WITHOUT ROWID;
CREATE TABLE schema_migrations (number INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
CREATE VIRTUAL TABLE search_index USING fts5 (
  exact,
  loose,
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3'
);
CREATE TABLE 'search_index_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'search_index_content'(id INTEGER PRIMARY KEY, c0, c1);
CREATE TABLE 'search_index_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'search_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'search_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE search_terms (term TEXT NOT NULL PRIMARY KEY) STRICT, WITHOUT ROWID;
CREATE TABLE search_texts (
  rowid INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  lang TEXT NOT NULL
) STRICT;
CREATE TABLE sessions (
  token_hash TEXT NOT NULL PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  address TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE uploads (
  id TEXT NOT NULL PRIMARY KEY,
  caller TEXT NOT NULL,      -- the user's id: only they may continue it
  holder TEXT NOT NULL,
  holder_id TEXT NOT NULL,
  milestone TEXT,
  name TEXT NOT NULL,
  length INTEGER NOT NULL CHECK (length > 0),
  personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data = 0 OR personal_data = 1),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  file_id TEXT               -- once finished: the file it became
) STRICT;
CREATE TABLE user_partnerships (
  user_id TEXT NOT NULL REFERENCES users (id),
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  PRIMARY KEY (user_id, partnership_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE users (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role = 'admin' OR role = 'officer' OR role = 'contributor' OR
    role = 'partner' OR role = 'viewer'),
  person_id TEXT REFERENCES people (id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
, lang TEXT CHECK (lang IS NULL OR lang = 'tr' OR lang = 'zh' OR
  lang = 'en')) STRICT;
CREATE INDEX agreement_approvals_agreement ON agreement_approvals (agreement_id);
CREATE INDEX agreement_approvals_created_by ON agreement_approvals (created_by);
CREATE INDEX agreement_approvals_live_approved_at ON agreement_approvals (archived, approved_at, id, version);
CREATE INDEX agreement_approvals_live_created ON agreement_approvals (archived, created_at, id, version);
CREATE INDEX agreement_approvals_live_updated ON agreement_approvals (archived, updated_at, id, version);
CREATE INDEX agreement_approvals_partnership ON agreement_approvals (partnership_id);
CREATE INDEX agreement_texts_created_by ON agreement_texts (created_by);
CREATE INDEX agreement_texts_live_created ON agreement_texts (archived, created_at, id, version);
CREATE INDEX agreement_texts_live_kind ON agreement_texts (archived, kind, id, version);
CREATE INDEX agreement_texts_live_updated ON agreement_texts (archived, updated_at, id, version);
CREATE INDEX agreement_texts_partnership ON agreement_texts (partnership_id);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
CREATE INDEX auth_events_address_at ON auth_events (address, kind, at);
CREATE INDEX auth_events_at ON auth_events (at);
CREATE INDEX auth_events_email_at ON auth_events (email, kind, at);
CREATE UNIQUE INDEX b2b_meetings_table_slot ON b2b_meetings (event_id, starts_at, table_number);
CREATE INDEX b2b_plans_created_by ON b2b_plans (created_by);
CREATE INDEX b2b_plans_event ON b2b_plans (event_id);
CREATE INDEX b2b_plans_live_created ON b2b_plans (archived, created_at, id, version);
CREATE INDEX b2b_plans_live_updated ON b2b_plans (archived, updated_at, id, version);
CREATE UNIQUE INDEX b2b_plans_once_per_fair ON b2b_plans (event_id) WHERE archived = 0;
CREATE INDEX blob_derivatives_state ON blob_derivatives (state) WHERE state = 'working';
CREATE INDEX blob_derivatives_thumbnail ON blob_derivatives (thumbnail) WHERE thumbnail IS NOT NULL;
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id, created_at);
CREATE INDEX cases_city ON cases (city_id);
CREATE INDEX cases_created ON cases (created_at, id, archived, version);
CREATE INDEX cases_created_by ON cases (created_by);
CREATE INDEX cases_live_area ON cases (archived, area, id, version);
CREATE INDEX cases_live_created ON cases (archived, created_at, id, version);
CREATE INDEX cases_live_period_start ON cases (archived, period_start, id, version);
CREATE INDEX cases_live_updated ON cases (archived, updated_at, id, version);
CREATE INDEX cases_organization_live_created
  ON cases (organization_id, archived, created_at, id, version) WHERE organization_id IS NOT NULL;
CREATE INDEX cases_partnership ON cases (partnership_id);
CREATE INDEX cases_period_live_created ON cases (period_start, archived, created_at, id, version)
  WHERE period_start IS NOT NULL;
CREATE INDEX changes_record ON changes (entity, record_id, seq);
CREATE INDEX cities_created ON cities (created_at, id, archived, version);
CREATE INDEX cities_created_by
  ON cities (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
CREATE INDEX cities_live_country ON cities (archived, country, id, version);
CREATE INDEX cities_live_created ON cities (archived, created_at, id, version);
CREATE INDEX cities_live_updated ON cities (archived, updated_at, id, version);
CREATE INDEX commitment_history_at ON commitment_history (at);
CREATE INDEX commitment_history_commitment ON commitment_history (commitment_id, at);
CREATE INDEX commitment_history_partnership_at
  ON commitment_history (commitment_partnership_id, kind, at, id);
CREATE INDEX commitments_area_live_due
  ON commitments (area, archived, due_date, id, status, version);
CREATE INDEX commitments_created ON commitments (created_at, id, archived, version);
CREATE INDEX commitments_created_by
  ON commitments (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
CREATE INDEX commitments_done_linked ON commitments (partnership_id)
  WHERE archived = 0 AND status = 'done' AND evidence_links <> '[]';
CREATE INDEX commitments_due ON commitments (due_date, id, archived, status, version);
CREATE INDEX commitments_due_live_created
  ON commitments (due_date, archived, created_at, id, version) WHERE due_date IS NOT NULL;
CREATE INDEX commitments_home_owner ON commitments (home_owner_id);
CREATE INDEX commitments_live_area ON commitments (archived, area, id, version);
CREATE INDEX commitments_live_area_status ON commitments (archived, area, status, due_date);
CREATE INDEX commitments_live_created ON commitments (archived, created_at, id, version);
CREATE INDEX commitments_live_due ON commitments (archived, due_date, id, version);
CREATE INDEX commitments_live_status ON commitments (archived, status, id, version);
CREATE INDEX commitments_live_updated ON commitments (archived, updated_at, id, version);
CREATE INDEX commitments_meeting ON commitments (meeting_id);
CREATE INDEX commitments_partner_owner ON commitments (partner_owner_id);
CREATE INDEX commitments_partnership_live_created
  ON commitments (partnership_id, archived, created_at, id, status, version);
CREATE INDEX commitments_partnership_live_due
  ON commitments (partnership_id, archived, due_date, id, status, version, area);
CREATE INDEX commitments_status_live_due ON commitments (status, archived, due_date, id, version);
CREATE INDEX events_city ON events (city_id);
CREATE INDEX events_created ON events (created_at, id, archived, version);
CREATE INDEX events_created_by
  ON events (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
CREATE INDEX events_held_by_partnership ON events (partnership_id, status);
CREATE INDEX events_live_created ON events (archived, created_at, id, version);
CREATE INDEX events_live_starts ON events (archived, starts_at, id, version);
CREATE INDEX events_live_status ON events (archived, status, id, version);
CREATE INDEX events_live_updated ON events (archived, updated_at, id, version);
CREATE INDEX events_partnership_live_starts
  ON events (partnership_id, archived, starts_at, id, status, version);
CREATE INDEX events_starts ON events (starts_at);
CREATE INDEX events_visibility_starts ON events (visibility, archived, starts_at);
CREATE INDEX exchange_agreement_approvals_agreement
  ON exchange_agreement_approvals (agreement_id, approved_at);
CREATE UNIQUE INDEX exchange_agreement_approvals_standing
  ON exchange_agreement_approvals (agreement_id, side) WHERE superseded_at IS NULL;
CREATE INDEX exchange_agreements_partnership ON exchange_agreements (partnership_id, created_at);
CREATE INDEX exchange_allocation_runs_call ON exchange_allocation_runs (call_id, created_at);
CREATE INDEX exchange_application_events_application
  ON exchange_application_events (application_id, at);
CREATE INDEX exchange_applications_call ON exchange_applications (call_id, created_at);
CREATE INDEX exchange_conditions_agreement ON exchange_conditions (agreement_id, position);
CREATE INDEX exchange_nominations_agreement
  ON exchange_nominations (agreement_id, academic_year, direction);
CREATE INDEX exhibitors_company ON exhibitors (company_id);
CREATE INDEX exhibitors_created_by ON exhibitors (created_by);
CREATE INDEX exhibitors_event ON exhibitors (event_id);
CREATE INDEX exhibitors_live_created ON exhibitors (archived, created_at, id, version);
CREATE INDEX exhibitors_live_updated ON exhibitors (archived, updated_at, id, version);
CREATE UNIQUE INDEX exhibitors_once_per_fair ON exhibitors (event_id, company_id)
  WHERE archived = 0;
CREATE INDEX fair_buyers_created_by ON fair_buyers (created_by);
CREATE INDEX fair_buyers_event ON fair_buyers (event_id);
CREATE INDEX fair_buyers_live_created ON fair_buyers (archived, created_at, id, version);
CREATE INDEX fair_buyers_live_updated ON fair_buyers (archived, updated_at, id, version);
CREATE UNIQUE INDEX fair_buyers_once_per_fair ON fair_buyers (event_id, organization_id)
  WHERE archived = 0;
CREATE INDEX fair_buyers_organization ON fair_buyers (organization_id);
CREATE UNIQUE INDEX federation_keys_current ON federation_keys (retired_at IS NULL)
  WHERE retired_at IS NULL;
CREATE INDEX federation_outbox_record ON federation_outbox (record_id, state);
CREATE INDEX federation_outbox_state ON federation_outbox (state, owner_instance_id, id);
CREATE INDEX federation_outbox_user ON federation_outbox (user_id, id);
CREATE INDEX federation_peer_keys_key ON federation_peer_keys (key_id);
CREATE UNIQUE INDEX federation_peers_instance ON federation_peers (instance_id)
  WHERE state <> 'revoked';
CREATE INDEX files_holder ON files (holder_id, archived, created_at, id);
CREATE INDEX files_live_by_holder_kind ON files (holder, archived, holder_id);
CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX glossary_created_by ON glossary (created_by);
CREATE INDEX glossary_live_created ON glossary (archived, created_at, id, version);
CREATE INDEX glossary_live_kind ON glossary (archived, kind, id, version);
CREATE INDEX glossary_live_updated ON glossary (archived, updated_at, id, version);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
CREATE INDEX leads_buyer ON leads (buyer_id);
CREATE INDEX leads_created_by ON leads (created_by);
CREATE INDEX leads_event ON leads (event_id);
CREATE INDEX leads_exhibitor_company ON leads (exhibitor_company_id);
CREATE INDEX leads_follow_up_owner ON leads (follow_up_owner_id);
CREATE INDEX leads_live_created ON leads (archived, created_at, id, version);
CREATE INDEX leads_live_next_follow_up ON leads (archived, next_follow_up, id, version);
CREATE INDEX leads_live_status ON leads (archived, status, id, version);
CREATE INDEX leads_live_updated ON leads (archived, updated_at, id, version);
CREATE INDEX leads_partnership ON leads (partnership_id);
CREATE INDEX legal_steps_created_by ON legal_steps (created_by);
CREATE INDEX legal_steps_live_created ON legal_steps (archived, created_at, id, version);
CREATE INDEX legal_steps_live_date ON legal_steps (archived, date, id, version);
CREATE INDEX legal_steps_live_updated ON legal_steps (archived, updated_at, id, version);
CREATE INDEX legal_steps_partnership ON legal_steps (partnership_id);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX meeting_requests_buyer ON meeting_requests (buyer_id);
CREATE INDEX meeting_requests_created_by ON meeting_requests (created_by);
CREATE INDEX meeting_requests_event ON meeting_requests (event_id);
CREATE INDEX meeting_requests_exhibitor ON meeting_requests (exhibitor_id);
CREATE INDEX meeting_requests_live_created ON meeting_requests (archived, created_at, id, version);
CREATE INDEX meeting_requests_live_updated ON meeting_requests (archived, updated_at, id, version);
CREATE UNIQUE INDEX meeting_requests_once ON meeting_requests (event_id, buyer_id, exhibitor_id)
  WHERE archived = 0;
CREATE INDEX meetings_city_live_created ON meetings (city_id, archived, created_at, id, version)
  WHERE city_id IS NOT NULL;
CREATE INDEX meetings_created ON meetings (created_at, id, archived, version);
CREATE INDEX meetings_created_by
  ON meetings (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
CREATE INDEX meetings_live_created ON meetings (archived, created_at, id, version);
CREATE INDEX meetings_live_starts ON meetings (archived, starts_at, id, version);
CREATE INDEX meetings_live_updated ON meetings (archived, updated_at, id, version);
CREATE INDEX meetings_partnership_live_starts
  ON meetings (partnership_id, archived, starts_at, id, version);
CREATE INDEX meetings_starts ON meetings (starts_at);
CREATE INDEX notices_unread ON notices (user_id) WHERE read_at IS NULL;
CREATE INDEX notices_user ON notices (user_id, created_at);
CREATE INDEX organizations_city ON organizations (city_id);
CREATE INDEX organizations_created_by
  ON organizations (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
CREATE INDEX organizations_live_created ON organizations (archived, created_at, id, version);
CREATE INDEX organizations_live_kind ON organizations (archived, kind, id, version);
CREATE INDEX organizations_live_sector ON organizations (archived, sector, id, version);
CREATE INDEX organizations_live_updated ON organizations (archived, updated_at, id, version);
CREATE INDEX partnerships_created ON partnerships (created_at, id, archived, version);
CREATE INDEX partnerships_created_by
  ON partnerships (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
CREATE INDEX partnerships_home_city ON partnerships (home_city_id);
CREATE INDEX partnerships_live_created ON partnerships (archived, created_at, id, version);
CREATE INDEX partnerships_live_status ON partnerships (archived, status, id, version);
CREATE INDEX partnerships_live_tier ON partnerships (archived, tier, id, version);
CREATE INDEX partnerships_live_updated ON partnerships (archived, updated_at, id, version);
CREATE INDEX partnerships_partner_city ON partnerships (partner_city_id);
CREATE INDEX partnerships_visibility ON partnerships (visibility, archived);
CREATE INDEX people_created ON people (created_at, id, archived, version);
CREATE INDEX people_created_by
  ON people (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
CREATE INDEX people_live_created ON people (archived, created_at, id, version);
CREATE INDEX people_live_latin ON people (archived, latin_name, id, version);
CREATE INDEX people_live_updated ON people (archived, updated_at, id, version);
CREATE INDEX people_organization ON people (organization_id);
CREATE INDEX products_company ON products (company_id);
CREATE INDEX products_created_by ON products (created_by);
CREATE INDEX products_live_created ON products (archived, created_at, id, version);
CREATE INDEX products_live_hs_code ON products (archived, hs_code, id, version);
CREATE INDEX products_live_updated ON products (archived, updated_at, id, version);
CREATE INDEX search_texts_record ON search_texts (record_id);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX uploads_expires ON uploads (expires_at);
