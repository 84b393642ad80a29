// Time and share of requests met of the B2B meetings scheduler (domain/b2b_schedule.h) against
// the first-come-first-served baseline and GLPK's integer program (tests/b2b/b2b_ilp.h) on the
// issue's fair: 300 exhibitors, 600 buyers, 3,000 requests, 3 days of 24 20-minute slots.
//
//   amity_b2b_schedule_bench schedule TABLES MAX_PRIORITY RUNS   scheduler and baseline RUNS times
//   amity_b2b_schedule_bench glpk TABLES MAX_PRIORITY SECONDS    the integer program (LP
//                                                                relaxation, then branch-and-cut,
//                                                                each limited to SECONDS), and the
//                                                                scheduler's share of it
//
// The instance: domain::testing::BenchmarkFair(TABLES, MAX_PRIORITY, seed 21); MAX_PRIORITY 1
// counts every request alike, 5 draws priorities 1..5. Each command prints one line of key=value
// pairs: times in ms (median, min, max of the runs; CPU is this thread's), requests met and the
// priority met, the scheduler's own upper bound, the process's peak RSS and the SHA-256 of the
// canonical schedule (the same in every run).
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "b2b/b2b_ilp.h"
#include "domain/b2b_schedule.h"
#include "domain/b2b_schedule_testing.h"
#include "files/sha256.h"

namespace {

using amity::domain::B2bInput;
using amity::domain::B2bSchedule;

double PeakMib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024;
}

double CpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double Ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

struct Timing {
  std::vector<double> wall, cpu;
  std::string Describe(const char* name) {
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    char line[200];
    std::snprintf(line, sizeof line, " %s_ms=%.1f %s_min_ms=%.1f %s_max_ms=%.1f %s_cpu_ms=%.1f",
                  name, wall[wall.size() / 2], name, wall.front(), name, wall.back(), name,
                  cpu[cpu.size() / 2]);
    return line;
  }
};

template <typename F>
B2bSchedule Timed(Timing& timing, F run) {
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = CpuMs();
  B2bSchedule schedule = run();
  timing.cpu.push_back(CpuMs() - cpu_start);
  timing.wall.push_back(Ms(start));
  return schedule;
}

std::string Describe(const B2bInput& input) {
  std::uint64_t priority = 0;
  for (const auto& request : input.requests) priority += request.priority;
  return "exhibitors=" + std::to_string(input.exhibitors.size()) +
         " buyers=" + std::to_string(input.buyers.size()) +
         " requests=" + std::to_string(input.requests.size()) +
         " slots=" + std::to_string(input.slots.size()) +
         " tables=" + std::to_string(input.tables.size()) +
         " priority_asked=" + std::to_string(priority);
}

std::string Sha(const B2bSchedule& schedule) {
  amity::files::Sha256 sha;
  sha.Update(amity::domain::CanonicalB2bSchedule(schedule));
  return sha.Finish().substr(0, 16);
}

int RunSchedule(const B2bInput& input, int runs) {
  Timing scheduler, baseline;
  B2bSchedule schedule, first_come;
  std::string sha;
  for (int run = 0; run < runs; ++run) {
    schedule = Timed(scheduler, [&] { return amity::domain::ScheduleB2bMeetings(input); });
    if (run == 0) sha = Sha(schedule);
    if (Sha(schedule) != sha) {
      std::printf("schedule differs between runs\n");
      return 1;
    }
    first_come =
        Timed(baseline, [&] { return amity::domain::testing::FirstComeFirstServed(input); });
  }
  const auto violations = amity::domain::testing::ScheduleViolations(input, schedule);
  std::uint32_t no_common = 0;
  for (const auto& a : schedule.requests) {
    no_common += a.reason == amity::domain::B2bUnmet::kNoCommonSlot;
  }
  std::printf(
      "schedule %s runs=%d%s met=%u met_priority=%llu upper_bound=%llu no_common_slot=%u"
      " violations=%zu schedule_sha256=%s%s baseline_met=%u baseline_priority=%llu"
      " peak_mib=%.1f\n",
      Describe(input).c_str(), runs, scheduler.Describe("scheduler").c_str(), schedule.met,
      static_cast<unsigned long long>(schedule.met_priority),
      static_cast<unsigned long long>(schedule.upper_bound), no_common, violations.size(),
      sha.c_str(), baseline.Describe("baseline").c_str(), first_come.met,
      static_cast<unsigned long long>(first_come.met_priority), PeakMib());
  return violations.empty() ? 0 : 1;
}

int RunGlpk(const B2bInput& input, double seconds) {
  const auto ilp = amity::testing::SolveB2bIlp(input, seconds);
  const B2bSchedule schedule = amity::domain::ScheduleB2bMeetings(input);
  const B2bSchedule first_come = amity::domain::testing::FirstComeFirstServed(input);
  // A time-limited incumbent need not be maximal (a request left unmet though a slot is free for
  // it), which ScheduleViolations counts too: those are reported apart from broken rules.
  std::size_t violations = 0, not_maximal = 0;
  if (ilp.has_solution) {
    for (const std::string& violation : amity::domain::testing::ScheduleViolations(
             input, amity::domain::testing::ScheduleFromSlots(input, ilp.slots))) {
      ++(violation.ends_with(" is free") ? not_maximal : violations);
    }
  }
  const double best = ilp.has_solution ? static_cast<double>(ilp.met_priority) : 0;
  std::printf(
      "glpk %s status=%s rows=%llu columns=%llu nonzeros=%llu build_s=%.2f lp_s=%.2f"
      " solve_s=%.2f lp_bound=%.2f best_bound=%.2f ilp_met_priority=%llu"
      " ilp_violations=%zu ilp_not_maximal=%zu scheduler_priority=%llu scheduler_of_ilp=%.4f"
      " scheduler_of_best_bound=%.4f scheduler_of_lp_bound=%.4f baseline_of_ilp=%.4f"
      " peak_mib=%.1f %s\n",
      Describe(input).c_str(), amity::testing::StatusName(ilp.status),
      static_cast<unsigned long long>(ilp.rows), static_cast<unsigned long long>(ilp.columns),
      static_cast<unsigned long long>(ilp.nonzeros), ilp.build_seconds, ilp.lp_seconds,
      ilp.solve_seconds, ilp.lp_bound, ilp.best_bound,
      static_cast<unsigned long long>(ilp.met_priority), violations, not_maximal,
      static_cast<unsigned long long>(schedule.met_priority),
      best > 0 ? static_cast<double>(schedule.met_priority) / best : 0,
      static_cast<double>(schedule.met_priority) / ilp.best_bound,
      static_cast<double>(schedule.met_priority) / ilp.lp_bound,
      best > 0 ? static_cast<double>(first_come.met_priority) / best : 0, PeakMib(),
      ilp.message.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s schedule|glpk TABLES MAX_PRIORITY RUNS|SECONDS\n", argv[0]);
    return 2;
  }
  const std::string command = argv[1];
  const auto tables = static_cast<std::uint32_t>(std::atoi(argv[2]));
  const auto max_priority = static_cast<std::uint32_t>(std::atoi(argv[3]));
  const B2bInput input = amity::domain::testing::BenchmarkFair(tables, max_priority, 21);
  if (command == "schedule") return RunSchedule(input, std::max(1, std::atoi(argv[4])));
  if (command == "glpk") return RunGlpk(input, std::atof(argv[4]));
  std::fprintf(stderr, "unknown command %s\n", command.c_str());
  return 2;
}
