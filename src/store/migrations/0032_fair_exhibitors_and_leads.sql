-- The export fair (issue 21): the companies exhibiting at an event of kind fair, its B2B meetings
-- (the plan of slots and tables, the buyers, the requests, the schedule the scheduler stored) and
-- the trade leads followed until they become deals or are lost. Exhibitors, plans, buyers,
-- requests and leads are records of their own (src/domain/resources.cpp), counted, indexed per
-- documented sort and per reference filter like every record.
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

-- A company exhibits once per fair (archived entries apart).
CREATE UNIQUE INDEX exhibitors_once_per_fair ON exhibitors (event_id, company_id)
  WHERE archived = 0;
CREATE INDEX exhibitors_live_created ON exhibitors (archived, created_at, id, version);
CREATE INDEX exhibitors_live_updated ON exhibitors (archived, updated_at, id, version);
CREATE INDEX exhibitors_event ON exhibitors (event_id);
CREATE INDEX exhibitors_company ON exhibitors (company_id);
CREATE INDEX exhibitors_created_by ON exhibitors (created_by);

CREATE TRIGGER exhibitors_counted_insert AFTER INSERT ON exhibitors BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('exhibitors', NEW.archived, 1)
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

-- A fair's B2B meetings: one plan per fair (daily hours in minutes after local midnight).
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
CREATE UNIQUE INDEX b2b_plans_once_per_fair ON b2b_plans (event_id) WHERE archived = 0;
CREATE INDEX b2b_plans_event ON b2b_plans (event_id);
CREATE INDEX b2b_plans_live_created ON b2b_plans (archived, created_at, id, version);
CREATE INDEX b2b_plans_live_updated ON b2b_plans (archived, updated_at, id, version);
CREATE INDEX b2b_plans_created_by ON b2b_plans (created_by);
CREATE TRIGGER b2b_plans_counted_insert AFTER INSERT ON b2b_plans BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('b2b_plans', NEW.archived, 1)
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
CREATE UNIQUE INDEX fair_buyers_once_per_fair ON fair_buyers (event_id, organization_id)
  WHERE archived = 0;
CREATE INDEX fair_buyers_event ON fair_buyers (event_id);
CREATE INDEX fair_buyers_organization ON fair_buyers (organization_id);
CREATE INDEX fair_buyers_live_created ON fair_buyers (archived, created_at, id, version);
CREATE INDEX fair_buyers_live_updated ON fair_buyers (archived, updated_at, id, version);
CREATE INDEX fair_buyers_created_by ON fair_buyers (created_by);
CREATE TRIGGER fair_buyers_counted_insert AFTER INSERT ON fair_buyers BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('fair_buyers', NEW.archived, 1)
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
CREATE UNIQUE INDEX meeting_requests_once ON meeting_requests (event_id, buyer_id, exhibitor_id)
  WHERE archived = 0;
CREATE INDEX meeting_requests_event ON meeting_requests (event_id);
CREATE INDEX meeting_requests_buyer ON meeting_requests (buyer_id);
CREATE INDEX meeting_requests_exhibitor ON meeting_requests (exhibitor_id);
CREATE INDEX meeting_requests_live_created ON meeting_requests (archived, created_at, id, version);
CREATE INDEX meeting_requests_live_updated ON meeting_requests (archived, updated_at, id, version);
CREATE INDEX meeting_requests_created_by ON meeting_requests (created_by);
CREATE TRIGGER meeting_requests_counted_insert AFTER INSERT ON meeting_requests BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('meeting_requests', NEW.archived, 1)
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

-- The schedule the scheduler last stored for a fair (POST /events/{id}/b2b-schedule): its
-- figures, and each met request's slot and table. A new run replaces both.
CREATE TABLE b2b_runs (
  event_id TEXT NOT NULL PRIMARY KEY REFERENCES events (id),
  ran_at TEXT NOT NULL,
  requests INTEGER NOT NULL CHECK (requests >= 0),
  met INTEGER NOT NULL CHECK (met >= 0 AND met <= requests),
  met_priority INTEGER NOT NULL,
  upper_bound INTEGER NOT NULL CHECK (upper_bound >= met_priority)
) STRICT;
CREATE TABLE b2b_meetings (
  request_id TEXT NOT NULL PRIMARY KEY REFERENCES meeting_requests (id),
  event_id TEXT NOT NULL REFERENCES b2b_runs (event_id),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
  table_number INTEGER NOT NULL CHECK (table_number >= 1)
) STRICT;
-- No table twice in a slot (the scheduler's promise, kept by the database too).
CREATE UNIQUE INDEX b2b_meetings_table_slot ON b2b_meetings (event_id, starts_at, table_number);

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
  created_by TEXT,
  CHECK (buyer_id IS NOT NULL OR inquirer_company IS NOT NULL),
  CHECK (status <> 'won' OR (deal_hundredths IS NOT NULL AND deal_currency IS NOT NULL AND
                             deal_date IS NOT NULL)),
  CHECK (status <> 'lost' OR lost_reason IS NOT NULL)
) STRICT;

CREATE INDEX leads_live_created ON leads (archived, created_at, id, version);
CREATE INDEX leads_live_updated ON leads (archived, updated_at, id, version);
CREATE INDEX leads_live_status ON leads (archived, status, id, version);
CREATE INDEX leads_live_next_follow_up ON leads (archived, next_follow_up, id, version);
CREATE INDEX leads_partnership ON leads (partnership_id);
CREATE INDEX leads_event ON leads (event_id);
CREATE INDEX leads_buyer ON leads (buyer_id);
CREATE INDEX leads_exhibitor_company ON leads (exhibitor_company_id);
CREATE INDEX leads_follow_up_owner ON leads (follow_up_owner_id);
CREATE INDEX leads_created_by ON leads (created_by);

CREATE TRIGGER leads_counted_insert AFTER INSERT ON leads BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('leads', NEW.archived, 1)
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
