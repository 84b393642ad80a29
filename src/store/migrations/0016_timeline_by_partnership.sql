-- A partnership's timeline reads its newest transitions from an index, not from every history
-- row of every one of its commitments (a busy partnership holds 100,000): each history row
-- carries its commitment's partnership, kept when the commitment moves.
ALTER TABLE commitment_history ADD COLUMN commitment_partnership_id TEXT;
UPDATE commitment_history SET commitment_partnership_id =
  (SELECT partnership_id FROM commitments c WHERE c.id = commitment_history.commitment_id);
CREATE INDEX commitment_history_partnership_at
  ON commitment_history (commitment_partnership_id, kind, at, id);
CREATE TRIGGER commitment_moved_with_history AFTER UPDATE OF partnership_id ON commitments
  WHEN OLD.partnership_id IS NOT NEW.partnership_id BEGIN
  UPDATE commitment_history SET commitment_partnership_id = NEW.partnership_id
    WHERE commitment_id = NEW.id;
END;
