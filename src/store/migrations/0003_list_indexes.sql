-- Indexes that serve the list queries whole: filter, `archived = 0`, the sort column and the id
-- tie-break, so a page of 50 reads 50 rows in order and counting the total reads only the index.
DROP INDEX commitments_partnership_created;
CREATE INDEX commitments_partnership_live_created
  ON commitments (partnership_id, archived, created_at, id);
CREATE INDEX commitments_area_live_due ON commitments (area, archived, due_date, id);
CREATE INDEX commitments_status_live_due ON commitments (status, archived, due_date, id);
CREATE INDEX commitments_live_created ON commitments (archived, created_at, id);
CREATE INDEX events_live_starts ON events (archived, starts_at, id);
CREATE INDEX meetings_live_starts ON meetings (archived, starts_at, id);
-- The dashboard's overdue list: open commitments of one partnership by due date.
CREATE INDEX commitments_partnership_live_due
  ON commitments (partnership_id, archived, due_date, id);
-- The dashboard's totals per area over all partnerships, read from the index alone.
CREATE INDEX commitments_live_area_status ON commitments (archived, area, status, due_date);
