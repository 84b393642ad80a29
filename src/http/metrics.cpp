#include "http/metrics.h"

#include <algorithm>
#include <cstdio>

namespace amity::http {
namespace {

void AppendNumber(std::string& out, double value) {
  char text[32];
  const int length = std::snprintf(text, sizeof text, "%.17g", value);
  out.append(text, length);
}

// A label value: backslash, double quote and newline escaped (route templates hold none, but a
// template is text from elsewhere).
void AppendLabelValue(std::string& out, std::string_view value) {
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
}

}  // namespace

Metrics::Metrics(std::vector<std::string> routes) : routes_(std::move(routes)) {
  routes_.push_back("other");
  counters_ = std::make_unique<RouteCounters[]>(routes_.size());
}

void Metrics::CountRequest(int route, int status, double seconds) {
  const std::size_t index = route >= 0 && static_cast<std::size_t>(route) < routes_.size() - 1
                                ? static_cast<std::size_t>(route)
                                : routes_.size() - 1;
  RouteCounters& counters = counters_[index];
  counters.by_status[status >= 100 && status < 600 ? status : 599].fetch_add(
      1, std::memory_order_relaxed);
  const std::size_t bucket =
      std::lower_bound(kLatencyBounds.begin(), kLatencyBounds.end(), seconds) -
      kLatencyBounds.begin();
  counters.latency[bucket].fetch_add(1, std::memory_order_relaxed);
  counters.latency_nanoseconds.fetch_add(static_cast<std::uint64_t>(seconds * 1e9),
                                         std::memory_order_relaxed);
}

void Metrics::CountBatch(std::size_t size) {
  const std::size_t bucket =
      std::lower_bound(kBatchBounds.begin(), kBatchBounds.end(), size) - kBatchBounds.begin();
  batches_[bucket].fetch_add(1, std::memory_order_relaxed);
  batched_requests_.fetch_add(size, std::memory_order_relaxed);
}

void AppendMetric(std::string& out, std::string_view name, std::string_view type,
                  std::string_view help, double value) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n# TYPE ");
  out.append(name).append(" ").append(type).append("\n").append(name).append(" ");
  AppendNumber(out, value);
  out += '\n';
}

void Metrics::Render(std::string& out) const {
  // `method="GET",route="/api/v1/cities/{id}"` of a route, appended to `into`.
  const auto route_labels = [this](std::string& into, std::size_t route) {
    const std::string_view name = routes_[route];
    const std::size_t space = name.find(' ');
    into += "method=\"";
    AppendLabelValue(into, space == std::string::npos ? "" : name.substr(0, space));
    into += "\",route=\"";
    AppendLabelValue(into, space == std::string::npos ? name : name.substr(space + 1));
    into += '"';
  };
  out +=
      "# HELP amity_http_requests_total HTTP requests answered, by route template and status.\n"
      "# TYPE amity_http_requests_total counter\n";
  for (std::size_t route = 0; route < routes_.size(); ++route) {
    for (int status = 100; status < 600; ++status) {
      const std::uint64_t count =
          counters_[route].by_status[status].load(std::memory_order_relaxed);
      if (count == 0) continue;
      out += "amity_http_requests_total{";
      route_labels(out, route);
      out += ",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }
  }
  out +=
      "# HELP amity_http_request_duration_seconds Time from a request's head to its answer.\n"
      "# TYPE amity_http_request_duration_seconds histogram\n";
  for (std::size_t route = 0; route < routes_.size(); ++route) {
    const RouteCounters& counters = counters_[route];
    std::uint64_t cumulative = 0;
    std::string samples;
    for (std::size_t bucket = 0; bucket <= kLatencyBounds.size(); ++bucket) {
      cumulative += counters.latency[bucket].load(std::memory_order_relaxed);
      samples += "amity_http_request_duration_seconds_bucket{";
      route_labels(samples, route);
      samples += ",le=\"";
      if (bucket < kLatencyBounds.size()) {
        AppendNumber(samples, kLatencyBounds[bucket]);
      } else {
        samples += "+Inf";
      }
      samples += "\"} " + std::to_string(cumulative) + "\n";
    }
    if (cumulative == 0) continue;  // a route never called: no series
    out += samples;
    for (const char* suffix : {"_sum{", "_count{"}) {
      out += "amity_http_request_duration_seconds";
      out += suffix;
      route_labels(out, route);
      out += "} ";
      if (suffix[1] == 's') {
        AppendNumber(out, counters.latency_nanoseconds.load(std::memory_order_relaxed) / 1e9);
      } else {
        out += std::to_string(cumulative);
      }
      out += '\n';
    }
  }
  AppendMetric(out, "amity_http_open_connections", "gauge", "Client connections open now.",
               open_connections_.load(std::memory_order_relaxed));
  out +=
      "# HELP amity_write_batch_size Record writes that shared one commit, per commit.\n"
      "# TYPE amity_write_batch_size histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t bucket = 0; bucket <= kBatchBounds.size(); ++bucket) {
    cumulative += batches_[bucket].load(std::memory_order_relaxed);
    out += "amity_write_batch_size_bucket{le=\"";
    out += bucket < kBatchBounds.size() ? std::to_string(kBatchBounds[bucket]) : "+Inf";
    out += "\"} " + std::to_string(cumulative) + "\n";
  }
  out += "amity_write_batch_size_sum " +
         std::to_string(batched_requests_.load(std::memory_order_relaxed)) + "\n";
  out += "amity_write_batch_size_count " + std::to_string(cumulative) + "\n";
}

}  // namespace amity::http
