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
  for (const auto& [name, value] : call.request.query) {
    if (name == "lang") {
      if (!IsLanguage(value)) RejectParameter(name, "invalid_enum", "tr, zh or en");
      query.lang = value;
    } else if (name == "state") {
      if (value != "missing" && value != "unreviewed")
        RejectParameter(name, "invalid_enum", "missing or unreviewed");
      query.state = value;
    } else if (name == "kind") {
      if (!domain::FindResource(value))
        RejectParameter(name, "invalid_enum", "not a kind of record");
      query.kind = value;
    } else if (!ParsePaging(name, value, query.limit, query.offset)) {
      RejectUnknownParameter(name);
    }
  }
  if (query.lang.empty()) {
    RejectParameter("lang", "required", "name the language to translate into: tr, zh or en");
  }
  store::Page page = store::ListTranslationQueue(call.db, query);
  return JsonResponse(200, json::object{{"lang", query.lang},
                                        {"items", std::move(page.items)},
                                        {"total", page.total},
                                        {"limit", query.limit},
                                        {"offset", query.offset}});
}

}  // namespace amity::api
