#include "http/problem.h"

#include <boost/json.hpp>

namespace amity::http {
namespace json = boost::json;

Response ProblemResponse(int status, const std::string& title, const Problems& problems) {
  json::array items;
  std::string detail;
  for (const Problem& problem : problems) {
    items.push_back(json::object{
        {"field", problem.field}, {"code", problem.code}, {"message", problem.message}});
    if (detail.size() < 300) {
      if (!detail.empty()) detail += "; ";
      detail += problem.field.empty() ? problem.message : problem.field + ": " + problem.message;
    }
  }
  json::object body{{"type", "about:blank"}, {"title", title}, {"status", status}};
  body["detail"] = detail.empty() ? title : detail;
  if (!items.empty()) body["problems"] = std::move(items);
  Response response;
  response.status = status;
  response.content_type = "application/problem+json";
  response.body = json::serialize(body);
  return response;
}

Response ProblemResponse(const HttpError& error) {
  Response response = ProblemResponse(error.status(), error.title(), error.problems());
  response.headers = error.headers();
  return response;
}

}  // namespace amity::http
