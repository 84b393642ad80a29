// Time and peak memory of the seat allocation (domain/allocation.h) and of GLPK's integer program
// on the same instance (tests/allocation/allocation_ilp.h).
//
//   amity_allocation_bench allocate APPLICANTS CHOICES RUNS   deferred acceptance RUNS times
//   amity_allocation_bench glpk APPLICANTS CHOICES SECONDS    the integer program, GLPK's time
//                                                             limit SECONDS; then compares it
//                                                             with deferred acceptance
//
// The instance (the same for both, drawn by domain::testing::RandomInstance with seed 20):
// 2,000 conditions of 1–10 seats, each taught in one of 3 languages; every applicant ranks
// exactly CHOICES of them, popular ones more often (weight 200 / (200 + c)); the score for a
// choice is an academic part plus the result in its language, each from 1,000 levels, so equal
// scores happen and the lottery decides. Each command prints one line of key=value pairs: times
// in ms (median, min, max of the runs), the process's peak RSS (getrusage) and its RSS before the
// first run (the instance itself), the SHA-256 of the canonical input. bench/allocation.sh runs
// each case in a process of its own so that one peak is one case's.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "allocation/allocation_ilp.h"
#include "domain/allocation.h"
#include "domain/allocation_testing.h"
#include "files/sha256.h"

namespace {

using amity::domain::AllocationInput;
using amity::domain::AllocationResult;

double ResidentMib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stod(line.substr(6)) / 1024;
  }
  return -1;
}

double PeakMib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024;
}

// This thread's CPU time in ms: what the run cost, less what other processes took from it on the
// shared machine.
double CpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double Ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

AllocationInput Instance(std::uint32_t applicants, std::uint32_t choices) {
  return amity::domain::testing::RandomInstance({.applicants = applicants,
                                                 .conditions = 2000,
                                                 .max_choices = choices,
                                                 .exact_choices = true,
                                                 .max_seats = 10,
                                                 .min_seats = 1,
                                                 .languages = 3,
                                                 .score_levels = 1000,
                                                 .popularity_skew = 200},
                                                20);
}

std::string Describe(const AllocationInput& input) {
  std::uint64_t seats = 0, choices = 0;
  for (const auto& condition : input.conditions) seats += condition.seats;
  for (const auto& applicant : input.applicants) choices += applicant.choices.size();
  amity::files::Sha256 sha;
  sha.Update(amity::domain::CanonicalAllocationInput(input));
  return "applicants=" + std::to_string(input.applicants.size()) +
         " conditions=" + std::to_string(input.conditions.size()) +
         " seats=" + std::to_string(seats) + " choices=" + std::to_string(choices) +
         " input_sha256=" + sha.Finish().substr(0, 16);
}

std::uint64_t Placed(const AllocationResult& result) {
  std::uint64_t placed = 0;
  for (const auto& placement : result.applicants) {
    placed += placement.condition != amity::domain::kNotPlaced;
  }
  return placed;
}

int RunAllocate(std::uint32_t applicants, std::uint32_t choices, int runs) {
  const AllocationInput input = Instance(applicants, choices);
  const std::string description = Describe(input);
  const double before = ResidentMib();
  std::vector<double> times, cpu_times;
  AllocationResult result;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = CpuMs();
    result = amity::domain::Allocate(input);
    cpu_times.push_back(CpuMs() - cpu_start);
    times.push_back(Ms(start));
  }
  // What a run records besides: every applicant's explanation and the result's canonical bytes.
  auto start = std::chrono::steady_clock::now();
  std::uint64_t explained = 0;
  for (std::uint32_t a = 0; a < input.applicants.size(); ++a) {
    explained += amity::domain::ExplainPlacement(input, result, a).size();
  }
  const double explain_ms = Ms(start);
  start = std::chrono::steady_clock::now();
  amity::files::Sha256 sha;
  sha.Update(amity::domain::CanonicalAllocationResult(input, result));
  const std::string result_hash = sha.Finish();
  const double canonical_ms = Ms(start);
  std::vector<double> sorted = times;
  std::sort(sorted.begin(), sorted.end());
  std::printf(
      "allocate %s runs=%d median_ms=%.2f min_ms=%.2f max_ms=%.2f cpu_median_ms=%.2f placed=%llu "
      "explain_all_ms=%.2f (%llu refusals) result_bytes_and_sha256_ms=%.2f result_sha256=%s "
      "rss_before_mib=%.1f peak_rss_mib=%.1f\n",
      description.c_str(), runs, sorted[sorted.size() / 2], sorted.front(), sorted.back(),
      Median(cpu_times), static_cast<unsigned long long>(Placed(result)), explain_ms,
      static_cast<unsigned long long>(explained), canonical_ms, result_hash.substr(0, 16).c_str(),
      before, PeakMib());
  return 0;
}

int RunGlpk(std::uint32_t applicants, std::uint32_t choices, double seconds) {
  const AllocationInput input = Instance(applicants, choices);
  const std::string description = Describe(input);
  const double before = ResidentMib();
  std::printf("glpk %s time_limit_s=%.0f starting\n", description.c_str(), seconds);
  std::fflush(stdout);
  const amity::testing::IlpOutcome ilp = amity::testing::SolveStableAllocationIlp(input, seconds);
  const double peak = PeakMib();
  std::string equal = "-";
  if (ilp.status == amity::testing::IlpOutcome::Status::kOptimal) {
    const AllocationResult result = amity::domain::Allocate(input);
    equal = amity::domain::testing::Assignment(result) == ilp.assignment ? "yes" : "NO";
  }
  std::printf(
      "glpk %s status=%s rows=%llu columns=%llu nonzeros=%llu build_ms=%.0f solve_ms=%.0f "
      "sum_of_ranks=%llu equal_to_deferred_acceptance=%s rss_before_mib=%.1f "
      "peak_rss_mib=%.1f%s%s\n",
      description.c_str(), amity::testing::StatusName(ilp.status),
      static_cast<unsigned long long>(ilp.rows), static_cast<unsigned long long>(ilp.columns),
      static_cast<unsigned long long>(ilp.nonzeros), ilp.build_seconds * 1000,
      ilp.solve_seconds * 1000, static_cast<unsigned long long>(ilp.sum_of_ranks), equal.c_str(),
      before, peak, ilp.message.empty() ? "" : " message=", ilp.message.c_str());
  return equal == "NO" ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::string(argv[1]) == "allocate") {
    return RunAllocate(std::stoul(argv[2]), std::stoul(argv[3]), std::stoi(argv[4]));
  }
  if (argc == 5 && std::string(argv[1]) == "glpk") {
    return RunGlpk(std::stoul(argv[2]), std::stoul(argv[3]), std::stod(argv[4]));
  }
  std::fprintf(stderr,
               "usage: %s allocate APPLICANTS CHOICES RUNS | glpk APPLICANTS CHOICES SECONDS\n",
               argv[0]);
  return 2;
}
