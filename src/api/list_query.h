// Turns list query parameters (?status=agreed,planned&due_date_from=…&sort=-due_date&limit=50)
// into a store::ListQuery for a resource, rejecting unknown parameters and bad values.
#pragma once

#include <functional>
#include <string_view>

#include "base/time.h"
#include "domain/resources.h"
#include "http/message.h"
#include "store/records.h"

namespace amity::api {

// Tells whether the caller may see record `id` referenced by `field`.
using SeesReference = std::function<bool(const domain::FieldSpec& field, std::string_view id)>;

// Throws HttpError 400 for an unknown parameter or a malformed value, naming the parameter.
// `today` is used by the commitments' `overdue=true` filter. A filter value naming a record
// that `sees` (when given) says the caller may not see matches nothing, as a missing id would.
store::ListQuery ParseListQuery(const domain::ResourceSpec& spec, const http::Pairs& query,
                                Date today, const SeesReference& sees = nullptr);

// Reads a whole number from `value` of parameter `name`; throws HttpError 400 naming the
// parameter when it is not one or lies outside [minimum, maximum].
int ParseBoundedInt(std::string_view name, std::string_view value, int minimum, int maximum);

// When `name` is "limit" (1–200) or "offset" (≥ 0), stores the value and returns true; returns
// false for any other parameter. Throws HttpError 400 for a bad value.
bool ParsePaging(std::string_view name, std::string_view value, int& limit, int& offset);

// Throws HttpError 400 "Invalid query parameter" with one problem on `parameter`.
[[noreturn]] void RejectParameter(std::string_view parameter, std::string code,
                                  std::string message);

// Throws the 400 for a parameter the route does not know.
[[noreturn]] void RejectUnknownParameter(std::string_view parameter);

}  // namespace amity::api
