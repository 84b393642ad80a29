// Read-only reference data: the areas.
#include <boost/json.hpp>

#include "api/handlers.h"
#include "api/list_query.h"
#include "api/responses.h"
#include "base/id.h"
#include "domain/areas.h"
#include "domain/resources.h"
#include "http/error.h"

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

}  // namespace amity::api
