#include "b2b/b2b_ilp.h"

#include <glpk.h>

#include <algorithm>
#include <chrono>

namespace amity::testing {

using domain::B2bInput;
using domain::B2bParty;

namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<bool> There(const std::vector<B2bParty>& parties, std::size_t slots) {
  std::vector<bool> there(parties.size() * slots, false);
  for (std::size_t p = 0; p < parties.size(); ++p) {
    if (!parties[p].available_slots) {
      std::fill_n(there.begin() + static_cast<std::ptrdiff_t>(p * slots), slots, true);
    } else {
      for (std::uint32_t s : *parties[p].available_slots) there[p * slots + s] = true;
    }
  }
  return there;
}

// Keeps the search's global bound (the best active node's) as branch-and-cut goes.
void Track(glp_tree* tree, void* info) {
  const int best = glp_ios_best_node(tree);
  if (best != 0) *static_cast<double*>(info) = glp_ios_node_bound(tree, best);
}

}  // namespace

const char* StatusName(B2bIlpOutcome::Status status) {
  switch (status) {
    case B2bIlpOutcome::Status::kOptimal:
      return "optimal";
    case B2bIlpOutcome::Status::kTimeLimit:
      return "time limit";
    case B2bIlpOutcome::Status::kNoSolution:
      return "no solution";
    case B2bIlpOutcome::Status::kFailed:
      return "failed";
  }
  return "?";
}

B2bIlpOutcome SolveB2bIlp(const B2bInput& input, double time_limit_seconds) {
  const auto build_start = std::chrono::steady_clock::now();
  B2bIlpOutcome outcome;
  const std::size_t slots = input.slots.size();
  const std::size_t requests = input.requests.size();
  const auto buyer_there = There(input.buyers, slots);
  const auto exhibitor_there = There(input.exhibitors, slots);
  const auto table_there = There(input.tables, slots);
  std::vector<std::uint32_t> tables(slots, 0);
  for (std::size_t t = 0; t < input.tables.size(); ++t) {
    for (std::size_t s = 0; s < slots; ++s) tables[s] += table_there[t * slots + s];
  }
  struct Column {
    std::uint32_t request, slot;
  };
  std::vector<Column> columns{{0, 0}};  // GLPK counts from 1
  for (std::uint32_t r = 0; r < requests; ++r) {
    const auto& q = input.requests[r];
    for (std::uint32_t s = 0; s < slots; ++s) {
      if (buyer_there[q.buyer * slots + s] && exhibitor_there[q.exhibitor * slots + s] &&
          tables[s] > 0) {
        columns.push_back({r, s});
      }
    }
  }
  const int column_count = static_cast<int>(columns.size() - 1);
  // Rows: requests, then buyer × slot, exhibitor × slot, slot; empty rows are left free.
  const int request_row = 1;
  const int buyer_row = request_row + static_cast<int>(requests);
  const int exhibitor_row = buyer_row + static_cast<int>(input.buyers.size() * slots);
  const int slot_row = exhibitor_row + static_cast<int>(input.exhibitors.size() * slots);
  const int row_count = slot_row + static_cast<int>(slots) - 1;

  glp_term_out(GLP_OFF);
  glp_prob* problem = glp_create_prob();
  glp_set_obj_dir(problem, GLP_MAX);
  if (row_count > 0) glp_add_rows(problem, row_count);
  for (int row = request_row; row < slot_row; ++row) glp_set_row_bnds(problem, row, GLP_UP, 0, 1);
  for (std::size_t s = 0; s < slots; ++s) {
    glp_set_row_bnds(problem, slot_row + static_cast<int>(s), GLP_UP, 0, tables[s]);
  }
  std::vector<int> row_index{0}, column_index{0};
  std::vector<double> value{0};
  if (column_count > 0) glp_add_cols(problem, column_count);
  for (int c = 1; c <= column_count; ++c) {
    const auto& q = input.requests[columns[c].request];
    const int s = static_cast<int>(columns[c].slot);
    glp_set_col_kind(problem, c, GLP_BV);
    glp_set_obj_coef(problem, c, q.priority);
    for (int row : {request_row + static_cast<int>(columns[c].request),
                    buyer_row + static_cast<int>(q.buyer * slots) + s,
                    exhibitor_row + static_cast<int>(q.exhibitor * slots) + s, slot_row + s}) {
      row_index.push_back(row);
      column_index.push_back(c);
      value.push_back(1);
    }
  }
  outcome.rows = static_cast<std::uint64_t>(row_count);
  outcome.columns = static_cast<std::uint64_t>(column_count);
  outcome.nonzeros = value.size() - 1;
  if (value.size() > 1) {
    glp_load_matrix(problem, static_cast<int>(value.size() - 1), row_index.data(),
                    column_index.data(), value.data());
  }
  outcome.slots.assign(requests, domain::kUnscheduled);
  outcome.build_seconds = Since(build_start);
  if (column_count == 0) {
    outcome.status = B2bIlpOutcome::Status::kOptimal;
    outcome.has_solution = true;
    glp_delete_prob(problem);
    return outcome;
  }

  const auto lp_start = std::chrono::steady_clock::now();
  glp_smcp simplex;
  glp_init_smcp(&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  // The dual simplex from the all-zero basis (feasible for the dual of this packing problem) is
  // far faster here than the primal.
  // GLPK's LP presolve removes the rows of absent parties and the singletons; without it the
  // primal simplex did not finish the fair's LP in 120 s.
  simplex.presolve = GLP_ON;
  simplex.tm_lim = static_cast<int>(std::min(time_limit_seconds * 1000, 2e9));
  const int lp_returned = glp_simplex(problem, &simplex);
  outcome.lp_seconds = Since(lp_start);
  if (lp_returned != 0 || glp_get_status(problem) != GLP_OPT) {
    outcome.status = lp_returned == GLP_ETMLIM ? B2bIlpOutcome::Status::kTimeLimit
                                               : B2bIlpOutcome::Status::kFailed;
    outcome.message = "glp_simplex returned " + std::to_string(lp_returned);
    glp_delete_prob(problem);
    return outcome;
  }
  outcome.lp_bound = glp_get_obj_val(problem);
  outcome.best_bound = outcome.lp_bound;
  // An integral LP optimum is the integer program's optimum: no branching needed.
  bool integral = true;
  for (int c = 1; c <= column_count && integral; ++c) {
    const double x = glp_get_col_prim(problem, c);
    integral = x < 1e-9 || x > 1 - 1e-9;
  }
  if (integral) {
    outcome.status = B2bIlpOutcome::Status::kOptimal;
    outcome.has_solution = true;
    for (int c = 1; c <= column_count; ++c) {
      if (glp_get_col_prim(problem, c) > 0.5) {
        outcome.slots[columns[c].request] = columns[c].slot;
        outcome.met_priority += input.requests[columns[c].request].priority;
      }
    }
    outcome.best_bound = static_cast<double>(outcome.met_priority);
    glp_delete_prob(problem);
    return outcome;
  }

  const auto solve_start = std::chrono::steady_clock::now();
  glp_iocp parameters;
  glp_init_iocp(&parameters);
  parameters.msg_lev = GLP_MSG_OFF;
  parameters.tm_lim = static_cast<int>(std::min(time_limit_seconds * 1000, 2e9));
  parameters.fp_heur = GLP_ON;  // the feasibility pump finds integer solutions sooner
  parameters.cb_func = Track;
  parameters.cb_info = &outcome.best_bound;
  const int returned = glp_intopt(problem, &parameters);
  outcome.solve_seconds = Since(solve_start);
  const int status = glp_mip_status(problem);
  outcome.has_solution = status == GLP_OPT || status == GLP_FEAS;
  if (returned == 0 && status == GLP_OPT) {
    outcome.status = B2bIlpOutcome::Status::kOptimal;
  } else if (returned == GLP_ETMLIM) {
    outcome.status = B2bIlpOutcome::Status::kTimeLimit;
  } else if (status == GLP_NOFEAS) {
    outcome.status = B2bIlpOutcome::Status::kNoSolution;
  } else {
    outcome.status = B2bIlpOutcome::Status::kFailed;
  }
  if (outcome.status != B2bIlpOutcome::Status::kOptimal) {
    outcome.message = "glp_intopt returned " + std::to_string(returned) + ", mip status " +
                      std::to_string(status);
  }
  if (outcome.has_solution) {
    for (int c = 1; c <= column_count; ++c) {
      if (glp_mip_col_val(problem, c) > 0.5) {
        outcome.slots[columns[c].request] = columns[c].slot;
        outcome.met_priority += input.requests[columns[c].request].priority;
      }
    }
    if (outcome.status == B2bIlpOutcome::Status::kOptimal) {
      outcome.best_bound = static_cast<double>(outcome.met_priority);
    }
  }
  glp_delete_prob(problem);
  return outcome;
}

}  // namespace amity::testing
