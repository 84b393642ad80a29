// Partnership health figures computed from commitment counts.
#pragma once

#include <optional>
#include <string_view>

#include "base/time.h"

namespace amity::domain {

// Follow-through: commitments done ÷ all commitments that have left "proposed" (done, dropped
// and every open status past proposed). nullopt when none has left proposed yet.
std::optional<double> FollowThrough(long done, long left_proposed);

// True when a commitment with this status and due date is late on `today`: it is still open
// and its due date is before today. A commitment without a due date is never overdue.
bool IsOverdue(std::string_view status, std::optional<Date> due, Date today);

}  // namespace amity::domain
