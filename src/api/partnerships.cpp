// Views over a whole partnership: its timeline and the dashboard.
#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "base/id.h"
#include "domain/milestones.h"
#include "http/error.h"
#include "store/read_models.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

std::string EncodeTimelineCursor(const store::TimelineCursor& cursor) {
  return EncodeCursor({cursor.at, cursor.kind, cursor.key});
}

store::TimelineCursor DecodeTimelineCursor(std::string_view text) {
  auto fields = DecodeCursor(text, 3);
  if (!fields) RejectParameter("before", "invalid_cursor", "pass the answer's earlier as it is");
  return {std::move((*fields)[0]), std::move((*fields)[1]), std::move((*fields)[2])};
}

}  // namespace

http::Response PartnershipTimeline(Call& call) {
  CheckQuery(call.route.query, call.request.query);
  int limit = 200;
  std::optional<store::TimelineCursor> before;
  for (const auto& [name, value] : call.request.query) {
    if (name == "limit") limit = ParseBoundedInt(name, value, 1, 500);
    if (name == "before") before = DecodeTimelineCursor(value);
  }
  const json::object partnership = LoadLiveRecord(call, domain::Partnerships());
  const auto visible = VisibleCondition(call.principal, domain::Commitments());
  const store::Condition* narrowed = visible ? &*visible : nullptr;
  store::TimelinePage page = store::Timeline(call.db, partnership, narrowed, limit, before);
  // Counted as the dashboard counts them, over every commitment the caller sees (not the page).
  const std::string id(partnership.at("id").as_string());
  const store::DoneFigures done = store::CountDone(
      call.db, id, store::CountCommitments(call.db, id, DateOf(call.now), narrowed), narrowed);
  return JsonResponse(
      200, json::object{{"items", std::move(page.items)},
                        {"earlier", page.earlier ? json::value(EncodeTimelineCursor(*page.earlier))
                                                 : json::value(nullptr)},
                        {"done", done.done},
                        {"done_with_evidence", done.with_evidence}});
}

http::Response Dashboard(Call& call) {
  store::ListQuery query{.sort_column = "created_at", .descending = false, .limit = 50};
  std::optional<std::string> only;
  int overdue_limit = 20;
  CheckQuery(call.route.query, call.request.query);
  for (const auto& [name, value] : call.request.query) {
    if (name == "partnership_id") {
      only = value;
      query.conditions.push_back({"id = ?", {value}});
    } else if (name == "overdue_limit") {
      overdue_limit = ParseBoundedInt(name, value, 0, 20);
    } else {
      ParsePaging(name, value, query.limit, query.offset);
    }
  }
  if (auto visible = VisibleCondition(call.principal, domain::Partnerships())) {
    query.conditions.push_back(std::move(*visible));
  }
  // Commitments, meetings and events share the columns the condition names.
  const auto visible_rows = VisibleCondition(call.principal, domain::Commitments());
  const store::Condition* visible = visible_rows ? &*visible_rows : nullptr;
  const Date today = DateOf(call.now);
  store::Page page = store::ListRecords(call.db, domain::Partnerships(), query);
  const long long partnerships = page.info.total
                                     ? *page.info.total
                                     : store::CountMatching(call.db, domain::Partnerships(), query);
  // Records the caller may see can name records it may not (api/redaction.h).
  Redactor redactor(call.db, call.principal);
  // Records inside the summaries arrive as JSON text; the answer is assembled as text around them.
  std::string body;
  body.reserve(4096 + page.items.size() * 24576);  // a partnership's summary is ~20 KB
  body += "{\"today\":\"";
  body += FormatDate(today);
  body += "\",\"partnerships\":[";
  store::CommitmentCounts only_counts;
  bool first = true;
  for (const json::value& item : page.items) {
    const json::object& partnership = item.as_object();
    const std::string id(partnership.at("id").as_string());
    store::CommitmentCounts counts = store::CountCommitments(call.db, id, today, visible);
    store::PartnershipSummary summary = store::SummarizePartnership(
        call.db, partnership, counts, today, call.now, visible, overdue_limit);
    if (only) only_counts = std::move(counts);  // the totals of one partnership are its own
    // Which legal steps the home city's country requires, and which are recorded.
    const std::string country =
        store::CityCountry(call.db, partnership.at("home_city_id").as_string()).value_or("");
    json::array steps;
    for (std::string_view step : domain::RequiredSteps(country)) {
      bool done = false;
      for (const json::value& m : partnership.at("milestones").as_array()) {
        done |= m.as_object().at("kind").as_string() == step;
      }
      steps.push_back(json::object{{"kind", step}, {"done", done}});
    }
    // The partnership as the API writes records (cached text), not re-serialized from the DOM.
    const auto record = store::GetRecordJson(call.db, domain::Partnerships(), id);
    if (!first) body.push_back(',');
    first = false;
    body += summary.figures_json;
    body.pop_back();  // reopen the object to add the partnership and the lists
    body += ",\"partnership\":";
    body += redactor.RedactJson(domain::Partnerships(),
                                record ? record->json : json::serialize(partnership));
    body += ",\"legal_steps\":";
    body += json::serialize(steps);
    body += ",\"overdue\":";
    body += redactor.RedactJson(domain::Commitments(), std::move(summary.overdue_json));
    body += ",\"next_events\":";
    body += redactor.RedactJson(domain::Events(), std::move(summary.next_events_json));
    body.push_back('}');
  }
  body += "],\"total\":";
  body += std::to_string(partnerships);
  body += ",\"totals\":";
  body += store::DashboardTotals(
      only ? only_counts : store::CountCommitments(call.db, std::nullopt, today, visible),
      partnerships);
  body.push_back('}');
  http::Response response;
  response.body = std::move(body);
  return response;
}

}  // namespace amity::api
