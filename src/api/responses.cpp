#include "api/responses.h"

#include <charconv>

#include "api/validation.h"
#include "base/id.h"
#include "base/time.h"
#include "http/error.h"

namespace amity::api {
namespace json = boost::json;

http::Response JsonResponse(int status, const json::value& body) {
  http::Response response;
  response.status = status;
  response.body = json::serialize(body);
  return response;
}

long long IfMatchVersion(const http::Request& request, bool required) {
  const auto header = request.Header("If-Match");
  if (!header) {
    if (!required) return -1;
    throw http::HttpError(428, "Precondition required",
                          {{"If-Match", "required",
                            "send If-Match with the version you edited, e.g. If-Match: \"3\""}});
  }
  std::string_view text = *header;
  if (text.starts_with("W/")) text.remove_prefix(2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  long long version = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc() || end != text.data() + text.size() || version < 1) {
    throw http::HttpError(400, "Malformed If-Match",
                          {{"If-Match", "invalid_version", "expected a version such as \"3\""}});
  }
  return version;
}

void CheckVersion(const json::object& record, long long expected) {
  const long long current = record.at("version").as_int64();
  if (expected >= 0 && expected != current) {
    throw http::HttpError(
        412, "The record was changed by someone else",
        {{"If-Match", "stale_version",
          "you edited version " + std::to_string(expected) + " but the record is now at version " +
              std::to_string(current) + "; reload it and apply your change again"}},
        {{"ETag", "\"" + std::to_string(current) + "\""}});
  }
}

json::object ParseBody(const http::Request& request) {
  json::object body;
  if (Problems problems = ParseObject(request.body, body); !problems.empty()) {
    throw http::HttpError(400, "Malformed request body", problems);
  }
  return body;
}

void NotFound(std::string_view singular) {
  throw http::HttpError(404, "Not found",
                        {{"id", "not_found", "no " + std::string(singular) + " with this id"}});
}

http::Response NoContent() {
  http::Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

void RequireUuid(std::string_view id, std::string_view singular) {
  if (!IsUuid(id)) NotFound(singular);
}

void AppendEscapedHtml(std::string_view text, std::string& out) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
}

}  // namespace amity::api
