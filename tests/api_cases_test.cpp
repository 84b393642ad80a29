// The knowledge-exchange case library through the real server: cases created, read, listed by
// area, city, tag and language with cursors; every refusal names its field and changes nothing;
// partner users see only the shared cases of their partnerships; a study visit requested from a
// case creates exactly one commitment and one event, linked, once per Idempotency-Key; cases are
// found by search in Turkish and Chinese; the portal shows published cases only.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

const std::vector<std::string> kJson = {"Content-Type: application/json"};
const std::vector<std::string> kAnonymous = {"Authorization:"};

class ApiCasesTest : public ::testing::Test {
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
    festival_ = first("/api/v1/events?kind=festival");
    kemeralti_ = CaseTitled("Restoring the Kemeraltı Bazaar");
    houses_ = CaseTitled("Repairing and reusing İzmir's historic houses");
    central_street_ = CaseTitled("Preserving Central Street (Zhongyang Dajie)");
    // A second partnership, with a shared case of its own, and a private case in the first.
    const std::string other_city = Created(
        "/api/v1/cities",
        R"({"name":{"original":"en","en":"Otherton"},"country":"DE","time_zone":"Europe/Berlin",
            "visibility":"shared"})");
    other_partnership_ = Created("/api/v1/partnerships",
                                 R"({"home_city_id":")" + izmir_ + R"(","partner_city_id":")" +
                                     other_city + R"(","visibility":"shared"})");
    other_case_ = Created("/api/v1/cases", CaseBody(other_partnership_, other_city,
                                                    "Otherton's river banks", "shared"));
    private_case_ =
        Created("/api/v1/cases", CaseBody(partnership_, izmir_, "İzmir's own notes", "private"));
    officer_ = server_->AddUser("officer@cases.test", "officer");
    contributor_ = server_->AddUser("contributor@cases.test", "contributor");
    viewer_ = server_->AddUser("viewer@cases.test", "viewer");
    partner_ = server_->AddUser("partner@cases.test", "partner", {partnership_});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // The id of the demo case whose English title is `title`.
  static std::string CaseTitled(const std::string& title) {
    const json::value page = server_->Get("/api/v1/cases?limit=200").Json();
    for (const json::value& item : page.at("items").as_array()) {
      if (item.at("title").at("en").as_string() == title) {
        return std::string(item.at("id").as_string());
      }
    }
    ADD_FAILURE() << "no demo case " << title;
    return "";
  }

  static std::string Created(const std::string& path, const std::string& body) {
    const HttpResult result = server_->Post(path, json::parse(body));
    EXPECT_EQ(result.status, 201) << path << " " << result.body;
    return result.status == 201 ? std::string(result.Json().at("id").as_string()) : "";
  }

  static std::string CaseBody(const std::string& partnership, const std::string& city,
                              const std::string& title, const std::string& visibility) {
    return json::serialize(
        json::object{{"partnership_id", partnership},
                     {"city_id", city},
                     {"title", {{"original", "en"}, {"en", title}}},
                     {"summary", {{"original", "en"}, {"en", "A summary of " + title}}},
                     {"visibility", visibility}});
  }

  static std::vector<std::string> Ids(const json::value& page) {
    std::vector<std::string> ids;
    for (const json::value& item : page.at("items").as_array()) {
      ids.emplace_back(item.at("id").as_string());
    }
    return ids;
  }
  static std::vector<std::string> Listed(const std::string& query,
                                         const std::vector<std::string>& headers = {}) {
    const HttpResult result = server_->Request("GET", "/api/v1/cases?" + query, "", headers);
    EXPECT_EQ(result.status, 200) << query << " " << result.body;
    return result.status == 200 ? Ids(result.Json()) : std::vector<std::string>();
  }
  static bool Has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  // Sends a request that must be refused with `status`, naming `field` (and `code` when given),
  // and leave the database as it was.
  static void ExpectRefused(const std::string& method, const std::string& path,
                            const std::string& body, const std::vector<std::string>& headers,
                            long status, const std::string& field, const std::string& code = "") {
    SCOPED_TRACE(method + " " + path + " " + body);
    const std::string before = server_->Snapshot();
    std::vector<std::string> sent = headers;
    if (!body.empty()) sent.push_back("Content-Type: application/json");
    const HttpResult result = server_->Request(method, path, body, sent);
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

  static long long Count(const std::string& table) {
    return QueryNumber(server_->db_path(), "SELECT count(*) FROM " + table);
  }

  static TestServer* server_;
  static std::string partnership_, other_partnership_, izmir_, harbin_, festival_;
  static std::string kemeralti_, houses_, central_street_, other_case_, private_case_;
  static TestUser officer_, contributor_, viewer_, partner_;
};

TestServer* ApiCasesTest::server_ = nullptr;
std::string ApiCasesTest::partnership_, ApiCasesTest::other_partnership_, ApiCasesTest::izmir_,
    ApiCasesTest::harbin_, ApiCasesTest::festival_, ApiCasesTest::kemeralti_, ApiCasesTest::houses_,
    ApiCasesTest::central_street_, ApiCasesTest::other_case_, ApiCasesTest::private_case_;
TestUser ApiCasesTest::officer_, ApiCasesTest::contributor_, ApiCasesTest::viewer_,
    ApiCasesTest::partner_;

TEST_F(ApiCasesTest, ACaseIsCreatedReadAndListedByItsFilters) {
  const json::value body = json::parse(R"({
      "partnership_id": ")" + partnership_ +
                                       R"(", "city_id": ")" + harbin_ + R"(",
      "title": {"original": "zh", "zh": "冰雪建筑的季节性维护", "en": "Seasonal care of ice-era buildings"},
      "summary": {"original": "zh", "zh": "每年冬季之后的立面检查。", "en": "Façade checks after every winter."},
      "lessons": {"original": "en", "en": "Check early."},
      "area": "tourism", "period_start": "2020-03-01", "period_end": "2024-10-31",
      "tags": ["winter", "façades"],
      "contacts": [{"office": "Heritage desk", "email": "desk@harbin.example", "phone": "+86 451 0"}],
      "visibility": "shared"})");
  const HttpResult created = server_->Post("/api/v1/cases", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const json::object record = created.Json().as_object();
  const std::string id(record.at("id").as_string());
  EXPECT_EQ(created.Header("location"), "/api/v1/cases/" + id);
  const json::object read = server_->Get("/api/v1/cases/" + id).Json().as_object();
  EXPECT_EQ(read, record);
  EXPECT_EQ(read.at("area").as_string(), "tourism");
  EXPECT_EQ(read.at("tags"), json::parse(R"(["winter", "façades"])"));
  EXPECT_EQ(read.at("contacts").at(0).at("office").as_string(), "Heritage desk");
  EXPECT_EQ(read.at("commitment_ids"), json::array());
  EXPECT_TRUE(read.at("problem").is_null());
  // Written in zh and en, the lessons only in en: a translation status for the others.
  EXPECT_FALSE(read.at("title").at("translations").at("en").at("reviewed").as_bool());

  // The area defaults to heritage.
  const std::string plain =
      Created("/api/v1/cases", CaseBody(partnership_, izmir_, "A plain case", "shared"));
  EXPECT_EQ(server_->Get("/api/v1/cases/" + plain).Json().at("area").as_string(), "heritage");

  EXPECT_TRUE(Has(Listed("area=tourism"), id));
  EXPECT_FALSE(Has(Listed("area=heritage"), id));
  EXPECT_TRUE(Has(Listed("area=heritage"), kemeralti_));
  EXPECT_TRUE(Has(Listed("city_id=" + harbin_), central_street_));
  EXPECT_FALSE(Has(Listed("city_id=" + harbin_), kemeralti_));
  EXPECT_TRUE(Has(Listed("tags=winter"), id));
  EXPECT_TRUE(Has(Listed("tags=nothing,winter"), id));
  EXPECT_FALSE(Has(Listed("tags=Kemeraltı"), id));
  EXPECT_TRUE(Has(Listed("tags=Kemeraltı"), kemeralti_));
  // Readable in a language: every text it has is there. The new case's lessons are English only.
  EXPECT_TRUE(Has(Listed("lang=en"), id));
  EXPECT_FALSE(Has(Listed("lang=zh"), id));
  EXPECT_FALSE(Has(Listed("lang=tr"), id));
  EXPECT_TRUE(Has(Listed("lang=tr"), kemeralti_));
  EXPECT_FALSE(Has(Listed("lang=zh"), plain));
  EXPECT_TRUE(Has(Listed("period_start_from=2019-01-01&sort=period_start"), id));
  EXPECT_FALSE(Has(Listed("period_start_from=2021-01-01"), id));

  // Cursor pages, whatever the sort, give every case once.
  for (const std::string sort : {"-created_at", "area", "-period_start", "updated_at"}) {
    const std::vector<std::string> all = Listed("limit=200&sort=" + sort);
    std::vector<std::string> paged;
    std::string cursor;
    for (int page = 0; page < 20; ++page) {
      const HttpResult result = server_->Get("/api/v1/cases?limit=2&sort=" + sort +
                                             (cursor.empty() ? "" : "&cursor=" + cursor));
      ASSERT_EQ(result.status, 200) << result.body;
      const json::value json = result.Json();
      for (const std::string& item : Ids(json)) paged.push_back(item);
      if (json.at("next").is_null()) break;
      cursor = json.at("next").as_string();
    }
    EXPECT_EQ(paged, all) << sort;
    EXPECT_GE(all.size(), 7u);
  }
}

TEST_F(ApiCasesTest, BadCasesAreRefusedNamingTheFieldAndChangeNothing) {
  const auto with = [&](const std::string& members) {
    return R"({"partnership_id":")" + partnership_ + R"(","city_id":")" + izmir_ +
           R"(","title":{"original":"en","en":"T"},"summary":{"original":"en","en":"S"})" +
           (members.empty() ? "" : "," + members) + "}";
  };
  const std::string cases = "/api/v1/cases";
  ExpectRefused("POST", cases, with(R"("problem":"plain")"), {}, 400, "problem", "wrong_type");
  ExpectRefused("POST", cases, with(R"("tags":"heritage")"), {}, 400, "tags", "wrong_type");
  ExpectRefused("POST", cases, with(R"("tags":[7])"), {}, 400, "tags[0]", "wrong_type");
  ExpectRefused("POST", cases, with(R"("colour":"red")"), {}, 400, "colour", "unknown_field");
  ExpectRefused("POST", cases, with(R"("contacts":[{"office":"x","name":"y"}])"), {}, 400,
                "contacts[0].name", "unknown_field");
  ExpectRefused("POST", cases, with(R"("contacts":[{"email":"a@b.example"}])"), {}, 422,
                "contacts[0].office", "required");
  ExpectRefused("POST", cases, with(R"("tags":["a,b"])"), {}, 422, "tags[0]", "comma");
  ExpectRefused("POST", cases, with(R"("tags":["same","same"])"), {}, 422, "tags[1]", "duplicate");
  ExpectRefused("POST", cases, with(R"("tags":[")" + std::string(61, 't') + R"("])"), {}, 422,
                "tags[0]", "too_long");
  ExpectRefused("POST", cases, with(R"("area":"space")"), {}, 422, "area", "invalid_enum");
  ExpectRefused("POST", cases, with(R"("period_start":"2024-13-01")"), {}, 422, "period_start",
                "invalid_date");
  ExpectRefused("POST", cases, with(R"("period_start":"2024-05-01","period_end":"2024-04-30")"), {},
                422, "period_end", "ends_before_start");
  ExpectRefused("POST", cases,
                R"({"partnership_id":")" + partnership_ + R"(","city_id":")" + izmir_ +
                    R"(","title":{"original":"en","en":"T"}})",
                {}, 422, "summary", "required");
  ExpectRefused("POST", cases, with(R"("organization_id":"01900000-0000-7000-8000-000000000000")"),
                {}, 422, "organization_id", "not_found");
  ExpectRefused("POST", cases, with(R"("event_ids":[")" + festival_ + R"("])"), {}, 422,
                "event_ids[0]", "not_study_visit");
  // A case is a practice of one of its partnership's two cities.
  ExpectRefused("POST", cases,
                R"({"partnership_id":")" + other_partnership_ + R"(","city_id":")" + harbin_ +
                    R"(","title":{"original":"en","en":"T"},"summary":{"original":"en","en":"S"}})",
                {}, 422, "city_id", "not_in_partnership");
  const std::string version =
      std::to_string(server_->Get("/api/v1/cases/" + houses_).Json().at("version").as_int64());
  ExpectRefused("PATCH", "/api/v1/cases/" + houses_, R"({"title":null})",
                {"If-Match: \"" + version + "\""}, 422, "title", "required");
  ExpectRefused("GET", "/api/v1/cases?lang=fr", "", {}, 400, "lang", "invalid_enum");
}

TEST_F(ApiCasesTest, PartnerUsersSeeOnlySharedCasesOfTheirPartnership) {
  const std::vector<std::string> partner = {partner_.Bearer()};
  EXPECT_EQ(server_->Request("GET", "/api/v1/cases/" + houses_, "", partner).status, 200);
  EXPECT_EQ(server_->Request("GET", "/api/v1/cases/" + kemeralti_, "", partner).status, 200);
  for (const std::string& hidden : {private_case_, other_case_}) {
    const HttpResult result = server_->Request("GET", "/api/v1/cases/" + hidden, "", partner);
    EXPECT_EQ(result.status, 404) << result.body;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json");
  }
  const std::vector<std::string> listed = Listed("limit=200", partner);
  EXPECT_TRUE(Has(listed, houses_));
  EXPECT_FALSE(Has(listed, private_case_));
  EXPECT_FALSE(Has(listed, other_case_));
  // Home roles see every case.
  EXPECT_TRUE(Has(Listed("limit=200", {viewer_.Bearer()}), private_case_));
}

TEST_F(ApiCasesTest, TheDashboardCountsEachPartnershipsCasesSharedWithThePartner) {
  // The cases the list shows for each partnership, less the private ones, are its shared cases.
  const auto shared_listed = [](const std::string& partnership) {
    const json::value page =
        server_->Get("/api/v1/cases?limit=200&partnership_id=" + partnership).Json();
    long long shared = 0;
    for (const json::value& item : page.at("items").as_array()) {
      shared += item.at("visibility").as_string() != "private" ? 1 : 0;
    }
    return shared;
  };
  const HttpResult dashboard = server_->Get("/api/v1/dashboard?overdue_limit=0");
  ASSERT_EQ(dashboard.status, 200) << dashboard.body;
  const json::value body = dashboard.Json();
  std::map<std::string, long long> figures;
  for (const json::value& entry : body.at("partnerships").as_array()) {
    figures[std::string(entry.at("partnership").at("id").as_string())] =
        entry.at("cases_shared").as_int64();
  }
  ASSERT_TRUE(figures.contains(partnership_) && figures.contains(other_partnership_));
  EXPECT_EQ(figures[partnership_], shared_listed(partnership_));
  EXPECT_GE(figures[partnership_], 3);  // the demo's three cases; the private one is left out
  EXPECT_EQ(figures[other_partnership_], 1);
}

TEST_F(ApiCasesTest, OnlyOfficersAndAdminsWriteCases) {
  const std::string body = CaseBody(partnership_, izmir_, "Not allowed", "shared");
  for (const TestUser* user : {&partner_, &contributor_, &viewer_}) {
    ExpectRefused("POST", "/api/v1/cases", body, {user->Bearer()}, 403, "");
  }
  const std::string version =
      std::to_string(server_->Get("/api/v1/cases/" + houses_).Json().at("version").as_int64());
  for (const TestUser* user : {&partner_, &contributor_, &viewer_}) {
    ExpectRefused("PATCH", "/api/v1/cases/" + houses_, R"({"tags":["x"]})",
                  {user->Bearer(), "If-Match: \"" + version + "\""}, 403, "");
    ExpectRefused("DELETE", "/api/v1/cases/" + houses_, "",
                  {user->Bearer(), "If-Match: \"" + version + "\""}, 403, "");
  }
  // A partner user's write to a case it may not see is a 404, as for a missing one.
  ExpectRefused("PATCH", "/api/v1/cases/" + private_case_, R"({"tags":["x"]})",
                {partner_.Bearer(), "If-Match: \"1\""}, 404, "id");
  const HttpResult officer =
      server_->Request("POST", "/api/v1/cases", body, {officer_.Bearer(), kJson[0]});
  EXPECT_EQ(officer.status, 201) << officer.body;
}

TEST_F(ApiCasesTest, AStudyVisitRequestCreatesOneLinkedCommitmentAndEventOnce) {
  const std::string path = "/api/v1/cases/" + kemeralti_ + "/study-visit-requests";
  const std::string body =
      R"({"starts_on":"2099-05-10","ends_on":"2099-05-13","note":"Harbin's heritage team asks to see the inns."})";
  const long long commitments = Count("commitments"), events = Count("events");
  const std::vector<std::string> headers = {partner_.Bearer(), kJson[0],
                                            "Idempotency-Key: visit-kemeralti-1"};
  const HttpResult first = server_->Request("POST", path, body, headers);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(Count("commitments"), commitments + 1);
  EXPECT_EQ(Count("events"), events + 1);
  const json::object answer = first.Json().as_object();
  const json::object& commitment = answer.at("commitment").as_object();
  const json::object& event = answer.at("event").as_object();
  const std::string commitment_id(commitment.at("id").as_string()),
      event_id(event.at("id").as_string());
  EXPECT_EQ(answer.at("case_id").as_string(), kemeralti_);
  EXPECT_EQ(first.Header("location"), "/api/v1/events/" + event_id);
  // The commitment: proposed by the partner side, shared, in the partner's partnership.
  EXPECT_EQ(commitment.at("status").as_string(), "proposed");
  EXPECT_EQ(commitment.at("proposed_by_side").as_string(), "partner");
  EXPECT_EQ(commitment.at("visibility").as_string(), "shared");
  EXPECT_EQ(commitment.at("partnership_id").as_string(), partnership_);
  EXPECT_EQ(commitment.at("area").as_string(), "heritage");
  EXPECT_EQ(commitment.at("due_date").as_string(), "2099-05-13");
  EXPECT_EQ(commitment.at("created_by").as_string(), partner_.id);
  EXPECT_EQ(commitment.at("text").at("en").as_string(),
            "Study visit: Restoring the Kemeraltı Bazaar");
  EXPECT_EQ(commitment.at("text").at("zh").as_string(), "考察访问：凯梅拉尔提集市的修复");
  // The event: a study visit at the idea stage, in İzmir on İzmir's clock, carrying it out.
  EXPECT_EQ(event.at("kind").as_string(), "study_visit");
  EXPECT_EQ(event.at("status").as_string(), "idea");
  EXPECT_EQ(event.at("city_id").as_string(), izmir_);
  EXPECT_EQ(event.at("time_zone").as_string(), "Europe/Istanbul");
  EXPECT_EQ(event.at("starts_at").as_string(), "2099-05-10T06:00:00Z");
  EXPECT_EQ(event.at("ends_at").as_string(), "2099-05-13T15:00:00Z");
  EXPECT_EQ(event.at("commitment_ids"), json::array{json::string(commitment_id)});
  // The case links both; the note is the commitment's first progress note.
  const json::value linked = server_->Get("/api/v1/cases/" + kemeralti_).Json();
  const json::array& commitment_ids = linked.at("commitment_ids").as_array();
  const json::array& event_ids = linked.at("event_ids").as_array();
  EXPECT_NE(std::find(commitment_ids.begin(), commitment_ids.end(), json::value(commitment_id)),
            commitment_ids.end());
  EXPECT_NE(std::find(event_ids.begin(), event_ids.end(), json::value(event_id)), event_ids.end());
  const HttpResult history = server_->Get("/api/v1/commitments/" + commitment_id + "/history");
  EXPECT_NE(history.body.find("asks to see the inns"), std::string::npos) << history.body;

  // The same key again: the same answer, nothing written.
  const std::string before = server_->Snapshot();
  const HttpResult again = server_->Request("POST", path, body, headers);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("idempotency-replayed"), "true");
  EXPECT_EQ(server_->Snapshot(), before);

  // A home role asks for itself: proposed by the home side.
  const HttpResult home = server_->Request(
      "POST", "/api/v1/cases/" + central_street_ + "/study-visit-requests",
      R"({"starts_on":"2099-09-01","ends_on":"2099-09-03"})", {contributor_.Bearer(), kJson[0]});
  ASSERT_EQ(home.status, 201) << home.body;
  EXPECT_EQ(home.Json().at("commitment").at("proposed_by_side").as_string(), "home");
  EXPECT_EQ(home.Json().at("event").at("time_zone").as_string(), "Asia/Shanghai");
  EXPECT_EQ(home.Json().at("event").at("starts_at").as_string(), "2099-09-01T01:00:00Z");
}

TEST_F(ApiCasesTest, BadStudyVisitRequestsAreRefusedAndChangeNothing) {
  const std::string path = "/api/v1/cases/" + kemeralti_ + "/study-visit-requests";
  const std::vector<std::string> partner = {partner_.Bearer()};
  ExpectRefused("POST", path, R"({"starts_on":"2000-01-01","ends_on":"2000-01-02"})", partner, 422,
                "starts_on", "in_the_past");
  ExpectRefused("POST", path, R"({"starts_on":"2099-01-05","ends_on":"2099-01-04"})", partner, 422,
                "ends_on", "ends_before_start");
  ExpectRefused("POST", path, R"({"starts_on":"2099-01-05"})", partner, 422, "ends_on", "required");
  ExpectRefused("POST", path, R"({"starts_on":5,"ends_on":"2099-01-04"})", partner, 400,
                "starts_on", "wrong_type");
  ExpectRefused("POST", path, R"({"starts_on":"2099-01-05","ends_on":"2099-01-06","who":1})",
                partner, 400, "who", "unknown_field");
  ExpectRefused("POST", path,
                R"({"starts_on":"2099-01-05","ends_on":"2099-01-06","partnership_id":")" +
                    other_partnership_ + R"("})",
                partner, 422, "partnership_id", "not_found");
  ExpectRefused("POST", "/api/v1/cases/" + private_case_ + "/study-visit-requests",
                R"({"starts_on":"2099-01-05","ends_on":"2099-01-06"})", partner, 404, "id");
  ExpectRefused("POST", "/api/v1/cases/" + other_case_ + "/study-visit-requests",
                R"({"starts_on":"2099-01-05","ends_on":"2099-01-06"})", partner, 404, "id");
  ExpectRefused("POST", path, R"({"starts_on":"2099-01-05","ends_on":"2099-01-06"})",
                {viewer_.Bearer()}, 403, "");
  ExpectRefused("POST", "/api/v1/cases/01900000-0000-7000-8000-000000000000/study-visit-requests",
                R"({"starts_on":"2099-01-05","ends_on":"2099-01-06"})", {}, 404, "id");
}

TEST_F(ApiCasesTest, SearchFindsCasesInTurkishAndChinese) {
  const auto found = [](const std::string& query) {
    std::string escaped;
    for (unsigned char c : query) {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      escaped += buffer;
    }
    const HttpResult result = server_->Get("/api/v1/search?kind=cases&q=" + escaped);
    EXPECT_EQ(result.status, 200) << result.body;
    std::set<std::string> ids;
    const json::value answer = result.Json();
    for (const json::value& group : answer.at("groups").as_array()) {
      EXPECT_EQ(group.at("kind").as_string(), "cases");
      for (const json::value& item : group.at("items").as_array()) {
        ids.emplace(item.at("id").as_string());
      }
    }
    return ids;
  };
  // Turkish casing and accents fold: KEMERALTI, kemeralti and Kemeraltı are one word.
  for (const std::string query : {"Kemeraltı", "KEMERALTI", "kemeralti", "çarşısı", "esnafı"}) {
    EXPECT_TRUE(found(query).count(kemeralti_)) << query;
  }
  // Chinese without spaces: words inside longer runs.
  EXPECT_TRUE(found("中央大街").count(central_street_));
  EXPECT_TRUE(found("方石路面").count(central_street_));
  EXPECT_TRUE(found("修复").count(kemeralti_));
  // Tags are searched too.
  EXPECT_TRUE(found("conservation plan").count(kemeralti_));
  // A partner user does not find a case it may not see.
  const HttpResult partner =
      server_->Request("GET", "/api/v1/search?kind=cases&q=notes", "", {partner_.Bearer()});
  EXPECT_EQ(partner.body.find(private_case_), std::string::npos);
}

TEST_F(ApiCasesTest, ThePortalShowsPublishedCasesOnly) {
  const HttpResult page = server_->Request("GET", "/public?lang=en", "", kAnonymous);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Restoring the Kemeraltı Bazaar"), std::string::npos);
  EXPECT_NE(page.body.find("Preserving Central Street"), std::string::npos);
  EXPECT_EQ(page.body.find("historic houses"), std::string::npos);  // shared, not published
  EXPECT_EQ(page.body.find("own notes"), std::string::npos);        // private
  const HttpResult chinese =
      server_->Request("GET", "/public/cases/" + kemeralti_ + "?lang=zh", "", kAnonymous);
  ASSERT_EQ(chinese.status, 200) << chinese.body;
  EXPECT_NE(chinese.body.find("<title>凯梅拉尔提集市的修复</title>"), std::string::npos);
  EXPECT_NE(chinese.body.find("经验教训"), std::string::npos);
  const HttpResult turkish =
      server_->Request("GET", "/public/cases/" + central_street_ + "?lang=tr", "", kAnonymous);
  EXPECT_NE(turkish.body.find("Merkez Caddesi"), std::string::npos);
  for (const std::string& hidden : {houses_, private_case_, other_case_, std::string("nope")}) {
    EXPECT_EQ(server_->Request("GET", "/public/cases/" + hidden, "", kAnonymous).status, 404)
        << hidden;
  }
}

}  // namespace
}  // namespace amity::testing
