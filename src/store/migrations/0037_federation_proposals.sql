-- Changes proposed across servers (docs/FEDERATION.md, "Proposals"). On the side where a replica
-- was changed, the outbox of proposals waiting for, applied by or refused by the owning
-- instance; on the owner's side, the outcome of each proposal received, kept so that a resent
-- proposal gets the same answer and is applied once.
CREATE TABLE federation_outbox (
  id TEXT NOT NULL PRIMARY KEY,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  owner_instance_id TEXT NOT NULL,
  operation TEXT NOT NULL CHECK (operation IN ('update', 'transition', 'note')),
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
CREATE INDEX federation_outbox_state ON federation_outbox (state, owner_instance_id, id);
CREATE INDEX federation_outbox_record ON federation_outbox (record_id, state);
CREATE INDEX federation_outbox_user ON federation_outbox (user_id, id);
CREATE TABLE federation_proposals_received (
  id TEXT NOT NULL PRIMARY KEY,
  peer_id TEXT NOT NULL REFERENCES federation_peers (id),
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (json_valid(answer)),
  received_at TEXT NOT NULL
) STRICT;
