// GET /metrics: who may read it, and that its counters follow the requests served. The format
// itself is checked by an independent parser in check_metrics.py (ctest metrics_format).
#include <gtest/gtest.h>

#include <string>

#include "test_server.h"

namespace amity::testing {
namespace {

// The value of the sample line that starts with `series` (its name and labels), or -1.
double Sample(const std::string& text, const std::string& series) {
  const size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + series.size() + 2));
}

TEST(ApiMetricsTest, LoopbackReadsCountersThatFollowTheRequests) {
  TestServer server(false);
  const std::string route =
      "amity_http_requests_total{method=\"GET\",route=\"/api/v1/cities/{id}\",status=\"404\"}";
  const HttpResult before = server.Request("GET", "/metrics", "", {"Authorization:"});
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(Sample(before.body, route), -1);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(server.Get("/api/v1/cities/0190a000-0000-7000-8000-000000000000").status, 404);
  }
  const HttpResult city = server.Post(
      "/api/v1/cities", boost::json::parse(R"({"name":{"original":"en","en":"Busan"},"country":"KR",
                             "time_zone":"Asia/Seoul","latitude":35.18,"longitude":129.07})"));
  ASSERT_EQ(city.status, 201) << city.body;
  const HttpResult after = server.Request("GET", "/metrics", "", {"Authorization:"});
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(Sample(after.body, route), 3) << after.body;
  EXPECT_GE(Sample(after.body,
                   "amity_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/"
                   "cities/{id}\"}"),
            3);
  EXPECT_EQ(Sample(after.body,
                   "amity_http_requests_total{method=\"POST\",route=\"/api/v1/cities\","
                   "status=\"201\"}"),
            1);
  EXPECT_GE(Sample(after.body, "amity_write_batch_size_count"), 1);  // the POST's commit
  EXPECT_GE(Sample(after.body, "amity_http_open_connections"), 1);   // this scrape's own
  EXPECT_GT(Sample(after.body, "amity_database_bytes"), 0);
  EXPECT_EQ(Sample(after.body, "amity_last_backup_timestamp_seconds"), 0);  // none configured
}

// Behind a trusted proxy the client is the address X-Forwarded-For names: a stranger reaching
// the proxy must not read the metrics because the proxy connects over loopback.
TEST(ApiMetricsTest, ARemoteClientNeedsAnAdminToken) {
  TestServer server(false, {"AMITY_TRUST_PROXY=1"});
  const std::string remote = "X-Forwarded-For: 203.0.113.7";
  EXPECT_EQ(server.Request("GET", "/metrics", "", {"Authorization:", remote}).status, 401);
  const TestUser viewer = server.AddUser("viewer@amity.test", "viewer");
  EXPECT_EQ(server.Request("GET", "/metrics", "", {viewer.Bearer(), remote}).status, 403);
  const HttpResult admin = server.Request("GET", "/metrics", "", {remote});
  EXPECT_EQ(admin.status, 200) << admin.body;
  EXPECT_NE(admin.body.find("amity_http_requests_total"), std::string::npos);
  // Loopback as the proxy reports it: allowed without a token.
  EXPECT_EQ(server.Request("GET", "/metrics", "", {"Authorization:", "X-Forwarded-For: 127.0.0.1"})
                .status,
            200);
}

}  // namespace
}  // namespace amity::testing
