-- The narrative an officer writes for the annual council report (issue 19), one per partnership
-- and year: a translatable text ({"original": "tr", "tr": …, "zh": …, "en": …}).
CREATE TABLE report_narratives (
  partnership_id TEXT NOT NULL REFERENCES partnerships (id),
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  narrative TEXT NOT NULL CHECK (json_valid(narrative)),
  version INTEGER NOT NULL CHECK (version >= 1),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (partnership_id, year)
) STRICT, WITHOUT ROWID;
