-- One partnership's dashboard from indexes alone: open commitments by area and status,
-- follow-through and the totals per area read (partnership_id, archived, area, status,
-- due_date) in group order; the last contact and the next events read the partnership's
-- meetings and events by start without touching their rows.
DROP INDEX commitments_partnership_status;
CREATE INDEX commitments_partnership_live_area
  ON commitments (partnership_id, archived, area, status, due_date);
DROP INDEX meetings_partnership_starts;
CREATE INDEX meetings_partnership_live_starts
  ON meetings (partnership_id, archived, starts_at, id, version);
DROP INDEX events_partnership_starts;
CREATE INDEX events_partnership_live_starts
  ON events (partnership_id, archived, starts_at, id, status, version);
