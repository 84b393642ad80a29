// Views over a whole partnership: its timeline and the dashboard.
#include <boost/json.hpp>

#include "api/handlers.h"
#include "api/list_query.h"
#include "api/responses.h"
#include "base/id.h"
#include "domain/milestones.h"
#include "http/error.h"
#include "store/read_models.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

http::Response PartnershipTimeline(Call& call) {
  const json::object partnership = LoadLiveRecord(call, domain::Partnerships());
  return JsonResponse(200, json::object{{"items", store::Timeline(call.db, partnership)}});
}

http::Response Dashboard(Call& call) {
  store::ListQuery query{.sort_column = "created_at", .descending = false, .limit = 50};
  for (const auto& [name, value] : call.request.query) {
    if (name == "partnership_id") {
      if (!IsUuid(value)) {
        RejectParameter(name, "invalid_id", "expected a partnership id (UUID)");
      }
      query.conditions.push_back({"id = ?", {value}});
    } else if (!ParsePaging(name, value, query.limit, query.offset)) {
      RejectUnknownParameter(name);
    }
  }
  const Date today = DateOf(call.now);
  store::Page page = store::ListRecords(call.db, domain::Partnerships(), query);
  json::array summaries;
  for (const json::value& partnership : page.items) {
    json::object summary =
        store::PartnershipSummary(call.db, partnership.as_object(), today, call.now);
    // Which legal steps the home city's country requires, and which are recorded.
    const auto home = store::GetRecord(call.db, domain::Cities(),
                                       partnership.as_object().at("home_city_id").as_string());
    json::array steps;
    for (std::string_view step :
         domain::RequiredSteps(home ? home->at("country").as_string() : json::string())) {
      bool done = false;
      for (const json::value& m : partnership.as_object().at("milestones").as_array()) {
        done |= m.as_object().at("kind").as_string() == step;
      }
      steps.push_back(json::object{{"kind", step}, {"done", done}});
    }
    summary["legal_steps"] = std::move(steps);
    json::array events;
    for (json::value& event : summary["next_events"].as_array()) {
      events.push_back(Present(domain::Events(), std::move(event.as_object())));
    }
    summary["next_events"] = std::move(events);
    summaries.push_back(std::move(summary));
  }
  return JsonResponse(200, json::object{{"today", FormatDate(today)},
                                        {"partnerships", std::move(summaries)},
                                        {"total", page.total}});
}

}  // namespace amity::api
