// Turns list query parameters (?status=agreed,planned&due_date_from=…&sort=-due_date&limit=50)
// into a store::ListQuery for a resource, rejecting unknown parameters and bad values.
#pragma once

#include "base/time.h"
#include "domain/resources.h"
#include "http/message.h"
#include "store/records.h"

namespace amity::api {

// Throws HttpError 400 for an unknown parameter or a malformed value, naming the parameter.
// `today` is used by the commitments' `overdue=true` filter.
store::ListQuery ParseListQuery(const domain::ResourceSpec& spec, const http::Pairs& query,
                                Date today);

// Reads `limit` (1–200, default 50) and `offset` (≥ 0) from `value` of parameter `name`.
int ParseBoundedInt(std::string_view name, std::string_view value, int minimum, int maximum);

}  // namespace amity::api
