// Building JSON answers and reading common request parts (If-Match, path ids).
#pragma once

#include <boost/json.hpp>
#include <string_view>

#include "domain/resources.h"
#include "http/message.h"

namespace amity::api {

// A JSON response with `status` and the serialized `body`.
http::Response JsonResponse(int status, const boost::json::value& body);

// The version named by If-Match ("3", "\"3\"" or W/"3"). Throws HttpError 428 when the header is
// absent and `required`, 400 when it is malformed. Returns -1 when absent and not required.
long long IfMatchVersion(const http::Request& request, bool required);

// Throws HttpError 412 when `expected` >= 0 and differs from the record's version.
void CheckVersion(const boost::json::object& record, long long expected);

// The request body as a JSON object; throws HttpError 400 "Malformed request body" (malformed
// JSON, invalid UTF-8, not an object).
boost::json::object ParseBody(const http::Request& request);

// Throws the 404 of a record of `singular` that does not exist (or that the caller may not see:
// the answers are identical).
[[noreturn]] void NotFound(std::string_view singular);

// An empty 204 answer.
http::Response NoContent();

// Appends `text` to `out` with & < > " ' written as HTML character references.
void AppendEscapedHtml(std::string_view text, std::string& out);

// Throws HttpError 404 naming the resource when `id` is not a UUID (so that it cannot exist).
void RequireUuid(std::string_view id, std::string_view singular);

}  // namespace amity::api
