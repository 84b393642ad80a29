// The B2B scheduler against GLPK's integer program (tests/b2b/b2b_ilp.h) on random instances: the
// program's optimum equals the exhaustive search's where both run, its solution is a valid
// schedule, the scheduler never claims more than it nor an upper bound below it, and comes close.
#include "b2b/b2b_ilp.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "domain/allocation_testing.h"
#include "domain/b2b_schedule.h"
#include "domain/b2b_schedule_testing.h"

namespace amity::testing {
namespace {

using domain::B2bInput;
using domain::B2bSchedule;
using domain::testing::B2bShape;
using domain::testing::RandomB2bInstance;
using domain::testing::ScheduleViolations;

TEST(B2bIlpTest, EqualsTheExhaustiveOptimumOnSmallInstances) {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    domain::testing::Random shape_random(seed * 31);
    const B2bInput input = RandomB2bInstance({.exhibitors = 2 + shape_random.Below(3),
                                              .buyers = 2 + shape_random.Below(4),
                                              .requests = 3 + shape_random.Below(8),
                                              .slots_per_day = 2 + shape_random.Below(3),
                                              .tables = 1 + shape_random.Below(3),
                                              .max_priority = seed % 2 == 0 ? 4u : 1u},
                                             seed);
    const B2bIlpOutcome ilp = SolveB2bIlp(input, 60);
    ASSERT_EQ(ilp.status, B2bIlpOutcome::Status::kOptimal) << seed << " " << ilp.message;
    EXPECT_EQ(ilp.met_priority, domain::testing::OptimalMetPriority(input)) << seed;
    const B2bSchedule from_ilp = domain::testing::ScheduleFromSlots(input, ilp.slots);
    EXPECT_TRUE(ScheduleViolations(input, from_ilp).empty()) << seed;
  }
}

TEST(B2bIlpTest, SchedulerWithinTheOptimumAndItsBound) {
  std::uint64_t met = 0, optimum = 0;
  std::uint32_t instances = 0, optimal = 0;
  for (std::uint64_t seed = 1; seed <= 120; ++seed) {
    domain::testing::Random shape_random(seed * 131);
    const B2bShape shape{.exhibitors = 5 + shape_random.Below(20),
                         .buyers = 10 + shape_random.Below(40),
                         .requests = 20 + shape_random.Below(150),
                         .days = 1 + shape_random.Below(2),
                         .slots_per_day = 4 + shape_random.Below(12),
                         .tables = 1 + shape_random.Below(8),
                         .max_priority = seed % 3 == 0 ? 5u : 1u,
                         .popularity_skew = 2 + shape_random.Below(8),
                         .fair_pattern = seed % 2 == 0,
                         .available_percent = 40 + shape_random.Below(61)};
    const B2bInput input = RandomB2bInstance(shape, seed);
    const B2bIlpOutcome ilp = SolveB2bIlp(input, 60);
    ASSERT_EQ(ilp.status, B2bIlpOutcome::Status::kOptimal) << seed << " " << ilp.message;
    const B2bSchedule schedule = domain::ScheduleB2bMeetings(input);
    ASSERT_TRUE(ScheduleViolations(input, schedule).empty()) << seed;
    EXPECT_LE(schedule.met_priority, ilp.met_priority) << seed;
    EXPECT_GE(schedule.upper_bound, ilp.met_priority) << seed;
    EXPECT_GE(ilp.lp_bound + 1e-6, static_cast<double>(ilp.met_priority)) << seed;
    ++instances;
    optimal += schedule.met_priority == ilp.met_priority;
    met += schedule.met_priority;
    optimum += ilp.met_priority;
  }
  std::printf("scheduler optimal on %u of %u instances; %llu of %llu priority met\n", optimal,
              instances, static_cast<unsigned long long>(met),
              static_cast<unsigned long long>(optimum));
  EXPECT_GE(met * 100, optimum * 98);
}

}  // namespace
}  // namespace amity::testing
