-- The id of the user who created a record (`created_by`, set by the server) was indexed for
-- search as if someone had written it: every record a user made matched the five pieces of that
-- id, and each new record wrote them to the index (five of a new commitment's six words). Only
-- what people write is indexed now (IndexRecord); this removes the rows already there and lists
-- the index's words again without the pieces.
DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_texts WHERE field = 'created_by');
DELETE FROM search_texts WHERE field = 'created_by';
DELETE FROM search_terms;
CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, search_index, row);
INSERT INTO search_terms (term) SELECT term FROM temp.search_vocabulary;
DROP TABLE temp.search_vocabulary;
