-- A partnership's commitment counts (by area and status, for its dashboard) read the index of its
-- live commitments by due date, which now carries the area too; the index kept for the counts
-- alone, (partnership_id, archived, area, status, due_date), goes. Each new commitment writes a
-- B-tree fewer. The counts' query reads its ~100 rows unsorted (C++ groups them), and runs only
-- when something was written since a connection last counted (store/read_models.cpp).
DROP INDEX commitments_partnership_live_area;
DROP INDEX commitments_partnership_live_due;
CREATE INDEX commitments_partnership_live_due
  ON commitments (partnership_id, archived, due_date, id, status, version, area);
