// The independent check of the B2B scheduler: the same instance solved as an integer program with
// GLPK. Test and benchmark code only; GLPK is never linked into amity.
//
// The program: a binary x[r,s] per request r and slot s where r's buyer, r's exhibitor and at
// least one table are all there, maximising Σ priority(r) · x[r,s] subject to
//   Σ_s x[r,s] ≤ 1                          each request met at most once
//   Σ_{r of buyer b} x[r,s] ≤ 1             each buyer in one meeting per slot
//   Σ_{r of exhibitor e} x[r,s] ≤ 1         each exhibitor in one meeting per slot
//   Σ_r x[r,s] ≤ tables(s)                  as many meetings as tables there in slot s
// Tables are interchangeable, so a solution's meetings of one slot take its tables in any order.
// Its LP relaxation (x in [0, 1]) is solved first (simplex, presolve on); its optimum bounds every
// schedule from above, and when the LP's solution is integral it is the program's optimum.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/b2b_schedule.h"

namespace amity::testing {

struct B2bIlpOutcome {
  enum class Status { kOptimal, kTimeLimit, kNoSolution, kFailed };
  Status status = Status::kFailed;
  double lp_bound = 0;    // the LP relaxation's optimum: no schedule meets more
  double best_bound = 0;  // the search's bound when it stopped (= the optimum when kOptimal)
  bool has_solution = false;
  std::uint64_t met_priority = 0;    // of the best integer solution found
  std::vector<std::uint32_t> slots;  // per request its slot in it, or domain::kUnscheduled
  std::uint64_t rows = 0, columns = 0, nonzeros = 0;
  double build_seconds = 0, lp_seconds = 0, solve_seconds = 0;
  std::string message;  // what GLPK returned, when not optimal
};

// Solves `input` (valid): the LP relaxation by the simplex method, then, unless its solution is
// integral, branch-and-cut from its basis (feasibility pump on), giving up after
// `time_limit_seconds` of each (GLPK's own limit; a caller needing a hard limit runs it in a child
// process).
B2bIlpOutcome SolveB2bIlp(const domain::B2bInput& input, double time_limit_seconds);

const char* StatusName(B2bIlpOutcome::Status status);

}  // namespace amity::testing
