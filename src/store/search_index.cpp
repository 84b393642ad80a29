#include "store/search_index.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <tuple>

#include "base/text.h"
#include "store/files.h"
#include "store/records.h"

namespace amity::store {
namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;

namespace {

// Every statement that writes to the FTS5 table inside a transaction makes FTS5 write out what it
// holds as a new segment (a statement savepoint), so the changes of any number of records are
// written with one DELETE and one INSERT, their rows passed as JSON arrays: ?1 the record ids,
// and [rowid, exact, loose] per text.
constexpr char kDeleteIndexRows[] =
    "DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_texts "
    "WHERE record_id IN (SELECT value FROM json_each(?1)))";
constexpr char kDeleteTextRows[] =
    "DELETE FROM search_texts WHERE record_id IN (SELECT value FROM json_each(?1))";
constexpr char kInsertText[] =
    "INSERT INTO search_texts (kind, record_id, field, lang) VALUES (?, ?, ?, ?)";
constexpr char kInsertIndex[] =
    "INSERT INTO search_index (rowid, exact, loose) "
    "SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1)";
// FTS5 keeps its index as segments in levels and merges four segments of a level into one of
// the next. Left to itself (automerge) it does that work in lumps: each time 64 more leaf pages
// have been written, 64 pages per level at once, which under steady writes made one commit in
// ~200 take 10-20 ms instead of ~1. Migration 9 turns automerge off, and each write of the index
// asks instead for a merge step of at most ?1 pages, which does nothing unless a level holds four
// segments or a merge is under way. The step is sized to what was written: FTS5 writes about
// one leaf page per 1,500-3,000 bytes of folded text (measured, both columns and the prefix
// indexes counted), and automerge spends a page of merging per page written per level, so ~8
// levels need a page per ~200 bytes; one per 128 leaves room, and never below 32, so a merge
// under way always moves. Should writes still outrun it, FTS5's crisis merge (16 segments on a
// level) merges at once, as before.
constexpr char kMergeStep[] = "INSERT INTO search_index (search_index, rank) VALUES ('merge', ?1)";
constexpr long long kMergePagesMin = 32;
constexpr long long kMergeBytesPerPage = 128;
constexpr char kInsertTerm[] = "INSERT OR IGNORE INTO search_terms (term) VALUES (?)";
// Words in [?1, ?2), in order, at most ?3.
constexpr char kSelectTerms[] =
    "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT ?3";
// FTS5 walks the matches newest first (rowid order, which it does natively) and stops after
// ?4 candidates; only those are scored (amity_rank, below) and ranked by SearchTexts. For a term
// with fewer matches this is exactly full ranking; for a very common word it ranks the newest ?4
// matches instead of scoring every one of tens of thousands. One flat join (no subquery to
// materialize): each candidate's text lengths come from FTS5's own docsize row by a join, which
// costs a fifth of asking FTS5 for them (xColumnSize runs a statement per row), and its
// search_texts row by another. A kind (?5) or language (?6) filters the candidates before the
// window, so a search of events finds them behind a common word's newest commitments; the
// window then counts only texts of that kind, and a phrase's IDF is estimated from them.
constexpr char kSearch[] =
    "SELECT t.kind, t.record_id, t.field, t.lang, amity_rank(search_index, ?2, ?3, d.sz) "
    "FROM search_index "
    "JOIN search_index_docsize d ON d.id = search_index.rowid "
    "JOIN search_texts t ON t.rowid = search_index.rowid "
    "WHERE search_index MATCH ?1 AND (?5 IS NULL OR t.kind = ?5) AND (?6 IS NULL OR t.lang = ?6) "
    "ORDER BY search_index.rowid DESC LIMIT ?4";
// The rowids the index spans (search_texts and search_index share them): what the estimates
// below scale by.
constexpr char kIndexSpan[] =
    "SELECT (SELECT min(rowid) FROM search_texts), (SELECT max(rowid) FROM search_texts)";

// Ranking: BM25 exactly as SQLite's bm25() computes it (k1 = 1.2, b = 0.75, both columns weighted
// 1, lower is better), except where the number of texts holding each phrase comes from. bm25()
// counts them by walking the phrase's whole posting list (xQueryPhrase), which for a word in
// 160,000 texts costs more than finding the candidates. amity_rank counts a phrase only up to the
// candidate window and, beyond it, extrapolates from how far back in the index the window reached.
// Below the window the count is exact and the scores are bm25()'s to the bit.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// What amity_rank saw while the current search read its candidates (one search at a time per
// thread: SearchTexts resets it, steps its statement, and reads it).
struct RankWindow {
  int phrases = 0;
  long long texts = 0;       // rows in the whole index
  long long candidates = 0;  // rows scored
  long long newest = 0;      // largest rowid scored
  long long oldest = 0;      // smallest rowid scored
};
thread_local RankWindow t_window;

// Texts of the whole index holding a phrase found `seen` times among `searched` consecutive rowids,
// when the phrase can only occur among `span` rowids (none before its first text or after its
// newest): its texts assumed spread evenly by age over that span.
long long Extrapolate(long long seen, long long searched, long long span, long long texts) {
  if (searched <= 0 || span <= searched) return seen;
  const double estimate =
      static_cast<double>(seen) * static_cast<double>(span) / static_cast<double>(searched);
  return std::clamp(std::llround(estimate), seen, std::max(seen, texts));
}

// bm25()'s inverse document frequency, floored at 1e-6 for phrases in more than half the texts.
double Idf(long long texts, long long holding) {
  const double idf =
      std::log((static_cast<double>(texts - holding) + 0.5) / (static_cast<double>(holding) + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

struct PhraseCounter {
  long long limit;
  long long texts = 0;
  long long first_rowid = 0;
  long long last_rowid = 0;
};

int CountText(const Fts5ExtensionApi* api, Fts5Context* fts, void* data) {
  auto* counter = static_cast<PhraseCounter*>(data);
  counter->last_rowid = api->xRowid(fts);
  if (counter->texts == 0) counter->first_rowid = counter->last_rowid;
  return ++counter->texts < counter->limit ? SQLITE_OK : SQLITE_DONE;  // DONE: stop, no error
}

// Per query (FTS5 auxiliary data): the average text length and each phrase's weight, its IDF
// when the query has several phrases. A one-phrase query gets weight 1 and SearchTexts applies
// the IDF once the window is read, when the candidates counted are known: a constant factor,
// so it changes the scores, never their order.
struct RankQuery {
  double average_tokens = 0;
  std::vector<double> weights;
  std::vector<double> frequencies;
};

// The total of a docsize record: FTS5 stores one SQLite varint per column, the column's tokens.
// Returns -1 for a malformed record.
long long DocumentTokens(const unsigned char* bytes, int size) {
  long long total = 0;
  for (int i = 0; i < size;) {
    unsigned long long value = 0;
    int length = 0;
    for (;; ++length) {
      if (i + length >= size) return -1;
      const unsigned char byte = bytes[i + length];
      if (length == 8) {  // the ninth byte carries eight bits
        value = (value << 8) | byte;
        break;
      }
      value = (value << 7) | (byte & 0x7F);
      if ((byte & 0x80) == 0) break;
    }
    i += length + 1;
    total += static_cast<long long>(value);
  }
  return total;
}

// amity_rank(search_index, last rowid of the index, count limit, docsize record of the row).
void Rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc,
          sqlite3_value** argv) noexcept {
  int rc = SQLITE_OK;
  auto* query = static_cast<RankQuery*>(api->xGetAuxdata(fts, 0));
  if (query == nullptr) {
    if (argc != 3) {
      sqlite3_result_error(
          result, "amity_rank: expected the last rowid, a count limit and the docsize record", -1);
      return;
    }
    const long long last = sqlite3_value_int64(argv[0]);
    const long long limit = sqlite3_value_int64(argv[1]);
    auto fresh = std::make_unique<RankQuery>();
    sqlite3_int64 texts = 0, tokens = 0;
    rc = api->xRowCount(fts, &texts);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    fresh->average_tokens = static_cast<double>(tokens) / static_cast<double>(texts);
    const int phrases = api->xPhraseCount(fts);
    fresh->frequencies.assign(phrases, 0.0);
    fresh->weights.assign(phrases, 1.0);
    for (int i = 0; rc == SQLITE_OK && phrases > 1 && i < phrases; ++i) {
      PhraseCounter counter{.limit = limit};
      rc = api->xQueryPhrase(fts, i, &counter, CountText);  // oldest first
      const long long holding =
          counter.texts < limit
              ? counter.texts
              : Extrapolate(counter.texts, counter.last_rowid - counter.first_rowid + 1,
                            last - counter.first_rowid + 1, texts);
      fresh->weights[i] = Idf(texts, holding);
    }
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
    t_window.phrases = phrases;
    t_window.texts = texts;
    query = fresh.get();
    rc = api->xSetAuxdata(fts, fresh.release(), [](void* p) { delete static_cast<RankQuery*>(p); });
    if (rc != SQLITE_OK) {  // xSetAuxdata has deleted it
      sqlite3_result_error_code(result, rc);
      return;
    }
  }
  const long long rowid = api->xRowid(fts);
  if (t_window.candidates++ == 0) t_window.newest = t_window.oldest = rowid;
  t_window.newest = std::max(t_window.newest, rowid);
  t_window.oldest = std::min(t_window.oldest, rowid);

  std::fill(query->frequencies.begin(), query->frequencies.end(), 0.0);
  int instances = 0;
  rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) query->frequencies[phrase] += 1.0;
  }
  long long length = DocumentTokens(static_cast<const unsigned char*>(sqlite3_value_blob(argv[2])),
                                    sqlite3_value_bytes(argv[2]));
  if (length < 0) {
    sqlite3_result_error(result, "amity_rank: malformed docsize record", -1);
    return;
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  // The same expression, in the same order, as bm25() (fts5_aux.c), so equal inputs give equal
  // bits.
  const double tokens = static_cast<double>(length);
  double score = 0.0;
  for (size_t i = 0; i < query->weights.size(); ++i) {
    const double f = query->frequencies[i];
    score += query->weights[i] *
             ((f * (kK1 + 1.0)) / (f + kK1 * (1 - kB + kB * tokens / query->average_tokens)));
  }
  sqlite3_result_double(result, -1.0 * score);
}

// The connection's FTS5 API (owned by the connection), or null.
fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* fts5 = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, &fts5, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return fts5;
}

// Registers amity_rank on a new connection (an SQLite auto-extension, see below).
int RegisterRank(sqlite3* db, char** error, const sqlite3_api_routines*) {
  fts5_api* fts5 = Fts5Api(db);
  if (fts5 == nullptr) return SQLITE_ERROR;
  return fts5->xCreateFunction(fts5, "amity_rank", nullptr, Rank, nullptr);
}

// Every connection this process opens gets amity_rank: registered before main, so before any
// connection exists (and after the settings SQLite takes only before it starts).
[[maybe_unused]] const int kRankRegistered =
    (ConfigureSqlite(), sqlite3_auto_extension(reinterpret_cast<void (*)()>(RegisterRank)));

// The terms FTS5 stores for a folded text: its own tokenizer, configured as search_index declares
// it (unicode61, remove_diacritics 0), so search_terms holds exactly the index's words.
class TermCollector {
 public:
  explicit TermCollector(Db& db) {
    // The connection's FTS5 API, asked through a statement prepared once per connection (a
    // statement prepared per record cost a quarter of indexing it).
    fts5_api* fts5 = nullptr;
    db.Prepare("SELECT fts5(?1)").BindPointer(1, &fts5, "fts5_api_ptr").Step();
    void* context = nullptr;
    const char* arguments[] = {"remove_diacritics", "0"};
    if (fts5 == nullptr ||
        fts5->xFindTokenizer(fts5, "unicode61", &context, &module_) != SQLITE_OK ||
        module_.xCreate(context, arguments, 2, &tokenizer_) != SQLITE_OK) {
      throw DbError("FTS5 unicode61 tokenizer unavailable", SQLITE_ERROR);
    }
  }
  TermCollector(const TermCollector&) = delete;
  TermCollector& operator=(const TermCollector&) = delete;
  ~TermCollector() { module_.xDelete(tokenizer_); }

  // Appends the terms of `folded` to `terms`.
  void Add(std::string_view folded, std::vector<std::string>& terms) {
    const int rc = module_.xTokenize(
        tokenizer_, &terms, FTS5_TOKENIZE_DOCUMENT, folded.data(), static_cast<int>(folded.size()),
        [](void* terms, int, const char* token, int size, int, int) {
          static_cast<std::vector<std::string>*>(terms)->emplace_back(token, size);
          return SQLITE_OK;
        });
    if (rc != SQLITE_OK) throw DbError("FTS5 tokenizer failed", rc);
  }

 private:
  fts5_tokenizer module_{};
  Fts5Tokenizer* tokenizer_ = nullptr;
};

// Builds the IndexChange of one record.
class ChangeBuilder {
 public:
  ChangeBuilder(Db& db, std::string_view id, bool new_record) : terms_(db) {
    change_.record_id = id;
    change_.new_record = new_record;
  }

  // A text folded beforehand (FoldText); an empty one adds nothing, as AddText does.
  void AddFolded(std::string_view kind, std::string_view field, std::string_view lang,
                 const FoldedText& text) {
    if (text.exact.empty()) return;
    change_.terms.insert(change_.terms.end(), text.terms.begin(), text.terms.end());
    change_.texts.push_back(
        {std::string(kind), std::string(field), std::string(lang), text.exact, text.loose});
  }

  void AddText(std::string_view kind, std::string_view field, std::string_view lang,
               std::string_view text) {
    std::string exact = search::FoldForIndex(text, search::Accents::kSensitive);
    if (exact.empty()) return;
    std::string loose = search::FoldForIndex(text, search::Accents::kInsensitive);
    terms_.Add(exact, change_.terms);
    terms_.Add(loose, change_.terms);
    change_.texts.push_back({std::string(kind), std::string(field), std::string(lang),
                             std::move(exact), std::move(loose)});
  }

  void AddTranslatable(std::string_view kind, std::string_view field, const json::value& value) {
    if (!value.is_object()) return;
    for (std::string_view language : kLanguages) {
      const json::value* text = value.as_object().if_contains(language);
      if (text && text->is_string()) AddText(kind, field, language, text->as_string());
    }
  }

  IndexChange Take() { return std::move(change_); }

 private:
  TermCollector terms_;
  IndexChange change_;
};

// Writes `changes` (the last change of a record wins): the records' old rows go, their new texts
// come in, and their words join search_terms.
void WriteIndexChanges(Db& db, std::vector<IndexChange>& changes) {
  std::string ids = "[";
  std::vector<const IndexChange*> latest;  // the last change of each record, newest first
  std::vector<std::string_view> seen;
  for (auto change = changes.rbegin(); change != changes.rend(); ++change) {
    if (std::find(seen.begin(), seen.end(), change->record_id) != seen.end()) continue;
    seen.push_back(change->record_id);
    latest.push_back(&*change);
    if (change->new_record) continue;  // no old rows to delete
    if (ids.size() > 1) ids += ',';
    AppendJsonString(ids, change->record_id);
  }
  ids += ']';
  if (ids.size() > 2) {
    db.Prepare(kDeleteIndexRows).Bind(1, ids).Run();
    db.Prepare(kDeleteTextRows).Bind(1, ids).Run();
  }
  std::string rows = "[";
  long long indexed_bytes = 0;
  std::vector<std::string> terms;
  for (auto change = latest.rbegin(); change != latest.rend(); ++change) {
    for (const IndexChange::Text& text : (*change)->texts) {
      db.Prepare(kInsertText)
          .Bind(1, text.kind)
          .Bind(2, (*change)->record_id)
          .Bind(3, text.field)
          .Bind(4, text.lang)
          .Run();
      if (rows.size() > 1) rows += ',';
      rows += '[' + std::to_string(sqlite3_last_insert_rowid(db.handle())) + ',';
      AppendJsonString(rows, text.exact);
      rows += ',';
      AppendJsonString(rows, text.loose);
      rows += ']';
      indexed_bytes += static_cast<long long>(text.exact.size() + text.loose.size());
    }
    terms.insert(terms.end(), (*change)->terms.begin(), (*change)->terms.end());
  }
  rows += ']';
  if (rows.size() > 2) db.Prepare(kInsertIndex).Bind(1, rows).Run();
  // Merge segments in a step sized to what was just written (migration 9 switched FTS5's own
  // merging off; see kMergeStep).
  db.Prepare(kMergeStep)
      .Bind(1, std::max<long long>(kMergePagesMin, indexed_bytes / kMergeBytesPerPage))
      .Run();
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (const std::string& term : terms) db.Prepare(kInsertTerm).Bind(1, term).Run();
}

// Writes `change` now, or, inside a savepoint, at the outermost commit (Db::DeferIndexChange).
void ApplyIndexChange(Db& db, IndexChange change) {
  if (db.InSavepoint()) {
    db.DeferIndexChange(std::move(change), WriteIndexChanges);
    return;
  }
  std::vector<IndexChange> changes;
  changes.push_back(std::move(change));
  WriteIndexChanges(db, changes);
}

}  // namespace

void UnindexRecord(Db& db, std::string_view id) {
  IndexChange change;
  change.record_id = id;
  ApplyIndexChange(db, std::move(change));
}

void IndexRecord(Db& db, const domain::ResourceSpec& spec, const json::object& record,
                 bool new_record) {
  const std::string_view id = record.at("id").as_string();
  if (record.at("archived").as_bool()) return UnindexRecord(db, id);
  ChangeBuilder builder(db, id, new_record);
  for (const FieldSpec& field : spec.fields) {
    const json::value& value = record.at(field.name);
    if (field.type == FieldType::kText) {
      builder.AddTranslatable(spec.name, field.name, value);
    } else if (field.type == FieldType::kString && field.writable && !field.personal &&
               value.is_string()) {  // what people wrote, not the server's own fields (creator)
      builder.AddText(spec.name, field.name, "", value.as_string());
    } else if (field.type == FieldType::kStringList && value.is_array() &&
               !value.as_array().empty()) {  // tags: one text of them all
      std::string joined;
      for (const json::value& item : value.as_array()) {
        if (!item.is_string()) continue;
        (joined += joined.empty() ? "" : ", ") += std::string_view(item.as_string());
      }
      builder.AddText(spec.name, field.name, "", joined);
    } else if (spec.name == "partnerships" && field.type == FieldType::kReference &&
               field.references == "cities" && value.is_string()) {
      if (const auto city = GetRecord(db, domain::Cities(), value.as_string())) {
        builder.AddTranslatable(spec.name, field.name, city->at("name"));
      }
    }
  }
  ApplyIndexChange(db, builder.Take());
}

FoldedText FoldText(Db& db, std::string_view text) {
  FoldedText folded{.exact = search::FoldForIndex(text, search::Accents::kSensitive),
                    .loose = search::FoldForIndex(text, search::Accents::kInsensitive)};
  TermCollector terms(db);
  terms.Add(folded.exact, folded.terms);
  terms.Add(folded.loose, folded.terms);
  std::sort(folded.terms.begin(), folded.terms.end());
  folded.terms.erase(std::unique(folded.terms.begin(), folded.terms.end()), folded.terms.end());
  return folded;
}

void IndexFileText(Db& db, std::string_view file_id, std::string_view name, const FoldedText* text,
                   bool new_record) {
  ChangeBuilder builder(db, file_id, new_record);
  builder.AddText(kFileKind, "name", "", name);
  if (text) builder.AddFolded(kFileKind, "text", "", *text);
  ApplyIndexChange(db, builder.Take());
}

std::optional<std::vector<std::string>> IndexedWordsStartingWith(Db& db, std::string_view prefix,
                                                                 int max) {
  if (prefix.empty()) return std::nullopt;
  // Every string that starts with `prefix` sorts (bytewise) below `prefix` with its last byte
  // raised by one; no UTF-8 byte is 0xFF, so the raise cannot overflow.
  std::string end(prefix);
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  std::vector<std::string> words;
  Stmt select = db.Prepare(kSelectTerms);
  select.Bind(1, prefix).Bind(2, end).Bind(3, max + 1);
  while (select.Step()) words.emplace_back(select.Text(0));
  if (static_cast<int>(words.size()) > max) return std::nullopt;
  return words;
}

long long RebuildSearchIndex(Db& db,
                             const std::function<void(std::string_view, long long)>& progress) {
  Tx tx(db);
  db.Exec("DELETE FROM search_index; DELETE FROM search_texts; DELETE FROM search_terms;");
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    ListQuery query{.sort_column = "created_at", .descending = false, .limit = 1000};
    long long indexed = 0;
    for (;;) {
      Page page = ListRecords(db, *spec, query);
      for (const json::value& record : page.items) {
        IndexRecord(db, *spec, record.as_object(), /*new_record=*/true);  // the index is empty
      }
      indexed += static_cast<long long>(page.items.size());
      if (static_cast<int>(page.items.size()) < query.limit) break;
      query.offset += query.limit;
    }
    progress(spec->name, indexed);
  }
  progress(kFileKind, IndexAllFiles(db));
  tx.Commit();
  Stmt count = db.Prepare("SELECT count(*) FROM search_texts");
  count.Step();
  return count.Int(0);
}

std::vector<SearchHit> SearchTexts(Db& db, const std::string& match,
                                   const std::optional<std::string>& kind,
                                   const std::optional<std::string>& lang, int limit, int window) {
  Stmt span = db.Prepare(kIndexSpan);
  span.Step();
  const long long first = span.Int(0), last = span.Int(1);
  std::vector<SearchHit> hits;
  hits.reserve(window);
  t_window = {};
  Stmt select = db.Prepare(kSearch);
  select.Bind(1, match).Bind(2, last).Bind(3, static_cast<long long>(window) + 1).Bind(4, window);
  select.Bind(5, kind).Bind(6, lang);  // NULL when absent: a cached statement keeps old values
  while (select.Step()) {
    const std::string_view hit_kind = select.Text(0), hit_lang = select.Text(3);
    hits.push_back({std::string(hit_kind), std::string(select.Text(1)), std::string(select.Text(2)),
                    std::string(hit_lang), select.Real(4)});
  }
  const RankWindow seen = t_window;
  if (seen.phrases == 1) {  // apply the phrase's IDF (see RankQuery)
    // A window that did not fill holds every match; a full one reached back to `oldest`.
    const long long holding = seen.candidates < window
                                  ? seen.candidates
                                  : Extrapolate(seen.candidates, seen.newest - seen.oldest + 1,
                                                seen.newest - first + 1, seen.texts);
    const double idf = Idf(seen.texts, holding);
    for (SearchHit& hit : hits) hit.score *= idf;
  }
  // Best first; ties by record, field and language, so results are stable across reindexing.
  // Only the best `limit` are sorted.
  const auto better = [](const SearchHit& a, const SearchHit& b) {
    return std::tie(a.score, a.record_id, a.field, a.lang) <
           std::tie(b.score, b.record_id, b.field, b.lang);
  };
  if (hits.size() > static_cast<size_t>(limit)) {
    std::nth_element(hits.begin(), hits.begin() + limit, hits.end(), better);
    hits.resize(limit);
  }
  std::sort(hits.begin(), hits.end(), better);
  return hits;
}

}  // namespace amity::store
