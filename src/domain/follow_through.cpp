#include "domain/follow_through.h"

#include "domain/commitment_status.h"

namespace amity::domain {

std::optional<double> FollowThrough(long done, long left_proposed) {
  if (left_proposed <= 0) return std::nullopt;
  return static_cast<double>(done) / static_cast<double>(left_proposed);
}

bool IsOverdue(std::string_view status, std::optional<Date> due, Date today) {
  return due.has_value() && IsOpenStatus(status) && *due < today;
}

}  // namespace amity::domain
