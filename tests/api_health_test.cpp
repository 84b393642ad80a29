// A partnership's health on the dashboard, judged from real records: quiet and dormant by the
// months since the last contact (meetings, events, notes, status changes), at risk by overdue
// commitments, with each partnership's own thresholds.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

// An instant `days` ago (negative: ahead) at 10:00 UTC, as RFC 3339 text.
std::string DaysAgo(int days) {
  using namespace std::chrono;
  const year_month_day day{floor<std::chrono::days>(system_clock::now()) - std::chrono::days(days)};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT10:00:00Z", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

class ApiHealthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string izmir(
        server_.Get("/api/v1/cities?country=TR").Json().at("items").at(0).at("id").as_string());
    const HttpResult city = server_.Post(
        "/api/v1/cities", json::parse(R"({"name":{"original":"en","en":"Busan"},"country":"KR",
                                          "time_zone":"Asia/Seoul"})"));
    ASSERT_EQ(city.status, 201) << city.body;
    const HttpResult created =
        server_.Post("/api/v1/partnerships",
                     {{"home_city_id", izmir}, {"partner_city_id", city.Json().at("id")}});
    ASSERT_EQ(created.status, 201) << created.body;
    partnership_ = std::string(created.Json().at("id").as_string());
  }

  json::value Health() const {
    return server_.Get("/api/v1/dashboard?partnership_id=" + partnership_)
        .Json()
        .at("partnerships")
        .at(0)
        .at("health");
  }

  void Meet(int days_ago) const {
    const HttpResult meeting =
        server_.Post("/api/v1/meetings", {{"kind", "video_call"},
                                          {"partnership_id", partnership_},
                                          {"title", {{"original", "en"}, {"en", "Call"}}},
                                          {"starts_at", DaysAgo(days_ago)},
                                          {"ends_at", DaysAgo(days_ago)},
                                          {"time_zone", "Europe/Istanbul"}});
    ASSERT_EQ(meeting.status, 201) << meeting.body;
  }

  void Set(const json::object& fields) const {
    const HttpResult current = server_.Get("/api/v1/partnerships/" + partnership_);
    const HttpResult patched =
        server_.Request("PATCH", "/api/v1/partnerships/" + partnership_, json::serialize(fields),
                        {"If-Match: " + std::to_string(current.Json().at("version").as_int64())});
    ASSERT_EQ(patched.status, 200) << patched.body;
  }

  TestServer server_{true};
  std::string partnership_;
};

TEST_F(ApiHealthTest, NewThenQuietThenDormantByItsOwnMonths) {
  json::value health = Health();
  EXPECT_EQ(health.at("state").as_string(), "active");
  EXPECT_EQ(health.at("reason").as_string(), "never_contacted");

  Meet(130);  // four months and more ago
  health = Health();
  EXPECT_EQ(health.at("state").as_string(), "quiet");
  EXPECT_EQ(health.at("reason").as_string(), "no_contact");
  EXPECT_EQ(health.at("months_without_contact").as_int64(), 4);

  Set({{"quiet_after_months", 6}, {"dormant_after_months", 12}});
  EXPECT_EQ(Health().at("state").as_string(), "active");
  Set({{"dormant_after_months", 4}});
  health = Health();
  EXPECT_EQ(health.at("state").as_string(), "dormant");
  EXPECT_EQ(health.at("dormant_after_months").as_int64(), 4);

  // A thresholds outside its range is refused and changes nothing.
  const HttpResult current = server_.Get("/api/v1/partnerships/" + partnership_);
  const HttpResult refused = server_.Request(
      "PATCH", "/api/v1/partnerships/" + partnership_, R"({"quiet_after_months": 0})",
      {"If-Match: " + std::to_string(current.Json().at("version").as_int64())});
  EXPECT_EQ(refused.status, 422) << refused.body;

  Meet(2);  // contact again: alive
  health = Health();
  EXPECT_EQ(health.at("state").as_string(), "active");
  EXPECT_EQ(health.at("reason").as_string(), "recent_contact");
}

TEST_F(ApiHealthTest, OverdueCommitmentsPutItAtRisk) {
  Meet(1);
  const auto commit = [&](int due_days_ago) {
    const HttpResult created = server_.Post(
        "/api/v1/commitments",
        {{"partnership_id", partnership_},
         {"text", {{"original", "en"}, {"en", "Exchange " + std::to_string(due_days_ago)}}},
         {"area", "education"},
         {"proposed_by_side", "home"},
         {"due_date", DaysAgo(due_days_ago).substr(0, 10)}});
    ASSERT_EQ(created.status, 201) << created.body;
  };
  commit(-30);  // due next month
  commit(-60);
  commit(10);  // overdue
  EXPECT_EQ(Health().at("state").as_string(), "at_risk");
  EXPECT_EQ(Health().at("reason").as_string(), "overdue");
  EXPECT_EQ(Health().at("overdue").as_int64(), 1);
  EXPECT_EQ(Health().at("open").as_int64(), 3);
  commit(-90);  // one in four overdue: below a third
  EXPECT_EQ(Health().at("state").as_string(), "active");
}

TEST_F(ApiHealthTest, TheRegisterListsEachPartnershipsHealthAsItsCallerMaySee) {
  Meet(200);
  const json::value all = server_.Get("/api/v1/partnership-health?limit=200").Json();
  bool found = false;
  for (const json::value& item : all.at("items").as_array()) {
    if (item.at("partnership_id").as_string() != partnership_) continue;
    found = true;
    EXPECT_EQ(item.at("health"), Health());
    EXPECT_EQ(item.at("health").at("state").as_string(), "dormant");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(all.at("total").as_int64(), static_cast<long long>(all.at("items").as_array().size()));
  // A partner user does not see the (private) partnership it is not assigned to.
  std::string demo;
  const json::value partnerships = server_.Get("/api/v1/partnerships").Json();
  for (const json::value& item : partnerships.at("items").as_array()) {
    if (item.at("id").as_string() != partnership_) demo = std::string(item.at("id").as_string());
  }
  ASSERT_FALSE(demo.empty());
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {demo});
  const json::value theirs =
      server_.Request("GET", "/api/v1/partnership-health", "", {partner.Bearer()}).Json();
  ASSERT_FALSE(theirs.at("items").as_array().empty());
  for (const json::value& item : theirs.at("items").as_array()) {
    EXPECT_NE(item.at("partnership_id").as_string(), partnership_);
  }
  EXPECT_EQ(server_.Get("/api/v1/partnership-health?limit=201").status, 400);
}

}  // namespace
}  // namespace amity::testing
