// Exports of the administrators' lists (users, the security log and change trail, the e-mail
// outbox) and of an agreement's calls against the real server, each file read back by independent
// parsers: the same rows and filters as the JSON list, no secrets, 403/404 where the list answers
// so, and bad parameters refused naming them.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "export_table.h"
#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

TEST(ApiAdminExportsTest, UsersExportForAdminsWithTheListsFilterAndNoSecrets) {
  TestServer server(true);
  const TestUser officer = server.AddUser("ayse@izmir.example", "officer");
  const std::string partnership = FirstPartnershipId(server);
  const TestUser partner = server.AddUser("wang@harbin.example", "partner", {partnership});

  const HttpResult csv = server.Get("/api/v1/users/export?format=csv&language=en");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_TRUE(csv.Header("content-disposition").find("users-") != std::string::npos);
  const json::object table = Parsed(server, csv, "csv");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Ids(table), ItemIds(server, "/api/v1/users"));
  EXPECT_EQ(csv.Header("x-export-rows"), std::to_string(Ids(table).size()));
  EXPECT_EQ(Header(table).at(1), "E-mail");
  EXPECT_TRUE(Holds(table, "wang@harbin.example"));
  EXPECT_TRUE(Holds(table, "Partner city"));
  // No password hash, session or API token, whoever's.
  for (const std::string& secret : {partner.token, officer.token, server.admin().token}) {
    EXPECT_EQ(csv.body.find(secret), std::string::npos);
  }
  EXPECT_EQ(csv.body.find("$argon2"), std::string::npos);

  // The list's filter: role=partner holds the partner only, in Turkish, as XLSX.
  const HttpResult partners =
      server.Get("/api/v1/users/export?format=xlsx&language=tr&role=partner");
  ASSERT_EQ(partners.status, 200) << partners.body;
  const json::object turkish = Parsed(server, partners, "xlsx");
  ASSERT_FALSE(turkish.empty());
  EXPECT_EQ(Ids(turkish), std::vector<std::string>{partner.id});
  EXPECT_EQ(Ids(turkish), ItemIds(server, "/api/v1/users?role=partner"));
  EXPECT_EQ(turkish.at("rows").at(0).at(1).as_string(), "E-posta");

  // Only admins, as the list; bad parameters are named and change nothing.
  const std::string before = server.Snapshot();
  for (const TestUser* user : {&officer, &partner}) {
    EXPECT_EQ(server.Request("GET", "/api/v1/users/export?format=csv", "", {user->Bearer()}).status,
              403);
    EXPECT_EQ(server.Request("GET", "/api/v1/users", "", {user->Bearer()}).status, 403);
  }
  ExpectExportRefused(server, "/api/v1/users/export",
                      {{"format=pdf", "format"},
                       {"", "format"},
                       {"format=csv&role=king", "role"},
                       {"format=csv&limit=5", "limit"}});
  EXPECT_EQ(server.Get("/api/v1/users?role=king").status, 400);
  EXPECT_EQ(server.Snapshot(), before);
}

TEST(ApiAdminExportsTest, SecurityLogExportsEveryMatchAsTheListFiltersIt) {
  TestServer server(true);
  // More than one batch (500) of events: API tokens made, and an account created.
  server.AddUser("ayse@izmir.example", "officer");
  for (int i = 0; i < 510; ++i) {
    const HttpResult token =
        server.Post("/api/v1/tokens", {{"name", "export batch " + std::to_string(i)}});
    ASSERT_EQ(token.status, 201) << token.body;
  }
  const HttpResult all = server.Get("/api/v1/audit/export?format=csv");
  ASSERT_EQ(all.status, 200) << all.body;
  const json::object table = Parsed(server, all, "csv");
  ASSERT_FALSE(table.empty());
  const std::vector<std::string> ids = Ids(table);
  const long long total = server.Get("/api/v1/audit?limit=1").Json().at("total").as_int64();
  ASSERT_GT(total, 500);
  EXPECT_GE(static_cast<long long>(ids.size()), total);  // every match, newest first
  for (size_t i = 1; i < ids.size(); ++i) {
    ASSERT_LT(std::stoll(ids[i]), std::stoll(ids[i - 1])) << "newest first, no repeats";
  }

  // The list's filters: the same rows as the list (one page of it here).
  const std::string filter = "kind=user_created&email=ayse@izmir.example";
  const json::object created =
      Parsed(server, server.Get("/api/v1/audit/export?format=csv&excel=true&language=zh&" + filter),
             "csv", true);
  ASSERT_FALSE(created.empty());
  EXPECT_TRUE(created.at("bom").as_bool());
  EXPECT_EQ(Ids(created), ItemIds(server, "/api/v1/audit?" + filter));
  EXPECT_EQ(Ids(created).size(), 1u);
  EXPECT_TRUE(Holds(created, "创建账户")) << "the kind's word in Chinese";

  // The change trail: the list's filter, newest first, the record's name and the change's word.
  const std::string commitments = "entity=commitments&op=create";
  const json::object changes = Parsed(
      server, server.Get("/api/v1/changes/export?format=csv&language=tr&" + commitments), "csv");
  ASSERT_FALSE(changes.empty());
  std::vector<std::string> seqs;
  const json::value changes_list = server.Get("/api/v1/changes?limit=200&" + commitments).Json();
  for (const json::value& item : changes_list.at("items").as_array()) {
    seqs.push_back(json::serialize(item.at("seq")));
  }
  ASSERT_FALSE(seqs.empty()) << "the demo made commitments";
  EXPECT_EQ(Ids(changes), seqs);
  EXPECT_TRUE(Holds(changes, "Oluşturuldu"));

  const TestUser officer = server.AddUser("officer2@izmir.example", "officer");
  for (const char* path :
       {"/api/v1/audit/export?format=csv", "/api/v1/changes/export?format=csv"}) {
    EXPECT_EQ(server.Request("GET", path, "", {officer.Bearer()}).status, 403) << path;
  }
  ExpectExportRefused(server, "/api/v1/changes/export",
                      {{"format=csv&after_seq=3", "after_seq"}, {"format=csv&op=rename", "op"}});
  ExpectExportRefused(server, "/api/v1/audit/export",
                      {{"format=json", "format"},
                       {"format=csv&offset=50", "offset"},
                       {"format=csv&since=yesterday", "since"}});
}

TEST(ApiAdminExportsTest, MailOutboxExportsAddressesToAdminsButNeverTheMessages) {
  // The SMTP server is down: each message fails and waits to be tried again.
  TestServer server(true, DeadSmtpEnvironment());
  const std::vector<std::string> listed = AwaitEventReminder(server, "/api/v1/mail");
  ASSERT_FALSE(listed.empty()) << "the reminder to the admin failed and waits";

  const HttpResult csv = server.Get("/api/v1/mail/export?format=csv&language=en");
  ASSERT_EQ(csv.status, 200) << csv.body;
  const json::object table = Parsed(server, csv, "csv");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Ids(table), ItemIds(server, "/api/v1/mail"));
  EXPECT_TRUE(Holds(table, server.admin().email)) << "addresses: admins may see them";
  EXPECT_TRUE(Holds(table, "Event reminder"));
  EXPECT_TRUE(Holds(table, "Harbor concert")) << "the subject";
  // Never the message itself: its links carry the recipient's unsubscribe secret.
  EXPECT_EQ(csv.body.find("unsubscribe"), std::string::npos);
  EXPECT_EQ(csv.body.find("List-Unsubscribe"), std::string::npos);

  const json::object every =
      Parsed(server, server.Get("/api/v1/mail/export?format=xlsx&state=all"), "xlsx");
  ASSERT_FALSE(every.empty());
  EXPECT_EQ(Ids(every), ItemIds(server, "/api/v1/mail?state=all"));

  const TestUser officer = server.AddUser("ayse@izmir.example", "officer");
  EXPECT_EQ(server.Request("GET", "/api/v1/mail/export?format=csv", "", {officer.Bearer()}).status,
            403);
  ExpectExportRefused(server, "/api/v1/mail/export",
                      {{"format=csv&state=everything", "state"}, {"state=all", "format"}});
}

TEST(ApiAdminExportsTest, AnAgreementsCallsExportAsTheirListForWhoeverSeesIt) {
  TestServer server(true);
  const std::string agreement(
      server.Get("/api/v1/exchange-agreements").Json().at("items").at(0).at("id").as_string());
  const std::string path = "/api/v1/exchange-agreements/" + agreement + "/calls";
  const std::vector<std::string> calls = ItemIds(server, path);
  ASSERT_FALSE(calls.empty()) << "the demo opens calls";
  const HttpResult xlsx = server.Get(path + "/export?format=xlsx&language=zh");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  const json::object table = Parsed(server, xlsx, "xlsx");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Ids(table), calls);
  EXPECT_EQ(Header(table).at(1), "学年");
  const json::value first = server.Get(path).Json().at("items").at(0);
  EXPECT_TRUE(Holds(table, std::string(first.at("academic_year").as_string())));

  // A partner user of the partnership sees the calls as the list shows them; a stranger gets 404.
  const TestUser partner = server.AddUser("wang@harbin.example", "partner",
                                          {std::string(first.at("partnership_id").as_string())});
  const HttpResult partner_list = server.Request("GET", path, "", {partner.Bearer()});
  const HttpResult partner_csv =
      server.Request("GET", path + "/export?format=csv", "", {partner.Bearer()});
  EXPECT_EQ(partner_csv.status, partner_list.status) << partner_csv.body;
  const TestUser stranger = server.AddUser("stranger@exports.example", "partner", {});
  EXPECT_EQ(server.Request("GET", path + "/export?format=csv", "", {stranger.Bearer()}).status,
            404);
  EXPECT_EQ(
      server.Get("/api/v1/exchange-agreements/" + std::string(36, '0') + "/calls/export?format=csv")
          .status,
      404);
  ExpectExportRefused(server, path + "/export",
                      {{"format=ods", "format"}, {"format=csv&x=1", "x"}});
}

// A fair's exhibitors card exports the generic list filtered to its fair.
TEST(ApiAdminExportsTest, AFairsExhibitorsExportAsTheFilteredList) {
  TestServer server(true);
  const json::value exhibitors = server.Get("/api/v1/exhibitors?limit=200").Json();
  ASSERT_FALSE(exhibitors.at("items").as_array().empty()) << "the demo's fair has exhibitors";
  const std::string event(exhibitors.at("items").at(0).at("event_id").as_string());
  const std::string query = "event_id=" + event;
  const json::object table =
      Parsed(server, server.Get("/api/v1/exhibitors/export?format=csv&" + query), "csv");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Ids(table), ItemIds(server, "/api/v1/exhibitors?limit=200&" + query));
}

}  // namespace
}  // namespace amity::testing
