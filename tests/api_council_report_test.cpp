// The annual council report on the İzmir–Harbin demo: the JSON answer, the officer's narrative,
// the PDF read back by poppler's pdftotext (an independent reader) with Turkish and Chinese
// sentences intact, its pages as PNG (pdftoppm) kept beside the browser tests' screenshots for
// people to look at, what a partner user sees, and bad parameters, which change nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

constexpr char kTurkish[] = "Işıklı İzmir ağırlaması, Harbin'le ortak şenliğe dönüştü.";
constexpr char kChinese[] = "哈尔滨冰雪节期间双方的合作圆满完成。";
// Demo commitment c2 in Chinese: long enough that Pango breaks it over several lines.
constexpr char kChineseCommitment[] =
    "应哈方邀请，伊兹密尔将以城市推介展位和文化代表团的形式参加2027年1月5日开幕的哈尔滨国际冰雪节"
    "。";
constexpr char kTurkishCommitment[] =
    "İzmir, Harbin tarafının daveti üzerine 5 Ocak 2027'de açılacak Harbin Uluslararası Buz ve "
    "Kar Festivali'ne bir şehir tanıtım standı ve kültür heyetiyle katılacak.";

int ThisYear() {
  using namespace std::chrono;
  return static_cast<int>(year_month_day(floor<days>(system_clock::now())).year());
}

// Runs `command`; returns its standard output.
std::string Output(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

// `text` with every run of white space made one space (Pango broke Latin lines at spaces), and
// without line breaks at all between Chinese characters.
std::string Spaced(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}
std::string Unbroken(std::string text) {
  std::erase(text, '\n');
  std::erase(text, '\f');
  return text;
}

class ApiCouncilReportTest : public ::testing::Test {
 protected:
  void SetUp() override { partnership_ = FirstPartnershipId(server_); }

  std::string Query(const std::string& lang, const std::string& second = "") const {
    std::string query =
        "?partnership_id=" + partnership_ + "&year=" + std::to_string(ThisYear()) + "&lang=" + lang;
    if (!second.empty()) query += "&second=" + second;
    return query;
  }

  HttpResult PutNarrative(const json::value& body, const std::vector<std::string>& headers = {},
                          int year = ThisYear()) const {
    return server_.Request(
        "PUT",
        "/api/v1/partnerships/" + partnership_ + "/report-narratives/" + std::to_string(year),
        json::serialize(body), headers);
  }

  // The PDF of `query`, written to the artifacts folder as `name`.pdf with its pages as PNG;
  // returns pdftotext's reading of it.
  std::string Pdf(const std::string& query, const std::string& name) const {
    const HttpResult pdf = server_.Get("/api/v1/reports/council.pdf" + query);
    EXPECT_EQ(pdf.status, 200) << pdf.body.substr(0, 400);
    EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
    EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
    const std::filesystem::path folder =
        std::filesystem::path(AMITY_SCREENSHOTS_DIR) / "council-report-pdf";
    std::filesystem::create_directories(folder);
    const std::filesystem::path file = folder / (name + ".pdf");
    std::ofstream(file, std::ios::binary) << pdf.body;
    // Screenshots of every page for people to look at
    // (build/release/screenshots/council-report-pdf).
    Output("pdftoppm -r 60 -png '" + file.string() + "' '" + (folder / name).string() + "'");
    const std::string fonts = Output("pdffonts '" + file.string() + "'");
    EXPECT_NE(fonts.find("NotoSans"), std::string::npos) << fonts;
    // Every font is embedded ("emb" column yes): no line of pdffonts says "no" there.
    EXPECT_EQ(fonts.find(" no  "), std::string::npos) << fonts;
    return Output("pdftotext -enc UTF-8 '" + file.string() + "' -");
  }

  TestServer server_{true};
  std::string partnership_;
};

TEST_F(ApiCouncilReportTest, TheYearsRecordsWithTheNarrativeInJsonAndPdf) {
  const HttpResult written = PutNarrative(
      {{"narrative", {{"original", "tr"}, {"tr", kTurkish}, {"zh", kChinese}, {"en", "A year."}}}});
  ASSERT_EQ(written.status, 200) << written.body;
  EXPECT_EQ(written.Json().at("version").as_int64(), 1);
  ASSERT_EQ(
      PutNarrative({{"narrative",
                     {{"original", "tr"}, {"tr", kTurkish}, {"zh", kChinese}, {"en", "A year."}}}})
          .Json()
          .at("version")
          .as_int64(),
      2);

  const HttpResult answer = server_.Get("/api/v1/reports/council" + Query("tr", "zh"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json::value report = answer.Json();
  EXPECT_EQ(report.at("lang").as_string(), "tr");
  EXPECT_EQ(report.at("second").as_string(), "zh");
  const json::value& section = report.at("partnerships").at(0);
  EXPECT_EQ(section.at("narrative").at("tr").as_string(), kTurkish);
  EXPECT_EQ(section.at("narrative_version").as_int64(), 2);
  EXPECT_FALSE(report.at("truncated").as_bool());
  // Türkiye requires the council decision: listed with the demo's decision document.
  const json::value& council = section.at("legal_steps").at(0);
  EXPECT_EQ(council.at("kind").as_string(), "council_decision");
  EXPECT_TRUE(council.at("required").as_bool());
  EXPECT_FALSE(council.at("documents").as_array().empty());
  // The demo's commitments were all recorded this year; the admin sees the private one too.
  EXPECT_EQ(section.at("agreed").as_array().size(), 8u);
  EXPECT_EQ(section.at("figures").at("made").as_int64(), 8);
  EXPECT_EQ(section.at("figures").at("meetings").as_int64(),
            static_cast<long long>(section.at("meetings").as_array().size()));
  const json::array& activity = section.at("activity").as_array();
  ASSERT_FALSE(activity.empty());
  EXPECT_EQ(activity.back().at("year").as_int64(), ThisYear());
  EXPECT_FALSE(section.at("by_area").as_array().empty());
  EXPECT_TRUE(section.at("health").at("state").is_string());

  // The PDF of each language, and the two side by side.
  const std::string turkish = Pdf(Query("tr"), "tr");
  EXPECT_NE(turkish.find("Yıllık meclis raporu"), std::string::npos) << turkish;
  EXPECT_NE(turkish.find("İçindekiler"), std::string::npos);
  EXPECT_NE(turkish.find(kTurkish), std::string::npos) << turkish;
  EXPECT_NE(Spaced(turkish).find(kTurkishCommitment), std::string::npos) << turkish;
  EXPECT_NE(turkish.find("Sayfa 1 / "), std::string::npos);

  const std::string chinese = Pdf(Query("zh"), "zh");
  EXPECT_NE(chinese.find("年度议会报告"), std::string::npos) << chinese;
  EXPECT_NE(chinese.find(kChinese), std::string::npos) << chinese;
  EXPECT_NE(Unbroken(chinese).find(kChineseCommitment), std::string::npos) << chinese;

  const std::string english = Pdf(Query("en"), "en");
  EXPECT_NE(english.find("What is overdue and why"), std::string::npos) << english;
  EXPECT_NE(english.find("A year."), std::string::npos);

  // Side by side: the narrative's first Turkish line and its Chinese beside it on one line.
  const std::string both = Pdf(Query("tr", "zh"), "tr-zh");
  EXPECT_NE(both.find("İçindekiler / 目录"), std::string::npos) << both;
  const std::string columns =
      Output("pdftotext -layout -enc UTF-8 '" + std::string(AMITY_SCREENSHOTS_DIR) +
             "/council-report-pdf/tr-zh.pdf' -");
  bool beside = false;
  std::istringstream lines(columns);
  for (std::string line; std::getline(lines, line);) {
    const size_t turkish = line.find("Işıklı İzmir ağırlaması");
    beside |=
        turkish != std::string::npos && line.find("哈尔滨冰雪节期间", turkish) != std::string::npos;
  }
  EXPECT_TRUE(beside) << columns;

  // Every partnership at once (the demo has one).
  const HttpResult all = server_.Get("/api/v1/reports/council?year=" + std::to_string(ThisYear()));
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.Json().at("lang").as_string(), "en");
  EXPECT_FALSE(all.Json().at("partnerships").as_array().empty());
  EXPECT_FALSE(all.Json().at("truncated").as_bool()) << "the demo's partnerships fit one report";
}

TEST_F(ApiCouncilReportTest, CountsTheCasesSharedWithThePartnerThisYear) {
  // What the report counted before: the demo's own cases, if any.
  auto counts = [&](const std::vector<std::string>& headers) {
    const HttpResult answer =
        server_.Request("GET", "/api/v1/reports/council" + Query("en"), "", headers);
    EXPECT_EQ(answer.status, 200) << answer.body;
    const json::value report = answer.Json();
    const json::value& section = report.at("partnerships").at(0);
    const json::array activity = section.at("activity").as_array();
    EXPECT_EQ(activity.back().at("year").as_int64(), ThisYear());
    // The year's figure and its line in the activity per year agree.
    EXPECT_EQ(activity.back().at("cases_shared").as_int64(),
              section.at("figures").at("cases_shared").as_int64());
    return section.at("figures").at("cases_shared").as_int64();
  };
  const long long before = counts({});
  const json::value partnership = server_.Get("/api/v1/partnerships/" + partnership_).Json();
  const std::string city(partnership.at("home_city_id").as_string());
  auto create = [&](const std::string& title, const std::string& visibility) {
    const HttpResult created = server_.Post(
        "/api/v1/cases", json::object{{"partnership_id", partnership_},
                                      {"city_id", city},
                                      {"title", {{"original", "en"}, {"en", title}}},
                                      {"summary", {{"original", "en"}, {"en", "About " + title}}},
                                      {"visibility", visibility}});
    EXPECT_EQ(created.status, 201) << created.body;
  };
  create("Harbour lights shared with Harbin", "shared");
  create("Izmir's private notes", "private");
  // Only the shared case counts, for the admin as for the partnership's partner user.
  EXPECT_EQ(counts({}), before + 1);
  const TestUser partner = server_.AddUser("partner@cases.example", "partner", {partnership_});
  EXPECT_EQ(counts({partner.Bearer()}), before + 1);
  // And the PDF lists the figure.
  EXPECT_NE(Pdf(Query("en"), "cases-shared").find("Cases shared with the partner"),
            std::string::npos);
}

TEST_F(ApiCouncilReportTest, CountsDroppedCommitmentsInTheReportAndTheDashboard) {
  const auto report = [&] {
    const HttpResult answer = server_.Get("/api/v1/reports/council" + Query("en"));
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.Json().at("partnerships").at(0);
  };
  const auto area_dropped = [](const json::value& section, std::string_view area) {
    for (const json::value& item : section.at("by_area").as_array()) {
      if (item.at("area").as_string() == area) return item.at("dropped").as_int64();
    }
    return std::int64_t{0};
  };
  const auto dashboard = [&] {
    const json::value body = server_.Get("/api/v1/dashboard?overdue_limit=0").Json();
    for (const json::value& entry : body.at("partnerships").as_array()) {
      if (entry.at("partnership").at("id").as_string() == partnership_) {
        return std::pair{entry.at("dropped").as_int64(),
                         body.at("totals").at("dropped").as_int64()};
      }
    }
    ADD_FAILURE() << "the partnership is not on the dashboard";
    return std::pair<std::int64_t, std::int64_t>{0, 0};
  };
  const json::value before = report();
  const auto [entry_before, total_before] = dashboard();
  std::vector<std::string> ids;
  for (const char* text : {"Joint sailing regatta", "Twin libraries week"}) {
    const HttpResult created =
        server_.Post("/api/v1/commitments", {{"partnership_id", partnership_},
                                             {"text", {{"original", "en"}, {"en", text}}},
                                             {"area", "sports"},
                                             {"proposed_by_side", "home"}});
    ASSERT_EQ(created.status, 201) << created.body;
    ids.emplace_back(created.Json().at("id").as_string());
  }
  // Both are dropped, with the note that needs.
  for (const std::string& id : ids) {
    const HttpResult dropped = server_.Post("/api/v1/commitments/" + id + "/transitions",
                                            {{"to", "dropped"}, {"note", "No budget this year"}});
    ASSERT_EQ(dropped.status, 200) << dropped.body;
  }
  const json::value after = report();
  EXPECT_EQ(after.at("figures").at("dropped").as_int64(),
            before.at("figures").at("dropped").as_int64() + 2);
  EXPECT_EQ(area_dropped(after, "sports"), area_dropped(before, "sports") + 2);
  const auto [entry_after, total_after] = dashboard();
  EXPECT_EQ(entry_after, entry_before + 2);
  EXPECT_EQ(total_after, total_before + 2);
  // The PDF lists the figure, in Chinese too.
  EXPECT_NE(Pdf(Query("zh"), "dropped").find("已放弃"), std::string::npos);
}

// The demo's programmes in the 2027 report: the İzmir–Harbin exchange agreement's seats for
// 2027-2028 with its applications (home roles only), and the June fair's results.
TEST_F(ApiCouncilReportTest, ReportsTheStudentExchangeAndTheTradeResults) {
  const std::string query = "?partnership_id=" + partnership_ + "&year=2027&lang=en";
  const auto programmes = [&](const std::vector<std::string>& headers) {
    const HttpResult answer =
        server_.Request("GET", "/api/v1/reports/council" + query, "", headers);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.Json().at("partnerships").at(0).at("programmes");
  };
  // What the exchange routes show, summed over the approved agreements, for 2027-2028.
  long long seats = 0, applications = 0;
  const json::value agreements =
      server_.Get("/api/v1/exchange-agreements?partnership_id=" + partnership_).Json();
  for (const json::value& agreement : agreements.at("items").as_array()) {
    if (agreement.at("state") != "approved") continue;
    const json::value grid = server_
                                 .Get("/api/v1/exchange-agreements/" +
                                      std::string(agreement.at("id").as_string()) + "/seats")
                                 .Json();
    for (const json::value& total : grid.at("totals").as_array()) {
      if (total.at("academic_year") != "2027-2028") continue;
      seats += total.at("seats").as_int64();
      applications += total.at("applications").as_int64();
    }
  }
  ASSERT_GT(seats, 0) << "the demo's agreement covers 2027-2028";
  const json::value home = programmes({});
  const json::object& exchange = home.at("exchange").as_object();
  EXPECT_EQ(exchange.at("academic_year"), "2027-2028");
  EXPECT_GE(exchange.at("agreements").as_int64(), 1);
  long long reported_seats = 0, reported_applications = 0;
  for (const json::value& direction : exchange.at("directions").as_array()) {
    reported_seats += direction.at("seats").as_int64();
    reported_applications += direction.at("applications").as_int64();
  }
  EXPECT_EQ(reported_seats, seats);
  EXPECT_EQ(reported_applications, applications);
  EXPECT_GT(applications, 0) << "the demo's calls have applicants";
  // The trade figures are the partnership's trade results.
  const json::value trade =
      server_.Get("/api/v1/partnerships/" + partnership_ + "/trade-results").Json();
  EXPECT_EQ(home.at("trade").at("exhibitors"), trade.at("exhibitors"));
  EXPECT_EQ(home.at("trade").at("deals"), trade.at("deals"));

  // A partner user of the partnership sees the seats but no count of applications.
  const TestUser partner = server_.AddUser("partner@programmes.example", "partner", {partnership_});
  const json::value shown = programmes({partner.Bearer()});
  for (const json::value& direction : shown.at("exchange").at("directions").as_array()) {
    EXPECT_TRUE(direction.at("applications").is_null()) << json::serialize(direction);
  }
  // And the PDF has the section, in Turkish.
  const std::string text =
      Spaced(Pdf("?partnership_id=" + partnership_ + "&year=2027&lang=tr", "programmes-tr"));
  EXPECT_NE(text.find("Öğrenci değişimi, 2027-2028 akademik yılı"), std::string::npos) << text;
}

TEST_F(ApiCouncilReportTest, APartnerUserSeesOnlyWhatItMaySee) {
  ASSERT_EQ(PutNarrative({{"narrative", {{"original", "tr"}, {"tr", kTurkish}}}}).status, 200);
  const TestUser partner = server_.AddUser("partner@harbin.example", "partner", {partnership_});
  const HttpResult answer =
      server_.Request("GET", "/api/v1/reports/council" + Query("en"), "", {partner.Bearer()});
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json::value report = answer.Json();
  const json::value& section = report.at("partnerships").at(0);
  // The demo's private commitment is left out; the home city's narrative too.
  EXPECT_EQ(section.at("agreed").as_array().size(), 7u);
  EXPECT_TRUE(section.at("narrative").is_null());
  const HttpResult pdf =
      server_.Request("GET", "/api/v1/reports/council.pdf" + Query("en"), "", {partner.Bearer()});
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.find(kTurkish), std::string::npos);
  // The partner may not write the narrative.
  EXPECT_EQ(
      PutNarrative({{"narrative", {{"original", "zh"}, {"zh", kChinese}}}}, {partner.Bearer()})
          .status,
      403);

  // A partner user of no partnership sees the (public) demo partnership's public records only:
  // none of its commitments, which are shared or private.
  const TestUser stranger = server_.AddUser("stranger@harbin.example", "partner", {});
  const HttpResult outside =
      server_.Request("GET", "/api/v1/reports/council" + Query("en"), "", {stranger.Bearer()});
  ASSERT_EQ(outside.status, 200) << outside.body;
  const json::value public_report = outside.Json();
  EXPECT_TRUE(public_report.at("partnerships").at(0).at("agreed").as_array().empty());
  // A private partnership is missing to it, as an unknown one is.
  const std::string izmir(
      server_.Get("/api/v1/cities?country=TR").Json().at("items").at(0).at("id").as_string());
  const HttpResult city = server_.Post(
      "/api/v1/cities", json::parse(R"({"name":{"original":"en","en":"Busan"},"country":"KR",
                                        "time_zone":"Asia/Seoul"})"));
  ASSERT_EQ(city.status, 201) << city.body;
  const HttpResult created =
      server_.Post("/api/v1/partnerships", {{"home_city_id", izmir},
                                            {"partner_city_id", city.Json().at("id")},
                                            {"visibility", "private"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string hidden(created.Json().at("id").as_string());
  EXPECT_EQ(server_
                .Request("GET",
                         "/api/v1/reports/council?partnership_id=" + hidden +
                             "&year=" + std::to_string(ThisYear()),
                         "", {partner.Bearer()})
                .status,
            404);
  const HttpResult all = server_.Request(
      "GET", "/api/v1/reports/council?year=" + std::to_string(ThisYear()), "", {partner.Bearer()});
  ASSERT_EQ(all.status, 200) << all.body;
  const json::value all_report = all.Json();
  for (const json::value& item : all_report.at("partnerships").as_array()) {
    EXPECT_NE(item.at("partnership").at("id").as_string(), hidden);
  }
}

TEST_F(ApiCouncilReportTest, BadParametersAreRefusedNamingThemAndChangeNothing) {
  const std::string before = server_.Snapshot();
  const std::string base = "/api/v1/reports/council";
  const std::string id = "partnership_id=" + partnership_;
  struct Case {
    std::string path;
    int status;
    std::string field;
  } cases[] = {
      {base + "?" + id, 400, "year"},
      {base + "?" + id + "&year=abc", 400, "year"},
      {base + "?" + id + "&year=1950", 422, "year"},
      {base + ".pdf?" + id + "&year=2150", 422, "year"},
      {base + "?" + id + "&year=" + std::to_string(ThisYear()) + "&lang=fr", 400, "lang"},
      {base + "?" + id + "&year=" + std::to_string(ThisYear()) + "&colour=red", 400, "colour"},
      {base + "?partnership_id=nope&year=" + std::to_string(ThisYear()), 400, "partnership_id"},
      {base + "?partnership_id=01890000-0000-7000-8000-000000000000&year=" +
           std::to_string(ThisYear()),
       404, ""},
      {base + ".pdf?partnership_id=01890000-0000-7000-8000-000000000000&year=" +
           std::to_string(ThisYear()),
       404, ""},
  };
  for (const Case& c : cases) {
    const HttpResult answer = server_.Get(c.path);
    EXPECT_EQ(answer.status, c.status) << c.path << " " << answer.body;
    EXPECT_EQ(answer.Header("content-type"), "application/problem+json") << c.path;
    if (!c.field.empty()) {
      EXPECT_EQ(answer.Json().at("problems").at(0).at("field").as_string(), c.field) << answer.body;
    }
  }
  // Narratives: a body that is not one, a year out of range, a missing partnership.
  EXPECT_EQ(PutNarrative({{"narrative", "plain"}}).status, 400);
  EXPECT_EQ(PutNarrative({{"text", {{"original", "tr"}, {"tr", kTurkish}}}}).status, 400);
  EXPECT_EQ(PutNarrative({{"narrative", {{"original", "tr"}, {"tr", kTurkish}}}}, {}, 1800).status,
            400);
  EXPECT_EQ(server_
                .Request("PUT",
                         "/api/v1/partnerships/01890000-0000-7000-8000-000000000000/"
                         "report-narratives/2026",
                         R"({"narrative":{"original":"tr","tr":"x"}})")
                .status,
            404);
  EXPECT_EQ(server_.Snapshot(), before);
}

}  // namespace
}  // namespace amity::testing
