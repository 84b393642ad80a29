-- Search: one row per indexed text (a field in one language) of a live record. search_texts
-- says what each row is; search_index (FTS5, same rowid) holds the text folded two ways:
-- `exact` (Turkish-aware lower case) and `loose` (also without accents, ı = i), with Chinese
-- already cut into words, so the tokenizer only splits on spaces and punctuation.
CREATE TABLE search_texts (
  rowid INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  lang TEXT NOT NULL
) STRICT;
CREATE INDEX search_texts_record ON search_texts (record_id);

CREATE VIRTUAL TABLE search_index USING fts5 (
  exact,
  loose,
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3'
);

-- Official names with fixed renderings in each language (cities, institutions, titles,
-- festivals, heritage sites).
CREATE TABLE glossary (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  term TEXT NOT NULL CHECK (json_valid(term)),
  kind TEXT NOT NULL CHECK (kind IN ('city', 'institution', 'title', 'festival', 'heritage_site',
                                     'other')),
  note TEXT
) STRICT;
