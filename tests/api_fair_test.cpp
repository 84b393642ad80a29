// The export fair through the real server: exhibitors of a fair (a home-city company once per
// fair, showing its own products, with the costs the city covers), its B2B plan, buyers, requests
// and the stored schedule (no one double-booked, per company, as iCalendar), trade leads and
// their workflow (a deal for won, a reason for lost), the results per fair and per partnership;
// every bad input refused naming its field and changing nothing; a partner user does not see the
// home city's private lead nor an inquirer's personal data, files its own city's buyers and their
// meeting requests (and withdraws them) but touches nothing of the home city's nor runs the
// scheduler; the dashboard's trade section counts what each holder's own route counts.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

class ApiFairTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(true);
    partnership_ = FirstPartnershipId(*server_);
    izmir_ = FirstId("/api/v1/cities?country=TR");
    harbin_ = FirstId("/api/v1/cities?country=CN");
    fair_ = FirstId("/api/v1/events?kind=fair");
    concert_ = FirstId("/api/v1/events?kind=concert");
    company_ = Created("/api/v1/organizations", CompanyBody("Ege Zeytin A.Ş.", izmir_));
    other_company_ = Created("/api/v1/organizations", CompanyBody("Bornova Tekstil", izmir_));
    harbin_company_ = Created("/api/v1/organizations", CompanyBody("Songbei Trading", harbin_));
    municipality_ = Created("/api/v1/organizations",
                            R"({"name": {"original": "en", "en": "A town hall"},
                                "kind": "municipality", "city_id": ")" +
                                izmir_ + R"("})");
    product_ = Created("/api/v1/products", ProductBody(company_, "Olive oil"));
    other_product_ = Created("/api/v1/products", ProductBody(other_company_, "Towels"));
    partner_ = server_->AddUser("partner@fair.test", "partner", {partnership_});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string FirstId(const std::string& path) {
    const HttpResult result = server_->Get(path);
    EXPECT_EQ(result.status, 200) << path << " " << result.body;
    return std::string(result.Json().at("items").at(0).at("id").as_string());
  }
  static std::string Created(const std::string& path, const std::string& body) {
    const HttpResult result = server_->Post(path, json::parse(body));
    EXPECT_EQ(result.status, 201) << path << " " << result.body;
    return result.status == 201 ? std::string(result.Json().at("id").as_string()) : "";
  }
  static std::string CompanyBody(const std::string& name, const std::string& city) {
    return R"({"name": {"original": "tr", "tr": ")" + name + R"("}, "kind": "company",
               "city_id": ")" +
           city + R"(", "visibility": "shared"})";
  }
  static std::string ProductBody(const std::string& company, const std::string& name) {
    return R"({"company_id": ")" + company + R"(", "name": {"original": "en", "en": ")" + name +
           R"("}, "hs_code": "1509.20", "visibility": "shared"})";
  }
  // An exhibitor of `event` for `company` with `members` added.
  static std::string Exhibitor(const std::string& event, const std::string& company,
                               const std::string& members = "") {
    return R"({"event_id": ")" + event + R"(", "company_id": ")" + company + R"(")" +
           (members.empty() ? "" : ", " + members) + "}";
  }
  static std::string Lead(const std::string& members) {
    return R"({"partnership_id": ")" + partnership_ + R"(", "source": "fair_meeting")" +
           (members.empty() ? "" : ", " + members) + "}";
  }

  // Sends a request that must be refused with `status` naming `field` (and `code`), and leave
  // the database as it was.
  static void ExpectRefused(const std::string& method, const std::string& path,
                            const std::string& body, long status, const std::string& field,
                            const std::string& code, const std::vector<std::string>& headers = {}) {
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
    EXPECT_EQ(problems->as_array().at(0).at("code").as_string(), code) << result.body;
    EXPECT_EQ(server_->Snapshot(), before) << "the database changed";
  }

  static TestServer* server_;
  static std::string partnership_, izmir_, harbin_, fair_, concert_, company_, other_company_,
      harbin_company_, municipality_, product_, other_product_;
  static TestUser partner_;
};

TestServer* ApiFairTest::server_ = nullptr;
std::string ApiFairTest::partnership_, ApiFairTest::izmir_, ApiFairTest::harbin_,
    ApiFairTest::fair_, ApiFairTest::concert_, ApiFairTest::company_, ApiFairTest::other_company_,
    ApiFairTest::harbin_company_, ApiFairTest::municipality_, ApiFairTest::product_,
    ApiFairTest::other_product_;
TestUser ApiFairTest::partner_;

TEST_F(ApiFairTest, ACompanyExhibitsOnceAtAFairWithItsOwnProducts) {
  const std::string id =
      Created("/api/v1/exhibitors", Exhibitor(fair_, company_,
                                              R"("stand": "B2-114", "product_ids": [")" + product_ +
                                                  R"("], "logistics_notes": "Samples by air",
                            "covered_costs": [{"item": "stand rent", "hundredths": 1800000,
                                               "currency": "CNY"}], "visibility": "shared")"));
  ASSERT_FALSE(id.empty());
  const HttpResult read = server_->Get("/api/v1/exhibitors/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json().at("stand").as_string(), "B2-114");
  EXPECT_EQ(read.Json().at("covered_costs").at(0).at("currency").as_string(), "CNY");
  const HttpResult listed = server_->Get("/api/v1/exhibitors?event_id=" + fair_ + "&limit=100");
  ASSERT_EQ(listed.status, 200) << listed.body;
  bool found = false;
  const json::value listed_json = listed.Json();
  for (const json::value& item : listed_json.at("items").as_array()) {
    found = found || item.at("id").as_string() == id;
  }
  EXPECT_TRUE(found);

  // The same company again, at the same fair.
  ExpectRefused("POST", "/api/v1/exhibitors", Exhibitor(fair_, company_), 422, "company_id",
                "already_exhibiting");
  // A patch may not show another company's product.
  const std::string patch =
      R"({"product_ids": [")" + product_ + R"(", ")" + other_product_ + R"("]})";
  ExpectRefused("PATCH", "/api/v1/exhibitors/" + id, patch, 422, "product_ids[1]", "other_company",
                {"If-Match: \"1\""});
}

TEST_F(ApiFairTest, BadExhibitorsAreRefusedNamingTheirField) {
  ExpectRefused("POST", "/api/v1/exhibitors", Exhibitor(concert_, other_company_), 422, "event_id",
                "not_a_fair");
  ExpectRefused("POST", "/api/v1/exhibitors", Exhibitor(fair_, harbin_company_), 422, "company_id",
                "not_home_city");
  ExpectRefused("POST", "/api/v1/exhibitors", Exhibitor(fair_, municipality_), 422, "company_id",
                "not_a_company");
  ExpectRefused("POST", "/api/v1/exhibitors",
                Exhibitor(fair_, other_company_, R"("product_ids": [")" + product_ + R"("])"), 422,
                "product_ids[0]", "other_company");
  ExpectRefused("POST", "/api/v1/exhibitors",
                Exhibitor(fair_, other_company_,
                          R"("covered_costs": [{"item": "x", "hundredths": 12.5,
                                                "currency": "CNY"}])"),
                422, "covered_costs[0].hundredths", "not_whole");
  ExpectRefused("POST", "/api/v1/exhibitors",
                Exhibitor(fair_, other_company_,
                          R"("covered_costs": [{"item": "x", "hundredths": 100,
                                                "currency": "XYZ"}])"),
                422, "covered_costs[0].currency", "invalid_enum");
  ExpectRefused("POST", "/api/v1/exhibitors",
                Exhibitor(fair_, other_company_,
                          R"("covered_costs": [{"item": "x", "hundredths": -1,
                                                "currency": "CNY"}])"),
                422, "covered_costs[0].hundredths", "out_of_range");
}

TEST_F(ApiFairTest, ALeadMovesToWonWithItsDeal) {
  const std::string id =
      Created("/api/v1/leads",
              Lead(R"("buyer_id": ")" + harbin_company_ + R"(", "event_id": ")" + fair_ +
                   R"(", "product_ids": [")" + product_ + R"("], "visibility": "shared")"));
  ASSERT_FALSE(id.empty());
  const std::string path = "/api/v1/leads/" + id + "/transitions";
  EXPECT_EQ(server_->Get("/api/v1/leads/" + id).Json().at("status").as_string(), "new");
  ASSERT_EQ(server_->Post(path, json::parse(R"({"to": "contacted"})")).status, 200);
  ExpectRefused("POST", path, R"({"to": "new"})", 422, "to", "backward");
  ExpectRefused("POST", path, R"({"to": "won", "deal_date": "2026-01-05"})", 422, "deal_amount",
                "required");
  ExpectRefused("POST", path,
                R"({"to": "won", "deal_amount": "12.345", "deal_currency": "CNY",
                    "deal_date": "2026-01-05"})",
                422, "deal_amount", "invalid_amount");
  ExpectRefused("POST", path,
                R"({"to": "won", "deal_amount": "1200", "deal_currency": "XYZ",
                    "deal_date": "2026-01-05"})",
                422, "deal_currency", "invalid_enum");
  ExpectRefused("POST", path,
                R"({"to": "won", "deal_amount": "1200", "deal_currency": "CNY",
                    "deal_date": "2199-01-05"})",
                422, "deal_date", "in_future");
  ExpectRefused("POST", path, R"({"to": "lost"})", 422, "lost_reason", "required");
  const HttpResult won = server_->Post(
      path, json::parse(R"({"to": "won", "deal_amount": "125000.50", "deal_currency": "CNY",
                            "deal_date": "2026-01-05"})"));
  ASSERT_EQ(won.status, 200) << won.body;
  EXPECT_EQ(won.Json().at("status").as_string(), "won");
  EXPECT_EQ(won.Json().at("deal_hundredths").to_number<double>(), 12500050.0);
  ExpectRefused("POST", path, R"({"to": "lost", "lost_reason": "price"})", 422, "to", "closed");

  const HttpResult results = server_->Get("/api/v1/events/" + fair_ + "/trade-results");
  ASSERT_EQ(results.status, 200) << results.body;
  const json::value body = results.Json();
  EXPECT_GE(body.at("exhibitors").as_int64(), 4);  // the demo's four, and maybe this suite's
  EXPECT_GE(body.at("leads").at("by_status").at("won").as_int64(), 1);
  bool cny = false;
  for (const json::value& deal : body.at("deals").as_array()) {
    cny = cny || deal.at("currency").as_string() == "CNY";
  }
  EXPECT_TRUE(cny) << results.body;
  const HttpResult by_partnership =
      server_->Get("/api/v1/partnerships/" + partnership_ + "/trade-results");
  ASSERT_EQ(by_partnership.status, 200) << by_partnership.body;
  // The demo's deal from a visit counts for the partnership, not for the fair.
  EXPECT_GT(by_partnership.Json().at("leads").at("total").as_int64(),
            body.at("leads").at("total").as_int64());
}

TEST_F(ApiFairTest, BadLeadsAreRefusedNamingTheirField) {
  ExpectRefused("POST", "/api/v1/leads", Lead(""), 422, "buyer_id", "required");
  ExpectRefused(
      "POST", "/api/v1/leads",
      Lead(R"("buyer_id": ")" + harbin_company_ + R"(", "event_id": ")" + concert_ + R"(")"), 422,
      "event_id", "not_a_fair");
  ExpectRefused("POST", "/api/v1/leads",
                R"({"partnership_id": ")" + partnership_ + R"(", "source": "fax", "buyer_id": ")" +
                    harbin_company_ + R"("})",
                422, "source", "invalid_enum");
  ExpectRefused("POST", "/api/v1/leads",
                Lead(R"("buyer_id": ")" + harbin_company_ + R"(", "status": "won")"), 400, "status",
                "read_only");
}

TEST_F(ApiFairTest, APartnerUserDoesNotSeeTheHomeCitysPrivateLead) {
  const std::string secret =
      Created("/api/v1/leads", Lead(R"("inquirer_company": "Sweet Home Trading",
                                        "inquirer_contact": {"name": "Li Na"},
                                        "visibility": "private")"));
  const std::string shared = Created("/api/v1/leads", Lead(R"("inquirer_company": "Open Trading",
                                        "inquirer_contact": {"name": "Wang Fang"},
                                        "visibility": "shared")"));
  const std::vector<std::string> partner = {partner_.Bearer()};
  ExpectRefused("GET", "/api/v1/leads/" + secret, "", 404, "id", "not_found", partner);
  ExpectRefused("POST", "/api/v1/leads/" + secret + "/transitions", R"({"to": "contacted"})", 404,
                "id", "not_found", partner);
  const HttpResult seen = server_->Request("GET", "/api/v1/leads/" + shared, "", partner);
  ASSERT_EQ(seen.status, 200) << seen.body;
  // An inquirer's contact is personal data: it stays with the home city.
  EXPECT_TRUE(seen.Json().at("inquirer_contact").is_null()) << seen.body;
  const HttpResult listed = server_->Request("GET", "/api/v1/leads?limit=200", "", partner);
  ASSERT_EQ(listed.status, 200);
  const json::value listed_json = listed.Json();
  for (const json::value& item : listed_json.at("items").as_array()) {
    EXPECT_NE(item.at("id").as_string(), secret);
  }
}

TEST_F(ApiFairTest, TheDashboardsTradeSectionCountsAsEachHoldersOwnRoute) {
  // A private lead the partner user may not see: counted for the home city only.
  Created("/api/v1/leads", Lead(R"("inquirer_company": "Quiet Trading", "visibility": "private")"));
  const TestUser stranger = server_->AddUser("stranger@fair.test", "partner", {});
  // What the public may see of each fair: its public exhibitors (the demo publishes some).
  std::map<std::string, std::int64_t> public_exhibitors;
  {
    const HttpResult all = server_->Request("GET", "/api/v1/exhibitors?limit=200");
    ASSERT_EQ(all.status, 200) << all.body;
    const json::value listed = all.Json();
    for (const json::value& exhibitor : listed.at("items").as_array()) {
      if (exhibitor.at("visibility").as_string() == "public" &&
          !exhibitor.at("archived").as_bool()) {
        ++public_exhibitors[std::string(exhibitor.at("event_id").as_string())];
      }
    }
  }
  std::vector<std::int64_t> leads_counted;  // the partnership's, per caller
  for (const std::vector<std::string>& who :
       {std::vector<std::string>{}, std::vector<std::string>{partner_.Bearer()},
        std::vector<std::string>{stranger.Bearer()}}) {
    SCOPED_TRACE(who.empty() ? "admin" : who.at(0));
    const HttpResult overview = server_->Request("GET", "/api/v1/trade-results", "", who);
    ASSERT_EQ(overview.status, 200) << overview.body;
    const json::value body = overview.Json();
    const json::array& partnerships = body.at("partnerships").as_array();
    const json::array& fairs = body.at("fairs").as_array();
    // A partner user of no partnership sees the public fair and its public exhibitors, but none
    // of its shared exhibitors nor any lead.
    const bool outsider = !who.empty() && who.at(0) == stranger.Bearer();
    bool partnership_listed = false, fair_listed = false;
    for (const json::value& item : partnerships) {
      const std::string id(item.at("partnership_id").as_string());
      partnership_listed = partnership_listed || id == partnership_;
      if (id == partnership_) leads_counted.push_back(item.at("leads").at("total").as_int64());
      const HttpResult own =
          server_->Request("GET", "/api/v1/partnerships/" + id + "/trade-results", "", who);
      ASSERT_EQ(own.status, 200) << own.body;
      EXPECT_EQ(item, own.Json());
      if (outsider) EXPECT_EQ(item.at("leads").at("total").as_int64(), 0);
    }
    for (const json::value& item : fairs) {
      const std::string id(item.at("event_id").as_string());
      fair_listed = fair_listed || id == fair_;
      const HttpResult own =
          server_->Request("GET", "/api/v1/events/" + id + "/trade-results", "", who);
      ASSERT_EQ(own.status, 200) << own.body;
      json::object counted = item.as_object();
      EXPECT_FALSE(counted.at("title").as_object().empty());
      for (const char* extra : {"title", "starts_at", "partnership_id"}) counted.erase(extra);
      EXPECT_EQ(json::value(counted), own.Json());
      if (outsider) EXPECT_EQ(counted.at("exhibitors").as_int64(), public_exhibitors[id]);
    }
    EXPECT_TRUE(partnership_listed) << overview.body;
    EXPECT_TRUE(fair_listed) << overview.body;
  }
  ASSERT_EQ(leads_counted.size(), 3u);
  EXPECT_GT(leads_counted[0], leads_counted[1]);  // the home city counts its private leads
  ExpectRefused("GET", "/api/v1/trade-results?limit=3", "", 400, "limit", "unknown_parameter");
}

TEST_F(ApiFairTest, APartnerUserFilesItsOwnCitysBuyersAndRequestsOnly) {
  const std::vector<std::string> partner = {partner_.Bearer(), "Content-Type: application/json"};
  const auto as_partner = [&](const std::string& method, const std::string& path,
                              const std::string& body, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> headers = partner;
    headers.insert(headers.end(), extra.begin(), extra.end());
    return server_->Request(method, path, body, headers);
  };
  const auto id_of = [](const HttpResult& result) {
    EXPECT_EQ(result.status, 201) << result.body;
    return result.status == 201 ? std::string(result.Json().at("id").as_string()) : "";
  };
  // A buyer of its own city, registered at its partnership's fair, asking to meet an exhibitor.
  const HttpResult made = as_partner(
      "POST", "/api/v1/organizations",
      R"({"name": {"original": "zh", "zh": "哈尔滨北方贸易"}, "kind": "company", "city_id": ")" +
          harbin_ + R"("})");
  const std::string buyer = id_of(made);
  EXPECT_EQ(made.Json().at("visibility").as_string(), "shared");
  id_of(as_partner("POST", "/api/v1/fair_buyers",
                   R"({"event_id": ")" + fair_ + R"(", "organization_id": ")" + buyer + R"("})"));
  const json::value exhibitors =
      server_->Get("/api/v1/exhibitors?event_id=" + fair_ + "&limit=2").Json();
  const std::string exhibitor(exhibitors.at("items").at(0).at("id").as_string());
  const std::string other_exhibitor(exhibitors.at("items").at(1).at("id").as_string());
  const std::string request =
      id_of(as_partner("POST", "/api/v1/meeting_requests",
                       R"({"event_id": ")" + fair_ + R"(", "buyer_id": ")" + buyer +
                           R"(", "exhibitor_id": ")" + exhibitor + R"(", "priority": 4})"));
  const HttpResult changed = as_partner("PATCH", "/api/v1/meeting_requests/" + request,
                                        R"({"priority": 6})", {"If-Match: \"1\""});
  EXPECT_EQ(changed.status, 200) << changed.body;

  // What it may not do, each refused naming why and changing nothing.
  std::string home_request;  // one the demo (the home city) filed
  const json::value listed =
      server_->Get("/api/v1/meeting_requests?event_id=" + fair_ + "&limit=200").Json();
  for (const json::value& item : listed.at("items").as_array()) {
    if (item.at("id").as_string() != request) home_request = item.at("id").as_string();
  }
  ASSERT_FALSE(home_request.empty());
  ExpectRefused("POST", "/api/v1/organizations",
                R"({"name": {"original": "tr", "tr": "Sahte Alıcı"}, "kind": "company",
                    "city_id": ")" +
                    izmir_ + R"("})",
                403, "", "forbidden", {partner_.Bearer()});
  ExpectRefused("PATCH", "/api/v1/organizations/" + buyer, R"({"city_id": ")" + izmir_ + R"("})",
                403, "", "forbidden", {partner_.Bearer(), "If-Match: \"1\""});
  ExpectRefused("PATCH", "/api/v1/organizations/" + harbin_company_,
                R"({"website": "https://x.cn"})", 403, "", "forbidden",
                {partner_.Bearer(), "If-Match: \"1\""});
  ExpectRefused("PATCH", "/api/v1/meeting_requests/" + home_request, R"({"priority": 9})", 403, "",
                "forbidden", {partner_.Bearer(), "If-Match: \"1\""});
  ExpectRefused("DELETE", "/api/v1/meeting_requests/" + home_request, "", 403, "", "forbidden",
                {partner_.Bearer()});
  ExpectRefused("POST", "/api/v1/meeting_requests",
                R"({"event_id": ")" + fair_ + R"(", "buyer_id": ")" + buyer +
                    R"(", "exhibitor_id": ")" + other_exhibitor + R"(", "visibility": "private"})",
                403, "visibility", "forbidden", {partner_.Bearer()});
  ExpectRefused("POST", "/api/v1/exhibitors", Exhibitor(fair_, other_company_), 403, "",
                "forbidden", {partner_.Bearer()});
  ExpectRefused("POST", "/api/v1/leads", Lead(R"("buyer_id": ")" + buyer + R"(")"), 403, "",
                "forbidden", {partner_.Bearer()});
  ExpectRefused("POST", "/api/v1/events/" + fair_ + "/b2b-schedule", "", 403, "", "forbidden",
                {partner_.Bearer()});
  // A partner user of no partnership files nothing at this fair.
  const TestUser outsider = server_->AddUser("outsider@fair.test", "partner", {});
  ExpectRefused("POST", "/api/v1/fair_buyers",
                R"({"event_id": ")" + fair_ + R"(", "organization_id": ")" + buyer + R"("})", 403,
                "", "forbidden", {outsider.Bearer()});
  ExpectRefused("DELETE", "/api/v1/meeting_requests/" + request, "", 404, "id", "not_found",
                {outsider.Bearer()});

  // Its own request it withdraws.
  const HttpResult withdrawn = as_partner("DELETE", "/api/v1/meeting_requests/" + request, "");
  EXPECT_EQ(withdrawn.status, 204) << withdrawn.body;
  EXPECT_TRUE(server_->Get("/api/v1/meeting_requests/" + request).Json().at("archived").as_bool());
}

TEST_F(ApiFairTest, TheDemoFairsB2bScheduleDoubleBooksNoOne) {
  const HttpResult read = server_->Get("/api/v1/events/" + fair_ + "/b2b-schedule");
  ASSERT_EQ(read.status, 200) << read.body;
  const json::value schedule = read.Json();
  // 10:00 to 17:00 in 20-minute slots on each of the fair's five days.
  EXPECT_EQ(schedule.at("slots").as_array().size(), 5u * 21u);
  ASSERT_TRUE(schedule.at("run").is_object()) << read.body;
  EXPECT_EQ(schedule.at("run").at("met").as_int64(),
            static_cast<std::int64_t>(schedule.at("meetings").as_array().size()));
  EXPECT_GE(schedule.at("meetings").as_array().size(), 8u);
  std::set<std::string> taken;
  for (const json::value& meeting : schedule.at("meetings").as_array()) {
    const std::string at(meeting.at("starts_at").as_string());
    for (const char* who : {"buyer_id", "company_id"}) {
      EXPECT_TRUE(taken.insert(at + std::string(meeting.at(who).as_string())).second)
          << who << " twice at " << at;
    }
    EXPECT_TRUE(taken.insert(at + "table" + std::to_string(meeting.at("table").as_int64())).second);
  }
  // One company's schedule, and as iCalendar.
  const std::string company(schedule.at("meetings").at(0).at("company_id").as_string());
  const HttpResult mine =
      server_->Get("/api/v1/events/" + fair_ + "/b2b-schedule?company_id=" + company);
  ASSERT_EQ(mine.status, 200) << mine.body;
  const json::value mine_json = mine.Json();
  for (const json::value& meeting : mine_json.at("meetings").as_array()) {
    EXPECT_EQ(meeting.at("company_id").as_string(), company);
  }
  const HttpResult ical =
      server_->Get("/api/v1/events/" + fair_ + "/b2b-schedule.ics?company_id=" + company);
  ASSERT_EQ(ical.status, 200);
  EXPECT_EQ(ical.Header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_NE(ical.body.find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_NE(ical.body.find("TZID=Asia/Shanghai"), std::string::npos);
  // Run again: the same requests give the same meetings (the scheduler is deterministic).
  const HttpResult again = server_->Request("POST", "/api/v1/events/" + fair_ + "/b2b-schedule");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json().at("meetings"), schedule.at("meetings"));
  const HttpResult results = server_->Get("/api/v1/events/" + fair_ + "/trade-results");
  EXPECT_EQ(results.Json().at("meetings_scheduled").as_int64(),
            static_cast<std::int64_t>(schedule.at("meetings").as_array().size()));
}

TEST_F(ApiFairTest, BadB2bInputIsRefusedNamingTheField) {
  const std::string buyers = "/api/v1/fair_buyers";
  const std::string requests = "/api/v1/meeting_requests";
  const std::string harbin_buyer =
      Created("/api/v1/organizations", CompanyBody("Harbin Buyer Ltd", harbin_));
  // A slot outside the fair (the fair ends on 19 June).
  ExpectRefused("POST", buyers,
                R"({"event_id": ")" + fair_ + R"(", "organization_id": ")" + harbin_buyer +
                    R"(", "available_slots": ["2027-07-01T02:00:00Z"]})",
                422, "available_slots[0]", "slot_outside_fair");
  // A slot inside the fair's days but not one of its slots (10:10 local).
  ExpectRefused("POST", buyers,
                R"({"event_id": ")" + fair_ + R"(", "organization_id": ")" + harbin_buyer +
                    R"(", "available_slots": ["2027-06-16T02:10:00Z"]})",
                422, "available_slots[0]", "slot_outside_fair");
  ExpectRefused("POST", buyers,
                R"({"event_id": ")" + fair_ + R"(", "organization_id": ")" + company_ + R"("})",
                422, "organization_id", "not_partner_city");
  ExpectRefused(
      "POST", buyers,
      R"({"event_id": ")" + concert_ + R"(", "organization_id": ")" + harbin_buyer + R"("})", 422,
      "event_id", "not_a_fair");
  ExpectRefused("POST", "/api/v1/b2b_plans",
                R"({"event_id": ")" + fair_ +
                    R"(", "day_start": 540, "day_end": 1020, "slot_minutes": 30, "tables": 4})",
                422, "event_id", "already_planned");
  // A buyer that is not registered, and an exhibitor of another fair.
  const std::string exhibitors =
      server_->Get("/api/v1/exhibitors?event_id=" + fair_ + "&limit=1").body;
  const std::string exhibitor(json::parse(exhibitors).at("items").at(0).at("id").as_string());
  ExpectRefused("POST", requests,
                R"({"event_id": ")" + fair_ + R"(", "buyer_id": ")" + harbin_buyer +
                    R"(", "exhibitor_id": ")" + exhibitor + R"("})",
                422, "buyer_id", "not_a_buyer");
  Created(buyers, R"({"event_id": ")" + fair_ + R"(", "organization_id": ")" + harbin_buyer +
                      R"(", "available_slots": ["2027-06-16T02:00:00Z"], "visibility": "shared"})");
  const std::string other_fair =
      Created("/api/v1/events", R"({"kind": "fair", "partnership_id": ")" + partnership_ + R"(",
      "title": {"original": "en", "en": "China-Russia Expo"},
      "starts_at": "2027-05-17T09:00:00+08:00", "ends_at": "2027-05-21T17:00:00+08:00",
      "time_zone": "Asia/Shanghai"})");
  const std::string elsewhere =
      Created("/api/v1/exhibitors", Exhibitor(other_fair, other_company_));
  ExpectRefused("POST", requests,
                R"({"event_id": ")" + fair_ + R"(", "buyer_id": ")" + harbin_buyer +
                    R"(", "exhibitor_id": ")" + elsewhere + R"("})",
                422, "exhibitor_id", "not_exhibiting");
  // A fair without a plan cannot be scheduled; an event that is no fair has no B2B meetings.
  ExpectRefused("POST", "/api/v1/events/" + other_fair + "/b2b-schedule", "", 422, "id", "no_plan");
  ExpectRefused("GET", "/api/v1/events/" + concert_ + "/b2b-schedule", "", 422, "id", "not_a_fair");
  // A good request is scheduled in the buyer's one slot.
  Created(requests, R"({"event_id": ")" + fair_ + R"(", "buyer_id": ")" + harbin_buyer +
                        R"(", "exhibitor_id": ")" + exhibitor + R"(", "priority": 9})");
  const HttpResult run = server_->Request("POST", "/api/v1/events/" + fair_ + "/b2b-schedule");
  ASSERT_EQ(run.status, 200) << run.body;
  bool found = false;
  const json::value run_json = run.Json();
  for (const json::value& meeting : run_json.at("meetings").as_array()) {
    if (meeting.at("buyer_id").as_string() != harbin_buyer) continue;
    found = true;
    EXPECT_EQ(meeting.at("starts_at").as_string(), "2027-06-16T02:00:00Z");
  }
  EXPECT_TRUE(found) << run.body;
}

TEST_F(ApiFairTest, TheFairsRecordsAreEditedAndArchivedLikeAnyRecord) {
  // A patch and an archive of each kind of the fair's records, as the screens send them.
  for (const char* resource :
       {"leads", "meeting_requests", "fair_buyers", "exhibitors", "b2b_plans"}) {
    SCOPED_TRACE(resource);
    const std::string path = std::string("/api/v1/") + resource;
    const HttpResult listed = server_->Get(path + "?event_id=" + fair_ + "&limit=1");
    const HttpResult any =
        std::string(resource) == "leads" ? server_->Get(path + "?status=new&limit=1") : listed;
    ASSERT_EQ(any.status, 200) << any.body;
    const json::value page = any.Json();
    const json::object& record = page.at("items").at(0).as_object();
    const std::string id(record.at("id").as_string());
    const std::string version =
        "If-Match: \"" + std::to_string(record.at("version").as_int64()) + "\"";
    const HttpResult patched =
        server_->Request("PATCH", path + "/" + id, R"({"visibility": "shared"})",
                         {"Content-Type: application/json", version});
    ASSERT_EQ(patched.status, 200) << patched.body;
    const HttpResult archived = server_->Request("DELETE", path + "/" + id);
    EXPECT_EQ(archived.status, 204) << archived.body;
    const HttpResult after = server_->Get(path + "/" + id);
    EXPECT_TRUE(after.Json().at("archived").as_bool()) << after.body;
  }
}

}  // namespace
}  // namespace amity::testing
