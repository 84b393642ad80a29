-- What the server makes from a blob's bytes in the background (previews::Worker): a thumbnail
-- (images, the first page of a PDF) and the text of a document (PDF, Office, OpenDocument, plain
-- text, CSV) for the search index. Both depend on the bytes only, so they are kept once per blob,
-- keyed by its SHA-256, whichever files name it. A row is written `working` before the work
-- starts and `done` after; one still `working` when the server starts was cut short (a crash
-- while decoding) and becomes `failed`, so one bad file is never tried again in a loop.
CREATE TABLE blob_derivatives (
  sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),  -- the source blob
  state TEXT NOT NULL CHECK (state = 'working' OR state = 'done' OR state = 'failed'),
  -- The thumbnail, itself a blob of the store (JPEG, at most 512 px on its long side); NULL when
  -- the file has none (not an image or PDF, or bytes that do not decode).
  thumbnail TEXT CHECK (thumbnail IS NULL OR length(thumbnail) = 64),
  -- The document's text, at most 1 MiB of UTF-8 (previews::kMaxTextBytes); NULL when it has none.
  text TEXT,
  made_at TEXT NOT NULL
) STRICT;
CREATE INDEX blob_derivatives_thumbnail ON blob_derivatives (thumbnail) WHERE thumbnail IS NOT NULL;
CREATE INDEX blob_derivatives_state ON blob_derivatives (state) WHERE state = 'working';
