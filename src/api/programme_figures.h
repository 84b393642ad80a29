// What a partnership's programmes brought, for its annual council report (issue 19): the student
// exchange of an academic year (issue 20) and the export fairs' trade results (issue 21). Each is
// read through the JSON route that serves it, so the report counts exactly what that route shows
// the caller (applications and allocations only for the home city's roles).
#pragma once

#include <boost/json.hpp>
#include <string_view>

#include "api/api.h"

namespace amity::api {

// {"academic_year", "agreements", "directions": [{"direction", "seats", "applications",
// "allocated", "accepted", "declined"}]}: the seats of the academic year that starts in `year`
// (e.g. 2027-2028 for 2027) summed over the partnership's approved agreements the caller sees,
// per direction; a figure the caller may not see is null.
boost::json::object ExchangeFigures(Call& call, std::string_view partnership_id, int year);

// The partnership's trade results as GET /api/v1/partnerships/{id}/trade-results answers them
// (exhibitors, meetings_scheduled, leads, deals per currency), without its id.
boost::json::object TradeFigures(Call& call, std::string_view partnership_id);

}  // namespace amity::api
