#include "store/search_index.h"

#include "base/text.h"
#include "store/records.h"

namespace amity::store {
namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;

namespace {

constexpr char kDeleteIndexRows[] =
    "DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_texts WHERE record_id = ?)";
constexpr char kDeleteTextRows[] = "DELETE FROM search_texts WHERE record_id = ?";
constexpr char kInsertText[] =
    "INSERT INTO search_texts (kind, record_id, field, lang) VALUES (?, ?, ?, ?)";
constexpr char kInsertIndex[] = "INSERT INTO search_index (rowid, exact, loose) VALUES (?, ?, ?)";
// FTS5 walks the matches newest first (rowid order, which it does natively) and stops after
// ?5 candidates; only those are scored with bm25 and ranked. For a term with fewer matches
// this is exactly full ranking; for a very common word it ranks the newest ?5 matches instead of
// scoring every one of tens of thousands.
constexpr char kSearch[] =
    "SELECT t.kind, t.record_id, t.field, t.lang, s.score "
    "FROM (SELECT rowid, bm25(search_index) AS score FROM search_index "
    "      WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?5) s "
    "JOIN search_texts t ON t.rowid = s.rowid "
    "WHERE (?2 IS NULL OR t.kind = ?2) AND (?3 IS NULL OR t.lang = ?3) "
    "ORDER BY s.score, t.record_id, t.field, t.lang LIMIT ?4";

// Candidates scored per search (see kSearch).
constexpr int kCandidateWindow = 2000;

void AddText(Db& db, std::string_view kind, std::string_view id, std::string_view field,
             std::string_view lang, std::string_view text) {
  const std::string exact = search::FoldForIndex(text, search::Accents::kSensitive);
  if (exact.empty()) return;
  db.Prepare(kInsertText).Bind(1, kind).Bind(2, id).Bind(3, field).Bind(4, lang).Run();
  db.Prepare(kInsertIndex)
      .Bind(1, static_cast<long long>(sqlite3_last_insert_rowid(db.handle())))
      .Bind(2, exact)
      .Bind(3, search::FoldForIndex(text, search::Accents::kInsensitive))
      .Run();
}

void AddTranslatable(Db& db, std::string_view kind, std::string_view id, std::string_view field,
                     const json::value& value) {
  if (!value.is_object()) return;
  for (std::string_view language : kLanguages) {
    const json::value* text = value.as_object().if_contains(language);
    if (text && text->is_string()) AddText(db, kind, id, field, language, text->as_string());
  }
}

}  // namespace

void UnindexRecord(Db& db, std::string_view id) {
  db.Prepare(kDeleteIndexRows).Bind(1, id).Run();
  db.Prepare(kDeleteTextRows).Bind(1, id).Run();
}

void IndexRecord(Db& db, const domain::ResourceSpec& spec, const json::object& record) {
  const std::string id(record.at("id").as_string());
  UnindexRecord(db, id);
  if (record.at("archived").as_bool()) return;
  for (const FieldSpec& field : spec.fields) {
    const json::value& value = record.at(field.name);
    if (field.type == FieldType::kText) {
      AddTranslatable(db, spec.name, id, field.name, value);
    } else if (field.type == FieldType::kString && !field.personal && value.is_string()) {
      AddText(db, spec.name, id, field.name, "", value.as_string());
    } else if (spec.name == "partnerships" && field.type == FieldType::kReference &&
               field.references == "cities" && value.is_string()) {
      if (const auto city = GetRecord(db, domain::Cities(), value.as_string())) {
        AddTranslatable(db, spec.name, id, field.name, city->at("name"));
      }
    }
  }
}

long long RebuildSearchIndex(Db& db,
                             const std::function<void(std::string_view, long long)>& progress) {
  Tx tx(db);
  db.Exec("DELETE FROM search_index; DELETE FROM search_texts;");
  for (const domain::ResourceSpec* spec : domain::AllResources()) {
    ListQuery query{.sort_column = "created_at", .descending = false, .limit = 1000};
    long long indexed = 0;
    for (;;) {
      Page page = ListRecords(db, *spec, query);
      for (const json::value& record : page.items) IndexRecord(db, *spec, record.as_object());
      indexed += static_cast<long long>(page.items.size());
      if (static_cast<int>(page.items.size()) < query.limit) break;
      query.offset += query.limit;
    }
    progress(spec->name, indexed);
  }
  tx.Commit();
  Stmt count = db.Prepare("SELECT count(*) FROM search_texts");
  count.Step();
  return count.Int(0);
}

std::vector<SearchHit> SearchTexts(Db& db, const std::string& match,
                                   const std::optional<std::string>& kind,
                                   const std::optional<std::string>& lang, int limit) {
  std::vector<SearchHit> hits;
  Stmt select = db.Prepare(kSearch);
  select.Bind(1, match).Bind(2, kind).Bind(3, lang).Bind(4, limit).Bind(5, kCandidateWindow);
  while (select.Step()) {
    hits.push_back({std::string(select.Text(0)), std::string(select.Text(1)),
                    std::string(select.Text(2)), std::string(select.Text(3)), select.Real(4)});
  }
  return hits;
}

}  // namespace amity::store
