-- A commitment is closed with evidence (issue 18): a file kept with it, a held event linked to it,
-- or a link to proof kept elsewhere. The links live with the commitment.
ALTER TABLE commitments ADD COLUMN evidence_links TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(evidence_links));
-- Which held events name a commitment: read when a commitment is closed and for its evidence.
CREATE INDEX events_held_by_partnership ON events (partnership_id, status);
