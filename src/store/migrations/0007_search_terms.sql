-- Every word (FTS5 term) the search index holds, so that a Latin word typed as a prefix can be
-- looked up as the few whole words it starts (read newest first, lazily) instead of FTS5 merging
-- the posting lists of every such word before it returns the first match (SQLite 3.40 does so
-- for prefixes longer than the prefix indexes). Kept by IndexRecord; words are not removed when
-- their last text goes (a word that matches nothing costs nothing), `amity reindex` rebuilds it.
CREATE TABLE search_terms (term TEXT NOT NULL PRIMARY KEY) STRICT, WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, search_index, row);
INSERT INTO search_terms (term) SELECT term FROM temp.search_vocabulary;
DROP TABLE temp.search_vocabulary;
