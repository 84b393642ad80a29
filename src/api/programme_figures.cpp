#include "api/programme_figures.h"

#include "api/handlers.h"
#include "domain/exchange_agreement.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// The JSON answer of `handler` to a GET of `pattern` with these path and query parameters, asked
// by the same caller as `call` (the route's own access and query checks apply).
json::object Answer(Call& call, http::Response (*handler)(Call&), std::string_view pattern,
                    http::Params params, http::Pairs query) {
  const Route* route = nullptr;
  for (const Route& candidate : Routes()) {
    if (candidate.handler == handler && candidate.pattern == pattern) route = &candidate;
  }
  if (route == nullptr) throw std::logic_error("no route " + std::string(pattern));
  http::Request request;
  request.method = "GET";
  request.query = std::move(query);
  Call inner{.request = request,
             .params = params,
             .route = *route,
             .db = call.db,
             .context = call.context,
             .now = call.now,
             .principal = call.principal,
             .authenticated = call.authenticated,
             .session_digest = call.session_digest};
  return json::parse(handler(inner).body).as_object();
}

// Adds `value` (a number, or null when withheld) to `sum`; null stays null.
void Add(json::value& sum, const json::value& value) {
  if (!value.is_number() || sum.is_null()) {
    sum = nullptr;
    return;
  }
  sum = sum.to_number<long long>() + value.to_number<long long>();
}

}  // namespace

json::object ExchangeFigures(Call& call, std::string_view partnership_id, int year) {
  const std::string academic_year = std::to_string(year) + "-" + std::to_string(year + 1);
  const json::object list = Answer(call, ListExchangeAgreements, "/api/v1/exchange-agreements", {},
                                   {{"partnership_id", std::string(partnership_id)}});
  constexpr const char* kFigures[] = {"seats", "applications", "allocated", "accepted", "declined"};
  json::array directions;
  for (std::string_view direction : domain::kExchangeDirections) {
    json::object sums{{"direction", direction}};
    for (const char* figure : kFigures) sums[figure] = 0;
    directions.push_back(std::move(sums));
  }
  long long agreements = 0;
  const json::array& items = list.at("items").as_array();
  for (const json::value& item : items) {
    if (item.at("state") != "approved") continue;
    const std::string id(item.at("id").as_string());
    const json::object grid =
        Answer(call, AgreementSeatGrid, "/api/v1/exchange-agreements/{id}/seats", {{"id", id}}, {});
    bool covers = false;
    const json::array& totals = grid.at("totals").as_array();
    for (const json::value& total : totals) {
      if (total.at("academic_year").as_string() != academic_year) continue;
      covers = true;
      for (json::value& sums : directions) {
        if (sums.at("direction") != total.at("direction")) continue;
        for (const char* figure : kFigures) Add(sums.as_object()[figure], total.at(figure));
      }
    }
    agreements += covers ? 1 : 0;
  }
  return {{"academic_year", academic_year},
          {"agreements", agreements},
          {"directions", std::move(directions)}};
}

json::object TradeFigures(Call& call, std::string_view partnership_id) {
  json::object results =
      Answer(call, PartnershipTradeResults, "/api/v1/partnerships/{id}/trade-results",
             {{"id", std::string(partnership_id)}}, {});
  results.erase("partnership_id");
  return results;
}

}  // namespace amity::api
