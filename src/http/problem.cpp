#include "http/problem.h"

#include <boost/json.hpp>
#include <cstdio>

#include "base/text.h"

namespace amity::http {
namespace json = boost::json;

Response ProblemResponse(int status, const std::string& title, const Problems& problems) {
  json::array items;
  std::string detail;
  for (const Problem& problem : problems) {
    if (items.size() == kMaxProblems) break;
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
  if (problems.size() > kMaxProblems) body["problems_omitted"] = problems.size() - kMaxProblems;
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

Response Guarded(const Request& request, const std::function<Response()>& handle) {
  try {
    return handle();
  } catch (const HttpError& error) {
    return ProblemResponse(error);
  } catch (const std::exception& error) {
    LogFailure(request, error);
    return ProblemResponse(500, "Internal server error");
  }
}

void LogFailure(const Request& request, const std::exception& error) {
  std::string line = "{\"level\":\"error\",\"id\":";
  AppendJsonString(line, request.id);
  line += ",\"method\":";
  AppendJsonString(line, request.method);
  line += ",\"path\":";
  AppendJsonString(line, request.path);
  line += ",\"error\":";
  AppendJsonString(line, error.what());
  line += "}\n";
  std::fputs(line.c_str(), stderr);
}

}  // namespace amity::http
