-- Synchronisation of shared records between peers (docs/FEDERATION.md, "Sync"): where this
-- instance is in each peer's change feed, how the last pulls went, and the tombstones of
-- records a peer withdrew (turned private, archived or moved out of the paired partnerships):
-- the id and the version that withdrew it, never the content.
CREATE TABLE federation_sync (
  peer_id TEXT NOT NULL PRIMARY KEY REFERENCES federation_peers (id),
  cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
  last_attempt_at TEXT,
  last_success_at TEXT,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  next_attempt_at TEXT,
  applied INTEGER NOT NULL DEFAULT 0 CHECK (applied >= 0)
) STRICT;

CREATE TABLE federation_tombstones (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL PRIMARY KEY,
  owner_instance_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  at TEXT NOT NULL
) STRICT;
