// RFC 9457 problem details: the one error shape of the API.
#pragma once

#include <functional>
#include <string>

#include "base/problem.h"
#include "http/error.h"
#include "http/message.h"

namespace amity::http {

// Problems listed in one answer: a body of 80,000 unknown fields must not get a 5 MB answer.
inline constexpr size_t kMaxProblems = 100;

// Builds an application/problem+json response:
// {"type", "title", "status", "detail", "problems": [{"field", "code", "message"}]}.
// `detail` summarises the first problems so that a client printing only it is still told why.
// Only the first kMaxProblems are listed; "problems_omitted" then counts the rest.
Response ProblemResponse(int status, const std::string& title, const Problems& problems = {});

// The same for a thrown HttpError, including its extra headers (e.g. Allow).
Response ProblemResponse(const HttpError& error);

// Runs `handle` for `request` and maps what it throws: HttpError to its problem response,
// anything else to a bare 500 (no internal detail to the client) whose cause goes to stderr.
Response Guarded(const Request& request, const std::function<Response()>& handle);

// Writes one JSON line to stderr: the request's method and path, and what failed.
void LogFailure(const Request& request, const std::exception& error);

}  // namespace amity::http
