// The independent check of the allocation: the same instance solved as an integer program with
// GLPK. Test and benchmark code only; GLPK is never linked into amity.
//
// The program (Baïou & Balinski's stable admissions constraints; Roth, Rothblum & Vande Vate's for
// one seat): a binary x[a,j] per applicant a and choice j (down to a's floor), and
//   Σ_j x[a,j] ≤ 1                                    each applicant at most one seat
//   Σ_{a chose c} x[a,c] ≤ seats(c)                   each condition within its seats
//   seats(c) · Σ_{j' ≤ j} x[a,j'] + Σ_{b before a at c} x[b,c] ≥ seats(c)   for c = a's j-th
//   choice:
//       a got c or better, or c is full of applicants who come before a (stability)
// minimising the sum of the applicants' ranks (not placed counts as one past the list's end).
// The sums Σ_{b before a at c} are kept sparse with one continuous prefix-sum variable per
// (condition, place in its priority order), so the matrix grows with the number of choices.
// With strict priorities the student-optimal stable allocation is the unique optimum: it gives
// every applicant their best rank among stable allocations, so any other stable allocation has a
// larger sum.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/allocation.h"

namespace amity::testing {

struct IlpOutcome {
  enum class Status { kOptimal, kTimeLimit, kNoSolution, kFailed };
  Status status = Status::kFailed;
  std::vector<std::uint32_t> assignment;  // per applicant a condition or domain::kNotPlaced
  std::uint64_t sum_of_ranks = 0;
  std::uint64_t rows = 0, columns = 0, nonzeros = 0;
  double build_seconds = 0, solve_seconds = 0;
  std::string message;  // what GLPK returned, when not optimal
};

// Solves `input` (valid) with GLPK's branch-and-cut (presolve on), giving up after
// `time_limit_seconds` of search (GLPK's own limit; a caller needing a hard limit runs it in a
// child process).
IlpOutcome SolveStableAllocationIlp(const domain::AllocationInput& input,
                                    double time_limit_seconds);

const char* StatusName(IlpOutcome::Status status);

}  // namespace amity::testing
