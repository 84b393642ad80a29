-- Exchange agreements between two institutions of a partnership (domain/exchange_agreement.h):
-- the agreement, its cooperation conditions and every approval either side gave. A condition
-- keeps its id (and its row, marked removed_at) for as long as the database lives, so a call
-- for applications can reference the condition it opens by id.
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
CREATE INDEX exchange_agreements_partnership ON exchange_agreements (partnership_id, created_at);

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
CREATE INDEX exchange_conditions_agreement ON exchange_conditions (agreement_id, position);

-- Every approval given, current or not: superseded_at is set when a change of content cleared
-- it. `content` is the canonical JSON approved; its SHA-256 is content_hash.
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
CREATE INDEX exchange_agreement_approvals_agreement
  ON exchange_agreement_approvals (agreement_id, approved_at);
-- At most one standing approval per side.
CREATE UNIQUE INDEX exchange_agreement_approvals_standing
  ON exchange_agreement_approvals (agreement_id, side) WHERE superseded_at IS NULL;
