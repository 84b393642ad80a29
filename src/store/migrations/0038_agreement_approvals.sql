-- Agreement texts both cities approve with signatures, the approvals (each owned by the
-- instance that signed it, so it reaches the other side through that side's own feed) and each
-- city's own legal steps (docs/FEDERATION.md, "Approvals"). Records like every other
-- (src/domain/resources.cpp): counted, indexed per documented sort and per reference filter.
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
CREATE INDEX agreement_texts_live_created ON agreement_texts (archived, created_at, id, version);
CREATE INDEX agreement_texts_live_updated ON agreement_texts (archived, updated_at, id, version);
CREATE INDEX agreement_texts_live_kind ON agreement_texts (archived, kind, id, version);
CREATE INDEX agreement_texts_partnership ON agreement_texts (partnership_id);
CREATE INDEX agreement_texts_created_by ON agreement_texts (created_by);
CREATE TRIGGER agreement_texts_counted_insert AFTER INSERT ON agreement_texts BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('agreement_texts', NEW.archived, 1)
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
CREATE INDEX agreement_approvals_live_created ON agreement_approvals (archived, created_at, id, version);
CREATE INDEX agreement_approvals_live_updated ON agreement_approvals (archived, updated_at, id, version);
CREATE INDEX agreement_approvals_live_approved_at ON agreement_approvals (archived, approved_at, id, version);
CREATE INDEX agreement_approvals_agreement ON agreement_approvals (agreement_id);
CREATE INDEX agreement_approvals_partnership ON agreement_approvals (partnership_id);
CREATE INDEX agreement_approvals_created_by ON agreement_approvals (created_by);
CREATE TRIGGER agreement_approvals_counted_insert AFTER INSERT ON agreement_approvals BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('agreement_approvals', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agreement_approvals_counted_archive AFTER UPDATE OF archived ON agreement_approvals
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'agreement_approvals' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('agreement_approvals', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agreement_approvals_counted_delete AFTER DELETE ON agreement_approvals BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'agreement_approvals' AND archived = OLD.archived;
END;

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
CREATE INDEX legal_steps_live_created ON legal_steps (archived, created_at, id, version);
CREATE INDEX legal_steps_live_updated ON legal_steps (archived, updated_at, id, version);
CREATE INDEX legal_steps_live_date ON legal_steps (archived, date, id, version);
CREATE INDEX legal_steps_partnership ON legal_steps (partnership_id);
CREATE INDEX legal_steps_created_by ON legal_steps (created_by);
CREATE TRIGGER legal_steps_counted_insert AFTER INSERT ON legal_steps BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('legal_steps', NEW.archived, 1)
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
