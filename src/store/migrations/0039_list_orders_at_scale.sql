-- Lists whose page still cost more with every row at --scale 10000 (bench/RESULTS.md, run L8):
-- a filter that matches few rows, in the list's default order (newest first). Under the bounded
-- ANALYZE the server runs at start, SQLite either walked the creation index testing every live
-- row (meetings?city_id=, cases?organization_id=, cases?period_start=: 25–42 ms) or skip-scanned
-- another index and sorted the matches (commitments?due_date=: 103 ms). An index led by the
-- filter's column, then (archived, created_at, id, version), finds the matches already in the
-- page's order; it replaces the plain index on that column where there was one. Each leaves out
-- the rows without a value (an equality never matches them), so a list of the commitments
-- without a due date keeps reading `commitments_live_due` in id order.
CREATE INDEX commitments_due_live_created
  ON commitments (due_date, archived, created_at, id, version) WHERE due_date IS NOT NULL;
CREATE INDEX meetings_city_live_created ON meetings (city_id, archived, created_at, id, version)
  WHERE city_id IS NOT NULL;
DROP INDEX meetings_city;
CREATE INDEX cases_organization_live_created
  ON cases (organization_id, archived, created_at, id, version) WHERE organization_id IS NOT NULL;
DROP INDEX cases_organization;
CREATE INDEX cases_period_live_created ON cases (period_start, archived, created_at, id, version)
  WHERE period_start IS NOT NULL;
-- The same for a creator's records (`created_by=`), in place of the plain index by creator: a
-- creator may have made thousands, and records made by the server or imported have none, which
-- the bounded ANALYZE took for one value held by every row (meetings at 1000: 6 ms, a walk).
DROP INDEX commitments_created_by;
CREATE INDEX commitments_created_by
  ON commitments (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
DROP INDEX meetings_created_by;
CREATE INDEX meetings_created_by
  ON meetings (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
DROP INDEX events_created_by;
CREATE INDEX events_created_by
  ON events (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
DROP INDEX people_created_by;
CREATE INDEX people_created_by
  ON people (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
DROP INDEX partnerships_created_by;
CREATE INDEX partnerships_created_by
  ON partnerships (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
DROP INDEX cities_created_by;
CREATE INDEX cities_created_by
  ON cities (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
DROP INDEX organizations_created_by;
CREATE INDEX organizations_created_by
  ON organizations (created_by, archived, created_at, id, version) WHERE created_by IS NOT NULL;
-- Lists including archived records (`archived=true`) sorted every row of partnerships, cities and
-- cases (cases at 10000: 105 ms), as events, meetings and people did before migration 26.
CREATE INDEX partnerships_created ON partnerships (created_at, id, archived, version);
CREATE INDEX cities_created ON cities (created_at, id, archived, version);
CREATE INDEX cases_created ON cases (created_at, id, archived, version);
