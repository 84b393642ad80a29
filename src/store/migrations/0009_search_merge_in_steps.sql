-- FTS5 merges the search index's segments in steps sized to each write (see kMergeStep in
-- store/search_index.cpp) instead of in lumps of 64 pages per level every 64 leaf pages
-- (automerge), which held one commit in a few hundred for 10-20 ms. A configuration value of the
-- FTS5 table, kept in search_index_config.
INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);
