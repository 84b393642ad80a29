#include "domain/health.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

Date Day(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

TEST(HealthTest, WholeMonthsCountCalendarMonths) {
  EXPECT_EQ(WholeMonths(Day(2026, 1, 31), Day(2026, 2, 28)), 0);
  EXPECT_EQ(WholeMonths(Day(2026, 1, 31), Day(2026, 3, 1)), 1);
  EXPECT_EQ(WholeMonths(Day(2026, 6, 7), Day(2026, 12, 7)), 6);
  EXPECT_EQ(WholeMonths(Day(2026, 6, 8), Day(2026, 12, 7)), 5);
  EXPECT_EQ(WholeMonths(Day(2026, 12, 7), Day(2026, 6, 7)), 0);
}

TEST(HealthTest, TheRuleInItsOrder) {
  const Date today = Day(2026, 12, 7);
  const HealthFacts base{
      .today = today, .last_contact = Day(2026, 11, 20), .created = Day(2025, 1, 1)};
  EXPECT_EQ(JudgeHealth(base).state, "active");
  EXPECT_EQ(JudgeHealth(base).reason, "recent_contact");

  HealthFacts quiet = base;
  quiet.last_contact = Day(2026, 9, 7);  // three months
  EXPECT_EQ(JudgeHealth(quiet).state, "quiet");
  EXPECT_EQ(JudgeHealth(quiet).months_without_contact, 3);

  HealthFacts dormant = base;
  dormant.last_contact = Day(2026, 6, 7);
  EXPECT_EQ(JudgeHealth(dormant).state, "dormant");
  EXPECT_EQ(JudgeHealth(dormant).reason, "no_contact");

  HealthFacts never = base;
  never.last_contact.reset();
  never.created = Day(2026, 1, 1);
  EXPECT_EQ(JudgeHealth(never).state, "dormant");
  EXPECT_EQ(JudgeHealth(never).reason, "never_contacted");
  never.created = Day(2026, 11, 1);  // registered lately: not yet silent
  EXPECT_EQ(JudgeHealth(never).state, "active");
  EXPECT_EQ(JudgeHealth(never).reason, "never_contacted");

  HealthFacts late = base;
  late.open = 6;
  late.overdue = 2;  // a third
  EXPECT_EQ(JudgeHealth(late).state, "at_risk");
  EXPECT_EQ(JudgeHealth(late).reason, "overdue");
  late.overdue = 1;
  EXPECT_EQ(JudgeHealth(late).state, "active");
  late.open = 2;
  late.overdue = 2;  // too few to judge
  EXPECT_EQ(JudgeHealth(late).state, "active");

  HealthFacts both = dormant;  // dormant outranks at risk, at risk outranks quiet
  both.open = 3;
  both.overdue = 3;
  EXPECT_EQ(JudgeHealth(both).state, "dormant");
  both.last_contact = Day(2026, 8, 1);
  EXPECT_EQ(JudgeHealth(both).state, "at_risk");
}

TEST(HealthTest, EachPartnershipMaySetItsMonths) {
  HealthFacts facts{
      .today = Day(2026, 12, 7), .last_contact = Day(2026, 10, 1), .created = Day(2025, 1, 1)};
  EXPECT_EQ(JudgeHealth(facts).state, "active");
  facts.quiet_months = 1;
  EXPECT_EQ(JudgeHealth(facts).state, "quiet");
  facts.dormant_months = 2;
  EXPECT_EQ(JudgeHealth(facts).state, "dormant");
  facts.quiet_months = 12;  // past the dormant threshold: taken as it
  facts.dormant_months = 12;
  EXPECT_EQ(JudgeHealth(facts).state, "active");
}

}  // namespace
}  // namespace amity::domain
