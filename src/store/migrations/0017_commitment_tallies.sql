-- Each partnership's live commitments counted by area, status and month due, kept by triggers in
-- the transaction of every write: its dashboard adds up these rows (at most 11 areas × 6
-- statuses × the months its commitments are due in) instead of reading every commitment after
-- each commit (the busy partnership holds 100,000, and under writes the counts kept on a
-- connection were dropped at every commit). The month stays in the key because "overdue"
-- depends on the day asked: the months before today's come from here, today's month from the
-- commitments due in it (store::CountCommitments).
CREATE TABLE commitment_tallies (
  partnership_id TEXT NOT NULL,
  area TEXT NOT NULL,
  status TEXT NOT NULL,
  due_month TEXT NOT NULL,  -- 'YYYY-MM', '' for none
  n INTEGER NOT NULL CHECK (n >= 0),  -- a row reaching 0 is deleted
  PRIMARY KEY (partnership_id, area, status, due_month)
) STRICT, WITHOUT ROWID;
INSERT INTO commitment_tallies (partnership_id, area, status, due_month, n)
  SELECT partnership_id, area, status, coalesce(substr(due_date, 1, 7), ''), count(*)
  FROM commitments
  WHERE archived = 0 GROUP BY 1, 2, 3, 4;
CREATE TRIGGER commitments_tallied_insert AFTER INSERT ON commitments WHEN NEW.archived = 0 BEGIN
  INSERT INTO commitment_tallies (partnership_id, area, status, due_month, n)
    VALUES (NEW.partnership_id, NEW.area, NEW.status, coalesce(substr(NEW.due_date, 1, 7), ''), 1)
    ON CONFLICT (partnership_id, area, status, due_month) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER commitments_tallied_update
  AFTER UPDATE OF partnership_id, area, status, due_date, archived ON commitments
  WHEN OLD.partnership_id IS NOT NEW.partnership_id OR OLD.area IS NOT NEW.area OR
       OLD.status IS NOT NEW.status OR OLD.due_date IS NOT NEW.due_date OR
       OLD.archived IS NOT NEW.archived BEGIN
  UPDATE commitment_tallies SET n = n - 1
    WHERE OLD.archived = 0 AND partnership_id = OLD.partnership_id AND area = OLD.area AND
          status = OLD.status AND due_month = coalesce(substr(OLD.due_date, 1, 7), '');
  DELETE FROM commitment_tallies
    WHERE partnership_id = OLD.partnership_id AND area = OLD.area AND status = OLD.status AND
          due_month = coalesce(substr(OLD.due_date, 1, 7), '') AND n = 0;
  INSERT INTO commitment_tallies (partnership_id, area, status, due_month, n)
    SELECT NEW.partnership_id, NEW.area, NEW.status, coalesce(substr(NEW.due_date, 1, 7), ''), 1
    WHERE NEW.archived = 0
    ON CONFLICT (partnership_id, area, status, due_month) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER commitments_tallied_delete AFTER DELETE ON commitments WHEN OLD.archived = 0 BEGIN
  UPDATE commitment_tallies SET n = n - 1
    WHERE partnership_id = OLD.partnership_id AND area = OLD.area AND status = OLD.status AND
          due_month = coalesce(substr(OLD.due_date, 1, 7), '');
  DELETE FROM commitment_tallies
    WHERE partnership_id = OLD.partnership_id AND area = OLD.area AND status = OLD.status AND
          due_month = coalesce(substr(OLD.due_date, 1, 7), '') AND n = 0;
END;
