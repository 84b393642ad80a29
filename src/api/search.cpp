// GET /api/v1/search: ranked results grouped by kind, with the matching words marked.
#include <boost/json.hpp>
#include <map>

#include "api/access.h"
#include "api/files.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "base/text.h"
#include "http/error.h"
#include "search/query.h"
#include "store/files.h"
#include "store/records.h"
#include "store/search_index.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// How many texts the index returns before grouping; enough for 10 records of every kind.
constexpr int kHitLimit = 400;
// Matching texts highlighted per result.
constexpr size_t kMatchesShown = 3;

// What names the record in a result list. Partnerships are named by their two cities; a city
// the caller may not see is null there (api/redaction.h).
json::value TitleOf(store::Db& db, Redactor& redactor, const domain::ResourceSpec& spec,
                    const json::object& record) {
  if (!spec.title_field.empty()) {
    // A title that may be absent (a lead known by its buyer) reads as an empty name.
    const json::value& title = record.at(spec.title_field);
    return title.is_null() ? json::value("") : title;
  }
  json::object title;
  for (const char* side : {"home_city", "partner_city"}) {
    const std::string_view id = record.at(std::string(side) + "_id").as_string();
    const auto city = redactor.Sees(domain::Cities(), id)
                          ? store::GetRecord(db, domain::Cities(), id)
                          : std::nullopt;
    title[side] = city ? city->at("name") : json::value(nullptr);
  }
  return title;
}

// True when `hit` matched the name of a city the caller may not see (partnerships are indexed
// with their cities' names): such a hit must neither show nor find the record.
bool HitsHiddenCity(Redactor& redactor, const json::object& record, const store::SearchHit& hit) {
  if (!hit.field.ends_with("_city_id")) return false;
  const json::value* id = record.if_contains(hit.field);
  return id && id->is_string() && !redactor.Sees(domain::Cities(), id->as_string());
}

json::array SegmentsJson(const std::vector<search::Segment>& segments) {
  json::array out;
  for (const search::Segment& segment : segments) {
    out.push_back(json::object{{"text", segment.text}, {"match", segment.match}});
  }
  return out;
}

// The text a hit points at: a language value of a translatable field, a plain string, or the
// name of a partnership's city.
std::string HitText(store::Db& db, const json::object& record, const store::SearchHit& hit) {
  const json::value* value = record.if_contains(hit.field);
  if (value == nullptr) return "";
  std::optional<json::object> city;  // owns the city's name while `value` points into it
  if (value->is_string() && hit.field.ends_with("_city_id")) {
    city = store::GetRecord(db, domain::Cities(), value->as_string());
    value = city ? city->if_contains("name") : nullptr;
  }
  if (value && value->is_object()) value = value->as_object().if_contains(hit.lang);
  return value && value->is_string() ? std::string(value->as_string()) : "";
}

// A file's matching text: its name, or a piece of its document's text around the first match.
std::vector<search::Segment> FileHitSegments(store::Db& db, const store::FileRow& file,
                                             const store::SearchHit& hit,
                                             const std::vector<search::Token>& wanted,
                                             search::Accents accents) {
  if (hit.field == "name") return search::Highlight(file.name, wanted, accents);
  return search::Snippet(store::BlobText(db, file.sha256).value_or(""), wanted, accents);
}

}  // namespace

http::Response Search(Call& call) {
  std::string query;
  std::optional<std::string> kind, lang;
  search::Accents accents = search::Accents::kInsensitive;
  int per_kind = 10;
  CheckQuery(call.route.query, call.request.query);
  for (const auto& [name, value] : call.request.query) {
    if (name == "q") {
      query = value;
    } else if (name == "kind") {
      kind = value;
    } else if (name == "lang") {
      lang = value;
    } else if (name == "accents") {
      accents = value == "sensitive" ? search::Accents::kSensitive : search::Accents::kInsensitive;
    } else if (name == "limit") {
      per_kind = ParseBoundedInt(name, value, 1, 50);
    }
  }
  if (query.size() > 200) RejectParameter("q", "too_long", "at most 200 bytes");
  const auto match = search::MatchExpression(
      query, accents == search::Accents::kSensitive ? "exact" : "loose", accents,
      [&call](std::string_view prefix) {
        return store::IndexedWordsStartingWith(call.db, prefix, store::kWordsPerPrefix);
      });
  if (!match) RejectParameter("q", "required", "type at least one word");

  // Group hits by kind and record, keeping each record's best score and the texts that matched.
  struct Found {
    double score;
    std::vector<store::SearchHit> hits;
  };
  std::map<std::string, std::vector<std::string>> order;  // kind → record ids, best first
  std::map<std::string, Found> found;
  for (store::SearchHit& hit : store::SearchTexts(call.db, *match, kind, lang, kHitLimit)) {
    auto [entry, inserted] = found.try_emplace(hit.record_id, Found{hit.score, {}});
    if (inserted) order[hit.kind].push_back(hit.record_id);
    entry->second.hits.push_back(std::move(hit));
  }
  Redactor redactor(call.db, call.principal);
  // Files are found only where the caller may download them (api/files.h), whoever asks: live,
  // on a live record the caller sees, personal data only for home roles (and never indexed).
  std::map<std::string, VisibleFile> files;
  if (auto group = order.find(store::kFileKind); group != order.end()) {
    std::erase_if(group->second, [&](const std::string& id) {
      auto file = FindVisibleFile(call, id);
      if (!file || file->spec == nullptr) return true;  // an application's: personal data
      files.emplace(id, std::move(*file));
      return false;
    });
    if (group->second.empty()) order.erase(group);
  }
  if (redactor.active()) {  // partner users: only what they may see, found by what they may see
    for (auto& [group_kind, ids] : order) {
      if (group_kind == store::kFileKind) continue;  // checked above
      const domain::ResourceSpec& spec = *domain::FindResource(group_kind);
      std::erase_if(ids, [&](const std::string& id) {
        const auto record = store::GetRecord(call.db, spec, id);
        if (!record || !domain::CanSee(call.principal, FactsOf(spec, *record))) return true;
        std::vector<store::SearchHit>& hits = found[id].hits;
        std::erase_if(hits, [&](const store::SearchHit& hit) {
          return HitsHiddenCity(redactor, *record, hit);
        });
        if (hits.empty()) return true;
        found[id].score = hits.front().score;  // hits come best first
        return false;
      });
    }
    std::erase_if(order, [](const auto& entry) { return entry.second.empty(); });
  }
  const std::vector<search::Token> wanted = search::Tokenize(query, accents);
  json::array groups;
  long long total = 0;
  for (auto& [group_kind, ids] : order) {
    json::array items;
    if (group_kind == store::kFileKind) {
      // A file is named by its name, and by the record that holds it.
      for (size_t i = 0; i < ids.size() && static_cast<int>(i) < per_kind; ++i) {
        const VisibleFile& file = files.at(ids[i]);
        json::array matches;
        const std::vector<store::SearchHit>& hits = found[ids[i]].hits;
        for (size_t h = 0; h < hits.size() && h < kMatchesShown; ++h) {
          matches.push_back(json::object{
              {"field", hits[h].field},
              {"lang", hits[h].lang},
              {"segments",
               SegmentsJson(FileHitSegments(call.db, file.file, hits[h], wanted, accents))}});
        }
        items.push_back(json::object{
            {"id", ids[i]},
            {"title", file.file.name},
            {"score", found[ids[i]].score},
            {"matches", std::move(matches)},
            {"holder",
             json::object{{"kind", file.spec->name},
                          {"id", file.file.holder_id},
                          {"title", TitleOf(call.db, redactor, *file.spec, file.holder)}}}});
      }
      total += static_cast<long long>(ids.size());
      groups.push_back(json::object{{"kind", group_kind},
                                    {"total", static_cast<long long>(ids.size())},
                                    {"best_score", found[ids[0]].score},
                                    {"items", std::move(items)}});
      continue;
    }
    const domain::ResourceSpec& spec = *domain::FindResource(group_kind);
    for (size_t i = 0; i < ids.size() && static_cast<int>(i) < per_kind; ++i) {
      const auto record = store::GetRecord(call.db, spec, ids[i]);
      if (!record) continue;
      json::array matches;
      const std::vector<store::SearchHit>& hits = found[ids[i]].hits;
      // The best few matching texts are enough to show why the record was found.
      for (size_t h = 0; h < hits.size() && h < kMatchesShown; ++h) {
        const store::SearchHit& hit = hits[h];
        matches.push_back(json::object{
            {"field", hit.field},
            {"lang", hit.lang},
            {"segments",
             SegmentsJson(search::Highlight(HitText(call.db, *record, hit), wanted, accents))}});
      }
      items.push_back(json::object{{"id", ids[i]},
                                   {"title", TitleOf(call.db, redactor, spec, *record)},
                                   {"score", found[ids[i]].score},
                                   {"matches", std::move(matches)}});
    }
    total += static_cast<long long>(ids.size());
    groups.push_back(json::object{{"kind", group_kind},
                                  {"total", static_cast<long long>(ids.size())},
                                  {"best_score", found[ids[0]].score},
                                  {"items", std::move(items)}});
  }
  // Best group first: the one whose best record ranks highest.
  std::sort(groups.begin(), groups.end(), [](const json::value& a, const json::value& b) {
    return a.at("best_score").as_double() < b.at("best_score").as_double();
  });
  return JsonResponse(
      200, json::object{
               {"query", query},
               {"accents", accents == search::Accents::kSensitive ? "sensitive" : "insensitive"},
               {"total", total},
               {"groups", std::move(groups)}});
}

}  // namespace amity::api
