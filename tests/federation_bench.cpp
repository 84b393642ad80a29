// Benchmark of the pull-based sync over the impairment proxy (bench/federation.sh, figures in
// bench/RESULTS.md): commit → visible-on-peer lag at RTT_MS (default 300) over COMMITS commits
// (default 100); convergence after a partition during which CHANGES changes (default 10,000, half
// on each side) were made, with bytes on the wire and server CPU per change; and the cost of a
// partition LONG_S seconds long (default 60) with FEW changes (default 20) against a short one.
// Not a ctest: run it through bench/federation.sh.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "federation_pair.h"

namespace amity::testing {
namespace {
using Clock = std::chrono::steady_clock;

int Setting(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::atoi(value) : fallback;
}

Impairment Link() {
  return {.round_trip = std::chrono::milliseconds(Setting("RTT_MS", 300)),
          .loss = Setting("LOSS_PERMILLE", 0) / 1000.0};
}

// User + system CPU seconds of process `pid` so far (/proc/<pid>/stat, fields 14 and 15).
double CpuSeconds(int pid) {
  const std::string stat = ReadFile("/proc/" + std::to_string(pid) + "/stat");
  const size_t end = stat.rfind(')');
  if (end == std::string::npos) return 0;
  std::vector<std::string> fields;
  size_t at = end + 2;
  while (at < stat.size()) {
    const size_t space = stat.find(' ', at);
    fields.push_back(stat.substr(at, space - at));
    if (space == std::string::npos) break;
    at = space + 1;
  }
  // fields[0] is field 3 (state): utime is field 14, stime 15.
  return (std::stod(fields[11]) + std::stod(fields[12])) /
         static_cast<double>(sysconf(_SC_CLK_TCK));
}

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const size_t index = std::min(values.size() - 1, static_cast<size_t>(p * values.size()));
  return values[index];
}

std::string Load() { return ReadFile("/proc/loadavg").substr(0, 14); }

long long Count(const TestServer& server, const std::string& like) {
  return QueryNumber(server.db_path(),
                     "SELECT count(*) FROM commitments WHERE text LIKE '%" + like + "%'");
}

// Creates `n` shared commitments "<label> i" on `server` from 4 threads.
void Make(const TestServer& server, const std::string& partnership, const std::string& label,
          int n) {
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = w; i < n; i += 4) {
        Create(server, "/api/v1/commitments",
               CommitmentBody(partnership, label + " " + std::to_string(i), "shared"));
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
}

TEST(FederationBench, LagFromCommitToVisibleOnPeer) {
  ProxiedPair pair(Link());
  const int commits = Setting("COMMITS", 100);
  std::vector<double> lags;
  for (int i = 0; i < commits; ++i) {
    const std::string id = Create(pair.izmir.server, "/api/v1/meetings",
                                  MeetingBody(pair.partnership, "Lag " + std::to_string(i)));
    const auto committed = Clock::now();
    ASSERT_TRUE(WaitFor([&] { return Holds(pair.harbin.server, "/api/v1/meetings/" + id); }, 60));
    lags.push_back(std::chrono::duration<double, std::milli>(Clock::now() - committed).count());
  }
  std::fflush(stdout);
  std::printf("RESULT lag rtt_ms=%d commits=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f load=%s\n",
              Setting("RTT_MS", 300), commits, Percentile(lags, 0.5), Percentile(lags, 0.99),
              Percentile(lags, 1.0), Load().c_str());
  std::fflush(stdout);
}

// Partitions, makes `per_side` changes on each side, waits `extra_seconds` more, heals and
// times the convergence; prints bytes and CPU per change.
void PartitionRun(const char* name, int per_side, int extra_seconds) {
  ProxiedPair pair(Link());
  pair.Partition();
  Make(pair.izmir.server, pair.partnership, "BenchIzmirItem", per_side);
  Make(pair.harbin.server, pair.partnership, "BenchHarbinItem", per_side);
  std::this_thread::sleep_for(std::chrono::seconds(extra_seconds));
  // What the partition costs once healed: the bytes and CPU until both hold everything.
  pair.izmir.proxy.ResetCounters();
  pair.harbin.proxy.ResetCounters();
  const double cpu_before =
      CpuSeconds(pair.izmir.server.pid()) + CpuSeconds(pair.harbin.server.pid());
  const auto healed = Clock::now();
  pair.Heal();
  pair.Nudge();
  ASSERT_TRUE(WaitFor(
      [&] {
        return Count(pair.harbin.server, "BenchIzmirItem") == per_side &&
               Count(pair.izmir.server, "BenchHarbinItem") == per_side;
      },
      600))
      << Count(pair.harbin.server, "BenchIzmirItem") << " "
      << Count(pair.izmir.server, "BenchHarbinItem");
  const double seconds = std::chrono::duration<double>(Clock::now() - healed).count();
  const double cpu =
      CpuSeconds(pair.izmir.server.pid()) + CpuSeconds(pair.harbin.server.pid()) - cpu_before;
  const double bytes = static_cast<double>(
      pair.izmir.proxy.bytes_to_target() + pair.izmir.proxy.bytes_from_target() +
      pair.harbin.proxy.bytes_to_target() + pair.harbin.proxy.bytes_from_target());
  const int changes = 2 * per_side;
  std::printf(
      "RESULT %s rtt_ms=%d changes=%d partition_extra_s=%d converge_s=%.1f bytes=%.0f "
      "bytes_per_change=%.0f cpu_s=%.2f cpu_ms_per_change=%.3f connections=%llu load=%s\n",
      name, Setting("RTT_MS", 300), changes, extra_seconds, seconds, bytes, bytes / changes, cpu,
      1000 * cpu / changes,
      static_cast<unsigned long long>(pair.izmir.proxy.connections() +
                                      pair.harbin.proxy.connections()),
      Load().c_str());
  std::fflush(stdout);  // before the next case's servers fork
}

TEST(FederationBench, ConvergeAfterPartitionWithManyChanges) {
  PartitionRun("partition_many", Setting("CHANGES", 10000) / 2, 0);
}

TEST(FederationBench, ShortPartitionWithFewChanges) {
  PartitionRun("partition_few_short", Setting("FEW", 20) / 2, 0);
}

TEST(FederationBench, LongPartitionWithFewChanges) {
  PartitionRun("partition_few_long", Setting("FEW", 20) / 2, Setting("LONG_S", 60));
}

}  // namespace
}  // namespace amity::testing
