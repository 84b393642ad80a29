// GET /api/v1/translations: what to translate or review, per language, newest first.
#include "store/translation_queue.h"

#include "api/handlers.h"
#include "api/list_query.h"
#include "api/responses.h"
#include "base/text.h"
#include "http/error.h"

namespace amity::api {
namespace json = boost::json;

http::Response TranslationQueue(Call& call) {
  store::TranslationQuery query;
  const auto reject = [](const std::string& name, const char* message) {
    throw http::HttpError(400, "Invalid query parameter", {{name, "invalid_value", message}});
  };
  for (const auto& [name, value] : call.request.query) {
    if (name == "lang") {
      if (!IsLanguage(value)) reject(name, "tr, zh or en");
      query.lang = value;
    } else if (name == "state") {
      if (value != "missing" && value != "unreviewed") reject(name, "missing or unreviewed");
      query.state = value;
    } else if (name == "kind") {
      if (!domain::FindResource(value)) reject(name, "not a kind of record");
      query.kind = value;
    } else if (name == "limit") {
      query.limit = ParseBoundedInt(name, value, 1, 200);
    } else if (name == "offset") {
      query.offset = ParseBoundedInt(name, value, 0, 100000000);
    } else {
      throw http::HttpError(400, "Invalid query parameter",
                            {{name, "unknown_parameter", "unknown query parameter"}});
    }
  }
  if (query.lang.empty()) {
    throw http::HttpError(
        400, "Invalid query parameter",
        {{"lang", "required", "name the language to translate into: tr, zh or en"}});
  }
  store::Page page = store::ListTranslationQueue(call.db, query);
  return JsonResponse(200, json::object{{"lang", query.lang},
                                        {"items", std::move(page.items)},
                                        {"total", page.total},
                                        {"limit", query.limit},
                                        {"offset", query.offset}});
}

}  // namespace amity::api
