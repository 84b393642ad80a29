// Deferred acceptance against an independent solver: GLPK's integer program of stable
// allocations minimising the sum of ranks (allocation_ilp.h) must find exactly Allocate's
// allocation, on random instances with and without re-run floors.
#include "allocation/allocation_ilp.h"

#include <gtest/gtest.h>

#include "domain/allocation.h"
#include "domain/allocation_testing.h"

namespace amity::testing {
namespace {

using domain::Allocate;
using domain::AllocationInput;
using domain::testing::Assignment;
using domain::testing::InstanceShape;
using domain::testing::RandomInstance;
using domain::testing::RankOf;

void ExpectSame(const AllocationInput& input, std::uint64_t seed) {
  const auto deferred = Assignment(Allocate(input));
  const IlpOutcome ilp = SolveStableAllocationIlp(input, 60);
  ASSERT_EQ(ilp.status, IlpOutcome::Status::kOptimal) << "seed " << seed << ": " << ilp.message;
  std::uint64_t sum = 0;
  for (std::uint32_t a = 0; a < input.applicants.size(); ++a) sum += RankOf(input, a, deferred[a]);
  ASSERT_EQ(ilp.sum_of_ranks, sum) << "seed " << seed;
  ASSERT_EQ(ilp.assignment, deferred) << "seed " << seed;
}

TEST(AllocationIlpTest, SameAllocationOnRandomInstances) {
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    domain::testing::Random shape_random(seed * 31);
    const InstanceShape shape{.applicants = 2 + shape_random.Below(40),
                              .conditions = 1 + shape_random.Below(10),
                              .max_choices = 1 + shape_random.Below(5),
                              .max_seats = shape_random.Below(5),
                              .score_levels = 1 + shape_random.Below(10),
                              .independent_scores = shape_random.Below(2) == 0};
    ExpectSame(RandomInstance(shape, seed), seed);
  }
}

TEST(AllocationIlpTest, SameAllocationOnLargerInstances) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    ExpectSame(RandomInstance({.applicants = 500,
                               .conditions = 60,
                               .max_choices = 6,
                               .max_seats = 6,
                               .languages = 3,
                               .score_levels = 30,
                               .popularity_skew = 10},
                              seed),
               seed);
  }
}

TEST(AllocationIlpTest, SameAllocationOnRerunsWithFloors) {
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    const AllocationInput input = RandomInstance({.applicants = 30,
                                                  .conditions = 6,
                                                  .max_choices = 4,
                                                  .max_seats = 4,
                                                  .score_levels = 8,
                                                  .independent_scores = true},
                                                 seed);
    std::vector<std::uint32_t> withdrawn;
    for (std::uint32_t a = 0; a < input.applicants.size(); a += 4) withdrawn.push_back(a);
    AllocationInput rerun = domain::RerunInput(input, Allocate(input), withdrawn);
    // A late applicant ahead of everyone: floors make the priorities differ from the scores'.
    rerun.applicants.push_back(
        {.id = "late", .choices = {{0, 10'000'000}, {1, 10'000'000}}, .floor = {}});
    ExpectSame(rerun, seed);
  }
}

}  // namespace
}  // namespace amity::testing
