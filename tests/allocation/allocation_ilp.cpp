#include "allocation/allocation_ilp.h"

#include <glpk.h>

#include <algorithm>
#include <chrono>

namespace amity::testing {

using domain::AllocationInput;
using domain::kNotPlaced;

namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One (applicant, choice) pair: a column of the program.
struct Pair {
  std::uint32_t applicant;
  std::uint32_t choice;
};

}  // namespace

const char* StatusName(IlpOutcome::Status status) {
  switch (status) {
    case IlpOutcome::Status::kOptimal:
      return "optimal";
    case IlpOutcome::Status::kTimeLimit:
      return "time limit";
    case IlpOutcome::Status::kNoSolution:
      return "no solution";
    case IlpOutcome::Status::kFailed:
      return "failed";
  }
  return "?";
}

IlpOutcome SolveStableAllocationIlp(const AllocationInput& input, double time_limit_seconds) {
  const auto build_start = std::chrono::steady_clock::now();
  IlpOutcome outcome;
  const std::uint32_t n = static_cast<std::uint32_t>(input.applicants.size());
  const std::size_t m = input.conditions.size();

  // Columns: x for every pair down to the floor, numbered from 1 as GLPK counts.
  std::vector<std::uint32_t> limit(n);
  std::vector<std::uint32_t> first_column(n + 1, 1);
  std::vector<std::uint64_t> lottery(n);
  std::vector<std::vector<Pair>> at_condition(m);
  for (std::uint32_t a = 0; a < n; ++a) {
    const auto& applicant = input.applicants[a];
    lottery[a] = domain::LotteryNumber(input.seed, applicant.id);
    limit[a] = static_cast<std::uint32_t>(applicant.choices.size());
    for (std::uint32_t j = 0; j < applicant.choices.size(); ++j) {
      if (applicant.floor == applicant.choices[j].condition) limit[a] = j + 1;
    }
    first_column[a + 1] = first_column[a] + limit[a];
    for (std::uint32_t j = 0; j < limit[a]; ++j) {
      at_condition[applicant.choices[j].condition].push_back({a, j});
    }
  }
  const int x_columns = static_cast<int>(first_column[n] - 1);
  // Each condition's priority order, from the rule in allocation.h (floor, score, lottery, id).
  auto before = [&](std::uint32_t c, const Pair& l, const Pair& r) {
    const auto& left = input.applicants[l.applicant];
    const auto& right = input.applicants[r.applicant];
    const bool left_floor = left.floor == c, right_floor = right.floor == c;
    if (left_floor != right_floor) return left_floor;
    const auto left_score = left.choices[l.choice].score;
    const auto right_score = right.choices[r.choice].score;
    if (left_score != right_score) return left_score > right_score;
    if (lottery[l.applicant] != lottery[r.applicant]) {
      return lottery[l.applicant] < lottery[r.applicant];
    }
    return left.id < right.id;
  };
  // Prefix-sum columns y[c,i] = Σ of x of the first i applicants in c's order, after the x's.
  std::vector<int> first_prefix(m + 1, x_columns + 1);
  // place[column of x] = its 1-based place in the condition's order.
  std::vector<std::uint32_t> place(x_columns + 1, 0);
  for (std::uint32_t c = 0; c < m; ++c) {
    auto& pairs = at_condition[c];
    std::sort(pairs.begin(), pairs.end(),
              [&](const Pair& l, const Pair& r) { return before(c, l, r); });
    for (std::uint32_t i = 0; i < pairs.size(); ++i) {
      place[first_column[pairs[i].applicant] + pairs[i].choice] = i + 1;
    }
    first_prefix[c + 1] = first_prefix[c] + static_cast<int>(pairs.size());
  }
  const int columns = first_prefix[m] - 1;

  glp_term_out(GLP_OFF);
  glp_prob* problem = glp_create_prob();
  glp_set_obj_dir(problem, GLP_MIN);
  if (columns > 0) glp_add_cols(problem, columns);
  std::vector<int> row_index{0}, column_index{0};
  std::vector<double> value{0};
  int rows = 0;
  auto add_row = [&](int type, double bound) {
    ++rows;
    glp_add_rows(problem, 1);
    glp_set_row_bnds(problem, rows, type, bound, bound);
    return rows;
  };
  auto add = [&](int row, int column, double coefficient) {
    row_index.push_back(row);
    column_index.push_back(column);
    value.push_back(coefficient);
  };
  std::uint64_t constant = 0;
  for (std::uint32_t a = 0; a < n; ++a) {
    constant += limit[a] + 1;
    for (std::uint32_t j = 0; j < limit[a]; ++j) {
      const int column = static_cast<int>(first_column[a] + j);
      glp_set_col_kind(problem, column, GLP_BV);
      // Rank j + 1 instead of limit + 1 (not placed).
      glp_set_obj_coef(problem, column, static_cast<double>(j) - limit[a]);
      if (input.conditions[input.applicants[a].choices[j].condition].seats == 0) {
        glp_set_col_bnds(problem, column, GLP_FX, 0, 0);
      }
    }
    if (limit[a] > 0) {
      const int row = add_row(GLP_UP, 1);
      for (std::uint32_t j = 0; j < limit[a]; ++j) add(row, first_column[a] + j, 1);
    }
  }
  for (std::uint32_t c = 0; c < m; ++c) {
    const double seats = input.conditions[c].seats;
    const auto& pairs = at_condition[c];
    for (std::uint32_t i = 0; i < pairs.size(); ++i) {
      const int prefix = first_prefix[c] + static_cast<int>(i);
      glp_set_col_kind(problem, prefix, GLP_CV);
      // Within the seats: every prefix, the whole list's included.
      glp_set_col_bnds(problem, prefix, seats == 0 ? GLP_FX : GLP_DB, 0, seats);
      const int row = add_row(GLP_FX, 0);  // y[c,i] − y[c,i−1] − x = 0
      add(row, prefix, 1);
      if (i > 0) add(row, prefix - 1, -1);
      add(row, static_cast<int>(first_column[pairs[i].applicant] + pairs[i].choice), -1);
      if (seats == 0) continue;
      // Stability of (a, c): seats · Σ_{j' ≤ j} x[a,j'] + y[c, place − 1] ≥ seats.
      const int stable = add_row(GLP_LO, seats);
      for (std::uint32_t j = 0; j <= pairs[i].choice; ++j) {
        add(stable, static_cast<int>(first_column[pairs[i].applicant] + j), seats);
      }
      if (i > 0) add(stable, prefix - 1, 1);
    }
  }
  outcome.rows = static_cast<std::uint64_t>(rows);
  outcome.columns = static_cast<std::uint64_t>(columns);
  outcome.nonzeros = value.size() - 1;
  if (!value.empty() && value.size() > 1) {
    glp_load_matrix(problem, static_cast<int>(value.size() - 1), row_index.data(),
                    column_index.data(), value.data());
  }
  row_index = {};
  column_index = {};
  value = {};
  outcome.build_seconds = Since(build_start);

  const auto solve_start = std::chrono::steady_clock::now();
  glp_iocp parameters;
  glp_init_iocp(&parameters);
  parameters.presolve = GLP_ON;
  parameters.msg_lev = GLP_MSG_OFF;
  parameters.tm_lim = static_cast<int>(std::min(time_limit_seconds * 1000, 2e9));
  const int returned = columns == 0 ? 0 : glp_intopt(problem, &parameters);
  outcome.solve_seconds = Since(solve_start);
  const int status = columns == 0 ? GLP_OPT : glp_mip_status(problem);
  if (returned == GLP_ETMLIM) {
    outcome.status = IlpOutcome::Status::kTimeLimit;
  } else if (returned == 0 && status == GLP_OPT) {
    outcome.status = IlpOutcome::Status::kOptimal;
  } else if (status == GLP_NOFEAS || returned == GLP_ENOPFS) {
    outcome.status = IlpOutcome::Status::kNoSolution;
  } else {
    outcome.status = IlpOutcome::Status::kFailed;
  }
  if (outcome.status != IlpOutcome::Status::kOptimal) {
    outcome.message = "glp_intopt returned " + std::to_string(returned) + ", mip status " +
                      std::to_string(status);
  } else {
    outcome.assignment.assign(n, kNotPlaced);
    outcome.sum_of_ranks = constant;
    for (std::uint32_t a = 0; a < n; ++a) {
      for (std::uint32_t j = 0; j < limit[a]; ++j) {
        const int column = static_cast<int>(first_column[a] + j);
        if (columns > 0 && glp_mip_col_val(problem, column) > 0.5) {
          outcome.assignment[a] = input.applicants[a].choices[j].condition;
          outcome.sum_of_ranks -= limit[a] - j;
        }
      }
    }
  }
  glp_delete_prob(problem);
  return outcome;
}

}  // namespace amity::testing
