-- The knowledge-exchange case library: a practice one city offers the other (İzmir's
-- restoration of the Kemeraltı bazaar, Harbin's Central Street), in the columns of the `cases`
-- resource (src/domain/resources.cpp), kept like every record: counted, indexed per documented
-- sort and per reference filter. Number 18 is left to the files work, which lands first.
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

-- One index per documented sort (as migration 14 does for the other lists).
CREATE INDEX cases_live_created ON cases (archived, created_at, id, version);
CREATE INDEX cases_live_updated ON cases (archived, updated_at, id, version);
CREATE INDEX cases_live_area ON cases (archived, area, id, version);
CREATE INDEX cases_live_period_start ON cases (archived, period_start, id, version);
-- Filters on a reference find their few records by an index.
CREATE INDEX cases_partnership ON cases (partnership_id);
CREATE INDEX cases_city ON cases (city_id);
CREATE INDEX cases_organization ON cases (organization_id);
CREATE INDEX cases_created_by ON cases (created_by);

CREATE TRIGGER cases_counted_insert AFTER INSERT ON cases BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('cases', NEW.archived, 1)
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
