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
