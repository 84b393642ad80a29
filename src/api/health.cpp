// Every partnership's health in one light list, for the register (the dashboard carries the same
// object beside its heavier figures): GET /api/v1/partnership-health.
#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/responses.h"
#include "store/read_models.h"
#include "store/records.h"

namespace amity::api {
namespace json = boost::json;

http::Response PartnershipHealthList(Call& call) {
  CheckQuery(call.route.query, call.request.query);
  store::ListQuery query{.sort_column = "created_at", .descending = false, .limit = 50};
  for (const auto& [name, value] : call.request.query) {
    ParsePaging(name, value, query.limit, query.offset);
  }
  if (auto visible = VisibleCondition(call.principal, domain::Partnerships())) {
    query.conditions.push_back(std::move(*visible));
  }
  const auto visible_rows = VisibleCondition(call.principal, domain::Commitments());
  const store::Condition* visible = visible_rows ? &*visible_rows : nullptr;
  const Date today = DateOf(call.now);
  store::Page page = store::ListRecords(call.db, domain::Partnerships(), query);
  std::string body = "{\"items\":[";
  for (size_t i = 0; i < page.items.size(); ++i) {
    const json::object& partnership = page.items[i].as_object();
    const std::string id(partnership.at("id").as_string());
    if (i > 0) body.push_back(',');
    body += "{\"partnership_id\":";
    body += json::serialize(json::string(id));
    body += ",\"health\":";
    body += store::PartnershipHealth(call.db, partnership,
                                     store::CountCommitments(call.db, id, today, visible), today,
                                     call.now, visible);
    body.push_back('}');
  }
  body += "],\"total\":";
  body += page.info.total ? std::to_string(*page.info.total) : "null";
  body +=
      ",\"limit\":" + std::to_string(query.limit) + ",\"offset\":" + std::to_string(query.offset);
  body.push_back('}');
  http::Response response;
  response.body = std::move(body);
  return response;
}

}  // namespace amity::api
