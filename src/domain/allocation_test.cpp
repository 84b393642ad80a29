#include "domain/allocation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "domain/allocation_testing.h"

namespace amity::domain {
namespace {

using testing::AllStableAllocations;
using testing::Assignment;
using testing::InstanceShape;
using testing::RandomInstance;
using testing::RankOf;
using testing::StabilityViolations;

Score Points(double points) { return static_cast<Score>(points * kScoreUnit + 0.5); }

// ---- Scores ----

TEST(ScoreTest, ParsesAndFormatsExactly) {
  EXPECT_EQ(ParseScore("86.75"), 867500);
  EXPECT_EQ(ParseScore("3.5"), 35000);
  EXPECT_EQ(ParseScore("-10"), -100000);
  EXPECT_EQ(ParseScore("0.0001"), 1);
  EXPECT_EQ(ParseScore("100"), 1000000);
  for (const char* bad : {"", "-", ".5", "5.", "1e3", "+1", " 1", "1 ", "0.00001", "1,5", "--1"}) {
    EXPECT_EQ(ParseScore(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(FormatScore(867500), "86.75");
  EXPECT_EQ(FormatScore(40000), "4.00");
  EXPECT_EQ(FormatScore(866667), "86.6667");
  EXPECT_EQ(FormatScore(-100000), "-10.00");
  EXPECT_EQ(FormatScore(1), "0.0001");
  for (Score score : {Score{0}, Score{1}, Score{-1}, Score{846250}, kMaxScore, kMinScore}) {
    EXPECT_EQ(ParseScore(FormatScore(score)), score) << score;
  }
}

TEST(ScoreTest, TurkishRuleHalfAcademicHalfLanguage) {
  const ScoreFormula turkish;
  EXPECT_TRUE(CheckScoreFormula(turkish).empty());
  // 3.47 on 4.00 counts 86.75 (×25); 82.5 on 100 counts as it is: 43.375 + 41.25.
  EXPECT_EQ(ComputeScore(turkish, {347 * 100, 4 * kScoreUnit}, {825000, 100 * kScoreUnit}), 846250);
  // Both on 100 points; a 4.00 average and full marks make 100.
  EXPECT_EQ(ComputeScore(turkish, {Points(72.4), 100 * kScoreUnit}, {Points(60), 100 * kScoreUnit}),
            Points(66.2));
  EXPECT_EQ(ComputeScore(turkish, {4 * kScoreUnit, 4 * kScoreUnit}, {Points(100), Points(100)}),
            Points(100));
  // An adjustment of the call's rules (−10 for an earlier exchange) is added after rounding.
  EXPECT_EQ(ComputeScore(turkish, {3 * kScoreUnit, 4 * kScoreUnit}, {Points(80), Points(100)},
                         -10 * kScoreUnit),
            Points(67.5));
}

TEST(ScoreTest, RoundsHalfUpOnceAtTheEnd) {
  // 0.0001 on a 100-point scale at 50% is 0.00005 points: half a unit, rounded up.
  const ScoreFormula turkish;
  EXPECT_EQ(ComputeScore(turkish, {1, 100 * kScoreUnit}, {0, 100 * kScoreUnit}), 1);
  // Thirds: 2.00 of 3.00 at 50% is 33.33333…, plus 1 of 3 at 50% is 16.66666…: exactly 50 when
  // rounded once, 49.9999 or 50.0001 if each term were rounded on its own.
  ScoreFormula thirds{.scales = {3 * kScoreUnit}};
  EXPECT_EQ(
      ComputeScore(thirds, {2 * kScoreUnit, 3 * kScoreUnit}, {1 * kScoreUnit, 3 * kScoreUnit}),
      Points(50));
  // 70/30: 3.00 of 4.00 → 75 × 0.7 = 52.5; 90 × 0.3 = 27.
  ScoreFormula weighted{.academic_weight = 70 * kScoreUnit, .language_weight = 30 * kScoreUnit};
  EXPECT_EQ(ComputeScore(weighted, {3 * kScoreUnit, 4 * kScoreUnit}, {Points(90), Points(100)}),
            Points(79.5));
}

TEST(ScoreTest, ProblemsNameTheField) {
  const ScoreFormula turkish;
  auto codes = [](const Problems& problems) {
    std::vector<std::string> out;
    for (const Problem& problem : problems) out.push_back(problem.field + " " + problem.code);
    return out;
  };
  EXPECT_EQ(codes(CheckScaledValue(turkish, {41000, 4 * kScoreUnit}, "academic")),
            std::vector<std::string>{"academic.value off_scale"});
  EXPECT_EQ(codes(CheckScaledValue(turkish, {-1, 4 * kScoreUnit}, "academic")),
            std::vector<std::string>{"academic.value off_scale"});
  EXPECT_EQ(codes(CheckScaledValue(turkish, {30000, 5 * kScoreUnit}, "academic")),
            std::vector<std::string>{"academic.scale scale_not_accepted"});
  EXPECT_TRUE(CheckScaledValue(turkish, {4 * kScoreUnit, 4 * kScoreUnit}, "academic").empty());
  EXPECT_EQ(codes(CheckScoreFormula({.academic_weight = 60 * kScoreUnit})),
            std::vector<std::string>{"language_weight weights_not_100"});
  EXPECT_EQ(
      codes(CheckScoreFormula(
          {.academic_weight = -kScoreUnit, .language_weight = 101 * kScoreUnit, .scales = {0}})),
      (std::vector<std::string>{"academic_weight out_of_range", "scales[0] out_of_range"}));
  EXPECT_THROW(ComputeScore(turkish, {41000, 4 * kScoreUnit}, {0, 100 * kScoreUnit}),
               std::invalid_argument);
}

// ---- The lottery ----

TEST(LotteryTest, IsSplitMix64OfSeedXorFnv1a) {
  // SplitMix64 started at 0 first returns 0xE220A8397B1DCDAF (Vigna's reference); FNV-1a-64 of ""
  // is its offset basis and of "a" 0xAF63DC4C8601EC8C, so these seeds cancel them.
  EXPECT_EQ(LotteryNumber(0xCBF29CE484222325ULL, ""), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(LotteryNumber(0xAF63DC4C8601EC8CULL, "a"), 0xE220A8397B1DCDAFULL);
  EXPECT_NE(LotteryNumber(1, "a"), LotteryNumber(2, "a"));
  EXPECT_NE(LotteryNumber(1, "a"), LotteryNumber(1, "b"));
}

// ---- A worked example ----

// Two conditions of one seat each; three applicants tied on score for c0.
AllocationInput Example() {
  AllocationInput input;
  input.seed = 2027;
  input.conditions = {{.id = "ege-ceng", .seats = 1}, {.id = "hit-cs", .seats = 1}};
  input.applicants = {
      {.id = "ayse", .choices = {{0, Points(80)}, {1, Points(80)}}, .floor = {}},
      {.id = "mehmet", .choices = {{0, Points(80)}, {1, Points(70)}}, .floor = {}},
      {.id = "zeynep", .choices = {{1, Points(90)}}, .floor = {}},
  };
  return input;
}

TEST(AllocateTest, WorkedExampleWithExplanations) {
  const AllocationInput input = Example();
  const AllocationResult result = Allocate(input);
  // ayse and mehmet tie on c0: the lower lottery number takes it.
  const bool ayse_first = LotteryNumber(2027, "ayse") < LotteryNumber(2027, "mehmet");
  const std::uint32_t winner = ayse_first ? 0 : 1;
  const std::uint32_t loser = ayse_first ? 1 : 0;
  EXPECT_EQ(result.applicants[winner].condition, 0u);
  EXPECT_EQ(result.applicants[winner].rank, 1u);
  // c1 goes to zeynep (90 beats 80 and 70): the loser is not placed.
  EXPECT_EQ(result.applicants[2].condition, 1u);
  EXPECT_EQ(result.applicants[loser].condition, kNotPlaced);
  EXPECT_EQ(result.applicants[loser].rank, 0u);
  ASSERT_TRUE(result.conditions[0].cutoff);
  EXPECT_EQ(result.conditions[0].cutoff->score, Points(80));
  EXPECT_EQ(result.conditions[1].cutoff->score, Points(90));

  const std::vector<ChoiceExplanation> why = ExplainPlacement(input, result, loser);
  ASSERT_EQ(why.size(), 2u);
  EXPECT_EQ(why[0].rank, 1u);
  EXPECT_EQ(why[0].reason, Refusal::kOutranked);
  EXPECT_EQ(why[0].cutoff_score, Points(80));
  EXPECT_EQ(why[0].own_score, Points(80));
  EXPECT_TRUE(why[0].decided_by_lottery);
  EXPECT_EQ(why[1].cutoff_score, Points(90));
  EXPECT_FALSE(why[1].decided_by_lottery);
  EXPECT_TRUE(ExplainPlacement(input, result, winner).empty());
  EXPECT_THROW(ExplainPlacement(input, result, 3), std::out_of_range);
}

TEST(AllocateTest, FreeSeatsHaveNoCutoffAndZeroSeatsAdmitNobody) {
  AllocationInput input;
  input.conditions = {{.id = "a", .seats = 3}, {.id = "none", .seats = 0}};
  input.applicants = {{.id = "x", .choices = {{1, Points(99)}, {0, Points(10)}}, .floor = {}}};
  const AllocationResult result = Allocate(input);
  EXPECT_EQ(result.applicants[0].condition, 0u);
  EXPECT_EQ(result.applicants[0].rank, 2u);
  EXPECT_EQ(result.conditions[0].admitted, 1u);
  EXPECT_FALSE(result.conditions[0].cutoff);
  EXPECT_FALSE(result.conditions[1].cutoff);
  const auto why = ExplainPlacement(input, result, 0);
  ASSERT_EQ(why.size(), 1u);
  EXPECT_EQ(why[0].reason, Refusal::kNoSeats);
}

TEST(AllocateTest, ProblemsOfTheInput) {
  AllocationInput input;
  input.conditions = {{.id = "c", .seats = 1}, {.id = "c", .seats = kMaxSeats + 1}, {.id = ""}};
  input.applicants = {
      {.id = "a", .choices = {{0, 0}, {0, 0}, {7, 0}, {1, kMaxScore + 1}}, .floor = 2},
      {.id = "a", .choices = {}, .floor = {}},
      {.id = "", .choices = {}, .floor = {}},
  };
  std::vector<std::string> fields;
  for (const Problem& problem : CheckAllocationInput(input)) {
    fields.push_back(problem.field + " " + problem.code);
  }
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{
                        "applicants[0].choices[1].condition duplicate",
                        "applicants[0].choices[2].condition unknown",
                        "applicants[0].choices[3].score out_of_range",
                        "applicants[0].floor not_a_choice",
                        "applicants[1].id duplicate",
                        "applicants[2].id required",
                        "conditions[1].id duplicate",
                        "conditions[1].seats too_large",
                        "conditions[2].id required",
                    }));
  EXPECT_THROW(Allocate(input), std::invalid_argument);
  EXPECT_TRUE(CheckAllocationInput(Example()).empty());
}

// ---- Properties on random instances ----

TEST(AllocateTest, StableAndWithinSeatsOnThousandsOfRandomInstances) {
  int instances = 0;
  for (std::uint64_t seed = 1; seed <= 3000; ++seed) {
    testing::Random shape_random(seed);
    InstanceShape shape{.applicants = 1 + shape_random.Below(60),
                        .conditions = 1 + shape_random.Below(15),
                        .max_choices = 1 + shape_random.Below(6),
                        .max_seats = shape_random.Below(5),
                        .languages = 1 + shape_random.Below(3),
                        .score_levels = 1 + shape_random.Below(8),
                        .popularity_skew = shape_random.Below(4)};
    const AllocationInput input = RandomInstance(shape, seed);
    ASSERT_TRUE(CheckAllocationInput(input).empty());
    const AllocationResult result = Allocate(input);
    const auto violations = StabilityViolations(input, Assignment(result));
    ASSERT_TRUE(violations.empty()) << "seed " << seed << ": " << violations.front();
    // The counts, ranks and cut-offs agree with the placements, and every explanation is true.
    std::vector<std::uint32_t> admitted(input.conditions.size(), 0);
    for (std::uint32_t a = 0; a < input.applicants.size(); ++a) {
      const Placement& placement = result.applicants[a];
      if (placement.condition != kNotPlaced) {
        ++admitted[placement.condition];
        ASSERT_EQ(placement.rank, RankOf(input, a, placement.condition));
      }
      for (const ChoiceExplanation& why : ExplainPlacement(input, result, a)) {
        if (why.reason == Refusal::kOutranked) {
          ASSERT_GE(why.cutoff_score, why.own_score) << "seed " << seed;
          ASSERT_EQ(why.decided_by_lottery, why.cutoff_score == why.own_score);
        } else {
          ASSERT_EQ(why.reason, Refusal::kNoSeats);
          ASSERT_EQ(input.conditions[why.condition].seats, 0u);
        }
      }
    }
    for (std::size_t c = 0; c < input.conditions.size(); ++c) {
      ASSERT_EQ(result.conditions[c].admitted, admitted[c]);
      ASSERT_EQ(result.conditions[c].cutoff.has_value(),
                admitted[c] == input.conditions[c].seats && admitted[c] > 0);
    }
    ++instances;
  }
  EXPECT_EQ(instances, 3000);
}

TEST(AllocateTest, EqualsTheStudentOptimalOfAllStableAllocations) {
  int with_several = 0;
  for (std::uint64_t seed = 1; seed <= 1500; ++seed) {
    testing::Random shape_random(seed * 7919);
    InstanceShape shape{.applicants = 2 + shape_random.Below(5),
                        .conditions = 2 + shape_random.Below(3),
                        .max_choices = 3,
                        .exact_choices = shape_random.Below(2) == 0,
                        .max_seats = 1 + shape_random.Below(2),
                        .min_seats = 1,
                        .score_levels = 20,
                        .independent_scores = true};
    const AllocationInput input = RandomInstance(shape, seed);
    const auto stable = AllStableAllocations(input);
    const auto deferred = Assignment(Allocate(input));
    ASSERT_NE(std::find(stable.begin(), stable.end(), deferred), stable.end()) << "seed " << seed;
    // Every applicant does at least as well as in any stable allocation.
    for (const auto& other : stable) {
      for (std::uint32_t a = 0; a < input.applicants.size(); ++a) {
        ASSERT_LE(RankOf(input, a, deferred[a]), RankOf(input, a, other[a])) << "seed " << seed;
      }
    }
    if (stable.size() > 1) ++with_several;
  }
  // The check means something only where there was a choice between stable allocations.
  EXPECT_GT(with_several, 30);
}

TEST(AllocateTest, NobodyGainsBySwappingTwoChoices) {
  int probes = 0;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    const AllocationInput input = RandomInstance({.applicants = 25,
                                                  .conditions = 8,
                                                  .max_choices = 5,
                                                  .max_seats = 3,
                                                  .languages = 2,
                                                  .score_levels = 6},
                                                 seed);
    const auto truthful = Assignment(Allocate(input));
    testing::Random random(seed);
    const std::uint32_t a = random.Below(static_cast<std::uint32_t>(input.applicants.size()));
    const std::size_t length = input.applicants[a].choices.size();
    for (std::size_t i = 0; i < length; ++i) {
      for (std::size_t j = i + 1; j < length; ++j) {
        AllocationInput lie = input;
        std::swap(lie.applicants[a].choices[i], lie.applicants[a].choices[j]);
        const std::uint32_t got = Allocate(lie).applicants[a].condition;
        // Ranked by the applicant's true list, the lie's outcome is never better.
        ASSERT_GE(RankOf(input, a, got), RankOf(input, a, truthful[a])) << "seed " << seed;
        ++probes;
      }
      // Nor by leaving a choice out.
      AllocationInput shorter = input;
      shorter.applicants[a].choices.erase(shorter.applicants[a].choices.begin() +
                                          static_cast<std::ptrdiff_t>(i));
      ASSERT_GE(RankOf(input, a, Allocate(shorter).applicants[a].condition),
                RankOf(input, a, truthful[a]));
    }
  }
  EXPECT_GT(probes, 1000);
}

// ---- Determinism ----

TEST(AllocateTest, SameInputSameBytesWhateverTheOrder) {
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const AllocationInput input = RandomInstance(
        {.applicants = 200, .conditions = 30, .max_choices = 5, .max_seats = 6, .score_levels = 3},
        seed);
    const std::string bytes = CanonicalAllocationResult(input, Allocate(input));
    EXPECT_EQ(CanonicalAllocationResult(input, Allocate(input)), bytes);
    // Applicants and conditions reversed (choices re-pointed): same canonical input and result.
    AllocationInput reversed = input;
    std::reverse(reversed.applicants.begin(), reversed.applicants.end());
    std::reverse(reversed.conditions.begin(), reversed.conditions.end());
    const std::uint32_t m = static_cast<std::uint32_t>(input.conditions.size());
    for (AllocationApplicant& applicant : reversed.applicants) {
      for (AllocationChoice& choice : applicant.choices)
        choice.condition = m - 1 - choice.condition;
    }
    EXPECT_EQ(CanonicalAllocationInput(reversed), CanonicalAllocationInput(input));
    EXPECT_EQ(CanonicalAllocationResult(reversed, Allocate(reversed)), bytes);
  }
}

TEST(AllocateTest, TheSeedDecidesTiesOnly) {
  int changed_by_seed = 0;
  for (std::uint64_t seed = 1; seed <= 100; ++seed) {
    // Many ties: the seed matters.
    AllocationInput tied = RandomInstance(
        {.applicants = 40, .conditions = 5, .max_choices = 3, .max_seats = 3, .score_levels = 2},
        seed);
    AllocationInput reseeded = tied;
    reseeded.seed ^= 0x5555;
    if (Assignment(Allocate(tied)) != Assignment(Allocate(reseeded))) ++changed_by_seed;
    // Every score different: it does not.
    AllocationInput distinct = tied;
    Score next = 1;
    for (AllocationApplicant& applicant : distinct.applicants) {
      for (AllocationChoice& choice : applicant.choices) choice.score = next++;
    }
    AllocationInput distinct_reseeded = distinct;
    distinct_reseeded.seed ^= 0x5555;
    EXPECT_EQ(Assignment(Allocate(distinct)), Assignment(Allocate(distinct_reseeded)));
  }
  EXPECT_GT(changed_by_seed, 50);
}

TEST(CanonicalTest, DocumentedBytes) {
  AllocationInput input = Example();
  input.applicants[2].floor = 1;
  EXPECT_EQ(CanonicalAllocationInput(input),
            "amity-allocation-input 1\n"
            "seed 2027\n"
            "conditions 2\n"
            "8:ege-ceng 1\n"
            "6:hit-cs 1\n"
            "applicants 3\n"
            "4:ayse - 2 8:ege-ceng 800000 6:hit-cs 800000\n"
            "6:mehmet - 2 8:ege-ceng 800000 6:hit-cs 700000\n"
            "6:zeynep 6:hit-cs 1 6:hit-cs 900000\n");
  const AllocationInput plain = Example();
  const AllocationResult result = Allocate(plain);
  const std::string bytes = CanonicalAllocationResult(plain, result);
  EXPECT_TRUE(bytes.starts_with("amity-allocation-result 1\nconditions 2\n8:ege-ceng 1 1 800000 "))
      << bytes;
  EXPECT_NE(
      bytes.find("\n6:zeynep " + std::to_string(LotteryNumber(2027, "zeynep")) + " 6:hit-cs 1\n"),
      std::string::npos)
      << bytes;
}

// ---- Re-runs ----

TEST(RerunTest, WithdrawalsFillSeatsAndMoveNobodyDown) {
  int moved_up = 0;
  for (std::uint64_t seed = 1; seed <= 1500; ++seed) {
    const AllocationInput input = RandomInstance({.applicants = 40,
                                                  .conditions = 8,
                                                  .max_choices = 4,
                                                  .max_seats = 4,
                                                  .languages = 2,
                                                  .score_levels = 5},
                                                 seed);
    const AllocationResult first = Allocate(input);
    testing::Random random(seed);
    std::vector<std::uint32_t> withdrawn;
    for (std::uint32_t a = 0; a < input.applicants.size(); ++a) {
      if (random.Below(5) == 0) withdrawn.push_back(a);
    }
    const AllocationInput rerun_input = RerunInput(input, first, withdrawn);
    ASSERT_TRUE(CheckAllocationInput(rerun_input).empty());
    const AllocationResult rerun = Allocate(rerun_input);
    // Stable under the floors (so no freed seat stays free while someone waits for it) …
    const auto violations = StabilityViolations(rerun_input, Assignment(rerun));
    ASSERT_TRUE(violations.empty()) << "seed " << seed << ": " << violations.front();
    // … nobody worse than before …
    std::uint32_t kept = 0;
    for (std::uint32_t a = 0; a < input.applicants.size(); ++a) {
      if (std::find(withdrawn.begin(), withdrawn.end(), a) != withdrawn.end()) continue;
      const std::uint32_t before = RankOf(input, a, first.applicants[a].condition);
      const std::uint32_t after = RankOf(rerun_input, kept, rerun.applicants[kept].condition);
      ASSERT_LE(after, before) << "seed " << seed;
      if (after < before) ++moved_up;
      ++kept;
    }
    // … and, withdrawals being the only change, the same as plain deferred acceptance without the
    // withdrawn (removing applicants makes nobody worse off), so the floors cost no one anything.
    AllocationInput plain = rerun_input;
    for (AllocationApplicant& applicant : plain.applicants) applicant.floor.reset();
    ASSERT_EQ(Assignment(Allocate(plain)), Assignment(rerun)) << "seed " << seed;
  }
  EXPECT_GT(moved_up, 500);
}

TEST(RerunTest, FloorsHoldWhenLateApplicantsOutscoreEveryone) {
  int would_have_dropped = 0;
  for (std::uint64_t seed = 1; seed <= 800; ++seed) {
    const AllocationInput input = RandomInstance(
        {.applicants = 30, .conditions = 6, .max_choices = 4, .max_seats = 4, .score_levels = 5},
        seed);
    const AllocationResult first = Allocate(input);
    std::vector<std::uint32_t> withdrawn = {0};
    AllocationInput rerun_input = RerunInput(input, first, withdrawn);
    const std::uint32_t kept = static_cast<std::uint32_t>(rerun_input.applicants.size());
    // Late applications with scores above everyone's, for the most wanted conditions.
    for (std::uint32_t late = 0; late < 10; ++late) {
      rerun_input.applicants.push_back(
          {.id = "late" + std::to_string(late),
           .choices = {{late % 6, Points(1000)}, {(late + 1) % 6, Points(1000)}},
           .floor = {}});
    }
    const AllocationResult rerun = Allocate(rerun_input);
    ASSERT_TRUE(StabilityViolations(rerun_input, Assignment(rerun)).empty());
    for (std::uint32_t a = 0; a < kept; ++a) {
      const AllocationApplicant& applicant = rerun_input.applicants[a];
      if (!applicant.floor) continue;
      ASSERT_LE(rerun.applicants[a].rank, RankOf(rerun_input, a, *applicant.floor))
          << "seed " << seed;
      ASSERT_NE(rerun.applicants[a].condition, kNotPlaced);
    }
    // Without floors the late applicants would have pushed some out: the floors did something.
    AllocationInput plain = rerun_input;
    for (AllocationApplicant& applicant : plain.applicants) applicant.floor.reset();
    const AllocationResult unprotected = Allocate(plain);
    for (std::uint32_t a = 0; a < kept; ++a) {
      if (rerun_input.applicants[a].floor &&
          unprotected.applicants[a].rank != rerun.applicants[a].rank) {
        ++would_have_dropped;
        break;
      }
    }
    // A higher choice refused because its seats are all held says so.
    for (std::uint32_t a = 0; a < rerun_input.applicants.size(); ++a) {
      for (const ChoiceExplanation& why : ExplainPlacement(rerun_input, rerun, a)) {
        ASSERT_EQ(why.reason == Refusal::kHeld, rerun.conditions[why.condition].cutoff &&
                                                    rerun.conditions[why.condition].cutoff->floor);
      }
    }
  }
  EXPECT_GT(would_have_dropped, 100);
}

TEST(RerunTest, RerunInputKeepsOrderAndSetsFloors) {
  const AllocationInput input = Example();
  const AllocationResult result = Allocate(input);
  const std::vector<std::uint32_t> withdrawn = {2};
  const AllocationInput rerun = RerunInput(input, result, withdrawn);
  ASSERT_EQ(rerun.applicants.size(), 2u);
  EXPECT_EQ(rerun.applicants[0].id, "ayse");
  EXPECT_EQ(rerun.seed, input.seed);
  // zeynep's seat at hit-cs is freed: the one not placed at ege-ceng gets it.
  const AllocationResult again = Allocate(rerun);
  EXPECT_NE(again.applicants[0].condition, kNotPlaced);
  EXPECT_NE(again.applicants[1].condition, kNotPlaced);
  const std::vector<std::uint32_t> bad = {3};
  EXPECT_THROW(RerunInput(input, result, bad), std::out_of_range);
}

}  // namespace
}  // namespace amity::domain
