// The public portal's fair catalogue and inquiry form through the real server, without an
// account: the catalogue shows only public exhibitors of public companies and their public
// products, in the reader's language; an inquiry becomes a private lead (source portal_inquiry)
// that only the home city's officers see; every bad field is refused by name and changes
// nothing; the honeypot, the size limit (413) and the rate limit (429 + Retry-After) hold.
#include <gtest/gtest.h>

#include <set>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

const std::vector<std::string> kAnonymous = {"Authorization:"};

std::string FirstId(const TestServer& server, const std::string& path) {
  const HttpResult result = server.Get(path);
  EXPECT_EQ(result.status, 200) << path << " " << result.body;
  return std::string(result.Json().at("items").at(0).at("id").as_string());
}

// The demo's fair: public, with two public exhibitors (figs, olive oil) whose public products
// show, and a shared one (marble) that does not.
class ApiInquiryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // A generous limit here; RateLimitAnswers429WithRetryAfter starts its own strict server.
    server_ = new TestServer(true, {"AMITY_INQUIRY_LIMIT=1000"});
    fair_ = FirstId(*server_, "/api/v1/events?kind=fair");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string CataloguePath() { return "/public/fairs/" + fair_ + "/catalogue"; }
  static std::string InquiryPath() { return "/public/fairs/" + fair_ + "/inquiries"; }

  // The ids of every product in the public catalogue.
  static std::set<std::string> CatalogueProducts() {
    const HttpResult catalogue = server_->Request("GET", CataloguePath(), "", kAnonymous);
    EXPECT_EQ(catalogue.status, 200) << catalogue.body;
    std::set<std::string> ids;
    const json::value body = catalogue.Json();
    for (const json::value& exhibitor : body.at("exhibitors").as_array()) {
      for (const json::value& product : exhibitor.at("products").as_array()) {
        ids.emplace(product.at("id").as_string());
      }
    }
    return ids;
  }

  static json::object ValidInquiry() {
    return {{"company", "哈尔滨松北贸易有限公司"},
            {"contact_name", "李伟"},
            {"email", "li.wei@songbei-trade.example"},
            {"phone", "+86 451 5555 0101"},
            {"country", "CN"},
            {"product_ids", json::array{json::string(*CatalogueProducts().begin())}},
            {"message", "我们想采购无花果干，请报价。"}};
  }

  static HttpResult SendInquiry(const std::string& body,
                                std::vector<std::string> headers = kAnonymous) {
    return server_->Request("POST", InquiryPath(), body, headers);
  }

  static TestServer* server_;
  static std::string fair_;
};

TestServer* ApiInquiryTest::server_ = nullptr;
std::string ApiInquiryTest::fair_;

TEST_F(ApiInquiryTest, CatalogueShowsOnlyPublicRecordsInTheReadersLanguage) {
  const HttpResult zh = server_->Request("GET", CataloguePath() + "?lang=zh", "", kAnonymous);
  ASSERT_EQ(zh.status, 200) << zh.body;
  EXPECT_EQ(zh.Header("cache-control"), "public, max-age=300");
  const json::value body = zh.Json();
  EXPECT_EQ(body.at("lang"), "zh");
  EXPECT_NE(std::string(body.at("title").as_string()).find("哈尔滨"), std::string::npos);
  std::set<std::string> companies;
  for (const json::value& exhibitor : body.at("exhibitors").as_array()) {
    companies.emplace(exhibitor.at("company").as_string());
  }
  EXPECT_TRUE(companies.contains("门德雷斯无花果干果股份公司")) << zh.body;
  EXPECT_EQ(companies.size(), 2u) << zh.body;

  // Every product listed is public and live; the shared ones of the same exhibitors are not
  // listed, nor is anything of the shared marble exhibitor; no private field leaks.
  const std::string text = zh.body;
  for (std::string_view secret :
       {"logistics_notes", "covered_costs", "delegation_ids", "Samples (40 kg", "visibility"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
  for (const std::string& id : CatalogueProducts()) {
    const json::value product = server_->Get("/api/v1/products/" + id).Json();
    EXPECT_EQ(product.at("visibility"), "public") << id;
  }
  const HttpResult shared = server_->Get("/api/v1/products?visibility=shared&limit=200");
  ASSERT_EQ(shared.status, 200) << shared.body;
  const std::set<std::string> listed = CatalogueProducts();
  const json::value shared_items = shared.Json();
  for (const json::value& product : shared_items.at("items").as_array()) {
    EXPECT_FALSE(listed.contains(std::string(product.at("id").as_string())));
  }

  // Accept-Language chooses the language when ?lang does not; English names then.
  const HttpResult en = server_->Request("GET", CataloguePath(), "",
                                         {"Authorization:", "Accept-Language: en-GB,en;q=0.8"});
  ASSERT_EQ(en.status, 200);
  EXPECT_NE(en.body.find("Menderes Fig and Dried Fruit Inc."), std::string::npos);
  const HttpResult tr = server_->Request("GET", CataloguePath() + "?lang=tr", "", kAnonymous);
  EXPECT_NE(tr.body.find("Menderes İncir ve Kuru Meyve A.Ş."), std::string::npos);
  EXPECT_EQ(server_->Request("GET", CataloguePath() + "?lang=fr", "", kAnonymous).status, 400);
  // The portal's HTML page links the fair to its catalogue page, in the page's language.
  const HttpResult portal = server_->Request("GET", "/public?lang=zh", "", kAnonymous);
  EXPECT_NE(portal.body.find("href=\"/portal/fairs/" + fair_ + "?lang=zh\">参展目录与询盘"),
            std::string::npos)
      << portal.body;

  // Turning the figs exhibitor private takes it off the catalogue at once.
  const std::string fig_exhibitor(body.at("exhibitors").at(0).at("id").as_string());
  const long long version =
      server_->Get("/api/v1/exhibitors/" + fig_exhibitor).Json().at("version").as_int64();
  ASSERT_EQ(
      server_
          ->Request("PATCH", "/api/v1/exhibitors/" + fig_exhibitor, R"({"visibility":"private"})",
                    {"If-Match: \"" + std::to_string(version) + "\""})
          .status,
      200);
  const json::value after =
      server_->Request("GET", CataloguePath() + "?lang=zh", "", kAnonymous).Json();
  EXPECT_EQ(after.at("exhibitors").as_array().size(), 1u);
  EXPECT_EQ(server_->Request("GET", CataloguePath() + "?lang=zh", "", kAnonymous)
                .body.find(fig_exhibitor),
            std::string::npos);
  ASSERT_EQ(
      server_
          ->Request("PATCH", "/api/v1/exhibitors/" + fig_exhibitor, R"({"visibility":"public"})",
                    {"If-Match: \"" + std::to_string(version + 1) + "\""})
          .status,
      200);

  // A fair that is not published, or an event that is not a fair, is not found.
  const std::string concert = FirstId(*server_, "/api/v1/events?kind=festival");
  EXPECT_EQ(
      server_->Request("GET", "/public/fairs/" + concert + "/catalogue", "", kAnonymous).status,
      404);
  EXPECT_EQ(server_->Request("GET", "/public/fairs/nope/catalogue", "", kAnonymous).status, 404);
}

TEST_F(ApiInquiryTest, AcceptedInquiryBecomesAPrivatePortalLead) {
  const long long leads_before = QueryNumber(server_->db_path(), "SELECT count(*) FROM leads");
  json::object inquiry = ValidInquiry();
  const HttpResult sent = SendInquiry(json::serialize(inquiry));
  ASSERT_EQ(sent.status, 202) << sent.body;
  EXPECT_EQ(sent.Json().at("status"), "received");
  EXPECT_EQ(QueryNumber(server_->db_path(), "SELECT count(*) FROM leads"), leads_before + 1);

  const json::value leads =
      server_->Get("/api/v1/leads?source=portal_inquiry&event_id=" + fair_).Json();
  const json::array items = leads.at("items").as_array();
  ASSERT_FALSE(items.empty());
  const json::object* lead = nullptr;
  for (const json::value& item : items) {
    if (item.at("inquirer_company") == "哈尔滨松北贸易有限公司") lead = &item.as_object();
  }
  ASSERT_NE(lead, nullptr) << leads;
  EXPECT_EQ(lead->at("status"), "new");
  EXPECT_EQ(lead->at("source"), "portal_inquiry");
  EXPECT_EQ(lead->at("visibility"), "private");
  EXPECT_EQ(lead->at("inquiry_message"), "我们想采购无花果干，请报价。");
  EXPECT_EQ(lead->at("inquirer_contact").at("email"), "li.wei@songbei-trade.example");
  EXPECT_EQ(lead->at("inquirer_contact").at("country"), "CN");
  EXPECT_EQ(lead->at("product_ids"), inquiry.at("product_ids"));
  // The products' company is the one the buyer wants to deal with.
  const std::string product(inquiry.at("product_ids").at(0).as_string());
  EXPECT_EQ(lead->at("exhibitor_company_id"),
            server_->Get("/api/v1/products/" + product).Json().at("company_id"));

  // A partner-city user does not see it; the public portal shows nothing of it.
  const TestUser partner =
      server_->AddUser("partner@inquiry.test", "partner", {FirstPartnershipId(*server_)});
  const HttpResult hidden = server_->Request(
      "GET", "/api/v1/leads/" + std::string(lead->at("id").as_string()), "", {partner.Bearer()});
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(server_->Request("GET", CataloguePath(), "", kAnonymous).body.find("松北"),
            std::string::npos);
  EXPECT_EQ(server_->Request("GET", "/public?lang=zh", "", kAnonymous).body.find("松北"),
            std::string::npos);
}

TEST_F(ApiInquiryTest, EachBadFieldIsNamedAndChangesNothing) {
  const std::string product = *CatalogueProducts().begin();
  const std::string private_product = FirstId(*server_, "/api/v1/products?visibility=private");
  struct Case {
    std::string name;
    std::string field;  // the member replaced, or removed when `value` is absent
    std::optional<json::value> value;
    long status;
    std::string problem_field;
  };
  const std::vector<Case> cases = {
      {"no company", "company", std::nullopt, 422, "company"},
      {"blank company", "company", json::value("   "), 422, "company"},
      {"no contact", "contact_name", std::nullopt, 422, "contact_name"},
      {"no email", "email", std::nullopt, 422, "email"},
      {"bad email", "email", json::value("li.wei at example"), 422, "email"},
      {"long phone", "phone", json::value(std::string(51, '1')), 422, "phone"},
      {"no country", "country", std::nullopt, 422, "country"},
      {"bad country", "country", json::value("China"), 422, "country"},
      {"product not listed", "product_ids", json::array{json::string(private_product)}, 422,
       "product_ids[0]"},
      {"product not an id", "product_ids", json::array{"figs"}, 422, "product_ids[0]"},
      {"no message", "message", std::nullopt, 422, "message"},
      {"long message", "message", json::value(std::string(4001, 'x')), 422, "message"},
      {"unknown field", "status", json::value("won"), 400, "status"},
      {"company not text", "company", json::value(42), 400, "company"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    json::object body = ValidInquiry();
    body["product_ids"] = json::array{json::string(product)};
    if (c.value) {
      body[c.field] = *c.value;
    } else {
      body.erase(c.field);
    }
    const std::string before = server_->Snapshot();
    const HttpResult result = SendInquiry(json::serialize(body));
    EXPECT_EQ(result.status, c.status) << result.body;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json");
    bool named = false;
    const json::value answer = result.Json();
    for (const json::value& problem : answer.at("problems").as_array()) {
      named |= problem.at("field") == json::value(c.problem_field);
    }
    EXPECT_TRUE(named) << result.body;
    EXPECT_EQ(server_->Snapshot(), before);
  }
  // Not JSON, the wrong media type, a fair that is not published: refused, nothing kept.
  const std::string before = server_->Snapshot();
  EXPECT_EQ(SendInquiry("{\"company\":").status, 400);
  EXPECT_EQ(SendInquiry("company=x", {"Authorization:", "Content-Type: text/plain"}).status, 415);
  EXPECT_EQ(SendInquiry("company=x",
                        {"Authorization:", "Content-Type: application/x-www-form-urlencoded"})
                .status,
            415);
  const std::string festival = FirstId(*server_, "/api/v1/events?kind=festival");
  EXPECT_EQ(server_
                ->Request("POST", "/public/fairs/" + festival + "/inquiries",
                          json::serialize(ValidInquiry()), kAnonymous)
                .status,
            404);
  EXPECT_EQ(server_->Snapshot(), before);
}

TEST_F(ApiInquiryTest, HoneypotAnswersLikeSuccessAndKeepsNothing) {
  json::object body = ValidInquiry();
  body["website"] = "https://spam.example";
  const std::string before = server_->Snapshot();
  const HttpResult result = SendInquiry(json::serialize(body));
  EXPECT_EQ(result.status, 202) << result.body;
  EXPECT_EQ(result.Json().at("status"), "received");
  EXPECT_EQ(server_->Snapshot(), before);
}

TEST_F(ApiInquiryTest, OversizeBodyIs413BeforeItIsRead) {
  json::object body = ValidInquiry();
  body["message"] = std::string(17 * 1024, 'x');
  const std::string before = server_->Snapshot();
  const HttpResult result = SendInquiry(json::serialize(body));
  EXPECT_EQ(result.status, 413) << result.body;
  EXPECT_EQ(result.Header("content-type"), "application/problem+json");
  EXPECT_EQ(server_->Snapshot(), before);
  // Just under the limit is read and judged (here: a message too long for a lead).
  body["message"] = std::string(15 * 1024, 'x');
  EXPECT_EQ(SendInquiry(json::serialize(body)).status, 422);
}

TEST(InquiryRateLimitTest, RateLimitAnswers429WithRetryAfter) {
  TestServer server(true, {"AMITY_INQUIRY_LIMIT=3", "AMITY_INQUIRY_WINDOW=600"});
  const std::string fair = FirstId(server, "/api/v1/events?kind=fair");
  const std::string path = "/public/fairs/" + fair + "/inquiries";
  const std::string body = R"({"company":"Songbei Trading","contact_name":"Li Wei",
      "email":"li@songbei.example","country":"CN","message":"Price list, please."})";
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(server.Request("POST", path, body, kAnonymous).status, 202) << i;
  }
  const long long leads = QueryNumber(server.db_path(), "SELECT count(*) FROM leads");
  const std::string before = server.Snapshot();
  const HttpResult refused = server.Request("POST", path, body, kAnonymous);
  ASSERT_EQ(refused.status, 429) << refused.body;
  EXPECT_EQ(refused.Header("content-type"), "application/problem+json");
  const int retry_after = std::stoi(refused.Header("retry-after"));
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 200);  // one token back every 600 / 3 = 200 s
  EXPECT_EQ(refused.Json().at("problems").at(0).at("code"), "rate_limited");
  EXPECT_EQ(server.Snapshot(), before);
  EXPECT_EQ(QueryNumber(server.db_path(), "SELECT count(*) FROM leads"), leads);
  // The catalogue (a read) is not limited.
  EXPECT_EQ(server.Request("GET", "/public/fairs/" + fair + "/catalogue", "", kAnonymous).status,
            200);
}

}  // namespace
}  // namespace amity::testing
