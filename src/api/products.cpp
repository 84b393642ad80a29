// The trade catalogue's reference data: the HS chapters with the headings Amity names
// (GET /api/v1/hs-chapters) and one code's chapter and heading (GET /api/v1/hs-codes/{code}), in
// Turkish, Chinese and English. Products themselves go through the generic record path.
#include <boost/json.hpp>

#include "api/handlers.h"
#include "api/responses.h"
#include "domain/hs_code.h"
#include "http/error.h"

namespace amity::api {
namespace json = boost::json;

namespace {

json::object NameJson(const domain::HsName& name) {
  return {{"tr", name.tr}, {"zh", name.zh}, {"en", name.en}};
}

json::object HeadingJson(const domain::HsHeading& heading) {
  return {{"code", heading.code}, {"name", NameJson(heading.name)}};
}

}  // namespace

http::Response ListHsChapters(Call& call) {
  json::array items;
  for (const domain::HsChapter& chapter : domain::HsChapters()) {
    json::array headings;
    for (const domain::HsHeading& heading : domain::HsHeadings()) {
      if (heading.code.substr(0, 2) == chapter.code) headings.push_back(HeadingJson(heading));
    }
    items.push_back({{"code", chapter.code},
                     {"reserved", chapter.reserved},
                     {"name", NameJson(chapter.name)},
                     {"headings", std::move(headings)}});
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response GetHsCode(Call& call) {
  const auto code = domain::NormalizeTariffCode(call.Param("code"), domain::kHsDigits);
  if (!code) {
    throw http::HttpError(400, "Bad request",
                          {{"code", "invalid_hs_code", "expected 6 digits, e.g. 0804.20"}});
  }
  const domain::HsChapter* chapter = domain::FindHsChapter(*code);
  if (chapter == nullptr) {
    throw http::HttpError(404, "Not found",
                          {{"code", "unknown_chapter", "no HS chapter " + code->substr(0, 2)}});
  }
  const domain::HsHeading* heading = domain::FindHsHeading(*code);
  return JsonResponse(
      200, json::object{{"code", *code},
                        {"chapter", {{"code", chapter->code}, {"name", NameJson(chapter->name)}}},
                        {"heading", heading ? json::value(HeadingJson(*heading)) : nullptr}});
}

}  // namespace amity::api
