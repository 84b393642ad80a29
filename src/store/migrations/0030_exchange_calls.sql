-- Calls for applications on an approved exchange agreement and the applications students make
-- (domain/exchange_call.h). One call per agreement, academic year and direction. Scores and
-- weights are exact integers of ten-thousandths (domain/allocation.h: 84.625 points is 846250).
-- Applications are personal data: they never leave the home server.
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
CREATE INDEX exchange_applications_call ON exchange_applications (call_id, created_at);

-- Who did what to an application and when: submitted, changed (late: after the call closed;
-- `fields` the names changed), withdrawn (with the reason given).
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
CREATE INDEX exchange_application_events_application
  ON exchange_application_events (application_id, at);

-- Allocation runs over a call (domain/allocation.h): what went in (the canonical input and its
-- SHA-256, the seed, the formula, the code's version) and what came out (the canonical result
-- and its hash, the cut-off per condition), so anyone can run it again and compare byte for
-- byte. A run never changes; locking marks the result the officers stand by.
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
CREATE INDEX exchange_allocation_runs_call ON exchange_allocation_runs (call_id, created_at);

-- One row per application the run considered: the condition received (null: none), its rank,
-- the score and lottery number, and why not each higher choice.
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
