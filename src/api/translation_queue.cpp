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
  CheckQuery(call.route.query, call.request.query);
  store::TranslationQuery query;
  for (const auto& [name, value] : call.request.query) {
    if (name == "lang") {
      query.lang = value;
    } else if (name == "state") {
      query.state = value;
    } else if (name == "kind") {
      query.kind = value;
    } else {
      ParsePaging(name, value, query.limit, query.offset);
    }
  }
  store::Page page = store::ListTranslationQueue(call.db, query);
  return JsonResponse(200, json::object{{"lang", query.lang},
                                        {"items", std::move(page.items)},
                                        {"total", page.info.total.value_or(0)},
                                        {"limit", query.limit},
                                        {"offset", query.offset}});
}

}  // namespace amity::api
