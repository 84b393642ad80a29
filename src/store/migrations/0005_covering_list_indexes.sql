-- List pages read only `id, version` from these indexes and take each record's JSON from the
-- serialized-record cache (src/store/record_cache.h), so the indexes carry the version; the
-- commitment indexes also carry the status, so "open commitments" is filtered and counted in the
-- index without reading a row.
DROP INDEX commitments_partnership_live_created;
CREATE INDEX commitments_partnership_live_created
  ON commitments (partnership_id, archived, created_at, id, status, version);
DROP INDEX commitments_partnership_live_due;
CREATE INDEX commitments_partnership_live_due
  ON commitments (partnership_id, archived, due_date, id, status, version);
DROP INDEX commitments_area_live_due;
CREATE INDEX commitments_area_live_due
  ON commitments (area, archived, due_date, id, status, version);
DROP INDEX commitments_status_live_due;
CREATE INDEX commitments_status_live_due ON commitments (status, archived, due_date, id, version);
DROP INDEX commitments_live_created;
CREATE INDEX commitments_live_created ON commitments (archived, created_at, id, version);
DROP INDEX events_live_starts;
CREATE INDEX events_live_starts ON events (archived, starts_at, id, version);
DROP INDEX meetings_live_starts;
CREATE INDEX meetings_live_starts ON meetings (archived, starts_at, id, version);
