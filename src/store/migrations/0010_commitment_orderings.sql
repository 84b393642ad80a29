-- One index per global ordering of commitments, for the live listing and the one that includes
-- archived records alike: `archived` is read inside the index, after the ordering columns, so
-- both walk the index in order and read no row. It replaces three indexes
-- ((created_at), (archived, created_at, id, version) and (due_date)), so each new commitment
-- writes one B-tree fewer, and the live listing by due date (`archived = 0 ORDER BY due_date,
-- id`), which sorted every commitment in a temporary B-tree, now reads its page in order
-- (43.6 ms -> 0.02 ms for a page of 50 at --scale 1000).
DROP INDEX commitments_created;
DROP INDEX commitments_live_created;
DROP INDEX commitments_due;
CREATE INDEX commitments_created ON commitments (created_at, id, archived, version);
CREATE INDEX commitments_due ON commitments (due_date, id, archived, status, version);
