-- The dashboard's count of done commitments with evidence (store/read_models.cpp) reads only the
-- commitments that have evidence, not every done commitment of the partnership: those with links
-- by a partial index, those with a live file from the files of commitments.
CREATE INDEX commitments_done_linked ON commitments (partnership_id)
  WHERE archived = 0 AND status = 'done' AND evidence_links <> '[]';
CREATE INDEX files_live_by_holder_kind ON files (holder, archived, holder_id);
