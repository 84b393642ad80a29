#include "domain/follow_through.h"

#include <gtest/gtest.h>

namespace amity::domain {
namespace {

TEST(FollowThroughTest, DoneOverAllThatLeftProposed) {
  EXPECT_FALSE(FollowThrough(0, 0).has_value());
  EXPECT_DOUBLE_EQ(*FollowThrough(1, 4), 0.25);
  EXPECT_DOUBLE_EQ(*FollowThrough(3, 3), 1.0);
  EXPECT_DOUBLE_EQ(*FollowThrough(0, 2), 0.0);
}

TEST(FollowThroughTest, OverdueOnlyWhenOpenAndPastDue) {
  const Date today = *ParseDate("2026-11-23");
  EXPECT_TRUE(IsOverdue("agreed", ParseDate("2026-11-22"), today));
  EXPECT_FALSE(IsOverdue("agreed", ParseDate("2026-11-23"), today));  // due today is not late
  EXPECT_FALSE(IsOverdue("done", ParseDate("2026-01-01"), today));
  EXPECT_FALSE(IsOverdue("dropped", ParseDate("2026-01-01"), today));
  EXPECT_FALSE(IsOverdue("proposed", std::nullopt, today));
}

}  // namespace
}  // namespace amity::domain
