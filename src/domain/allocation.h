// Allocation of exchange seats: student-proposing deferred acceptance (Gale–Shapley, many-to-one
// with seats) over a call's cooperation conditions, the tie-break lottery, the score formula, the
// explanation each applicant is given, the re-run rule after withdrawals and the canonical bytes
// a run's hash is taken over. Pure: no SQL, JSON, HTTP or clock; the same input gives the same
// output, byte for byte, on any platform (integers only, no floating point, no unordered
// containers in what is returned).
//
// How a caller uses it (store/api): map the call's conditions and applications to an
// `AllocationInput` (condition ids to indices; each choice with the applicant's score for it),
// `CheckAllocationInput` it, `Allocate`, then record SHA-256(`CanonicalAllocationInput`), the
// seed and SHA-256(`CanonicalAllocationResult`) with the run (files::Sha256 hashes them), and
// show each applicant `ExplainPlacement`. After withdrawals, `Allocate(RerunInput(...))`.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem.h"

namespace amity::domain {

// ---- Scores -------------------------------------------------------------------------------------

// A score, weight or grade is exact: an integer number of ten-thousandths (86.75 points is
// 867500), so no floating-point rounding can order two applicants differently on two machines.
using Score = std::int64_t;
inline constexpr Score kScoreUnit = 10000;
// Scores an allocation accepts: |score| ≤ 214,748.3647 points (they are packed into 32 bits).
inline constexpr Score kMaxScore = 2147483647;
inline constexpr Score kMinScore = -kMaxScore;

// Parses a decimal number with at most four decimals ("86.75", "3.5", "-10", "0.0001"): no
// exponent, no spaces, no "+". Absent when the text is not such a number or its magnitude passes
// kMaxScore × 1000 (a sanity bound well above any scale).
std::optional<Score> ParseScore(std::string_view text);

// The score as a decimal with two to four decimals: 867500 → "86.75", 40000 → "4.00",
// 866667 → "86.6667", -100000 → "-10.00". ParseScore reads it back to the same value.
std::string FormatScore(Score score);

// A value on its own scale: an academic average of 3.47 on a 4.00 scale, a language result of
// 82.5 on a 100-point scale.
struct ScaledValue {
  Score value = 0;
  Score scale = 0;  // the scale's maximum (its minimum is 0)
};

// How a call turns an application into its score. The default is the common Turkish rule for
// exchanges: 50% academic average + 50% language result, each first brought to 100 points
// linearly (value × 100 / scale: 3.47 on 4.00 counts 86.75, the usual ×25 of a 4.00 scale; a
// 100-point result counts as it is). YÖK's non-linear 4-to-100 conversion table is not used.
struct ScoreFormula {
  Score academic_weight = 50 * kScoreUnit;  // percent, exact: 50.0000%
  Score language_weight = 50 * kScoreUnit;
  // The scales an application may state its numbers on (4.00 and 100 by default).
  std::vector<Score> scales = {4 * kScoreUnit, 100 * kScoreUnit};
};

// Problems with a formula: a weight below 0, weights not adding up to exactly 100%, no scale, a
// scale not above 0 or above 100,000. Fields "academic_weight", "language_weight", "scales[i]".
Problems CheckScoreFormula(const ScoreFormula& formula);

// Problems with one value of an application under `formula` (field `field` + ".scale" or
// ".value"): its scale not one the formula accepts ("scale_not_accepted"), the value below 0 or
// above its scale ("off_scale").
Problems CheckScaledValue(const ScoreFormula& formula, const ScaledValue& value,
                          std::string_view field);

// academic_weight% × academic on 100 points + language_weight% × language on 100 points, rounded
// half up once, at the end, to a ten-thousandth of a point, plus `adjustment` (points the call's
// rules add or take, e.g. −10 for an earlier exchange). Throws std::invalid_argument when the
// formula or a value has problems (check them first) or the result passes kMaxScore.
// The Turkish rule: 3.47 on 4.00 and 82.5 on 100 give 84.625.
Score ComputeScore(const ScoreFormula& formula, const ScaledValue& academic,
                   const ScaledValue& language, Score adjustment = 0);

// ---- The tie-break lottery ----------------------------------------------------------------------

// An applicant's lottery number under a call's published seed:
//   SplitMix64(seed XOR FNV-1a-64(UTF-8 bytes of applicant_id))
// where SplitMix64(s) is the first output of Vigna's SplitMix64 generator started at state s:
//   z = s + 0x9E3779B97F4A7C15; z = (z ^ z >> 30) * 0xBF58476D1CE4E5B9;
//   z = (z ^ z >> 27) * 0x94D049BB133111EB; return z ^ z >> 31   (all modulo 2^64)
// and FNV-1a-64 starts at 0xCBF29CE484222325 and, per byte, XORs it then multiplies by
// 0x100000001B3. Anyone holding the seed can recompute it. Between equal scores the LOWER
// lottery number wins; equal numbers (a 2^-64 chance) fall back to the smaller id, bytewise.
std::uint64_t LotteryNumber(std::uint64_t seed, std::string_view applicant_id);

// ---- Allocation ---------------------------------------------------------------------------------

// A cooperation condition of the call (host department, field, level, direction) and its seats.
struct AllocationCondition {
  std::string id;
  std::uint32_t seats = 0;  // ≤ kMaxSeats; 0 admits nobody
};
inline constexpr std::uint32_t kMaxSeats = 1'000'000;

// One ranked choice: an index into AllocationInput::conditions and the applicant's score for it.
// The score is per choice so that a call may count the result in each condition's language of
// instruction; give every choice the same score for one score per applicant.
struct AllocationChoice {
  std::uint32_t condition = 0;
  Score score = 0;  // kMinScore..kMaxScore
};

struct AllocationApplicant {
  std::string id;  // unique, non-empty; the lottery is drawn on it
  // Most wanted first; each condition at most once. Only eligible choices belong here: the caller
  // leaves out those whose rules (level, language minimum, department) the applicant fails.
  std::vector<AllocationChoice> choices;
  // Re-runs only (see RerunInput): the condition this applicant holds from the earlier run, one of
  // `choices`. The applicant then never gets anything worse: choices ranked below it are not
  // applied to, and at it the applicant comes before everyone without a floor there.
  std::optional<std::uint32_t> floor;
};

struct AllocationInput {
  std::vector<AllocationCondition> conditions;
  std::vector<AllocationApplicant> applicants;  // < 2^31 of them
  std::uint64_t seed = 0;                       // the call's published tie-break seed
};

// Every problem of `input` (empty: Allocate accepts it). Fields: "conditions[i].id" (required,
// duplicate), "conditions[i].seats" (too_large), "applicants[i].id" (required, duplicate),
// "applicants[i].choices[j].condition" (unknown, duplicate), "applicants[i].choices[j].score"
// (out_of_range), "applicants[i].floor" (not_a_choice), "applicants" (too_many).
Problems CheckAllocationInput(const AllocationInput& input);

// A condition's priority between two applicants who both chose it: the one holding a floor there
// first (re-runs), then the higher score for it, then the lower lottery number, then the smaller
// id. It is a strict order, so the student-optimal stable allocation is unique.

inline constexpr std::uint32_t kNotPlaced = 0xFFFFFFFF;

struct Placement {
  std::uint32_t condition = kNotPlaced;  // index into conditions, or kNotPlaced
  std::uint32_t rank = 0;                // 1 = first choice; 0 when not placed
  std::uint64_t lottery = 0;             // LotteryNumber(seed, id)
};

// The applicant admitted last to a full condition: whoever wants it now must come before this.
// Its lottery number identifies the applicant to anyone with the seed: publish the score only.
struct Cutoff {
  Score score = 0;
  std::uint64_t lottery = 0;
  bool floor = false;  // that applicant held the seat as a floor from the earlier run
};

struct ConditionOutcome {
  std::uint32_t admitted = 0;
  std::optional<Cutoff> cutoff;  // present when every seat is taken (admitted == seats > 0)
};

struct AllocationResult {
  std::vector<Placement> applicants;         // in the order of input.applicants
  std::vector<ConditionOutcome> conditions;  // in the order of input.conditions
};

// The student-optimal stable allocation (student-proposing deferred acceptance): no applicant and
// condition both prefer each other to what they have (a condition prefers a free seat to nobody
// and the priority above to its worst admitted applicant), no condition over its seats, and every
// applicant placed at least as well as in any other stable allocation; nobody gains by ranking
// choices other than in their true order. Each applicant applies to each choice at most once:
// O(N log S + A log A) for N choices in all, S seats per condition and A applicants, linear memory.
// The result does not depend on the order of applicants or conditions in the input. Throws
// std::invalid_argument naming the first problem when CheckAllocationInput finds any.
AllocationResult Allocate(const AllocationInput& input);

// Why an applicant did not get a choice ranked above what they got (all of them when not placed).
enum class Refusal {
  kNoSeats,    // the condition offers no seats
  kOutranked,  // every seat went to applicants before this one: cutoff_score ≥ own_score
  kHeld,       // re-runs: every seat is held as a floor from the earlier run
};

struct ChoiceExplanation {
  std::uint32_t rank = 0;  // 1 = first choice
  std::uint32_t condition = 0;
  Refusal reason = Refusal::kNoSeats;
  Score cutoff_score = 0;           // the condition's cut-off score (kOutranked, kHeld)
  Score own_score = 0;              // the applicant's score for that choice
  bool decided_by_lottery = false;  // kOutranked with cutoff_score == own_score
};

// For applicant `applicant` (an index of input.applicants) of Allocate(input) = `result`: each
// choice ranked above the one received, best first, and why not, naming no other applicant.
// Throws std::out_of_range for an index out of range; std::logic_error when `result` is not
// Allocate's for `input` (a higher choice with a free seat).
std::vector<ChoiceExplanation> ExplainPlacement(const AllocationInput& input,
                                                const AllocationResult& result,
                                                std::uint32_t applicant);

// ---- Re-runs after withdrawals ------------------------------------------------------------------

// The rule: freed seats are filled from the waiting order, and nobody is moved to a worse choice.
// A re-run is deferred acceptance again on the earlier input without the withdrawn applicants,
// where each remaining applicant placed by the earlier run holds that condition as a floor (see
// AllocationApplicant::floor). So a freed seat goes to the applicant first in the condition's
// priority among those who ranked it above what they hold (or hold nothing), whose own seat then
// frees in turn (a vacancy chain); applicants may move up their list, never down.
//
// Why floors, when re-running plain deferred acceptance on the reduced input would give the same
// allocation after withdrawals alone (removing applicants makes nobody worse off in the
// student-optimal stable allocation): the floor keeps the promise when anything else changed
// between the runs too — a late application, a corrected score — and makes it visible in the
// recorded input. A floor is broken only if a condition's seats were cut below the number of its
// holders; then the holders last in its priority lose it.
//
// Returns `previous` without the applicants whose indices are in `withdrawn` (the others in their
// order), each with `floor` = the condition `result` placed them at (unchanged choices and seed).
// Throws std::out_of_range for an index out of range.
AllocationInput RerunInput(const AllocationInput& previous, const AllocationResult& result,
                           std::span<const std::uint32_t> withdrawn);

// ---- Canonical bytes, for the run's hashes ------------------------------------------------------

// The input as canonical UTF-8 text, independent of the order of conditions and applicants (the
// allocation does not depend on it either), so a run records SHA-256 of these bytes. Lines end
// with "\n"; an id is written as its byte length, ":", its bytes (so any id is unambiguous);
// numbers in decimal; scores as integers in ten-thousandths:
//   amity-allocation-input 1
//   seed <seed>
//   conditions <count>
//   <id> <seats>                                 one per condition, ids in byte order
//   applicants <count>
//   <id> <floor> <k> <cond-id> <score> …          one per applicant, ids in byte order: the floor
//                                                 as a condition id or "-", then the k choices
//                                                 best first, each its condition's id and score
// Example: "2:c1 3" is condition "c1" with 3 seats; "2:a7 - 1 2:c1 846250" applicant "a7" with
// no floor and one choice, c1 at 84.625. Precondition: CheckAllocationInput(input) is empty.
std::string CanonicalAllocationInput(const AllocationInput& input);

// The result in the same style, so that two runs compare byte for byte:
//   amity-allocation-result 1
//   conditions <count>
//   <id> <seats> <admitted> <cut-off>            cut-off "<score> <lottery> <0|1 floor>" or "-"
//   applicants <count>
//   <id> <lottery> <condition id> <rank>          or "<id> <lottery> - 0" when not placed
std::string CanonicalAllocationResult(const AllocationInput& input, const AllocationResult& result);

}  // namespace amity::domain
