-- A replica's archive is proposed to the owner too (docs/FEDERATION.md, "Proposals"): the
-- outbox's operation also takes 'archive'. SQLite cannot change a CHECK constraint in place, so
-- the table is made again with its rows and indexes.
CREATE TABLE federation_outbox_next (
  id TEXT NOT NULL PRIMARY KEY,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  owner_instance_id TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('update', 'archive', 'transition', 'note')),
  body TEXT NOT NULL CHECK (json_valid(body)),
  base_version INTEGER NOT NULL CHECK (base_version >= 1),
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'rejected', 'dismissed')),
  applied_version INTEGER,
  problem TEXT CHECK (problem IS NULL OR json_valid(problem)),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT,
  decided_at TEXT
) STRICT;
INSERT INTO federation_outbox_next
  SELECT id, entity, record_id, owner_instance_id, operation, body, base_version, user_id,
         created_at, state, applied_version, problem, attempts, last_error, decided_at
  FROM federation_outbox;
DROP TABLE federation_outbox;
ALTER TABLE federation_outbox_next RENAME TO federation_outbox;
CREATE INDEX federation_outbox_state ON federation_outbox (state, owner_instance_id, id);
CREATE INDEX federation_outbox_record ON federation_outbox (record_id, state);
CREATE INDEX federation_outbox_user ON federation_outbox (user_id, id);
