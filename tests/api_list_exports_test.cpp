// Exports of the last list screens against the real server (the partnerships' health, the
// translation queue, a call's allocation runs, a fair's B2B meetings, the bell's notices), each
// file read back by independent parsers: the same rows and filters as the JSON list, what a partner
// user's list gives them (or the same 403/404), and bad parameters refused naming them.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "export_table.h"
#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

// The partnership ids of the health list as `headers` see it (every page of 200).
std::vector<std::string> HealthIds(const TestServer& server,
                                   const std::vector<std::string>& headers = {}) {
  const HttpResult list =
      server.Request("GET", "/api/v1/partnership-health?limit=200", "", headers);
  EXPECT_EQ(list.status, 200) << list.body;
  std::vector<std::string> ids;
  const json::value answer = list.Json();
  for (const json::value& item : answer.at("items").as_array()) {
    ids.emplace_back(item.at("partnership_id").as_string());
  }
  return ids;
}

TEST(ApiListExportsTest, HealthExportsEveryPartnershipTheCallerSeesWithItsState) {
  TestServer server(true);
  const std::vector<std::string> all = HealthIds(server);
  ASSERT_FALSE(all.empty());
  const HttpResult csv = server.Get("/api/v1/partnership-health/export?format=csv&language=en");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.Header("content-disposition").find("partnership-health-"), std::string::npos);
  const json::object table = Parsed(server, csv, "csv");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Ids(table), all);
  EXPECT_EQ(csv.Header("x-export-rows"), std::to_string(all.size()));
  EXPECT_EQ(Header(table).at(2), "Health");
  const json::value first = server.Get("/api/v1/partnership-health?limit=1").Json();
  const std::string state(first.at("items").at(0).at("health").at("state").as_string());
  const std::map<std::string, std::string> words = {
      {"active", "Active"}, {"quiet", "Quiet"}, {"dormant", "Dormant"}, {"at_risk", "At risk"}};
  EXPECT_EQ(table.at("rows").at(1).at(2).as_string(), words.at(state));

  // In Turkish as XLSX; a partner user gets their partnership's row only, as their list.
  const json::object turkish = Parsed(
      server, server.Get("/api/v1/partnership-health/export?format=xlsx&language=tr"), "xlsx");
  ASSERT_FALSE(turkish.empty());
  EXPECT_EQ(Ids(turkish), all);
  EXPECT_EQ(Header(turkish).at(3), "Gerekçe");
  const TestUser partner = server.AddUser("wang@harbin.example", "partner", {all.front()});
  const HttpResult partner_csv =
      server.Request("GET", "/api/v1/partnership-health/export?format=csv", "", {partner.Bearer()});
  ASSERT_EQ(partner_csv.status, 200) << partner_csv.body;
  const json::object theirs = Parsed(server, partner_csv, "csv");
  ASSERT_FALSE(theirs.empty());
  const std::vector<std::string> partner_ids = Ids(theirs);
  EXPECT_EQ(partner_ids, HealthIds(server, {partner.Bearer()}));
  EXPECT_NE(std::find(partner_ids.begin(), partner_ids.end(), all.front()), partner_ids.end());
  EXPECT_LE(partner_ids.size(), all.size());

  const std::string before = server.Snapshot();
  ExpectExportRefused(server, "/api/v1/partnership-health/export",
                      {{"format=pdf", "format"},
                       {"", "format"},
                       {"format=csv&limit=5", "limit"},
                       {"format=csv&language=de", "language"}});
  EXPECT_EQ(server.Snapshot(), before);
}

TEST(ApiListExportsTest, TranslationQueueExportsItsFiltersEveryPageForHomeRolesOnly) {
  TestServer server(true);
  const std::string query = "lang=zh&state=missing";
  // More than one page of 200 would need a bigger demo; the queue's own pages are compared.
  const json::value list = server.Get("/api/v1/translations?limit=200&" + query).Json();
  const long long total = list.at("total").as_int64();
  const HttpResult csv =
      server.Get("/api/v1/translations/export?format=csv&excel=true&language=zh&" + query);
  ASSERT_EQ(csv.status, 200) << csv.body;
  const json::object table = Parsed(server, csv, "csv", true);
  ASSERT_FALSE(table.empty());
  EXPECT_TRUE(table.at("bom").as_bool());
  EXPECT_EQ(static_cast<long long>(Ids(table).size()), total) << "every page";
  std::vector<std::string> first_page;
  for (const json::value& item : list.at("items").as_array()) {
    first_page.emplace_back(item.at("id").as_string());
  }
  std::vector<std::string> exported = Ids(table);
  exported.resize(std::min(exported.size(), first_page.size()));
  EXPECT_EQ(exported, first_page);
  EXPECT_EQ(Header(table).at(7), "原文");

  const json::object unreviewed =
      Parsed(server, server.Get("/api/v1/translations/export?format=xlsx&lang=en&state=unreviewed"),
             "xlsx");
  ASSERT_FALSE(unreviewed.empty());
  EXPECT_EQ(Ids(unreviewed),
            ItemIds(server, "/api/v1/translations?limit=200&lang=en&state=unreviewed"));

  // Partner users get the queue's 403; the language to translate into is required.
  const TestUser partner =
      server.AddUser("wang@harbin.example", "partner", {FirstPartnershipId(server)});
  EXPECT_EQ(server.Request("GET", "/api/v1/translations?lang=zh", "", {partner.Bearer()}).status,
            403);
  EXPECT_EQ(
      server
          .Request("GET", "/api/v1/translations/export?format=csv&lang=zh", "", {partner.Bearer()})
          .status,
      403);
  ExpectExportRefused(server, "/api/v1/translations/export",
                      {{"format=csv", "lang"},
                       {"format=ods&lang=zh", "format"},
                       {"format=csv&lang=zh&state=done", "state"},
                       {"format=csv&lang=zh&offset=200", "offset"}});
}

TEST(ApiListExportsTest, ACallsAllocationRunsExportForHomeRolesAs404ToPartners) {
  TestServer server(true);
  const std::string agreement(
      server.Get("/api/v1/exchange-agreements").Json().at("items").at(0).at("id").as_string());
  std::string call;
  const json::value calls =
      server.Get("/api/v1/exchange-agreements/" + agreement + "/calls").Json();
  for (const json::value& item : calls.at("items").as_array()) {
    if (item.at("direction").as_string() == "home_to_partner") {
      call = std::string(item.at("id").as_string());
    }
  }
  ASSERT_FALSE(call.empty()) << "the demo ran and locked the home_to_partner call";
  const std::string path = "/api/v1/exchange-calls/" + call + "/runs";
  const std::vector<std::string> runs = ItemIds(server, path);
  ASSERT_FALSE(runs.empty());
  const HttpResult xlsx = server.Get(path + "/export?format=xlsx&language=en");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  const json::object table = Parsed(server, xlsx, "xlsx");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Ids(table), runs);
  EXPECT_EQ(Header(table).at(4), "Seed");
  const json::value first = server.Get(path).Json().at("items").at(0);
  EXPECT_TRUE(Holds(table, std::string(first.at("input_hash").as_string())));

  // A partner user of the partnership: 404, as the list; a viewer of the home city sees them.
  const TestUser partner =
      server.AddUser("wang@harbin.example", "partner",
                     {std::string(calls.at("items").at(0).at("partnership_id").as_string())});
  EXPECT_EQ(server.Request("GET", path, "", {partner.Bearer()}).status, 404);
  EXPECT_EQ(server.Request("GET", path + "/export?format=csv", "", {partner.Bearer()}).status, 404);
  const TestUser viewer = server.AddUser("viewer@izmir.example", "viewer");
  const HttpResult viewer_list = server.Request("GET", path, "", {viewer.Bearer()});
  const HttpResult viewer_csv =
      server.Request("GET", path + "/export?format=csv", "", {viewer.Bearer()});
  ASSERT_EQ(viewer_csv.status, viewer_list.status) << viewer_csv.body;
  if (viewer_csv.status == 200) {
    EXPECT_EQ(Ids(Parsed(server, viewer_csv, "csv")), ItemIds(server, path, {viewer.Bearer()}));
  }
  EXPECT_EQ(server.Get("/api/v1/exchange-calls/" + std::string(36, '0') + "/runs/export?format=csv")
                .status,
            404);
  ExpectExportRefused(server, path + "/export",
                      {{"format=ods", "format"}, {"format=csv&x=1", "x"}});
}

TEST(ApiListExportsTest, AFairsB2bMeetingsExportAsTheScheduleWholeOrForOneCompany) {
  TestServer server(true);
  const std::string fair(
      server.Get("/api/v1/events?kind=fair").Json().at("items").at(0).at("id").as_string());
  const std::string path = "/api/v1/events/" + fair + "/b2b-schedule";
  const json::value schedule = server.Get(path).Json();
  std::vector<std::string> meetings;
  for (const json::value& meeting : schedule.at("meetings").as_array()) {
    meetings.emplace_back(meeting.at("request_id").as_string());
  }
  ASSERT_FALSE(meetings.empty()) << "the demo's fair has a schedule";
  const HttpResult csv = server.Get(path + "/export?format=csv&language=en");
  ASSERT_EQ(csv.status, 200) << csv.body;
  const json::object table = Parsed(server, csv, "csv");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Ids(table), meetings);
  EXPECT_EQ(Header(table).at(3), "Table");
  EXPECT_TRUE(Holds(table, std::string(schedule.at("meetings").at(0).at("starts_at").as_string())));

  // One company's schedule, as the filtered schedule.
  const std::string company(schedule.at("meetings").at(0).at("company_id").as_string());
  std::vector<std::string> theirs;
  const json::value mine = server.Get(path + "?company_id=" + company).Json();
  for (const json::value& meeting : mine.at("meetings").as_array()) {
    theirs.emplace_back(meeting.at("request_id").as_string());
  }
  const json::object filtered = Parsed(
      server, server.Get(path + "/export?format=xlsx&language=tr&company_id=" + company), "xlsx");
  ASSERT_FALSE(filtered.empty());
  EXPECT_EQ(Ids(filtered), theirs);
  EXPECT_LT(theirs.size(), meetings.size());

  // A stranger gets the schedule's answer; bad parameters are named.
  const TestUser stranger = server.AddUser("stranger@exports.example", "partner", {});
  const HttpResult list = server.Request("GET", path, "", {stranger.Bearer()});
  const HttpResult exported =
      server.Request("GET", path + "/export?format=csv", "", {stranger.Bearer()});
  EXPECT_EQ(exported.status, list.status) << exported.body;
  ExpectExportRefused(server, path + "/export",
                      {{"format=ics", "format"}, {"format=csv&company_id=nope", "company_id"}});
}

TEST(ApiListExportsTest, NoticesExportTheCallersBellOnly) {
  // The SMTP server is down; the reminders still reach each user's bell.
  TestServer server(true, DeadSmtpEnvironment());
  const std::vector<std::string> listed = AwaitEventReminder(server, "/api/v1/notices");
  ASSERT_FALSE(listed.empty()) << "the admin's bell holds the reminder";
  const HttpResult csv = server.Get("/api/v1/notices/export?format=csv&language=en");
  ASSERT_EQ(csv.status, 200) << csv.body;
  const json::object table = Parsed(server, csv, "csv");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Ids(table), ItemIds(server, "/api/v1/notices"));
  EXPECT_TRUE(Holds(table, "Harbor concert"));
  EXPECT_TRUE(Holds(table, "Event reminder"));

  // Another user's export holds their own bell only: none of the admin's notices.
  const TestUser officer = server.AddUser("ayse@izmir.example", "officer");
  const HttpResult theirs =
      server.Request("GET", "/api/v1/notices/export?format=xlsx", "", {officer.Bearer()});
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  const json::object own = Parsed(server, theirs, "xlsx");
  ASSERT_FALSE(own.empty());
  const std::vector<std::string> own_ids = Ids(own);
  EXPECT_EQ(own_ids, ItemIds(server, "/api/v1/notices", {officer.Bearer()}));
  for (const std::string& id : own_ids) {
    EXPECT_EQ(std::find(listed.begin(), listed.end(), id), listed.end()) << id;
  }
  ExpectExportRefused(server, "/api/v1/notices/export",
                      {{"format=json", "format"}, {"format=csv&unread=1", "unread"}});
}

}  // namespace
}  // namespace amity::testing
