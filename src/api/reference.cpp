// Read-only reference data and the audit trail: areas and changes.
#include <boost/json.hpp>

#include "api/handlers.h"
#include "api/list_query.h"
#include "api/responses.h"
#include "base/id.h"
#include "domain/areas.h"
#include "domain/resources.h"
#include "http/error.h"
#include "store/changes.h"

namespace amity::api {
namespace json = boost::json;

namespace {

json::object AreaJson(const domain::Area& area) {
  return {{"code", area.code},
          {"name", {{"original", "en"}, {"tr", area.tr}, {"zh", area.zh}, {"en", area.en}}}};
}

}  // namespace

http::Response ListAreas(Call& call) {
  json::array items;
  for (const domain::Area& area : domain::AllAreas()) items.push_back(AreaJson(area));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response GetArea(Call& call) {
  const domain::Area* area = domain::FindArea(call.Param("code"));
  if (area == nullptr) {
    throw http::HttpError(404, "Not found", {{"code", "not_found", "no area with this code"}});
  }
  return JsonResponse(200, AreaJson(*area));
}

http::Response ListChangesHandler(Call& call) {
  store::ChangeQuery query;
  for (const auto& [name, value] : call.request.query) {
    if (name == "entity") {
      if (!domain::FindResource(value)) {
        RejectParameter(name, "invalid_enum", "not a resource name");
      }
      query.entity = value;
    } else if (name == "record_id") {
      if (!IsUuid(value)) {
        RejectParameter(name, "invalid_id", "expected a UUID");
      }
      query.record_id = value;
    } else if (!ParsePaging(name, value, query.limit, query.offset)) {
      RejectUnknownParameter(name);
    }
  }
  store::Page page = store::ListChanges(call.db, query);
  return JsonResponse(200, json::object{{"items", std::move(page.items)},
                                        {"total", page.total},
                                        {"limit", query.limit},
                                        {"offset", query.offset}});
}

}  // namespace amity::api
