// Exports of every list against the real server, each file read back by independent parsers
// (tests/read_table.py: Python's csv module, openpyxl): the same rows, filters and order as the
// list, headers and texts in the asked language, what a partner user may see and no more,
// personal data only for the home city's roles, and bad parameters refused.
#include <gtest/gtest.h>

#include "export_table.h"
#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

std::vector<std::string> ListIds(const TestServer& server, const std::string& path,
                                 const std::string& auth = "") {
  const HttpResult list = server.Request(
      "GET", path, "", auth.empty() ? std::vector<std::string>{} : std::vector{auth});
  EXPECT_EQ(list.status, 200) << list.body;
  std::vector<std::string> ids;
  const json::value page = list.Json();
  for (const json::value& item : page.at("items").as_array()) {
    ids.emplace_back(item.at("id").as_string());
  }
  EXPECT_FALSE(page.at("has_more").as_bool()) << path << ": the demo fits one page";
  return ids;
}

class ApiExportsTest : public ::testing::Test {
 protected:
  TestServer server_{true};
};

TEST_F(ApiExportsTest, EveryListExportsItsRecordsAsCsvAndXlsx) {
  for (const std::string resource :
       {"cities", "organizations", "people", "partnerships", "meetings", "commitments", "events",
        "glossary", "cases", "exhibitors", "b2b_plans", "fair_buyers", "meeting_requests",
        "leads"}) {
    SCOPED_TRACE(resource);
    const std::vector<std::string> listed = ListIds(server_, "/api/v1/" + resource + "?limit=200");
    ASSERT_FALSE(listed.empty());
    const HttpResult csv = server_.Get("/api/v1/" + resource + "/export?format=csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_TRUE(csv.Header("content-type").starts_with("text/csv")) << csv.Header("content-type");
    EXPECT_NE(csv.Header("content-disposition").find("attachment"), std::string::npos);
    EXPECT_EQ(csv.Header("x-export-rows"), std::to_string(listed.size()));
    EXPECT_EQ(csv.Header("content-length"), std::to_string(csv.body.size()));
    const json::object table = Parsed(server_, csv, "csv");
    ASSERT_FALSE(table.empty());
    EXPECT_EQ(Ids(table), listed) << "the list's rows in the list's order";
    EXPECT_FALSE(table.at("bom").as_bool());

    const HttpResult xlsx = server_.Get("/api/v1/" + resource + "/export?format=xlsx");
    ASSERT_EQ(xlsx.status, 200) << xlsx.body;
    EXPECT_EQ(xlsx.Header("content-type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const json::object workbook = Parsed(server_, xlsx, "xlsx");
    ASSERT_FALSE(workbook.empty());
    EXPECT_EQ(Ids(workbook), listed);
    EXPECT_EQ(Header(workbook), Header(table));
  }
}

TEST_F(ApiExportsTest, FiltersAndSortAreTheLists) {
  const std::string query = "status=proposed,agreed,planned&sort=-due_date";
  const std::vector<std::string> listed =
      ListIds(server_, "/api/v1/commitments?limit=200&" + query);
  ASSERT_GE(listed.size(), 2u);
  const json::object table =
      Parsed(server_, server_.Get("/api/v1/commitments/export?format=xlsx&" + query), "xlsx");
  EXPECT_EQ(Ids(table), listed);
  const std::vector<std::string> events =
      ListIds(server_, "/api/v1/events?limit=200&kind=festival&sort=starts_at");
  const json::object festivals = Parsed(
      server_, server_.Get("/api/v1/events/export?format=csv&kind=festival&sort=starts_at"), "csv");
  EXPECT_EQ(Ids(festivals), events);
}

TEST_F(ApiExportsTest, ColumnsAndTextsInTheAskedLanguage) {
  const json::object turkish = Parsed(
      server_, server_.Get("/api/v1/events/export?format=csv&excel=true&language=tr"), "csv", true);
  ASSERT_FALSE(turkish.empty());
  EXPECT_TRUE(turkish.at("bom").as_bool()) << "Excel reads UTF-8 only after a byte-order mark";
  EXPECT_EQ(Header(turkish).at(1), "Tür");
  EXPECT_TRUE(Holds(turkish, "Harbin Uluslararası Buz ve Kar Festivali"));
  EXPECT_TRUE(Holds(turkish, "Festival"));  // the kind's word, not its code

  const HttpResult chinese = server_.Request("GET", "/api/v1/events/export?format=xlsx", "",
                                             {"Accept-Language: zh-CN,zh;q=0.9,en;q=0.5"});
  const json::object workbook = Parsed(server_, chinese, "xlsx");
  ASSERT_FALSE(workbook.empty());
  EXPECT_EQ(workbook.at("sheet").as_string(), "活动");
  EXPECT_TRUE(Holds(workbook, "哈尔滨"));
}

TEST_F(ApiExportsTest, APartnerUserExportsOnlyWhatTheyMaySeeWithoutPersonalData) {
  const std::string partnership = FirstPartnershipId(server_);
  const HttpResult secret = server_.Post(
      "/api/v1/meetings", {{"kind", "video_call"},
                           {"partnership_id", partnership},
                           {"title", {{"original", "en"}, {"en", "Internal budget call"}}},
                           {"starts_at", "2027-01-10T10:00:00+03:00"},
                           {"ends_at", "2027-01-10T11:00:00+03:00"},
                           {"time_zone", "Europe/Istanbul"},
                           {"visibility", "private"}});
  ASSERT_EQ(secret.status, 201) << secret.body;
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {partnership});
  const HttpResult partner_csv = server_.Request(
      "GET", "/api/v1/meetings/export?format=csv&language=en", "", {partner.Bearer()});
  ASSERT_EQ(partner_csv.status, 200) << partner_csv.body;
  const json::object partner_view = Parsed(server_, partner_csv, "csv");
  EXPECT_FALSE(Holds(partner_view, "Internal budget call"));
  EXPECT_EQ(Ids(partner_view), ListIds(server_, "/api/v1/meetings?limit=200", partner.Bearer()));
  const json::object home_view =
      Parsed(server_, server_.Get("/api/v1/meetings/export?format=csv"), "csv");
  EXPECT_TRUE(Holds(home_view, "Internal budget call"));

  // Every list the partner user may read exports exactly the rows its list shows them, and never
  // more than the home city's export of the same list.
  for (const char* resource : {"partnerships", "commitments", "events", "cases", "products",
                               "organizations", "cities", "leads", "exhibitors"}) {
    SCOPED_TRACE(resource);
    const std::string path = std::string("/api/v1/") + resource;
    const HttpResult answer =
        server_.Request("GET", path + "/export?format=csv", "", {partner.Bearer()});
    ASSERT_EQ(answer.status, 200) << answer.body;
    const std::vector<std::string> shown = Ids(Parsed(server_, answer, "csv"));
    EXPECT_EQ(shown, ListIds(server_, path + "?limit=200", partner.Bearer()));
    EXPECT_LE(shown.size(),
              Ids(Parsed(server_, server_.Get(path + "/export?format=csv"), "csv")).size());
  }

  // People: the contact column (personal data) only for the home city's roles.
  const auto has_contact = [](const json::object& table) {
    for (const std::string& name : Header(table)) {
      if (name == "Contact") return true;
    }
    return false;
  };
  const json::object partner_people =
      Parsed(server_,
             server_.Request("GET", "/api/v1/people/export?format=xlsx&language=en", "",
                             {partner.Bearer()}),
             "xlsx");
  EXPECT_FALSE(has_contact(partner_people));
  EXPECT_FALSE(Holds(partner_people, "@"));  // no e-mail address anywhere
  const json::object home_people =
      Parsed(server_, server_.Get("/api/v1/people/export?format=xlsx&language=en"), "xlsx");
  EXPECT_TRUE(has_contact(home_people));
}

TEST_F(ApiExportsTest, ReferencesNameNoRecordThePartnerMayNotSee) {
  // A partnership shared with the partner whose home city is private: its commitments name the
  // partnership, whose name must not carry the private city's.
  const std::string partner_city(server_.Get("/api/v1/partnerships/" + FirstPartnershipId(server_))
                                     .Json()
                                     .at("partner_city_id")
                                     .as_string());
  const HttpResult city =
      server_.Post("/api/v1/cities", {{"name", {{"original", "en"}, {"en", "Secretville"}}},
                                      {"country", "TR"},
                                      {"time_zone", "Europe/Istanbul"},
                                      {"visibility", "private"}});
  ASSERT_EQ(city.status, 201) << city.body;
  const HttpResult partnership =
      server_.Post("/api/v1/partnerships", {{"home_city_id", city.Json().at("id")},
                                            {"partner_city_id", partner_city},
                                            {"visibility", "shared"}});
  ASSERT_EQ(partnership.status, 201) << partnership.body;
  const std::string partnership_id(partnership.Json().at("id").as_string());
  const HttpResult commitment =
      server_.Post("/api/v1/commitments", {{"partnership_id", partnership_id},
                                           {"text", {{"original", "en"}, {"en", "Shared plan"}}},
                                           {"area", "music"},
                                           {"proposed_by_side", "home"},
                                           {"visibility", "shared"}});
  ASSERT_EQ(commitment.status, 201) << commitment.body;
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {partnership_id});
  const json::object table = Parsed(
      server_,
      server_.Request("GET", "/api/v1/commitments/export?format=csv", "", {partner.Bearer()}),
      "csv");
  EXPECT_TRUE(Holds(table, "Shared plan"));
  EXPECT_FALSE(Holds(table, "Secretville"));
  EXPECT_TRUE(Holds(Parsed(server_, server_.Get("/api/v1/commitments/export?format=csv"), "csv"),
                    "Secretville – "))
      << "the home city's roles see the partnership's name";
}

TEST_F(ApiExportsTest, BadParametersAreRefusedNamingThem) {
  const struct {
    std::string query;
    std::string parameter;
  } cases[] = {
      {"format=pdf", "format"},
      {"", "format"},
      {"format=csv&limit=10", "limit"},
      {"format=csv&cursor=abc", "cursor"},
      {"format=csv&excel=yes", "excel"},
      {"format=xlsx&excel=true", "excel"},
      {"format=csv&language=de", "language"},
      {"format=csv&colour=red", "colour"},
      {"format=csv&status=finished", "status"},
  };
  const std::string before = server_.Snapshot();
  for (const auto& bad : cases) {
    SCOPED_TRACE(bad.query);
    const HttpResult result = server_.Get("/api/v1/commitments/export?" + bad.query);
    ASSERT_EQ(result.status, 400) << result.body;
    EXPECT_TRUE(result.Header("content-type").starts_with("application/problem+json"));
    EXPECT_EQ(result.Json().at("problems").at(0).at("field").as_string(), bad.parameter)
        << result.body;
  }
  EXPECT_EQ(server_.Request("GET", "/api/v1/commitments/export?format=csv", "", {"Authorization:"})
                .status,
            401);
  EXPECT_EQ(server_.Snapshot(), before);
}

// The demo's İzmir–Harbin exchange agreement for spreadsheets: one row per cooperation condition
// with the field of study named in the file's language, its seat grid one row per year and
// condition with the JSON grid's figures, and the same access as the JSON routes.
TEST_F(ApiExportsTest, ExchangeAgreementsAndTheirSeatGridExport) {
  const json::value agreements = server_.Get("/api/v1/exchange-agreements").Json();
  const json::array& items = agreements.at("items").as_array();
  ASSERT_FALSE(items.empty()) << "the demo has an agreement";
  size_t conditions = 0;
  for (const json::value& item : items) conditions += item.at("conditions").as_array().size();
  const std::string id(items.at(0).at("id").as_string());

  const json::object chinese = Parsed(
      server_, server_.Get("/api/v1/exchange-agreements/export?format=xlsx&language=zh"), "xlsx");
  ASSERT_FALSE(chinese.empty());
  EXPECT_EQ(chinese.at("rows").as_array().size(), conditions + 1);
  EXPECT_EQ(Header(chinese).at(8), "学科（ISCED-F）");
  EXPECT_TRUE(Holds(chinese, "0613 软件与应用开发和分析"));
  EXPECT_TRUE(Holds(chinese, "School of Computer Science and Technology"));
  EXPECT_EQ(Ids(chinese).at(0), id);

  const HttpResult grid_answer = server_.Get("/api/v1/exchange-agreements/" + id + "/seats");
  ASSERT_EQ(grid_answer.status, 200) << grid_answer.body;
  const json::value grid = grid_answer.Json();
  const json::array& grid_rows = grid.at("rows").as_array();
  const HttpResult csv =
      server_.Get("/api/v1/exchange-agreements/" + id + "/seats/export?format=csv&language=tr");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("x-export-rows"), std::to_string(grid_rows.size()));
  const json::object turkish = Parsed(server_, csv, "csv");
  ASSERT_FALSE(turkish.empty());
  const json::array& rows = turkish.at("rows").as_array();
  ASSERT_EQ(rows.size(), grid_rows.size() + 1);
  EXPECT_EQ(Header(turkish).at(0), "Akademik yıl");
  for (size_t i = 0; i < grid_rows.size(); ++i) {
    EXPECT_EQ(rows[i + 1].at(0).as_string(), grid_rows[i].at("academic_year").as_string());
    EXPECT_EQ(rows[i + 1].at(5).as_string(), std::to_string(grid_rows[i].at("seats").as_int64()));
    EXPECT_EQ(rows[i + 1].at(10).as_string(), std::to_string(grid_rows[i].at("free").as_int64()));
  }

  // A partner user of another partnership sees neither; bad parameters are named.
  const TestUser stranger = server_.AddUser("stranger@exports.example", "partner", {});
  const std::string before = server_.Snapshot();
  const HttpResult hidden =
      server_.Request("GET", "/api/v1/exchange-agreements/" + id + "/seats/export?format=csv", "",
                      {stranger.Bearer()});
  EXPECT_EQ(hidden.status, 404) << hidden.body;
  const json::object none =
      Parsed(server_,
             server_.Request("GET", "/api/v1/exchange-agreements/export?format=csv", "",
                             {stranger.Bearer()}),
             "csv");
  ASSERT_FALSE(none.empty());
  EXPECT_EQ(none.at("rows").as_array().size(), 1u) << "the header only";
  for (const auto& [query, parameter] : std::vector<std::pair<std::string, std::string>>{
           {"format=pdf", "format"}, {"", "format"}, {"format=csv&page=2", "page"}}) {
    const HttpResult refused =
        server_.Get("/api/v1/exchange-agreements/" + id + "/seats/export?" + query);
    EXPECT_EQ(refused.status, 400) << query;
    EXPECT_NE(refused.body.find("\"" + parameter + "\""), std::string::npos) << refused.body;
  }
  EXPECT_EQ(server_.Snapshot(), before);
}

// A call's applications for the officer's spreadsheet: the list's rows, with the student numbers
// the list holds; never for a partner user.
TEST_F(ApiExportsTest, ACallsApplicationsExportForHomeRolesOnly) {
  const json::value agreements = server_.Get("/api/v1/exchange-agreements").Json();
  const std::string agreement(agreements.at("items").at(0).at("id").as_string());
  const json::value calls =
      server_.Get("/api/v1/exchange-agreements/" + agreement + "/calls").Json();
  ASSERT_FALSE(calls.at("items").as_array().empty()) << "the demo opens calls";
  const std::string call(calls.at("items").at(0).at("id").as_string());
  const std::string path = "/api/v1/exchange-calls/" + call + "/applications";
  const json::value list = server_.Get(path).Json();
  std::vector<std::string> ids;
  for (const json::value& item : list.at("items").as_array()) {
    ids.emplace_back(item.at("id").as_string());
  }
  ASSERT_FALSE(ids.empty()) << "the demo's applicants";
  const json::object table =
      Parsed(server_, server_.Get(path + "/export?format=xlsx&language=zh"), "xlsx");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(Ids(table), ids);
  EXPECT_TRUE(Holds(table, std::string(list.at("items").at(0).at("student_number").as_string())));
  EXPECT_TRUE(Holds(table, std::string(list.at("items").at(0).at("name_native").as_string())));

  const std::string partnership = FirstPartnershipId(server_);
  const TestUser partner =
      server_.AddUser("partner@applications.example", "partner", {partnership});
  const HttpResult refused =
      server_.Request("GET", path + "/export?format=csv", "", {partner.Bearer()});
  EXPECT_EQ(refused.status, 404) << refused.body;
}

}  // namespace
}  // namespace amity::testing
