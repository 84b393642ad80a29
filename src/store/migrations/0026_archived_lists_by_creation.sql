-- Lists that include archived records (`archived=true`), in their default order (newest
-- first): without an index on (created_at, id) SQLite read every row and sorted them (events at
-- --scale 1000: 10,006 rows, 6.3 ms a page; bench/lists.sh run L5). Commitments have had theirs
-- since migration 10; events, meetings and people, the next largest tables, get the same.
CREATE INDEX events_created ON events (created_at, id, archived, version);
CREATE INDEX meetings_created ON meetings (created_at, id, archived, version);
CREATE INDEX people_created ON people (created_at, id, archived, version);
