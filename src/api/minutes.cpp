// Revisions of a meeting's minutes, read from the change trail: every change that set the
// `minutes` text is a revision, named by the meeting version it made. The list gives who, when
// and which languages changed, without the texts (a revision of three long languages runs to
// megabytes, and a meeting's minutes may be edited hundreds of times); one revision gives its
// whole text and the text it replaced, so a client can compare the two.
#include <boost/json.hpp>
#include <charconv>
#include <string>

#include "api/handlers.h"
#include "api/list_query.h"
#include "api/responses.h"
#include "base/text.h"
#include "store/changes.h"

namespace amity::api {
namespace json = boost::json;

namespace {

constexpr char kField[] = "minutes";

// The value of `side` ("before", "after") of a change for the minutes: the text object, or null
// (no minutes, or the side is not known).
const json::value& MinutesOf(const json::object& change, const char* side) {
  static const json::value kNull;
  const json::value* values = change.if_contains(side);
  if (values == nullptr || !values->is_object()) return kNull;
  const json::value* minutes = values->as_object().if_contains(kField);
  return minutes == nullptr ? kNull : *minutes;
}

// The wording of `text` (a translatable text or null) in `lang`: "" when it has none.
std::string_view Wording(const json::value& text, std::string_view lang) {
  if (!text.is_object()) return {};
  const json::value* value = text.as_object().if_contains(lang);
  return value != nullptr && value->is_string() ? std::string_view(value->as_string())
                                                : std::string_view();
}

// A revision without its texts: which version of the meeting, who, when, and the languages whose
// wording differs from the text before (every language it has when that text is not known).
json::object Summary(const json::object& change) {
  const json::value& after = MinutesOf(change, "after");
  const json::value& before = MinutesOf(change, "before");
  json::array languages;
  for (std::string_view lang : kLanguages) {
    if (Wording(after, lang) != Wording(before, lang)) languages.emplace_back(lang);
  }
  const json::value* original =
      after.is_object() ? after.as_object().if_contains("original") : nullptr;
  return json::object{{"version", change.at("version")},
                      {"seq", change.at("seq")},
                      {"op", change.at("op")},
                      {"actor", change.at("actor")},
                      {"at", change.at("at")},
                      {"original", original != nullptr ? *original : json::value(nullptr)},
                      {"languages", std::move(languages)}};
}

// The `version` path parameter; 404 for anything that is not a version number (it cannot exist).
long long VersionParam(const Call& call) {
  const std::string_view text = call.Param("version");
  long long version = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc() || end != text.data() + text.size() || version < 1) {
    NotFound("minutes revision");
  }
  return version;
}

// The changes of meeting `id` that set its minutes.
store::ChangeQuery RevisionsQuery(std::string_view id) {
  store::ChangeQuery query;
  query.entity = std::string(domain::Meetings().name);
  query.record_id = std::string(id);
  query.field = kField;
  return query;
}

}  // namespace

http::Response MinutesRevisions(Call& call) {
  const domain::ResourceSpec& spec = domain::Meetings();
  const std::string_view id = call.Param("id");
  RequireVisibleRecord(call, spec, id);
  store::ChangeQuery query = RevisionsQuery(id);
  CheckQuery(call.route.query, call.request.query);
  for (const auto& [name, value] : call.request.query) {
    ParsePaging(name, value, query.limit, query.offset);
  }
  store::Page page = VisibleRecordChanges(call, spec, id, query);
  json::array items;
  for (const json::value& change : page.items) items.push_back(Summary(change.as_object()));
  return JsonResponse(
      200, json::object{{"items", std::move(items)},
                        {"total", page.info.total ? json::value(*page.info.total) : nullptr},
                        {"limit", query.limit},
                        {"offset", query.offset},
                        {"has_more", page.info.has_more}});
}

http::Response MinutesRevision(Call& call) {
  const domain::ResourceSpec& spec = domain::Meetings();
  const std::string_view id = call.Param("id");
  RequireVisibleRecord(call, spec, id);
  store::ChangeQuery query = RevisionsQuery(id);
  query.version = VersionParam(call);
  query.limit = 1;
  // A revision made before the caller's history starts is as absent as one never made.
  store::Page page = VisibleRecordChanges(call, spec, id, query);
  if (page.items.empty()) NotFound("minutes revision");
  const json::object& change = page.items.front().as_object();
  json::object revision = Summary(change);
  revision["minutes"] = MinutesOf(change, "after");
  revision["previous"] = MinutesOf(change, "before");
  if (change.contains("hidden")) revision["hidden"] = json::array{"previous"};
  return JsonResponse(200, revision);
}

}  // namespace amity::api
