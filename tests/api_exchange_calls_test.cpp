// Calls and applications through the real server: a call opens only on an approved agreement,
// for a year it covers, with weights adding up to 100 and a closing after its opening;
// applications are refused with the field named and nothing changed for choices outside the
// call, duplicate choices, more choices than allowed, a score off its scale, and after the
// closing in the call's zone; eligibility comes with each failed rule; changes and withdrawals
// are recorded with who and when; partner users never see an application (404) nor a count of
// them in the seat grid; viewers read but do not write.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

// The date in İzmir (UTC+03:00 all year) `offset` days from today.
std::string IzmirDate(int offset) {
  using namespace std::chrono;
  const auto day = floor<days>(system_clock::now() + hours(3)) + days(offset);
  const year_month_day date(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

class ApiExchangeCallsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(true);
    const auto first = [](const std::string& path) {
      const HttpResult result = server_->Get(path);
      EXPECT_EQ(result.status, 200) << result.body;
      return std::string(result.Json().at("items").at(0).at("id").as_string());
    };
    partnership_ = FirstPartnershipId(*server_);
    const std::string izmir = first("/api/v1/cities?country=TR");
    const std::string harbin = first("/api/v1/cities?country=CN");
    deu_ = first("/api/v1/organizations?kind=university&city_id=" + izmir);
    hit_ = first("/api/v1/organizations?kind=university&city_id=" + harbin);
    officer_ = server_->AddUser("officer@calls.test", "officer");
    viewer_ = server_->AddUser("viewer@calls.test", "viewer");
    partner_ = server_->AddUser("partner@calls.test", "partner", {partnership_});
    agreement_ = CreateAgreement(true);
    draft_agreement_ = CreateAgreement(false);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static json::object Condition(const std::string& isced, const std::string& level,
                                const std::string& language, const std::string& cefr) {
    return {{"direction", "home_to_partner"},
            {"host_department", "School of " + isced},
            {"isced_code", isced},
            {"level", level},
            {"seats_per_year", 2},
            {"months_per_student", 10},
            {"language", language},
            {"min_cefr", cefr}};
  }

  static HttpResult Send(const TestUser& user, const std::string& method, const std::string& path,
                         const json::value& body = nullptr, const std::string& if_match = "") {
    std::vector<std::string> headers{user.Bearer()};
    if (!body.is_null()) headers.push_back("Content-Type: application/json");
    if (!if_match.empty()) headers.push_back("If-Match: \"" + if_match + "\"");
    return server_->Request(method, path, body.is_null() ? "" : json::serialize(body), headers);
  }

  // An agreement 2027-2028 to 2028-2029 with four home_to_partner conditions and one the other
  // way; approved by both sides when `approve`.
  static json::object CreateAgreement(bool approve) {
    json::object back = Condition("0232", "bachelor", "tr", "B1");
    back["direction"] = "partner_to_home";
    const json::object body{
        {"partnership_id", partnership_},
        {"home_institution_id", deu_},
        {"partner_institution_id", hit_},
        {"first_year", "2027-2028"},
        {"last_year", "2028-2029"},
        {"conditions", json::array{Condition("0613", "master", "en", "B2"),
                                   Condition("0731", "master", "zh", "B1"),
                                   Condition("0714", "bachelor", "en", "B2"),
                                   Condition("0232", "bachelor", "zh", "B2"), back}}};
    HttpResult result = Send(officer_, "POST", "/api/v1/exchange-agreements", body);
    EXPECT_EQ(result.status, 201) << result.body;
    json::object agreement = result.Json().as_object();
    if (!approve) return agreement;
    const std::string path =
        "/api/v1/exchange-agreements/" + std::string(agreement.at("id").as_string());
    EXPECT_EQ(Send(officer_, "POST", path + "/propose", json::object{}).status, 200);
    for (const TestUser* user : {&officer_, &partner_}) {
      result = Send(*user, "POST", path + "/approvals",
                    json::object{{"hash", agreement.at("content_hash")}});
      EXPECT_EQ(result.status, 200) << result.body;
      agreement = result.Json().as_object();
    }
    EXPECT_EQ(agreement.at("state").as_string(), "approved");
    return agreement;
  }

  static std::string Id(const json::object& record) {
    return std::string(record.at("id").as_string());
  }
  static std::string CallsPath(const json::object& agreement) {
    return "/api/v1/exchange-agreements/" + Id(agreement) + "/calls";
  }
  static std::string ConditionId(int index) {
    return std::string(agreement_.at("conditions").at(index).at("id").as_string());
  }

  static json::object CallBody(const std::string& year, const std::string& direction) {
    return {{"academic_year", year},      {"direction", direction}, {"opens_on", IzmirDate(-10)},
            {"closes_on", IzmirDate(30)}, {"academic_weight", 50},  {"language_weight", 50},
            {"max_choices", 3},           {"tie_seed", "20270301"}};
  }

  static json::object Application(const std::string& number) {
    return {
        {"name_native", "Çağla Öztürk"},
        {"name_latin", "Cagla Ozturk"},
        {"student_number", number},
        {"home_department", "Bilgisayar Mühendisliği"},
        {"isced_code", "0613"},
        {"level", "master"},
        {"academic_average", 3.47},
        {"average_scale", 4},
        {"language_score", 82.5},
        {"language_results", json::array{json::object{{"language", "en"}, {"result", "B2"}},
                                         json::object{{"language", "zh"}, {"result", "HSK 2"}}}},
        {"choices", json::array{json::value(ConditionId(0)), json::value(ConditionId(1))}}};
  }

  // Sends a request that must be refused with `status`, naming `field` (and `code`), and leave
  // the database as it was.
  static void ExpectRefused(const TestUser& user, const std::string& method,
                            const std::string& path, const json::value& body, long status,
                            const std::string& field, const std::string& code = "",
                            const std::string& if_match = "") {
    SCOPED_TRACE(method + " " + path + " " + json::serialize(body));
    const std::string before = server_->Snapshot();
    const HttpResult result = Send(user, method, path, body, if_match);
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json");
    const json::value problem = result.Json();
    ASSERT_TRUE(problem.is_object());
    const json::value* problems = problem.as_object().if_contains("problems");
    ASSERT_TRUE(problems && !problems->as_array().empty()) << result.body;
    EXPECT_EQ(problems->as_array().at(0).at("field").as_string(), field) << result.body;
    if (!code.empty()) {
      EXPECT_EQ(problems->as_array().at(0).at("code").as_string(), code) << result.body;
    }
    EXPECT_EQ(server_->Snapshot(), before) << "the database changed";
  }

  // The open 2027-2028 home_to_partner call, made once.
  static const json::object& OpenCall() {
    static const json::object call = [] {
      const HttpResult result =
          Send(officer_, "POST", CallsPath(agreement_), CallBody("2027-2028", "home_to_partner"));
      EXPECT_EQ(result.status, 201) << result.body;
      return result.Json().as_object();
    }();
    return call;
  }

  static TestServer* server_;
  static std::string partnership_, deu_, hit_;
  static TestUser officer_, viewer_, partner_;
  static json::object agreement_, draft_agreement_;
};

TestServer* ApiExchangeCallsTest::server_ = nullptr;
std::string ApiExchangeCallsTest::partnership_, ApiExchangeCallsTest::deu_,
    ApiExchangeCallsTest::hit_;
TestUser ApiExchangeCallsTest::officer_, ApiExchangeCallsTest::viewer_,
    ApiExchangeCallsTest::partner_;
json::object ApiExchangeCallsTest::agreement_, ApiExchangeCallsTest::draft_agreement_;

TEST_F(ApiExchangeCallsTest, OpensACallOnAnApprovedAgreementInTheHomeCitysZone) {
  const json::object& call = OpenCall();
  EXPECT_EQ(call.at("time_zone").as_string(), "Europe/Istanbul");
  EXPECT_EQ(call.at("window").as_string(), "open");
  EXPECT_EQ(call.at("tie_seed").as_string(), "20270301");
  EXPECT_EQ(call.at("max_choices").as_int64(), 3);
  // İzmir's closing day ends at 21:00 UTC.
  EXPECT_EQ(call.at("closes_at").as_string(), IzmirDate(30) + "T21:00:00Z");
  // The call offers the agreement's conditions of its direction only.
  EXPECT_EQ(call.at("conditions").as_array().size(), 4u);
  // Listed on the agreement, read by the partner of the partnership and by viewers.
  const std::string id = Id(call);
  const HttpResult list = Send(viewer_, "GET", CallsPath(agreement_));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.Json().at("items").at(0).at("id").as_string(), id);
  EXPECT_EQ(Send(partner_, "GET", "/api/v1/exchange-calls/" + id).status, 200);
  // No seed given: the server draws and publishes one.
  json::object body = CallBody("2028-2029", "partner_to_home");
  body.erase("tie_seed");
  body.erase("language_weight");
  body["academic_weight"] = 60;
  const HttpResult drawn = Send(officer_, "POST", CallsPath(agreement_), body);
  ASSERT_EQ(drawn.status, 201) << drawn.body;
  EXPECT_FALSE(drawn.Json().at("tie_seed").as_string().empty());
  EXPECT_EQ(drawn.Json().at("language_weight").to_number<double>(), 40);
}

TEST_F(ApiExchangeCallsTest, RefusesABadCallNamingTheField) {
  const std::string path = CallsPath(agreement_);
  json::object body = CallBody("2028-2029", "home_to_partner");
  body["closes_on"] = IzmirDate(-11);
  ExpectRefused(officer_, "POST", path, body, 422, "closes_on", "before_opening");
  body = CallBody("2030-2031", "home_to_partner");
  ExpectRefused(officer_, "POST", path, body, 422, "academic_year", "outside_agreement");
  body = CallBody("2028-2029", "home_to_partner");
  body["language_weight"] = 40;
  ExpectRefused(officer_, "POST", path, body, 422, "language_weight", "weights_not_100");
  body = CallBody("2028-2029", "home_to_partner");
  body["max_choices"] = 21;
  ExpectRefused(officer_, "POST", path, body, 422, "max_choices");
  body = CallBody("2028-2029", "home_to_partner");
  body["tie_seed"] = "12a";
  ExpectRefused(officer_, "POST", path, body, 422, "tie_seed", "invalid");
  // Not approved (a draft): 409.
  ExpectRefused(officer_, "POST", CallsPath(draft_agreement_),
                CallBody("2027-2028", "home_to_partner"), 409, "agreement_id", "not_approved");
  // One call per year and direction.
  OpenCall();
  ExpectRefused(officer_, "POST", path, CallBody("2027-2028", "home_to_partner"), 409,
                "academic_year", "duplicate");
  // Viewers and partner users do not open calls.
  const std::string before = server_->Snapshot();
  EXPECT_EQ(Send(viewer_, "POST", path, CallBody("2028-2029", "home_to_partner")).status, 403);
  EXPECT_EQ(Send(partner_, "POST", path, CallBody("2028-2029", "home_to_partner")).status, 403);
  EXPECT_EQ(server_->Snapshot(), before);
}

TEST_F(ApiExchangeCallsTest, TakesAnApplicationWithScoreEligibilityAndHistory) {
  const std::string path = "/api/v1/exchange-calls/" + Id(OpenCall()) + "/applications";
  const HttpResult created = Send(officer_, "POST", path, Application("DEU-2021-0001"));
  ASSERT_EQ(created.status, 201) << created.body;
  const json::object application = created.Json().as_object();
  EXPECT_EQ(application.at("visibility").as_string(), "private");
  EXPECT_EQ(application.at("name_native").as_string(), "Çağla Öztürk");
  // 50% × 3.47/4.00 × 100 + 50% × 82.5 = 84.625.
  EXPECT_EQ(application.at("score").as_string(), "84.625");
  // First choice eligible; the second (Chinese at B1 with HSK 2 = A2, field 07) is not, with
  // both reasons.
  const json::array& eligibility = application.at("eligibility").as_array();
  EXPECT_TRUE(eligibility.at(0).at("eligible").as_bool());
  EXPECT_FALSE(eligibility.at(1).at("eligible").as_bool());
  const json::array& failures = eligibility.at(1).at("failures").as_array();
  ASSERT_EQ(failures.size(), 2u) << json::serialize(eligibility);
  EXPECT_EQ(failures.at(0).at("rule").as_string(), "language");
  EXPECT_EQ(failures.at(1).at("rule").as_string(), "field");
  EXPECT_EQ(application.at("eligible_choices").as_int64(), 1);
  EXPECT_EQ(application.at("history").at(0).at("kind").as_string(), "submitted");
  EXPECT_EQ(application.at("history").at(0).at("user_email").as_string(), "officer@calls.test");

  // A change records which fields changed, by whom; not late while the call is open.
  const std::string one = "/api/v1/exchange-applications/" + Id(application);
  HttpResult changed = Send(officer_, "PATCH", one, json::object{{"language_score", 90}}, "1");
  ASSERT_EQ(changed.status, 200) << changed.body;
  const json::value changed_json = changed.Json();
  const json::object& change = changed_json.at("history").at(1).as_object();
  EXPECT_EQ(change.at("kind").as_string(), "changed");
  EXPECT_EQ(change.at("fields").at(0).as_string(), "language_score");
  EXPECT_FALSE(change.at("late").as_bool());

  // The seat grid counts it for home roles; partner users get null, never a count.
  const std::string seats = "/api/v1/exchange-agreements/" + Id(agreement_) + "/seats";
  const HttpResult home = Send(viewer_, "GET", seats);
  ASSERT_EQ(home.status, 200) << home.body;
  int counted = 0;
  const json::value home_grid = home.Json();
  for (const json::value& row : home_grid.at("rows").as_array()) {
    if (row.at("academic_year").as_string() == "2027-2028" &&
        row.at("condition_id").as_string() == ConditionId(0)) {
      counted = static_cast<int>(row.at("applications").as_int64());
    }
  }
  EXPECT_GE(counted, 1);
  const HttpResult partner = Send(partner_, "GET", seats);
  ASSERT_EQ(partner.status, 200) << partner.body;
  const json::value partner_grid = partner.Json();
  for (const json::value& row : partner_grid.at("rows").as_array()) {
    EXPECT_TRUE(row.at("applications").is_null());
  }
  for (const json::value& row : partner_grid.at("totals").as_array()) {
    EXPECT_TRUE(row.at("applications").is_null());
  }

  // Withdrawn with a reason, then neither changed nor withdrawn again.
  const HttpResult withdrawn = Send(officer_, "POST", one + "/withdrawal",
                                    json::object{{"reason", "Öğrenci başvurusunu geri çekti"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.Json().at("status").as_string(), "withdrawn");
  EXPECT_EQ(withdrawn.Json().at("history").at(2).at("kind").as_string(), "withdrawn");
  EXPECT_EQ(withdrawn.Json().at("history").at(2).at("reason").as_string(),
            "Öğrenci başvurusunu geri çekti");
  ExpectRefused(officer_, "POST", one + "/withdrawal", json::object{}, 409, "status", "withdrawn");
  ExpectRefused(officer_, "PATCH", one, json::object{{"language_score", 80}}, 409, "status",
                "withdrawn", "3");
}

TEST_F(ApiExchangeCallsTest, RefusesEveryBadApplicationAndChangesNothing) {
  const std::string path = "/api/v1/exchange-calls/" + Id(OpenCall()) + "/applications";
  json::object body = Application("DEU-2021-0100");
  // A condition of the other direction is not one the call offers.
  body["choices"] = json::array{json::value(ConditionId(0)), json::value(ConditionId(4))};
  ExpectRefused(officer_, "POST", path, body, 422, "choices[1]", "not_offered");
  body["choices"] = json::array{json::value(ConditionId(0)), json::value(ConditionId(0))};
  ExpectRefused(officer_, "POST", path, body, 422, "choices[1]", "duplicate");
  body["choices"] = json::array{json::value(ConditionId(0)), json::value(ConditionId(1)),
                                json::value(ConditionId(2)), json::value(ConditionId(3))};
  ExpectRefused(officer_, "POST", path, body, 422, "choices", "too_many");
  body = Application("DEU-2021-0100");
  body["academic_average"] = 4.2;
  ExpectRefused(officer_, "POST", path, body, 422, "academic_average", "off_scale");
  body["academic_average"] = 3.2;
  body["average_scale"] = 5;
  ExpectRefused(officer_, "POST", path, body, 422, "average_scale", "scale_not_accepted");
  body = Application("DEU-2021-0100");
  body["language_score"] = 101;
  ExpectRefused(officer_, "POST", path, body, 422, "language_score", "off_scale");
  body = Application("DEU-2021-0100");
  body["language_results"] = json::array{json::object{{"language", "en"}, {"result", "fluent"}}};
  ExpectRefused(officer_, "POST", path, body, 422, "language_results[0].result", "unknown_result");
  body = Application("DEU-2021-0100");
  body.erase("student_number");
  ExpectRefused(officer_, "POST", path, body, 422, "student_number");
  // The same student twice.
  ASSERT_EQ(Send(officer_, "POST", path, Application("DEU-2021-0200")).status, 201);
  ExpectRefused(officer_, "POST", path, Application("DEU-2021-0200"), 409, "student_number",
                "duplicate");
  // Viewers read, do not write; partner users are told the call's applications do not exist.
  ExpectRefused(viewer_, "POST", path, Application("DEU-2021-0300"), 403, "");
  EXPECT_EQ(Send(viewer_, "GET", path).status, 200);
  ExpectRefused(partner_, "POST", path, Application("DEU-2021-0300"), 404, "id", "not_found");
}

TEST_F(ApiExchangeCallsTest, RefusesApplyingAfterTheClosingInTheCallsZone) {
  // Closed yesterday in İzmir; the 2028-2029 home_to_partner call.
  json::object body = CallBody("2028-2029", "home_to_partner");
  body["opens_on"] = IzmirDate(-20);
  body["closes_on"] = IzmirDate(-1);
  const HttpResult created = Send(officer_, "POST", CallsPath(agreement_), body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("window").as_string(), "closed");
  const std::string path = "/api/v1/exchange-calls/" + Id(created.Json().as_object());
  ExpectRefused(officer_, "POST", path + "/applications", Application("DEU-2021-0400"), 409,
                "closes_on", "call_closed");
}

TEST_F(ApiExchangeCallsTest, PartnerUsersNeverSeeAnApplication) {
  const std::string path = "/api/v1/exchange-calls/" + Id(OpenCall()) + "/applications";
  const HttpResult created = Send(officer_, "POST", path, Application("DEU-2021-0500"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string one = "/api/v1/exchange-applications/" + Id(created.Json().as_object());
  EXPECT_EQ(Send(partner_, "GET", one).status, 404);
  EXPECT_EQ(Send(partner_, "GET", path).status, 404);
  EXPECT_EQ(Send(partner_, "POST", one + "/withdrawal", json::object{}).status, 404);
  EXPECT_EQ(Send(partner_, "PATCH", one, json::object{{"language_score", 1}}, "1").status, 404);
  // Viewers read it, do not change it.
  EXPECT_EQ(Send(viewer_, "GET", one).status, 200);
  EXPECT_EQ(Send(viewer_, "PATCH", one, json::object{{"language_score", 1}}, "1").status, 403);
  // Nothing of it in what the partner reads of the agreement or the call.
  for (const std::string& read :
       {"/api/v1/exchange-agreements/" + Id(agreement_), CallsPath(agreement_),
        "/api/v1/exchange-agreements/" + Id(agreement_) + "/seats"}) {
    const HttpResult result = Send(partner_, "GET", read);
    ASSERT_EQ(result.status, 200) << read << result.body;
    EXPECT_EQ(result.body.find("DEU-2021"), std::string::npos) << read;
    EXPECT_EQ(result.body.find("Öztürk"), std::string::npos) << read;
  }
}

TEST_F(ApiExchangeCallsTest, AllocatesRecordsExplainsLocksAndRerunsWithoutMovingAnyoneDown) {
  // The 2027-2028 call partner → home: one condition (Turkish language, bachelor, tr B1), 2 seats.
  HttpResult created =
      Send(officer_, "POST", CallsPath(agreement_), CallBody("2027-2028", "partner_to_home"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string call = Id(created.Json().as_object());
  const std::string condition = ConditionId(4);
  std::vector<std::string> applications;
  for (const auto& [number, average] : std::vector<std::pair<std::string, int>>{
           {"HIT-01", 95}, {"HIT-02", 90}, {"HIT-03", 85}, {"HIT-04", 80}}) {
    const json::object body{
        {"name_native", "王雨桐"},
        {"name_latin", "Wang Yutong"},
        {"student_number", number},
        {"home_department", "土耳其语言文学"},
        {"isced_code", "0232"},
        {"level", "bachelor"},
        {"academic_average", average},
        {"average_scale", 100},
        {"language_score", 80},
        {"language_results", json::array{json::object{{"language", "tr"}, {"result", "B2"}}}},
        {"choices", json::array{json::value(condition)}}};
    const HttpResult result =
        Send(officer_, "POST", "/api/v1/exchange-calls/" + call + "/applications", body);
    ASSERT_EQ(result.status, 201) << result.body;
    applications.push_back(Id(result.Json().as_object()));
  }
  const std::string runs = "/api/v1/exchange-calls/" + call + "/runs";
  // Viewers do not run; partner users are told runs do not exist.
  ExpectRefused(viewer_, "POST", runs, nullptr, 403, "");
  ExpectRefused(partner_, "POST", runs, nullptr, 404, "id", "not_found");
  EXPECT_EQ(Send(partner_, "GET", runs).status, 404);

  const HttpResult first = Send(officer_, "POST", runs);
  ASSERT_EQ(first.status, 201) << first.body;
  const json::value run = first.Json();
  EXPECT_EQ(run.at("seed").as_string(), "20270301");
  EXPECT_EQ(run.at("input_hash").as_string().size(), 64u);
  EXPECT_FALSE(run.at("code_version").as_string().empty());
  // The two best placed; the cut-off is the second's score: 50% × 90 + 50% × 80 = 85.
  const json::object& cutoff = run.at("cutoffs").at(0).as_object();
  EXPECT_EQ(cutoff.at("admitted").as_int64(), 2);
  EXPECT_EQ(cutoff.at("cutoff_score").as_string(), "85.00");
  std::map<std::string, json::object> placed;
  for (const json::value& placement : run.at("placements").as_array()) {
    placed[std::string(placement.at("application_id").as_string())] = placement.as_object();
  }
  EXPECT_EQ(placed[applications[0]].at("condition_id").as_string(), condition);
  EXPECT_EQ(placed[applications[1]].at("rank").as_int64(), 1);
  EXPECT_TRUE(placed[applications[2]].at("condition_id").is_null());
  const json::object& why = placed[applications[2]].at("explanation").at(0).as_object();
  EXPECT_EQ(why.at("reason").as_string(), "outranked");
  EXPECT_EQ(why.at("cutoff_score").as_string(), "85.00");
  EXPECT_EQ(why.at("own_score").as_string(), "82.50");
  // Nobody else is named in an explanation.
  EXPECT_EQ(json::serialize(why).find(applications[1]), std::string::npos);

  // The same inputs give the same bytes.
  const HttpResult again = Send(officer_, "POST", runs);
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.Json().at("input_hash"), run.at("input_hash"));
  EXPECT_EQ(again.Json().at("result_hash"), run.at("result_hash"));
  EXPECT_EQ(again.Json().at("result"), run.at("result"));

  // Locked once; the seat grid counts the locked allocation for home roles.
  const std::string one = "/api/v1/exchange-runs/" + std::string(run.at("id").as_string());
  const HttpResult locked = Send(officer_, "POST", one + "/lock");
  ASSERT_EQ(locked.status, 200) << locked.body;
  EXPECT_FALSE(locked.Json().at("locked_at").is_null());
  ExpectRefused(officer_, "POST", one + "/lock", nullptr, 409, "locked_at", "locked");
  EXPECT_EQ(Send(partner_, "GET", one).status, 404);
  const HttpResult grid =
      Send(viewer_, "GET", "/api/v1/exchange-agreements/" + Id(agreement_) + "/seats");
  const json::value grid_json = grid.Json();
  for (const json::value& row : grid_json.at("rows").as_array()) {
    if (row.at("academic_year").as_string() == "2027-2028" &&
        row.at("condition_id").as_string() == condition) {
      EXPECT_EQ(row.at("allocated").as_int64(), 2);
      EXPECT_EQ(row.at("free").as_int64(), 0);
    }
  }

  // The second withdraws: a re-run fills the freed seat from the waiting order and keeps the
  // first where it was.
  ASSERT_EQ(Send(officer_, "POST",
                 "/api/v1/exchange-applications/" + applications[1] + "/withdrawal", json::object{})
                .status,
            200);
  const HttpResult rerun = Send(officer_, "POST", runs);
  ASSERT_EQ(rerun.status, 201) << rerun.body;
  const json::value rerun_json = rerun.Json();
  EXPECT_EQ(rerun_json.at("previous_run_id"), run.at("id"));
  std::map<std::string, std::string> now_placed;
  for (const json::value& placement : rerun_json.at("placements").as_array()) {
    now_placed[std::string(placement.at("application_id").as_string())] =
        placement.at("condition_id").is_null()
            ? ""
            : std::string(placement.at("condition_id").as_string());
  }
  EXPECT_EQ(now_placed.count(applications[1]), 0u);
  EXPECT_EQ(now_placed[applications[0]], condition);
  EXPECT_EQ(now_placed[applications[2]], condition);
  EXPECT_EQ(now_placed[applications[3]], "");
  EXPECT_EQ(Send(viewer_, "GET", runs).Json().at("items").as_array().size(), 3u);
}

// Nominations (api/exchange_nominations.cpp): only from a locked run, only the minimum set, the
// host's partner users alone see and decide them; a rejection needs a reason; one decision each.
TEST_F(ApiExchangeCallsTest, NominatesALockedRunsStudentsAndThePartnerDecides) {
  HttpResult created =
      Send(officer_, "POST", CallsPath(agreement_), CallBody("2028-2029", "home_to_partner"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string call = Id(created.Json().as_object());
  std::vector<std::string> applications;
  std::map<std::string, std::string> application_of;  // by name_latin
  for (const std::string number : {"NOM-1", "NOM-2", "NOM-3"}) {
    json::object body = Application(number);
    body["name_latin"] = "Cagla Ozturk " + number.substr(4);
    const HttpResult result =
        Send(officer_, "POST", "/api/v1/exchange-calls/" + call + "/applications", body);
    ASSERT_EQ(result.status, 201) << result.body;
    applications.push_back(Id(result.Json().as_object()));
    application_of[std::string(body.at("name_latin").as_string())] = applications.back();
  }
  const HttpResult ran = Send(officer_, "POST", "/api/v1/exchange-calls/" + call + "/runs");
  ASSERT_EQ(ran.status, 201) << ran.body;
  const std::string run = "/api/v1/exchange-runs/" + std::string(ran.Json().at("id").as_string());
  int placed = 0;
  const json::value ran_json = ran.Json();
  for (const json::value& placement : ran_json.at("placements").as_array()) {
    if (!placement.at("condition_id").is_null()) ++placed;
  }
  ASSERT_GE(placed, 2);
  // Not locked: refused, nothing sent.
  ExpectRefused(officer_, "POST", run + "/nominations", nullptr, 409, "locked_at", "not_locked");
  ASSERT_EQ(Send(officer_, "POST", run + "/lock").status, 200);
  ExpectRefused(partner_, "POST", run + "/nominations", nullptr, 404, "id", "not_found");
  ExpectRefused(viewer_, "POST", run + "/nominations", nullptr, 403, "");

  const HttpResult sent = Send(officer_, "POST", run + "/nominations");
  ASSERT_EQ(sent.status, 201) << sent.body;
  const json::array items = sent.Json().at("items").as_array();
  ASSERT_EQ(static_cast<int>(items.size()), placed);
  for (const json::value& item : items) {
    const json::object& nomination = item.as_object();
    EXPECT_EQ(nomination.at("personal_data").as_string(), "shared_on_purpose");
    EXPECT_EQ(nomination.at("name_native").as_string(), "Çağla Öztürk");
    EXPECT_TRUE(nomination.at("name_latin").as_string().starts_with("Cagla Ozturk "));
    EXPECT_EQ(nomination.at("home_institution_id").as_string(), deu_);
    EXPECT_EQ(nomination.at("home_department").as_string(), "Bilgisayar Mühendisliği");
    EXPECT_EQ(nomination.at("academic_year").as_string(), "2028-2029");
    EXPECT_EQ(nomination.at("months").as_int64(), 10);
    EXPECT_EQ(nomination.at("status").as_string(), "sent");
    // The minimum set: no student number, average, score or contact.
    for (const char* key :
         {"student_number", "academic_average", "average_scale", "language_score", "score",
          "language_results", "choices", "email", "phone", "application_id"}) {
      EXPECT_FALSE(nomination.contains(key)) << key;
    }
    EXPECT_EQ(json::serialize(nomination).find("NOM-"), std::string::npos);
  }
  ExpectRefused(officer_, "POST", run + "/nominations", nullptr, 409, "nominations", "sent");
  // The send is in the change trail.
  const HttpResult trail = server_->Get("/api/v1/changes?limit=1");
  ASSERT_EQ(trail.status, 200) << trail.body;
  const json::value trail_json = trail.Json();
  EXPECT_EQ(trail_json.at("items").at(0).at("entity").as_string(), "exchange_nominations");
  EXPECT_EQ(trail_json.at("items").at(0).at("after").at("personal_data").as_string(),
            "shared_on_purpose");

  // The partner sees them on the agreement, still not the applications; another partnership's
  // partner user sees nothing.
  const std::string listed = "/api/v1/exchange-agreements/" + Id(agreement_) + "/nominations";
  const HttpResult seen = Send(partner_, "GET", listed);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.Json().at("items").as_array().size(), items.size());
  EXPECT_EQ(Send(partner_, "GET", "/api/v1/exchange-applications/" + applications[0]).status, 404);
  EXPECT_EQ(Send(partner_, "GET", run + "/nominations").status, 404);
  // A partner user of another partnership (İzmir–Busan).
  const HttpResult busan = server_->Post(
      "/api/v1/cities", json::parse(R"({"name":{"original":"en","en":"Busan","tr":"Busan",
                                        "zh":"釜山"},"country":"KR","time_zone":"Asia/Seoul"})"));
  ASSERT_EQ(busan.status, 201) << busan.body;
  const HttpResult izmir = server_->Get("/api/v1/cities?country=TR");
  const HttpResult partnership = server_->Post(
      "/api/v1/partnerships", {{"home_city_id", izmir.Json().at("items").at(0).at("id")},
                               {"partner_city_id", busan.Json().at("id")}});
  ASSERT_EQ(partnership.status, 201) << partnership.body;
  const std::string other = std::string(partnership.Json().at("id").as_string());
  const TestUser stranger = server_->AddUser("stranger@nominations.test", "partner", {other});
  EXPECT_EQ(Send(stranger, "GET", listed).status, 404);
  const std::string first =
      "/api/v1/exchange-nominations/" + std::string(items[0].at("id").as_string()) + "/decision";
  const std::string second =
      "/api/v1/exchange-nominations/" + std::string(items[1].at("id").as_string()) + "/decision";
  ExpectRefused(stranger, "POST", first, json::object{{"decision", "accept"}}, 404, "id",
                "not_found");

  // Decisions: a rejection needs a reason; the home side does not decide for the host.
  ExpectRefused(partner_, "POST", second, json::object{{"decision", "reject"}}, 422, "reason",
                "required");
  ExpectRefused(partner_, "POST", second, json::object{{"decision", "maybe"}}, 422, "decision");
  ExpectRefused(officer_, "POST", first, json::object{{"decision", "accept"}}, 403, "");
  const HttpResult accepted = Send(partner_, "POST", first, json::object{{"decision", "accept"}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Json().at("status").as_string(), "accepted");
  EXPECT_EQ(accepted.Json().at("decided_by_email").as_string(), "partner@calls.test");
  const HttpResult rejected =
      Send(partner_, "POST", second, json::object{{"decision", "reject"}, {"reason", "名额已满"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.Json().at("reason").as_string(), "名额已满");
  ExpectRefused(partner_, "POST", first, json::object{{"decision", "reject"}, {"reason", "x"}}, 409,
                "status", "decided");

  // The seat grid counts them.
  const HttpResult grid =
      Send(viewer_, "GET", "/api/v1/exchange-agreements/" + Id(agreement_) + "/seats");
  int accepted_total = 0, declined_total = 0;
  const json::value grid_json = grid.Json();
  for (const json::value& row : grid_json.at("totals").as_array()) {
    if (row.at("academic_year").as_string() == "2028-2029") {
      accepted_total += static_cast<int>(row.at("accepted").as_int64());
      declined_total += static_cast<int>(row.at("declined").as_int64());
    }
  }
  EXPECT_EQ(accepted_total, 1);
  EXPECT_EQ(declined_total, 1);

  // Exports keep Turkish and Chinese text intact, read back by independent parsers.
  for (const std::string format : {"csv", "xlsx"}) {
    const HttpResult file =
        Send(partner_, "GET", listed + "/export?format=" + format + "&language=zh");
    ASSERT_EQ(file.status, 200) << file.body;
    const std::string path = server_->folder() + "/nominations." + format;
    std::ofstream(path, std::ios::binary) << file.body;
    std::string output;
    FILE* pipe =
        popen(("/usr/bin/python3 " AMITY_SOURCE_DIR "/tests/read_table.py " + path).c_str(), "r");
    char buffer[4096];
    while (size_t got = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
    ASSERT_EQ(pclose(pipe), 0) << output;
    const json::array rows = json::parse(output).at("rows").as_array();
    ASSERT_EQ(rows.size(), items.size() + 1) << output;
    EXPECT_NE(output.find("Çağla Öztürk"), std::string::npos) << output;
    EXPECT_NE(output.find("名额已满"), std::string::npos) << output;
    EXPECT_EQ(output.find("NOM-"), std::string::npos);
  }

  // The accepted student withdraws and a re-run is locked: its send keeps the nominations of the
  // same seats, withdraws the others that stood (sent or accepted) with a reason, and nominates
  // only who is new. What to expect follows from the two runs' placements.
  const std::string leaving = application_of.at(std::string(items[0].at("name_latin").as_string()));
  ASSERT_EQ(Send(officer_, "POST", "/api/v1/exchange-applications/" + leaving + "/withdrawal",
                 json::object{})
                .status,
            200);
  const HttpResult rerun = Send(officer_, "POST", "/api/v1/exchange-calls/" + call + "/runs");
  ASSERT_EQ(rerun.status, 201) << rerun.body;
  const std::string run2 =
      "/api/v1/exchange-runs/" + std::string(rerun.Json().at("id").as_string());
  std::map<std::string, std::string> seat_now;  // application → condition
  const json::value rerun_json = rerun.Json();
  for (const json::value& placement : rerun_json.at("placements").as_array()) {
    if (!placement.at("condition_id").is_null()) {
      seat_now[std::string(placement.at("application_id").as_string())] =
          std::string(placement.at("condition_id").as_string());
    }
  }
  std::set<std::string> expect_kept, expect_withdrawn, expect_new;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i == 1) continue;  // rejected: no longer stands
    const std::string name(items[i].at("name_latin").as_string());
    const auto seat = seat_now.find(application_of.at(name));
    (seat != seat_now.end() && seat->second == items[i].at("condition_id").as_string()
         ? expect_kept
         : expect_withdrawn)
        .insert(name);
  }
  for (const auto& [name, application] : application_of) {
    if (seat_now.contains(application) && !expect_kept.contains(name)) expect_new.insert(name);
  }
  ASSERT_EQ(Send(officer_, "POST", run2 + "/lock").status, 200);
  const HttpResult resent = Send(officer_, "POST", run2 + "/nominations");
  ASSERT_EQ(resent.status, 201) << resent.body;
  const json::value resent_json = resent.Json();
  const auto names = [&](std::string_view key) {
    std::set<std::string> out;
    for (const json::value& n : resent_json.at(key).as_array()) {
      out.insert(std::string(n.at("name_latin").as_string()));
    }
    return out;
  };
  EXPECT_EQ(names("kept"), expect_kept);
  EXPECT_EQ(names("withdrawn"), expect_withdrawn);
  EXPECT_EQ(names("items"), expect_new);
  ASSERT_TRUE(expect_withdrawn.contains(std::string(items[0].at("name_latin").as_string())));
  for (const json::value& n : resent_json.at("withdrawn").as_array()) {
    EXPECT_EQ(n.at("status").as_string(), "withdrawn");
    EXPECT_NE(n.at("reason").as_string().find("withdrawn by the allocation run of"),
              std::string::npos);
  }
  // A withdrawn nomination is decided no more, and no longer counts as accepted.
  ExpectRefused(partner_, "POST", first, json::object{{"decision", "accept"}}, 409, "status",
                "decided");
  const HttpResult grid_after =
      Send(viewer_, "GET", "/api/v1/exchange-agreements/" + Id(agreement_) + "/seats");
  int accepted_after = 0;
  const json::value grid_after_json = grid_after.Json();
  for (const json::value& row : grid_after_json.at("totals").as_array()) {
    if (row.at("academic_year").as_string() == "2028-2029") {
      accepted_after += static_cast<int>(row.at("accepted").as_int64());
    }
  }
  EXPECT_EQ(accepted_after, 0);
  ExpectRefused(officer_, "POST", run2 + "/nominations", nullptr, 409, "nominations", "sent");
}

}  // namespace
}  // namespace amity::testing
