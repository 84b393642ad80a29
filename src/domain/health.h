// A partnership's health: is it alive? The rule, written down (and unit-tested):
//   dormant  no contact for `dormant_months` (default 6): the link is dying;
//   at_risk  at least 3 commitments open and a third or more of them overdue;
//   quiet    no contact for `quiet_months` (default 3);
//   active   otherwise.
// The first that holds wins, in that order. Contact is the latest meeting, event, progress note
// or status change on either side; a partnership with none counts from the day it was created.
// Each partnership may set its own months (`quiet_after_months`, `dormant_after_months`); a
// quiet threshold past the dormant one is taken as the dormant one. Pure.
#pragma once

#include <optional>
#include <string>

#include "base/time.h"

namespace amity::domain {

inline constexpr int kDefaultQuietMonths = 3;
inline constexpr int kDefaultDormantMonths = 6;

struct HealthFacts {
  Date today;
  std::optional<Date> last_contact;
  Date created;  // when the partnership was registered
  long long open = 0;
  long long overdue = 0;
  int quiet_months = kDefaultQuietMonths;
  int dormant_months = kDefaultDormantMonths;
};

struct Health {
  std::string state;               // active, quiet, dormant, at_risk
  std::string reason;              // no_contact, never_contacted, overdue, recent_contact
  int months_without_contact = 0;  // whole months since the last contact (or since created)
  long long overdue = 0;
  long long open = 0;
};

// Whole calendar months from `from` to `to` (0 when `to` is earlier): 2026-01-31 → 2026-02-28 is
// 0 months, → 2026-03-01 is 1.
int WholeMonths(Date from, Date to);

Health JudgeHealth(const HealthFacts& facts);

}  // namespace amity::domain
