// The full-text index of every live record's texts, kept in the same transaction as the record
// it indexes (records.cpp calls IndexRecord / UnindexRecord), and the query over it.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/resources.h"
#include "search/fold.h"
#include "store/db.h"

namespace amity::store {

// Replaces the index rows of `record`: one row per translatable-text language value and per
// plain string field people write (not personal data, not fields the server sets such as
// `created_by`); partnerships also carry their two cities' names. Inside a
// savepoint both wait for the outermost commit (Db::DeferIndexChange).
// `new_record`: created in this transaction (or the index emptied), so there are no old rows of
// it to delete first.
void IndexRecord(Db& db, const domain::ResourceSpec& spec, const boost::json::object& record,
                 bool new_record = false);

// The kind under which files' texts are indexed (search_texts.kind): a file's rows are its name
// (field "name") and its document's text (field "text"), without a language.
inline constexpr char kFileKind[] = "files";

// A document's text folded for the index both ways (search::FoldForIndex) with its index words:
// most of the work of indexing a long text, which can be done before the write transaction.
struct FoldedText {
  std::string exact;
  std::string loose;
  std::vector<std::string> terms;
};
FoldedText FoldText(Db& db, std::string_view text);

// Replaces the index rows of file `file_id` with its name and, when given, its document's text
// (store/files.cpp decides which files are indexed: live ones, not personal data). Inside a
// savepoint both wait for the outermost commit, as IndexRecord's do.
void IndexFileText(Db& db, std::string_view file_id, std::string_view name, const FoldedText* text,
                   bool new_record = false);

// Removes every index row of the record (or file) with `id`.
void UnindexRecord(Db& db, std::string_view id);

// Empties the index and indexes every live record and file again, in one transaction. Returns the
// number of texts indexed. `progress` is told after each resource, and after the files.
long long RebuildSearchIndex(Db& db,
                             const std::function<void(std::string_view, long long)>& progress);

// The words of the index (FTS5 terms, folded) that start with `prefix`, in order; nullopt when
// there are more than `max` of them, or `prefix` is empty. The list may hold words whose last
// text has since gone (they match nothing) until `amity reindex`.
// A typed prefix that starts at most this many index words is searched as those words (read
// lazily, newest first); one that starts more is left to FTS5's own prefix expansion.
inline constexpr int kWordsPerPrefix = 32;
std::optional<std::vector<std::string>> IndexedWordsStartingWith(Db& db, std::string_view prefix,
                                                                 int max);

// Matching texts ranked per search: the newest this many (see SearchTexts). Each costs ~9,000
// instructions (its FTS5 entry, its text lengths and search_texts row, its score), so the window
// bounds a common word's search by the answer (at most 400 texts, api/search.cpp) rather than by
// its matches: 2,000 made one search for a word in 33,000 texts ~19 M instructions (~4 ms).
inline constexpr int kSearchWindow = 400;

struct SearchHit {
  std::string kind;
  std::string record_id;
  std::string field;
  std::string lang;
  double score = 0;  // BM25, as SQLite's bm25(): lower is better
};

// Texts matching the FTS5 `match` expression (see search::MatchExpression), best first,
// optionally only of resource `kind` and language `lang`; at most `limit` hits. Ranking covers
// the `window` most recent matching texts: all of them for all but very common words. Scores are
// SQLite's bm25() whenever every phrase (word) of the query is in at most `window` texts; for a
// more common phrase, the number of texts holding it (its IDF) is estimated from how far back the
// newest `window` of them reach, which for a one-word query changes the scores but not the order.
std::vector<SearchHit> SearchTexts(Db& db, const std::string& match,
                                   const std::optional<std::string>& kind,
                                   const std::optional<std::string>& lang, int limit,
                                   int window = kSearchWindow);

}  // namespace amity::store
