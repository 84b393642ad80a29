// Calendar feeds against the real server, each answer parsed by an independent iCalendar parser
// (tests/check_ical.py, python3-icalendar): a partnership's feed with its events in their own
// zones, a partner user's feed holding only what they may see, "mine" for a user who is a
// person, the portal's public events in the asked language, and revoked or unknown secrets.
// A real client (khal) imports the public feed.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

// The events of an iCalendar text as the independent parser reads them; fails the test when it
// does not parse.
json::value Parsed(const TestServer& server, const std::string& text) {
  const std::string path = server.folder() + "/feed.ics";
  std::ofstream(path, std::ios::binary) << text;
  std::string output;
  FILE* pipe =
      popen(("/usr/bin/python3 " AMITY_SOURCE_DIR "/tests/check_ical.py " + path).c_str(), "r");
  char buffer[4096];
  while (size_t got = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
  const int status = pclose(pipe);
  EXPECT_EQ(status, 0) << output << text.substr(0, 2000);
  return status == 0 ? json::parse(output) : json::value();
}

bool HasSummary(const json::value& calendar, const std::string& part) {
  for (const json::value& event : calendar.at("events").as_array()) {
    if (std::string(event.at("summary").as_string()).find(part) != std::string::npos) return true;
  }
  return false;
}

class ApiFeedsTest : public ::testing::Test {
 protected:
  HttpResult NewFeed(const json::object& body, const std::string& auth = "") const {
    std::vector<std::string> headers = {"Content-Type: application/json"};
    if (!auth.empty()) headers.push_back(auth);
    return server_.Request("POST", "/api/v1/feeds", json::serialize(body), headers);
  }

  TestServer server_{true};
  std::string partnership_ = FirstPartnershipId(server_);
};

TEST_F(ApiFeedsTest, APartnershipFeedHoldsItsEventsInTheirZonesAndDueDates) {
  const HttpResult created =
      NewFeed({{"kind", "partnership"}, {"partnership_id", partnership_}, {"lang", "tr"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url(created.Json().at("url").as_string());
  EXPECT_TRUE(url.starts_with("/api/v1/calendar/"));
  const HttpResult feed = server_.Request("GET", url, "", {"Authorization:"});  // no credentials
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_TRUE(feed.Header("content-type").starts_with("text/calendar"));
  const json::value calendar = Parsed(server_, feed.body);
  ASSERT_TRUE(calendar.is_object());
  EXPECT_TRUE(HasSummary(calendar, "Harbin Uluslararası Buz ve Kar Festivali"));  // in Turkish
  bool zoned = false;
  for (const json::value& event : calendar.at("events").as_array()) {
    zoned |= event.at("tzid").is_string() && event.at("tzid").as_string() == "Asia/Shanghai";
  }
  EXPECT_TRUE(zoned) << "a Harbin event in Harbin's zone";

  // A change bumps SEQUENCE and keeps the UID.
  const json::value events = server_.Get("/api/v1/events?kind=festival").Json();
  const json::object festival = events.at("items").at(0).as_object();
  const std::string uid_start(festival.at("id").as_string());
  const HttpResult cancelled =
      server_.Request("PATCH", "/api/v1/events/" + uid_start, R"({"status":"cancelled"})",
                      {"If-Match: " + std::to_string(festival.at("version").as_int64())});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  const json::value after =
      Parsed(server_, server_.Request("GET", url, "", {"Authorization:"}).body);
  for (const json::value& event : after.at("events").as_array()) {
    if (!std::string(event.at("uid").as_string()).starts_with(uid_start)) continue;
    EXPECT_EQ(event.at("status").as_string(), "CANCELLED");
    EXPECT_EQ(event.at("sequence").as_int64(), festival.at("version").as_int64());
  }

  // Listed without its secret; revoked, the URL is gone.
  const json::value listed = server_.Get("/api/v1/feeds").Json();
  ASSERT_EQ(listed.at("items").as_array().size(), 1u);
  EXPECT_FALSE(listed.at("items").at(0).as_object().contains("url"));
  const std::string id(created.Json().at("id").as_string());
  EXPECT_EQ(server_.Request("DELETE", "/api/v1/feeds/" + id).status, 204);
  EXPECT_EQ(server_.Request("GET", url, "", {"Authorization:"}).status, 404);
  EXPECT_EQ(server_.Request("GET", "/api/v1/calendar/not-a-secret", "", {"Authorization:"}).status,
            404);
}

TEST_F(ApiFeedsTest, APartnerUsersFeedHoldsOnlyWhatTheyMaySee) {
  const HttpResult secret = server_.Post(
      "/api/v1/meetings", {{"kind", "video_call"},
                           {"partnership_id", partnership_},
                           {"title", {{"original", "en"}, {"en", "Internal budget call"}}},
                           {"starts_at", "2027-01-10T10:00:00+03:00"},
                           {"ends_at", "2027-01-10T11:00:00+03:00"},
                           {"time_zone", "Europe/Istanbul"},
                           {"visibility", "private"}});
  ASSERT_EQ(secret.status, 201) << secret.body;
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {partnership_});
  const HttpResult created =
      NewFeed({{"kind", "partnership"}, {"partnership_id", partnership_}, {"lang", "zh"}},
              partner.Bearer());
  ASSERT_EQ(created.status, 201) << created.body;
  const json::value partner_view = Parsed(
      server_,
      server_
          .Request("GET", std::string(created.Json().at("url").as_string()), "", {"Authorization:"})
          .body);
  EXPECT_FALSE(HasSummary(partner_view, "Internal budget call"));
  EXPECT_TRUE(HasSummary(partner_view, "哈尔滨"));  // the shared and public ones, in Chinese
  const HttpResult own =
      NewFeed({{"kind", "partnership"}, {"partnership_id", partnership_}, {"lang", "en"}});
  const json::value home_view = Parsed(
      server_,
      server_.Request("GET", std::string(own.Json().at("url").as_string()), "", {"Authorization:"})
          .body);
  EXPECT_TRUE(HasSummary(home_view, "Internal budget call"));
}

TEST_F(ApiFeedsTest, MineHoldsTheDueDatesOfWhatTheUserOwns) {
  const std::string person(
      server_.Get("/api/v1/people?limit=1").Json().at("items").at(0).at("id").as_string());
  const TestUser officer = server_.AddUser("officer@izmir.example", "officer");
  const HttpResult user = server_.Get("/api/v1/users/" + officer.id);
  ASSERT_EQ(server_
                .Request("PATCH", "/api/v1/users/" + officer.id,
                         json::serialize(json::object{{"person_id", person}}),
                         {"If-Match: " + std::to_string(user.Json().at("version").as_int64())})
                .status,
            200);
  const HttpResult owned = server_.Post(
      "/api/v1/commitments", {{"partnership_id", partnership_},
                              {"text", {{"original", "en"}, {"en", "Send the exchange list"}}},
                              {"area", "education"},
                              {"proposed_by_side", "home"},
                              {"home_owner_id", person},
                              {"due_date", "2027-02-15"}});
  ASSERT_EQ(owned.status, 201) << owned.body;
  const HttpResult created = NewFeed({{"kind", "mine"}, {"lang", "en"}}, officer.Bearer());
  ASSERT_EQ(created.status, 201) << created.body;
  const json::value mine = Parsed(
      server_,
      server_
          .Request("GET", std::string(created.Json().at("url").as_string()), "", {"Authorization:"})
          .body);
  bool found = false;
  for (const json::value& event : mine.at("events").as_array()) {
    if (event.at("summary").as_string() != "Due: Send the exchange list") continue;
    found = true;
    EXPECT_TRUE(event.at("all_day").as_bool());
    EXPECT_EQ(event.at("start").as_string(), "2027-02-15");
  }
  EXPECT_TRUE(found);
}

// A real calendar client, khal, imports the public feed in Turkish and shows the festival at the
// hour İzmir's clock reads when Harbin's reads 10:00 (Asia/Shanghai → Europe/Istanbul).
TEST_F(ApiFeedsTest, ARealCalendarClientImportsTheFeedInItsOwnZone) {
  if (std::system("command -v khal > /dev/null") != 0) GTEST_SKIP() << "khal is not installed";
  const HttpResult tr =
      server_.Request("GET", "/public/calendar.ics?lang=tr", "", {"Authorization:"});
  ASSERT_EQ(tr.status, 200);
  const std::string path = server_.folder() + "/public-tr.ics";
  std::ofstream(path, std::ios::binary) << tr.body;
  std::string listed;
  FILE* pipe = popen(("sh " AMITY_SOURCE_DIR "/tests/khal_import.sh " + path).c_str(), "r");
  char buffer[4096];
  while (size_t got = fread(buffer, 1, sizeof buffer, pipe)) listed.append(buffer, got);
  ASSERT_EQ(pclose(pipe), 0) << listed;
  EXPECT_NE(listed.find("2027-01-05 05:00 Harbin Uluslararası Buz ve Kar Festivali"),
            std::string::npos)
      << listed;
  EXPECT_EQ(listed.find("Maraton"), std::string::npos) << listed;
}

TEST_F(ApiFeedsTest, ThePortalsPublicEventsAndBadRequests) {
  const HttpResult zh =
      server_.Request("GET", "/public/calendar.ics?lang=zh", "", {"Authorization:"});
  ASSERT_EQ(zh.status, 200);
  const json::value calendar = Parsed(server_, zh.body);
  EXPECT_TRUE(HasSummary(calendar, "哈尔滨国际冰雪节"));
  EXPECT_FALSE(HasSummary(calendar, "Maraton"));  // the marathon is shared, not public
  EXPECT_EQ(server_.Request("GET", "/public/calendar.ics?lang=xx", "", {"Authorization:"}).status,
            400);

  const std::string before = server_.Snapshot();
  EXPECT_EQ(NewFeed({{"kind", "weekly"}, {"lang", "en"}}).status, 422);
  EXPECT_EQ(NewFeed({{"kind", "partnership"}, {"lang", "en"}}).status, 422);
  EXPECT_EQ(NewFeed({{"kind", "mine"}, {"partnership_id", partnership_}, {"lang", "en"}}).status,
            422);
  EXPECT_EQ(NewFeed({{"kind", "mine"}, {"lang", "fr"}}).status, 422);
  EXPECT_EQ(NewFeed({{"kind", "mine"}, {"lang", "en"}, {"colour", "red"}}).status, 400);
  EXPECT_EQ(server_.Request("DELETE", "/api/v1/feeds/01a24de0-0000-7000-8000-000000000000").status,
            404);
  EXPECT_EQ(server_.Snapshot(), before);
}

}  // namespace
}  // namespace amity::testing
