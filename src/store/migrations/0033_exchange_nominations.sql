-- Nominations to the host side from a locked allocation run (api/exchange_nominations.cpp): one
-- per placed student, holding ONLY the minimum set the host needs (docs/EXCHANGE.md), copied
-- when sent: personal data shared on purpose with the host. The host side accepts or rejects
-- each (a reason required for a rejection), recorded with who and when.
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
    CHECK (status = 'sent' OR status = 'accepted' OR status = 'rejected'),
  decided_at TEXT,
  decided_by_email TEXT,
  reason TEXT NOT NULL DEFAULT '',
  CHECK (status <> 'rejected' OR length(reason) > 0),
  UNIQUE (run_id, application_id)
) STRICT;
CREATE INDEX exchange_nominations_agreement
  ON exchange_nominations (agreement_id, academic_year, direction);
