#include "domain/health.h"

#include <algorithm>

namespace amity::domain {

int WholeMonths(Date from, Date to) {
  if (to <= from) return 0;
  const std::chrono::year_month_day a{from}, b{to};
  int months = (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
               (static_cast<int>(static_cast<unsigned>(b.month())) -
                static_cast<int>(static_cast<unsigned>(a.month())));
  if (static_cast<unsigned>(b.day()) < static_cast<unsigned>(a.day())) --months;
  return std::max(months, 0);
}

Health JudgeHealth(const HealthFacts& facts) {
  const int dormant = std::max(1, facts.dormant_months);
  const int quiet = std::clamp(facts.quiet_months, 1, dormant);
  Health health{.overdue = facts.overdue, .open = facts.open};
  health.months_without_contact =
      WholeMonths(facts.last_contact.value_or(facts.created), facts.today);
  const std::string silence = facts.last_contact ? "no_contact" : "never_contacted";
  if (health.months_without_contact >= dormant) {
    health.state = "dormant";
    health.reason = silence;
  } else if (facts.open >= 3 && facts.overdue * 3 >= facts.open) {
    health.state = "at_risk";
    health.reason = "overdue";
  } else if (health.months_without_contact >= quiet) {
    health.state = "quiet";
    health.reason = silence;
  } else {
    health.state = "active";
    health.reason = facts.last_contact ? "recent_contact" : "never_contacted";
  }
  return health;
}

}  // namespace amity::domain
