// The dashboard's trade section in one request: every partnership and fair the caller may see
// that has exhibitors, leads or B2B meetings, each with the figures its own trade-results route
// answers (counted by the same code), deals kept per currency.
#include "store/trade_overview.h"

#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/responses.h"
#include "api/trade_results.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// Holders listed at most; the dashboard shows the first ones with a link to each.
constexpr int kMostHolders = 50;

}  // namespace

http::Response TradeOverview(Call& call) {
  CheckQuery(call.route.query, call.request.query);
  const auto partnerships = VisibleCondition(call.principal, domain::Partnerships());
  const auto events = VisibleCondition(call.principal, domain::Events());
  const store::TradeHolders holders = store::FindTradeHolders(
      call.db, partnerships ? &*partnerships : nullptr, events ? &*events : nullptr, kMostHolders);
  json::array partnership_results, fair_results;
  for (const std::string& id : holders.partnerships) {
    partnership_results.push_back(CountedTradeResults(call, id, true));
  }
  for (const store::TradeFair& fair : holders.fairs) {
    json::object results = CountedTradeResults(call, fair.id, false);
    results["partnership_id"] = fair.partnership_id;
    const auto event = store::GetRecord(call.db, domain::Events(), fair.id);
    results["title"] = event ? event->at("title") : json::value(nullptr);
    results["starts_at"] = event ? event->at("starts_at") : json::value(nullptr);
    fair_results.push_back(std::move(results));
  }
  return JsonResponse(200, json::object{{"partnerships", std::move(partnership_results)},
                                        {"fairs", std::move(fair_results)}});
}

}  // namespace amity::api
