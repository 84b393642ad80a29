// The export fair's results: per fair and per partnership, the exhibitors, the leads by status
// and the won deals summed per currency (never converted), counting what the caller may see.
#include "store/fair.h"

#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/responses.h"
#include "api/trade_results.h"
#include "domain/lead.h"

namespace amity::api {
namespace json = boost::json;

namespace {

json::object ResultsJson(const store::TradeResults& results, long long meetings) {
  json::object by_status;
  long long total = 0;
  for (std::string_view status : domain::kLeadStatuses) {
    const auto found = results.leads_by_status.find(std::string(status));
    const long long n = found == results.leads_by_status.end() ? 0 : found->second;
    by_status[status] = n;
    total += n;
  }
  json::array deals;
  for (const auto& [currency, hundredths] : domain::DealsByCurrency(results.won)) {
    long long count = 0;
    for (const domain::DealValue& deal : results.won) count += deal.currency == currency ? 1 : 0;
    deals.push_back(json::object{{"currency", currency},
                                 {"hundredths", hundredths},
                                 {"amount", domain::FormatAmount(hundredths)},
                                 {"count", count}});
  }
  return json::object{{"exhibitors", results.exhibitors},
                      {"meetings_scheduled", meetings},
                      {"leads", json::object{{"total", total}, {"by_status", by_status}}},
                      {"deals", deals}};
}

http::Response Results(Call& call, const domain::ResourceSpec& holder, bool by_partnership) {
  const json::object record = LoadLiveRecord(call, holder);
  return JsonResponse(200, CountedTradeResults(call, record.at("id").as_string(), by_partnership));
}

}  // namespace

json::object CountedTradeResults(Call& call, std::string_view id, bool by_partnership) {
  const auto exhibitors = VisibleCondition(call.principal, domain::Exhibitors());
  const auto leads = VisibleCondition(call.principal, domain::Leads());
  const store::TradeResults results = store::CountTradeResults(
      call.db, id, by_partnership, exhibitors ? &*exhibitors : nullptr, leads ? &*leads : nullptr);
  json::object body = ResultsJson(results, results.meetings);
  body[by_partnership ? "partnership_id" : "event_id"] = id;
  return body;
}

http::Response FairResults(Call& call) { return Results(call, domain::Events(), false); }

http::Response PartnershipTradeResults(Call& call) {
  return Results(call, domain::Partnerships(), true);
}

}  // namespace amity::api
