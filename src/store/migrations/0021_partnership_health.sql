-- How long a partnership may go without contact before it reads quiet or dormant (issue 19's
-- health rule, domain/health.h); null: the defaults, 3 and 6 months.
ALTER TABLE partnerships ADD COLUMN quiet_after_months REAL
  CHECK (quiet_after_months IS NULL OR quiet_after_months BETWEEN 1 AND 60);
ALTER TABLE partnerships ADD COLUMN dormant_after_months REAL
  CHECK (dormant_after_months IS NULL OR dormant_after_months BETWEEN 1 AND 120);
