// Request metrics of the server in the Prometheus text format: requests by route template and
// status, their latency, open connections and the sizes of write batches. Counting is a few
// relaxed atomic increments per request (no lock, no allocation); the text is made on scrape.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace amity::http {

class Metrics {
 public:
  // `routes`: the route templates requests are counted by, e.g. "GET /api/v1/cities/{id}"; a
  // request's Request::route indexes them. Requests no route matched count as "other".
  explicit Metrics(std::vector<std::string> routes);

  // Counts one answered request. `route`: an index into the routes, or -1 for none.
  void CountRequest(int route, int status, double seconds);
  // Counts one write batch of `size` requests sharing a commit.
  void CountBatch(std::size_t size);
  void ConnectionOpened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
  void ConnectionClosed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }

  // Appends the metrics in the Prometheus text format (version 0.0.4) to `out`.
  void Render(std::string& out) const;

 private:
  // Upper bounds of the latency buckets in seconds; the last bucket is +Inf.
  static constexpr std::array<double, 12> kLatencyBounds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  static constexpr std::array<std::size_t, 7> kBatchBounds = {1, 2, 4, 8, 16, 32, 64};
  struct RouteCounters {
    std::array<std::atomic<std::uint64_t>, 600> by_status{};  // index: status (100-599)
    std::array<std::atomic<std::uint64_t>, kLatencyBounds.size() + 1> latency{};
    std::atomic<std::uint64_t> latency_nanoseconds{0};
  };

  std::vector<std::string> routes_;  // and "other" last
  std::unique_ptr<RouteCounters[]> counters_;
  std::atomic<int> open_connections_{0};
  std::array<std::atomic<std::uint64_t>, kBatchBounds.size() + 1> batches_{};
  std::atomic<std::uint64_t> batched_requests_{0};
};

// Appends one metric with its HELP and TYPE lines and a single unlabelled sample.
void AppendMetric(std::string& out, std::string_view name, std::string_view type,
                  std::string_view help, double value);

}  // namespace amity::http
