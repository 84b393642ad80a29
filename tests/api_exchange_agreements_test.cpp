// Exchange agreements through the real server: created as drafts by home officers, proposed,
// approved by each side on the exact content hash, proposed again when the content changes,
// with the approvals' history and what changed since; every refusal names its field and changes
// nothing; partner users read the shared agreements of their partnership only and approve only
// the partner side; the ISCED-F table and the seat grid.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

class ApiExchangeAgreementsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(true);
    const auto first = [](const std::string& path) {
      const HttpResult result = server_->Get(path);
      EXPECT_EQ(result.status, 200) << result.body;
      return std::string(result.Json().at("items").at(0).at("id").as_string());
    };
    partnership_ = FirstPartnershipId(*server_);
    izmir_ = first("/api/v1/cities?country=TR");
    harbin_ = first("/api/v1/cities?country=CN");
    deu_ = first("/api/v1/organizations?kind=university&city_id=" + izmir_);
    hit_ = first("/api/v1/organizations?kind=university&city_id=" + harbin_);
    symphony_ = first("/api/v1/organizations?kind=orchestra&city_id=" + harbin_);
    const std::string other_city = Created(
        "/api/v1/cities",
        R"({"name":{"original":"en","en":"Otherton"},"country":"DE","time_zone":"Europe/Berlin",
            "visibility":"shared"})");
    other_partnership_ = Created("/api/v1/partnerships",
                                 R"({"home_city_id":")" + izmir_ + R"(","partner_city_id":")" +
                                     other_city + R"(","visibility":"shared"})");
    officer_ = server_->AddUser("officer@agreements.test", "officer");
    contributor_ = server_->AddUser("contributor@agreements.test", "contributor");
    viewer_ = server_->AddUser("viewer@agreements.test", "viewer");
    partner_ = server_->AddUser("partner@agreements.test", "partner", {partnership_});
    other_partner_ = server_->AddUser("other@agreements.test", "partner", {other_partnership_});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string Created(const std::string& path, const std::string& body) {
    const HttpResult result = server_->Post(path, json::parse(body));
    EXPECT_EQ(result.status, 201) << path << " " << result.body;
    return result.status == 201 ? std::string(result.Json().at("id").as_string()) : "";
  }

  static json::object Condition(const std::string& isced = "0613", int seats = 2) {
    return {{"direction", "home_to_partner"},
            {"host_department", "School of Computer Science and Technology"},
            {"isced_code", isced},
            {"level", "master"},
            {"seats_per_year", seats},
            {"months_per_student", 10},
            {"language", "en"},
            {"min_cefr", "B2"},
            {"extra_requirements", "Portfolio of two software projects"}};
  }

  static json::object Body() {
    json::object music = Condition("0215", 1);
    music["direction"] = "partner_to_home";
    music["host_department"] = "State Conservatory";
    music["level"] = "bachelor";
    music["language"] = "tr";
    return {{"partnership_id", partnership_}, {"home_institution_id", deu_},
            {"partner_institution_id", hit_}, {"first_year", "2027-2028"},
            {"last_year", "2029-2030"},       {"conditions", json::array{Condition(), music}}};
  }

  // Creates an agreement from `body` as the officer; returns it.
  static json::object Create(const json::object& body = Body()) {
    const HttpResult result =
        server_->Request("POST", "/api/v1/exchange-agreements", json::serialize(body),
                         {officer_.Bearer(), "Content-Type: application/json"});
    EXPECT_EQ(result.status, 201) << result.body;
    return result.Json().as_object();
  }

  static HttpResult Send(const TestUser& user, const std::string& method, const std::string& path,
                         const json::value& body = nullptr, const std::string& if_match = "") {
    std::vector<std::string> headers{user.Bearer()};
    if (!body.is_null()) headers.push_back("Content-Type: application/json");
    if (!if_match.empty()) headers.push_back("If-Match: \"" + if_match + "\"");
    return server_->Request(method, path, body.is_null() ? "" : json::serialize(body), headers);
  }

  static std::string Path(const json::object& agreement, const std::string& tail = "") {
    return "/api/v1/exchange-agreements/" + std::string(agreement.at("id").as_string()) + tail;
  }

  static json::object Approve(const TestUser& user, const json::object& agreement) {
    const HttpResult result = Send(user, "POST", Path(agreement, "/approvals"),
                                   json::object{{"hash", agreement.at("content_hash")}});
    EXPECT_EQ(result.status, 200) << result.body;
    return result.Json().as_object();
  }

  // Sends a request that must be refused with `status`, naming `field` (and `code` when given),
  // and leave the database as it was.
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

  static TestServer* server_;
  static std::string partnership_, other_partnership_, izmir_, harbin_, deu_, hit_, symphony_;
  static TestUser officer_, contributor_, viewer_, partner_, other_partner_;
};

TestServer* ApiExchangeAgreementsTest::server_ = nullptr;
std::string ApiExchangeAgreementsTest::partnership_, ApiExchangeAgreementsTest::other_partnership_,
    ApiExchangeAgreementsTest::izmir_, ApiExchangeAgreementsTest::harbin_,
    ApiExchangeAgreementsTest::deu_, ApiExchangeAgreementsTest::hit_,
    ApiExchangeAgreementsTest::symphony_;
TestUser ApiExchangeAgreementsTest::officer_, ApiExchangeAgreementsTest::contributor_,
    ApiExchangeAgreementsTest::viewer_, ApiExchangeAgreementsTest::partner_,
    ApiExchangeAgreementsTest::other_partner_;

TEST_F(ApiExchangeAgreementsTest, ServesTheIscedTableInThreeLanguages) {
  const HttpResult result = Send(viewer_, "GET", "/api/v1/isced-fields");
  ASSERT_EQ(result.status, 200) << result.body;
  int broad = 0;
  bool software = false;
  const json::value page = result.Json();
  for (const json::value& item : page.at("items").as_array()) {
    broad += item.at("level").as_string() == "broad";
    if (item.at("code").as_string() == "0613") {
      software = true;
      EXPECT_EQ(item.at("parent").as_string(), "061");
      EXPECT_EQ(item.at("name").at("zh").as_string(), "软件与应用开发和分析");
    }
  }
  EXPECT_EQ(broad, 11);
  EXPECT_TRUE(software);
}

TEST_F(ApiExchangeAgreementsTest, BothSidesApproveTheSameContent) {
  json::object agreement = Create();
  EXPECT_EQ(agreement.at("state").as_string(), "draft");
  EXPECT_EQ(agreement.at("visibility").as_string(), "shared");
  EXPECT_EQ(agreement.at("content_hash").as_string().size(), 64u);
  EXPECT_EQ(agreement.at("academic_years"),
            json::parse(R"(["2027-2028","2028-2029","2029-2030"])"));
  const json::array& conditions = agreement.at("conditions").as_array();
  ASSERT_EQ(conditions.size(), 2u);
  EXPECT_EQ(conditions[0].at("host_institution_id").as_string(), hit_);
  EXPECT_EQ(conditions[1].at("host_institution_id").as_string(), deu_);
  EXPECT_EQ(Send(viewer_, "GET", Path(agreement)).Json().as_object(), agreement);

  // A draft is not approved; proposing it opens approval to both sides.
  ExpectRefused(officer_, "POST", Path(agreement, "/approvals"),
                json::object{{"hash", agreement.at("content_hash")}}, 409, "state", "not_proposed");
  HttpResult proposed = Send(officer_, "POST", Path(agreement, "/propose"));
  ASSERT_EQ(proposed.status, 200) << proposed.body;
  agreement = proposed.Json().as_object();
  EXPECT_EQ(agreement.at("state").as_string(), "proposed");
  ExpectRefused(officer_, "POST", Path(agreement, "/propose"), nullptr, 409, "state", "not_draft");

  agreement = Approve(officer_, agreement);
  EXPECT_EQ(agreement.at("state").as_string(), "proposed");
  ASSERT_EQ(agreement.at("approvals").as_array().size(), 1u);
  const json::value& home = agreement.at("approvals").at(0);
  EXPECT_EQ(home.at("side").as_string(), "home");
  EXPECT_EQ(home.at("user_email").as_string(), "officer@agreements.test");
  EXPECT_EQ(home.at("content_hash"), agreement.at("content_hash"));
  ExpectRefused(officer_, "POST", Path(agreement, "/approvals"),
                json::object{{"hash", agreement.at("content_hash")}}, 409, "side",
                "already_approved");
  // The partner user may not speak for the home side, nor may a viewer approve.
  ExpectRefused(partner_, "POST", Path(agreement, "/approvals"),
                json::object{{"hash", agreement.at("content_hash")}, {"side", "home"}}, 403,
                "side");
  ExpectRefused(viewer_, "POST", Path(agreement, "/approvals"),
                json::object{{"hash", agreement.at("content_hash")}}, 403, "");
  ExpectRefused(contributor_, "POST", Path(agreement, "/approvals"),
                json::object{{"hash", agreement.at("content_hash")}}, 403, "");

  agreement = Approve(partner_, agreement);
  EXPECT_EQ(agreement.at("state").as_string(), "approved");
  EXPECT_EQ(agreement.at("approvals").as_array().size(), 2u);
  EXPECT_TRUE(agreement.at("changes_since_approval").is_null());

  // A change of content makes it proposed again, clears both approvals and says what changed.
  json::array changed = agreement.at("conditions").as_array();
  const std::string kept_id(changed[0].at("id").as_string());
  const std::string dropped_id(changed[1].at("id").as_string());
  json::object first = Condition("0613", 4);
  first["id"] = kept_id;
  json::object heritage = Condition("0731", 1);
  const HttpResult patched = Send(officer_, "PATCH", Path(agreement),
                                  json::object{{"conditions", json::array{first, heritage}}},
                                  std::to_string(agreement.at("version").as_int64()));
  ASSERT_EQ(patched.status, 200) << patched.body;
  const json::object edited = patched.Json().as_object();
  EXPECT_EQ(edited.at("state").as_string(), "proposed");
  EXPECT_TRUE(edited.at("approvals").as_array().empty());
  EXPECT_NE(edited.at("content_hash"), agreement.at("content_hash"));
  EXPECT_EQ(edited.at("conditions").at(0).at("id").as_string(), kept_id);
  const json::array& changes = edited.at("changes_since_approval").at("changes").as_array();
  ASSERT_EQ(changes.size(), 3u) << edited;
  EXPECT_EQ(changes[0].at("kind").as_string(), "changed");
  EXPECT_EQ(changes[0].at("field").as_string(), "seats_per_year");
  EXPECT_EQ(changes[0].at("before").as_string(), "2");
  EXPECT_EQ(changes[0].at("after").as_string(), "4");
  EXPECT_EQ(changes[1].at("kind").as_string(), "added");
  EXPECT_EQ(changes[2].at("kind").as_string(), "removed");
  EXPECT_EQ(changes[2].at("condition_id").as_string(), dropped_id);
  // The removed condition keeps its row (calls may name it).
  EXPECT_EQ(
      QueryNumber(server_->db_path(), "SELECT count(*) FROM exchange_conditions WHERE id = '" +
                                          dropped_id + "' AND removed_at IS NOT NULL"),
      1);

  // The partner approving what it read before the change is refused.
  ExpectRefused(partner_, "POST", Path(agreement, "/approvals"),
                json::object{{"hash", agreement.at("content_hash")}}, 409, "hash", "stale_hash");

  const HttpResult history = Send(partner_, "GET", Path(agreement, "/approvals"));
  ASSERT_EQ(history.status, 200) << history.body;
  const json::value history_page = history.Json();
  const json::array& items = history_page.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].at("superseded_at").is_null());
  EXPECT_EQ(items[0].at("content").at("conditions").as_array().size(), 2u);
  EXPECT_EQ(items[1].at("changes_since").as_array().size(), 3u);

  // Both approve the new content.
  json::object again = Approve(partner_, edited);
  again = Approve(officer_, again);
  EXPECT_EQ(again.at("state").as_string(), "approved");
}

TEST_F(ApiExchangeAgreementsTest, BadInputIsRefusedNamingItsField) {
  const std::string path = "/api/v1/exchange-agreements";
  const auto with = [](const std::function<void(json::object&)>& change) {
    json::object body = Body();
    change(body);
    return body;
  };
  const auto condition = [&](const char* key, json::value value) {
    return with(
        [&](json::object& body) { body["conditions"].as_array()[0].as_object()[key] = value; });
  };
  ExpectRefused(officer_, "POST", path, condition("isced_code", "0619"), 422,
                "conditions[0].isced_code", "unknown_isced_code");
  ExpectRefused(officer_, "POST", path, condition("seats_per_year", 0), 422,
                "conditions[0].seats_per_year", "out_of_range");
  ExpectRefused(officer_, "POST", path, condition("seats_per_year", 2.5), 422,
                "conditions[0].seats_per_year", "not_integer");
  ExpectRefused(officer_, "POST", path, condition("months_per_student", 25), 422,
                "conditions[0].months_per_student", "out_of_range");
  ExpectRefused(officer_, "POST", path, condition("level", "postdoc"), 422, "conditions[0].level");
  ExpectRefused(officer_, "POST", path, condition("min_cefr", "C3"), 422, "conditions[0].min_cefr");
  ExpectRefused(officer_, "POST", path, condition("colour", "red"), 400, "conditions[0].colour",
                "unknown_field");
  ExpectRefused(officer_, "POST", path, condition("id", "00000000-0000-7000-8000-000000000000"),
                422, "conditions[0].id", "unknown_condition");
  ExpectRefused(officer_, "POST", path,
                with([](json::object& body) { body["first_year"] = "2027-2029"; }), 422,
                "first_year", "invalid_academic_year");
  ExpectRefused(officer_, "POST", path,
                with([](json::object& body) { body["last_year"] = "2026-2027"; }), 422, "last_year",
                "ends_before_start");
  ExpectRefused(officer_, "POST", path,
                with([](json::object& body) { body["last_year"] = "2040-2041"; }), 422, "last_year",
                "too_many_years");
  ExpectRefused(officer_, "POST", path, with([](json::object& body) { body["colour"] = "red"; }),
                400, "colour", "unknown_field");
  ExpectRefused(officer_, "POST", path,
                with([](json::object& body) { body["home_institution_id"] = symphony_; }), 422,
                "home_institution_id", "not_in_city");
  ExpectRefused(officer_, "POST", path, with([](json::object& body) {
                  body["partner_institution_id"] = "00000000-0000-7000-8000-000000000001";
                }),
                422, "partner_institution_id");
  ExpectRefused(officer_, "POST", path,
                with([](json::object& body) { body.erase("partnership_id"); }), 422,
                "partnership_id", "required");
  // Who may not write learns nothing from validation.
  ExpectRefused(viewer_, "POST", path, Body(), 403, "");
  ExpectRefused(partner_, "POST", path, Body(), 403, "");
  ExpectRefused(contributor_, "POST", path, Body(), 403, "");

  const json::object agreement = Create();
  const std::string version = std::to_string(agreement.at("version").as_int64());
  ExpectRefused(officer_, "PATCH", Path(agreement), json::object{{"partnership_id", partnership_}},
                400, "partnership_id", "unknown_field", version);
  ExpectRefused(officer_, "PATCH", Path(agreement), json::object{{"last_year", "2027"}}, 422,
                "last_year", "invalid_academic_year", version);
  ExpectRefused(officer_, "PATCH", Path(agreement), json::object{{"last_year", "2030-2031"}}, 412,
                "If-Match", "stale_version", "99");
  ExpectRefused(partner_, "PATCH", Path(agreement), json::object{{"last_year", "2030-2031"}}, 403,
                "", "", version);
  json::object twice = Condition();
  twice["id"] = agreement.at("conditions").at(0).at("id");
  ExpectRefused(officer_, "PATCH", Path(agreement),
                json::object{{"conditions", json::array{twice, twice}}}, 422, "conditions[1].id",
                "duplicate_condition", version);
  // An agreement without conditions is not proposed.
  const json::object empty = Create(json::object{{"partnership_id", partnership_},
                                                 {"home_institution_id", deu_},
                                                 {"partner_institution_id", symphony_},
                                                 {"first_year", "2027-2028"},
                                                 {"last_year", "2027-2028"}});
  ExpectRefused(officer_, "POST", Path(empty, "/propose"), nullptr, 409, "conditions",
                "no_conditions");
  ExpectRefused(officer_, "POST", Path(agreement, "/approvals"), json::object{{"side", "home"}},
                422, "hash", "required");
}

TEST_F(ApiExchangeAgreementsTest, PartnersSeeOnlyTheSharedAgreementsOfTheirPartnership) {
  const json::object shared = Create();
  json::object body = Body();
  body["visibility"] = "private";
  const json::object hidden = Create(body);
  for (const std::string tail : {"", "/approvals", "/seats"}) {
    EXPECT_EQ(Send(partner_, "GET", Path(shared, tail)).status, 200) << tail;
    EXPECT_EQ(Send(viewer_, "GET", Path(shared, tail)).status, 200) << tail;
    ExpectRefused(partner_, "GET", Path(hidden, tail), nullptr, 404, "id");
    ExpectRefused(other_partner_, "GET", Path(shared, tail), nullptr, 404, "id");
  }
  ExpectRefused(other_partner_, "POST", Path(shared, "/approvals"),
                json::object{{"hash", shared.at("content_hash")}}, 404, "id");
  ExpectRefused(other_partner_, "POST", Path(shared, "/propose"), nullptr, 404, "id");
  ExpectRefused(officer_, "GET", "/api/v1/exchange-agreements/not-an-id", nullptr, 404, "id");

  const auto listed = [](const TestUser& user, const std::string& query) {
    const HttpResult result = Send(user, "GET", "/api/v1/exchange-agreements" + query);
    EXPECT_EQ(result.status, 200) << result.body;
    std::vector<std::string> ids;
    const json::value page = result.Json();
    for (const json::value& item : page.at("items").as_array()) {
      ids.emplace_back(item.at("id").as_string());
    }
    return ids;
  };
  const auto has = [](const std::vector<std::string>& ids, const json::object& agreement) {
    return std::find(ids.begin(), ids.end(), agreement.at("id").as_string()) != ids.end();
  };
  EXPECT_TRUE(has(listed(partner_, ""), shared));
  EXPECT_FALSE(has(listed(partner_, ""), hidden));
  EXPECT_TRUE(listed(other_partner_, "").empty());
  EXPECT_TRUE(has(listed(viewer_, "?partnership_id=" + partnership_), hidden));
  EXPECT_TRUE(listed(officer_, "?partnership_id=" + other_partnership_).empty());
}

TEST_F(ApiExchangeAgreementsTest, TheSeatGridCountsSeatsPerYearAndDirection) {
  const json::object agreement = Create();
  const HttpResult result = Send(partner_, "GET", Path(agreement, "/seats"));
  ASSERT_EQ(result.status, 200) << result.body;
  const json::value grid = result.Json();
  const json::array& totals = grid.at("totals").as_array();
  ASSERT_EQ(totals.size(), 6u);  // 3 years × 2 directions
  EXPECT_EQ(totals[0].at("academic_year").as_string(), "2027-2028");
  EXPECT_EQ(totals[0].at("direction").as_string(), "home_to_partner");
  EXPECT_EQ(totals[0].at("seats").as_int64(), 2);
  // Applications are personal data: a partner user gets no count of them nor of the seats
  // they took, a home role does.
  EXPECT_TRUE(totals[0].at("applications").is_null());
  EXPECT_TRUE(totals[0].at("free").is_null());
  EXPECT_EQ(totals[1].at("seats").as_int64(), 1);
  EXPECT_EQ(grid.at("rows").as_array().size(), 6u);
  const HttpResult home = Send(viewer_, "GET", Path(agreement, "/seats"));
  ASSERT_EQ(home.status, 200) << home.body;
  EXPECT_EQ(home.Json().at("totals").at(0).at("applications").as_int64(), 0);
  EXPECT_EQ(home.Json().at("totals").at(0).at("free").as_int64(), 2);
}

}  // namespace
}  // namespace amity::testing
