// Revisions of a meeting's minutes through the real server: every edit of the minutes is a
// revision (and no other edit is), listed newest first with its author, time and the languages
// whose wording changed; each readable in full with the text it replaced; a long history paged
// to the end; a partner user sees revisions only from the change that shared the meeting.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

const std::vector<std::string> kJson = {"Content-Type: application/json"};

class ApiMinutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(true);
    partnership_ = FirstPartnershipId(*server_);
    officer_ = server_->AddUser("officer@minutes.test", "officer");
    partner_ = server_->AddUser("partner@minutes.test", "partner", {partnership_});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // A new meeting of the first partnership with `visibility` and `minutes` (a text or null).
  static std::string CreateMeeting(const std::string& visibility, const json::value& minutes) {
    json::object body{{"kind", "video_call"},
                      {"partnership_id", partnership_},
                      {"title", {{"original", "en"}, {"en", "Minutes test"}}},
                      {"starts_at", "2027-02-01T09:00:00+03:00"},
                      {"ends_at", "2027-02-01T10:00:00+03:00"},
                      {"time_zone", "Europe/Istanbul"},
                      {"visibility", visibility}};
    if (!minutes.is_null()) body["minutes"] = minutes;
    const HttpResult result = server_->Post("/api/v1/meetings", body);
    EXPECT_EQ(result.status, 201) << result.body;
    return result.status == 201 ? std::string(result.Json().at("id").as_string()) : "";
  }

  // PATCHes meeting `id` with `body` as `user` (the admin when null); returns the new version.
  static long long Patch(const std::string& id, const json::object& body,
                         const TestUser* user = nullptr) {
    const HttpResult current = server_->Get("/api/v1/meetings/" + id);
    const std::string version = std::to_string(current.Json().at("version").as_int64());
    std::vector<std::string> headers = kJson;
    headers.push_back("If-Match: \"" + version + "\"");
    if (user != nullptr) headers.push_back(user->Bearer());
    const HttpResult result =
        server_->Request("PATCH", "/api/v1/meetings/" + id, json::serialize(body), headers);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.status == 200 ? result.Json().at("version").as_int64() : -1;
  }

  static HttpResult Get(const std::string& path, const TestUser* user = nullptr) {
    if (user == nullptr) return server_->Get(path);
    return server_->Request("GET", path, "", {user->Bearer()});
  }

  static std::vector<long long> Versions(const json::value& page) {
    std::vector<long long> versions;
    for (const json::value& item : page.at("items").as_array()) {
      versions.push_back(item.at("version").as_int64());
    }
    return versions;
  }

  static json::array Strings(std::initializer_list<const char*> values) {
    json::array array;
    for (const char* value : values) array.emplace_back(value);
    return array;
  }

  static TestServer* server_;
  static std::string partnership_;
  static TestUser officer_;
  static TestUser partner_;
};

TestServer* ApiMinutesTest::server_ = nullptr;
std::string ApiMinutesTest::partnership_;
TestUser ApiMinutesTest::officer_;
TestUser ApiMinutesTest::partner_;

TEST_F(ApiMinutesTest, EveryEditOfTheMinutesIsARevisionWithItsAuthorAndLanguages) {
  const json::object first{{"original", "tr"}, {"tr", "Heyet Kemeraltı çarşısını gezdi."}};
  const std::string id = CreateMeeting("shared", first);
  const json::object second{{"original", "tr"},
                            {"tr", "Heyet tarihi Kemeraltı çarşısını uzun uzun gezdi."},
                            {"zh", "代表团参观了历史悠久的凯梅拉尔特市场。"}};
  const long long v2 = Patch(id, {{"minutes", second}}, &officer_);
  const long long v3 = Patch(id, {{"venue", "Konak"}});  // not a revision of the minutes
  json::object third = second;
  third["zh"] = "代表团仔细参观了凯梅拉尔特市场。";
  const long long v4 = Patch(id, {{"minutes", third}});
  ASSERT_EQ(v2, 2);
  ASSERT_EQ(v3, 3);
  ASSERT_EQ(v4, 4);

  const std::string base = "/api/v1/meetings/" + id + "/minutes/revisions";
  const HttpResult list = Get(base);
  ASSERT_EQ(list.status, 200) << list.body;
  const json::value page = list.Json();
  EXPECT_EQ(Versions(page), (std::vector<long long>{4, 2, 1}));
  EXPECT_EQ(page.at("total").as_int64(), 3);
  EXPECT_FALSE(page.at("has_more").as_bool());
  const json::array& items = page.at("items").as_array();
  EXPECT_EQ(items[0].at("actor"), server_->admin().email.c_str());
  EXPECT_EQ(items[0].at("languages"), Strings({"zh"}));
  EXPECT_EQ(items[0].at("op"), "update");
  EXPECT_EQ(items[1].at("actor"), officer_.email.c_str());
  EXPECT_EQ(items[1].at("languages"), Strings({"tr", "zh"}));
  EXPECT_EQ(items[2].at("op"), "create");
  EXPECT_EQ(items[2].at("languages"), Strings({"tr"}));
  EXPECT_EQ(items[2].at("original"), "tr");
  EXPECT_FALSE(items[0].as_object().contains("minutes")) << "the list carries no texts";

  // One revision in full, with the text it replaced.
  const HttpResult revision = Get(base + "/2");
  ASSERT_EQ(revision.status, 200) << revision.body;
  const json::value two_value = revision.Json();
  const json::object& two = two_value.as_object();
  EXPECT_EQ(two.at("minutes").at("tr"), second.at("tr"));
  EXPECT_EQ(two.at("minutes").at("zh"), second.at("zh"));
  EXPECT_EQ(two.at("previous").at("tr"), first.at("tr"));
  EXPECT_FALSE(two.at("previous").as_object().contains("zh"));
  EXPECT_EQ(two.at("actor"), officer_.email.c_str());
  EXPECT_FALSE(two.contains("hidden"));
  const json::value created = Get(base + "/1").Json();
  EXPECT_EQ(created.at("minutes").at("tr"), first.at("tr"));
  EXPECT_TRUE(created.at("previous").is_null());
  EXPECT_EQ(Get(base + "/4").Json().at("previous").at("zh"), second.at("zh"));

  // Versions that are not revisions of the minutes, and paths that cannot name one.
  for (const std::string& path :
       std::vector<std::string>{base + "/3", base + "/5", base + "/0", base + "/x", base + "/-1",
                                "/api/v1/meetings/" + partnership_ + "/minutes/revisions",
                                "/api/v1/meetings/not-an-id/minutes/revisions/1"}) {
    EXPECT_EQ(Get(path).status, 404) << path;
  }
  EXPECT_EQ(Get(base + "?limit=0").status, 400);
  EXPECT_EQ(Get(base + "?sort=at").status, 400);
}

TEST_F(ApiMinutesTest, MinutesClearedAndAMeetingWithoutMinutes) {
  const std::string id = CreateMeeting("shared", nullptr);
  const std::string base = "/api/v1/meetings/" + id + "/minutes/revisions";
  EXPECT_EQ(Versions(Get(base).Json()), std::vector<long long>{}) << "a create without minutes";
  Patch(id, {{"minutes", {{"original", "en"}, {"en", "Short notes."}}}});
  Patch(id, {{"minutes", nullptr}});
  const json::value page = Get(base).Json();
  EXPECT_EQ(Versions(page), (std::vector<long long>{3, 2}));
  EXPECT_EQ(page.at("items").at(0).at("languages"), Strings({"en"}));
  const json::value cleared = Get(base + "/3").Json();
  EXPECT_TRUE(cleared.at("minutes").is_null());
  EXPECT_EQ(cleared.at("previous").at("en"), "Short notes.");
  EXPECT_TRUE(cleared.at("original").is_null());
}

TEST_F(ApiMinutesTest, AHundredAndFiveRevisionsPageToTheEnd) {
  const std::string id = CreateMeeting("shared", json::object{{"original", "en"}, {"en", "r1"}});
  for (int n = 2; n <= 105; ++n) {
    Patch(id, {{"minutes", {{"original", "en"}, {"en", "r" + std::to_string(n)}}}});
  }
  const std::string base = "/api/v1/meetings/" + id + "/minutes/revisions";
  std::vector<long long> seen;
  bool more = true;
  for (int offset = 0; more; offset += 50) {
    const HttpResult result = Get(base + "?limit=50&offset=" + std::to_string(offset));
    ASSERT_EQ(result.status, 200) << result.body;
    const json::value page = result.Json();
    for (long long version : Versions(page)) seen.push_back(version);
    more = page.at("has_more").as_bool();
    ASSERT_LE(offset, 100);
  }
  ASSERT_EQ(seen.size(), 105u);
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], 105 - static_cast<long long>(i));
  const json::value last = Get(base + "/105").Json();
  EXPECT_EQ(last.at("minutes").at("en"), "r105");
  EXPECT_EQ(last.at("previous").at("en"), "r104");
}

TEST_F(ApiMinutesTest, APartnerSeesRevisionsFromTheChangeThatSharedTheMeeting) {
  const std::string id =
      CreateMeeting("private", json::object{{"original", "tr"}, {"tr", "Gizli taslak."}});
  Patch(id, {{"minutes", {{"original", "tr"}, {"tr", "İkinci gizli taslak."}}}});
  // Shared and rewritten in one change: the partner must not read what it replaced.
  Patch(id, {{"visibility", "shared"}, {"minutes", {{"original", "tr"}, {"tr", "Ortak metin."}}}});
  Patch(id, {{"minutes", {{"original", "tr"}, {"tr", "Ortak metin, düzeltilmiş."}}}}, &officer_);
  const std::string base = "/api/v1/meetings/" + id + "/minutes/revisions";

  EXPECT_EQ(Versions(Get(base).Json()), (std::vector<long long>{4, 3, 2, 1}));
  const json::value page = Get(base, &partner_).Json();
  EXPECT_EQ(Versions(page), (std::vector<long long>{4, 3}));
  EXPECT_EQ(page.at("total").as_int64(), 2);
  const HttpResult widening = Get(base + "/3", &partner_);
  ASSERT_EQ(widening.status, 200) << widening.body;
  EXPECT_TRUE(widening.Json().at("previous").is_null());
  EXPECT_EQ(widening.Json().at("hidden"), Strings({"previous"}));
  EXPECT_EQ(widening.Json().at("minutes").at("tr"), "Ortak metin.");
  EXPECT_EQ(Get(base + "/4", &partner_).Json().at("previous").at("tr"), "Ortak metin.");
  EXPECT_EQ(Get(base + "/2", &partner_).status, 404);
  EXPECT_EQ(Get(base + "/1", &partner_).status, 404);
  EXPECT_EQ(Get(base + "/2").Json().at("minutes").at("tr"), "İkinci gizli taslak.");
  EXPECT_EQ(Get(base + "/3").Json().at("previous").at("tr"), "İkinci gizli taslak.");

  // A private meeting's revisions are as absent as the meeting.
  const std::string hidden =
      CreateMeeting("private", json::object{{"original", "en"}, {"en", "x"}});
  EXPECT_EQ(Get("/api/v1/meetings/" + hidden + "/minutes/revisions", &partner_).status, 404);
  EXPECT_EQ(Get("/api/v1/meetings/" + hidden + "/minutes/revisions/1", &partner_).status, 404);
}

}  // namespace
}  // namespace amity::testing
