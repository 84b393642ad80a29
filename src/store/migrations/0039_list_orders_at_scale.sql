-- Two list shapes whose cost still grew with the table at --scale 10000 (bench/RESULTS.md, run L6):
-- `commitments?due_date=D` in its default order (newest first) sorted every commitment due that
-- day (~1,200 at 1000, ~12,000 at 10000); with the creation time after the date in the index the
-- day's commitments are read already in the page's order. And `partnerships`/`cities` with
-- `archived=true` sorted every row, as events, meetings and people did before migration 26.
CREATE INDEX commitments_live_due_created
  ON commitments (archived, due_date, created_at, id, version);
CREATE INDEX partnerships_created ON partnerships (created_at, id, archived, version);
CREATE INDEX cities_created ON cities (created_at, id, archived, version);
