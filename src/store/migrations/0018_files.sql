-- Files kept with records. A row names a blob of the content-addressed store (files/blobs/… beside
-- the database) by the SHA-256 of its bytes; the blob is in place before the row commits. Who may
-- see a file is decided by the record that holds it (and its own personal_data mark). Rows are
-- archived, never deleted, so a blob named by any row stays until `amity files sweep` finds
-- none.
CREATE TABLE files (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  holder TEXT NOT NULL,      -- the holding record's collection: partnerships, meetings, …
  holder_id TEXT NOT NULL,
  milestone TEXT,            -- on a partnership: the legal step (milestone kind) it documents
  name TEXT NOT NULL,        -- as uploaded, UTF-8
  media_type TEXT NOT NULL,  -- sniffed from the bytes
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data = 0 OR personal_data = 1),
  created_by TEXT NOT NULL   -- the uploading user's id
) STRICT;
CREATE INDEX files_holder ON files (holder_id, archived, created_at, id);
CREATE INDEX files_sha256 ON files (sha256);

-- Uploads under way (the tus protocol): the bytes received so far are in files/uploads/<id>, so
-- a dropped connection resumes from the last byte the server has. A finished upload keeps its row
-- (with the file it became) until it expires, so a client that lost the last answer learns the
-- outcome by asking again. Expired rows and their bytes are removed by `amity files sweep`.
CREATE TABLE uploads (
  id TEXT NOT NULL PRIMARY KEY,
  caller TEXT NOT NULL,      -- the user's id: only they may continue it
  holder TEXT NOT NULL,
  holder_id TEXT NOT NULL,
  milestone TEXT,
  name TEXT NOT NULL,
  length INTEGER NOT NULL CHECK (length > 0),
  personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data = 0 OR personal_data = 1),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  file_id TEXT               -- once finished: the file it became
) STRICT;
CREATE INDEX uploads_expires ON uploads (expires_at);
