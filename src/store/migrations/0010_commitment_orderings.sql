-- The global orderings of commitments, for listings that include archived records, read
-- everything they return from their index: (created_at) and (due_date) become covering, with the
-- id, archived flag, status and version after the ordering columns. The live listing by creation
-- keeps its own index, (archived, created_at, id, version): with the statistics the server
-- gathers at start (ANALYZE with analysis_limit), SQLite prefers an index that starts with
-- `archived` for `archived = 0` and would otherwise sort every live commitment
-- (ListPlanTest in store/migrations_test.cpp).
DROP INDEX commitments_created;
DROP INDEX commitments_due;
CREATE INDEX commitments_created ON commitments (created_at, id, archived, version);
CREATE INDEX commitments_due ON commitments (due_date, id, archived, status, version);
