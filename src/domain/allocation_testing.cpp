#include "domain/allocation_testing.h"

#include <algorithm>
#include <stdexcept>

namespace amity::domain::testing {

std::uint64_t Random::Next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint32_t Random::Below(std::uint32_t bound) {
  return static_cast<std::uint32_t>(((Next() >> 32) * bound) >> 32);
}

AllocationInput RandomInstance(const InstanceShape& shape, std::uint64_t seed) {
  Random random(seed);
  AllocationInput input;
  input.seed = random.Next();
  std::vector<std::uint32_t> language(shape.conditions);
  for (std::uint32_t c = 0; c < shape.conditions; ++c) {
    const std::uint32_t seats =
        shape.min_seats + random.Below(shape.max_seats - shape.min_seats + 1);
    std::string id = "c";
    id += std::to_string(c);
    input.conditions.push_back({.id = std::move(id), .seats = seats});
    language[c] = random.Below(std::max<std::uint32_t>(shape.languages, 1));
  }
  // Popularity: condition c drawn with weight skew / (skew + c), by inverse of the cumulative sum.
  std::vector<std::uint64_t> cumulative(shape.conditions);
  std::uint64_t total = 0;
  for (std::uint32_t c = 0; c < shape.conditions; ++c) {
    total += shape.popularity_skew == 0
                 ? 1000
                 : (std::uint64_t{1000000} * shape.popularity_skew) / (shape.popularity_skew + c);
    cumulative[c] = total;
  }
  std::vector<std::uint32_t> picked_by(shape.conditions, 0xFFFFFFFF);
  const std::uint32_t max_choices = std::min(shape.max_choices, shape.conditions);
  for (std::uint32_t a = 0; a < shape.applicants; ++a) {
    AllocationApplicant applicant;
    applicant.id = "a";
    applicant.id += std::to_string(a);
    const Score academic = random.Below(shape.score_levels) * kScoreUnit;
    std::vector<Score> language_result(std::max<std::uint32_t>(shape.languages, 1));
    for (Score& result : language_result) result = random.Below(shape.score_levels) * kScoreUnit;
    const std::uint32_t count = shape.exact_choices
                                    ? max_choices
                                    : 1 + random.Below(std::max<std::uint32_t>(max_choices, 1));
    while (applicant.choices.size() < count) {
      const std::uint64_t ticket = (random.Next() >> 1) % total;
      const std::uint32_t c = static_cast<std::uint32_t>(
          std::upper_bound(cumulative.begin(), cumulative.end(), ticket) - cumulative.begin());
      if (picked_by[c] == a) continue;
      picked_by[c] = a;
      const Score score = shape.independent_scores ? random.Below(shape.score_levels) * kScoreUnit
                                                   : academic + language_result[language[c]];
      applicant.choices.push_back({.condition = c, .score = score});
    }
    input.applicants.push_back(std::move(applicant));
  }
  return input;
}

namespace {

// The index of condition c in applicant a's list, or the list's size.
std::size_t PositionOf(const AllocationInput& input, std::uint32_t a, std::uint32_t c) {
  const auto& choices = input.applicants[a].choices;
  for (std::size_t j = 0; j < choices.size(); ++j) {
    if (choices[j].condition == c) return j;
  }
  return choices.size();
}

// How far down its list an applicant may be placed: to its floor.
std::size_t Limit(const AllocationInput& input, std::uint32_t a) {
  const AllocationApplicant& applicant = input.applicants[a];
  return applicant.floor ? PositionOf(input, a, *applicant.floor) + 1 : applicant.choices.size();
}

}  // namespace

std::uint32_t RankOf(const AllocationInput& input, std::uint32_t a, std::uint32_t c) {
  if (c == kNotPlaced) return static_cast<std::uint32_t>(input.applicants[a].choices.size() + 1);
  return static_cast<std::uint32_t>(PositionOf(input, a, c) + 1);
}

bool ComesBefore(const AllocationInput& input, std::uint32_t c, std::uint32_t a, std::uint32_t b) {
  const AllocationApplicant& first = input.applicants[a];
  const AllocationApplicant& second = input.applicants[b];
  const bool first_floor = first.floor == c;
  const bool second_floor = second.floor == c;
  if (first_floor != second_floor) return first_floor;
  const Score first_score = first.choices[PositionOf(input, a, c)].score;
  const Score second_score = second.choices[PositionOf(input, b, c)].score;
  if (first_score != second_score) return first_score > second_score;
  const std::uint64_t first_lottery = LotteryNumber(input.seed, first.id);
  const std::uint64_t second_lottery = LotteryNumber(input.seed, second.id);
  if (first_lottery != second_lottery) return first_lottery < second_lottery;
  return first.id < second.id;
}

std::vector<std::uint32_t> Assignment(const AllocationResult& result) {
  std::vector<std::uint32_t> assignment;
  for (const Placement& placement : result.applicants) assignment.push_back(placement.condition);
  return assignment;
}

std::vector<std::string> StabilityViolations(const AllocationInput& input,
                                             const std::vector<std::uint32_t>& assignment) {
  std::vector<std::string> violations;
  const std::uint32_t n = static_cast<std::uint32_t>(input.applicants.size());
  const std::size_t m = input.conditions.size();
  std::vector<std::uint32_t> admitted(m, 0);
  // The applicant each condition admitted last in its priority (kNotPlaced: none).
  std::vector<std::uint32_t> worst(m, kNotPlaced);
  for (std::uint32_t a = 0; a < n; ++a) {
    const std::uint32_t c = assignment.at(a);
    if (c == kNotPlaced) continue;
    if (c >= m || PositionOf(input, a, c) >= Limit(input, a)) {
      violations.push_back(input.applicants[a].id + " placed at a condition it may not have");
      continue;
    }
    ++admitted[c];
    if (worst[c] == kNotPlaced || ComesBefore(input, c, worst[c], a)) worst[c] = a;
  }
  for (std::size_t c = 0; c < m; ++c) {
    if (admitted[c] > input.conditions[c].seats) {
      violations.push_back(input.conditions[c].id + " over its seats");
    }
  }
  for (std::uint32_t a = 0; a < n; ++a) {
    const std::size_t held =
        assignment[a] == kNotPlaced ? Limit(input, a) : PositionOf(input, a, assignment[a]);
    for (std::size_t j = 0; j < std::min(held, Limit(input, a)); ++j) {
      const std::uint32_t c = input.applicants[a].choices[j].condition;
      const bool free_seat = admitted[c] < input.conditions[c].seats;
      if (free_seat || (worst[c] != kNotPlaced && ComesBefore(input, c, a, worst[c]))) {
        violations.push_back(input.applicants[a].id + " and " + input.conditions[c].id + " block" +
                             (free_seat ? " (free seat)" : ""));
      }
    }
  }
  return violations;
}

std::vector<std::vector<std::uint32_t>> AllStableAllocations(const AllocationInput& input) {
  const std::uint32_t n = static_cast<std::uint32_t>(input.applicants.size());
  double count = 1;
  for (std::uint32_t a = 0; a < n; ++a) count *= static_cast<double>(Limit(input, a) + 1);
  if (count > 5e6) throw std::invalid_argument("too large for brute force");
  std::vector<std::vector<std::uint32_t>> stable;
  // Odometer over (choice index or "none") per applicant.
  std::vector<std::size_t> digit(n, 0);
  std::vector<std::uint32_t> assignment(n);
  while (true) {
    for (std::uint32_t a = 0; a < n; ++a) {
      assignment[a] = digit[a] == Limit(input, a) ? kNotPlaced
                                                  : input.applicants[a].choices[digit[a]].condition;
    }
    if (StabilityViolations(input, assignment).empty()) stable.push_back(assignment);
    std::uint32_t a = 0;
    while (a < n && ++digit[a] > Limit(input, a)) digit[a++] = 0;
    if (a == n) break;
  }
  return stable;
}

}  // namespace amity::domain::testing
