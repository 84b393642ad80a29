-- Federation (docs/FEDERATION.md): this instance's Ed25519 keys, the invitations its admins
-- made, the peers it is paired with, their keys and the partnerships each peer is bound to.
-- The secret key lives here, in the database (so a backup restores the instance's identity);
-- it is never logged and never answered by the API.
CREATE TABLE federation_keys (
  id TEXT NOT NULL PRIMARY KEY,
  public_key TEXT NOT NULL,
  secret_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;
CREATE UNIQUE INDEX federation_keys_current ON federation_keys (retired_at IS NULL)
  WHERE retired_at IS NULL;

CREATE TABLE federation_invitations (
  id TEXT NOT NULL PRIMARY KEY,
  code_digest TEXT NOT NULL UNIQUE,
  partnership_ids TEXT NOT NULL CHECK (json_valid(partnership_ids)),
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  peer_id TEXT
) STRICT;

CREATE TABLE federation_peers (
  id TEXT NOT NULL PRIMARY KEY,
  instance_id TEXT NOT NULL,
  url TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role = 'inviter' OR role = 'invitee'),
  state TEXT NOT NULL CHECK (state = 'pending' OR state = 'active' OR state = 'revoked'),
  partnership_ids TEXT NOT NULL CHECK (json_valid(partnership_ids)),
  confirmed_here_at TEXT,
  confirmed_there_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE UNIQUE INDEX federation_peers_instance ON federation_peers (instance_id)
  WHERE state <> 'revoked';

CREATE TABLE federation_peer_keys (
  key_id TEXT NOT NULL,
  peer_id TEXT NOT NULL REFERENCES federation_peers (id),
  public_key TEXT NOT NULL,
  added_at TEXT NOT NULL,
  valid_until TEXT,
  PRIMARY KEY (peer_id, key_id)
) STRICT;
CREATE INDEX federation_peer_keys_key ON federation_peer_keys (key_id);

-- The security log learns the federation's events.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
'kind = ''token_revoked'' OR kind = ''partnerships_changed'')',
'kind = ''token_revoked'' OR kind = ''partnerships_changed'' OR
    kind = ''federation_rejected'' OR kind = ''federation_invited'' OR
    kind = ''federation_paired'' OR kind = ''federation_confirmed'' OR
    kind = ''federation_revoked'' OR kind = ''federation_key_rotated'')')
WHERE type = 'table' AND name = 'auth_events';
PRAGMA writable_schema = RESET;
