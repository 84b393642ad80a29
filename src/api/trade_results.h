// The export fair's trade results (api/fair.cpp) as one JSON object, for the routes of one fair or
// partnership and for the dashboard's trade section (api/trade_overview.cpp).
#pragma once

#include <boost/json.hpp>
#include <string_view>

#include "api/api.h"

namespace amity::api {

// {"event_id" | "partnership_id", "exhibitors", "meetings_scheduled", "leads": {"total",
// "by_status"}, "deals": [{"currency", "hundredths", "amount", "count"}]} of fair `id`
// (`by_partnership` false) or partnership `id`, counting the exhibitors and leads the caller may
// see. The caller has checked that it may see the holder itself.
boost::json::object CountedTradeResults(Call& call, std::string_view id, bool by_partnership);

}  // namespace amity::api
