// What the allocation's tests and benchmark share (not linked into amity): random instances drawn
// the same way on every platform, an independent check of an allocation's stability and seat
// limits, and a brute-force enumeration of all stable allocations of a small instance.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/allocation.h"

namespace amity::domain::testing {

// A deterministic random sequence (SplitMix64), the same on every platform and standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  // Uniform in [0, bound), bound > 0 (multiply-shift; the bias is below 2^-32 for our bounds).
  std::uint32_t Below(std::uint32_t bound);

 private:
  std::uint64_t state_;
};

struct InstanceShape {
  std::uint32_t applicants = 10;
  std::uint32_t conditions = 4;
  std::uint32_t max_choices = 3;  // each applicant ranks 1..max_choices (≤ conditions) of them
  bool exact_choices = false;     // every applicant ranks exactly max_choices
  std::uint32_t max_seats = 3;    // each condition has 0..max_seats seats (1.. when min_seats 1)
  std::uint32_t min_seats = 0;
  // Scores: each applicant has an academic part and one language result per language; a
  // condition teaches in one of `languages` languages and the score for it is
  // academic + that language's result. Scores are drawn from `score_levels` values, so few levels
  // make many ties (decided by the lottery).
  std::uint32_t languages = 2;
  std::uint32_t score_levels = 5;
  // Instead, every choice's score drawn on its own: conditions' priorities then disagree, and an
  // instance often has several stable allocations.
  bool independent_scores = false;
  // Popular conditions: condition c is drawn with weight skew / (skew + c); 0 means uniform.
  std::uint32_t popularity_skew = 0;
};

// A random valid instance of `shape`, ids "c<i>" and "a<i>", the seed drawn too.
AllocationInput RandomInstance(const InstanceShape& shape, std::uint64_t seed);

// Whether applicant `a` comes before applicant `b` at condition `c` (both chose it), written
// independently of allocation.cpp from the rule in allocation.h: floor there, higher score, lower
// lottery number, smaller id.
bool ComesBefore(const AllocationInput& input, std::uint32_t c, std::uint32_t a, std::uint32_t b);

// Everything wrong with `assignment` (per applicant a condition index or kNotPlaced) as an
// allocation of `input`: a condition over its seats, an applicant placed at a condition it did not
// choose or below its floor, and every blocking pair (an applicant who prefers a condition that
// has a free seat or admitted someone who comes after it). Empty: stable and within the seats.
std::vector<std::string> StabilityViolations(const AllocationInput& input,
                                             const std::vector<std::uint32_t>& assignment);

// The conditions Allocate gave each applicant.
std::vector<std::uint32_t> Assignment(const AllocationResult& result);

// Every stable allocation of `input`, found by trying every assignment (feasible only for small
// instances: the product over applicants of (choices + 1) must stay below a few million).
std::vector<std::vector<std::uint32_t>> AllStableAllocations(const AllocationInput& input);

// The rank (1 = first) of condition `c` in applicant `a`'s list; choices + 1 for kNotPlaced.
std::uint32_t RankOf(const AllocationInput& input, std::uint32_t a, std::uint32_t c);

}  // namespace amity::domain::testing
