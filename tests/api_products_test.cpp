// Companies and the trade catalogue's products through the real server: company fields on
// organizations, products created, read, listed by HS code, certification and market; HS codes
// normalised from tariff-book spelling; the HS nomenclature in three languages; every bad input
// refused naming its field and changing nothing; partner users see only shared products; products
// keep files and export.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

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

class ApiProductsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(true);
    partnership_ = FirstPartnershipId(*server_);
    const HttpResult izmir = server_->Get("/api/v1/cities?country=TR");
    EXPECT_EQ(izmir.status, 200) << izmir.body;
    izmir_ = std::string(izmir.Json().at("items").at(0).at("id").as_string());
    company_ = Created("/api/v1/organizations", R"({
        "name": {"original": "tr", "tr": "Ege İncir Kurutma A.Ş.", "en": "Aegean Fig Drying Inc."},
        "kind": "company", "city_id": ")" + izmir_ + R"(",
        "website": "https://fig.example/tr", "sector": "dried_fruit_nuts",
        "export_markets": ["CN", "DE"], "certifications": ["haccp", "gacc_registration"],
        "contact": {"office": "Export desk", "email": "export@fig.example", "phone": "+90 232 0"},
        "visibility": "shared"})");
    municipality_ = Created("/api/v1/organizations",
                            R"({"name": {"original": "en", "en": "A town hall"},
                                "kind": "municipality", "city_id": ")" +
                                izmir_ + R"("})");
    shared_ = Created("/api/v1/products", ProductBody("Dried figs", "shared"));
    private_ = Created("/api/v1/products", ProductBody("Secret fig paste", "private"));
    partner_ = server_->AddUser("partner@products.test", "partner", {partnership_});
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

  static std::string ProductBody(const std::string& name, const std::string& visibility) {
    return R"({"company_id": ")" + company_ + R"(", "name": {"original": "en", "en": ")" + name +
           R"("}, "hs_code": "0804.20", "visibility": ")" + visibility + R"("})";
  }

  // A valid product body with `members` added; an hs_code among them replaces the default.
  static std::string With(const std::string& members) {
    const bool own_code = members.find("\"hs_code\":") != std::string::npos;
    return R"({"company_id": ")" + company_ + R"(", "name": {"original": "en", "en": "Figs"})" +
           (own_code ? "" : R"(, "hs_code": "080420")") + (members.empty() ? "" : ", " + members) +
           "}";
  }

  static std::vector<std::string> Listed(const std::string& query,
                                         const std::vector<std::string>& headers = {}) {
    const HttpResult result = server_->Request("GET", "/api/v1/products?" + query, "", headers);
    EXPECT_EQ(result.status, 200) << query << " " << result.body;
    std::vector<std::string> ids;
    if (result.status != 200) return ids;
    const json::value page = result.Json();
    for (const json::value& item : page.at("items").as_array()) {
      ids.emplace_back(item.at("id").as_string());
    }
    return ids;
  }
  static bool Has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
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
  static std::string partnership_, izmir_, company_, municipality_, shared_, private_;
  static TestUser partner_;
};

TestServer* ApiProductsTest::server_ = nullptr;
std::string ApiProductsTest::partnership_, ApiProductsTest::izmir_, ApiProductsTest::company_,
    ApiProductsTest::municipality_, ApiProductsTest::shared_, ApiProductsTest::private_;
TestUser ApiProductsTest::partner_;

TEST_F(ApiProductsTest, ACompanyKeepsItsTradeFields) {
  const json::object company = server_->Get("/api/v1/organizations/" + company_).Json().as_object();
  EXPECT_EQ(company.at("sector").as_string(), "dried_fruit_nuts");
  EXPECT_EQ(company.at("export_markets"), json::parse(R"(["CN", "DE"])"));
  EXPECT_EQ(company.at("certifications"), json::parse(R"(["haccp", "gacc_registration"])"));
  EXPECT_EQ(company.at("contact").at("office").as_string(), "Export desk");
  EXPECT_EQ(company.at("website").as_string(), "https://fig.example/tr");
  const HttpResult listed =
      server_->Get("/api/v1/organizations?sector=dried_fruit_nuts&export_markets=DE&sort=sector");
  ASSERT_EQ(listed.status, 200) << listed.body;
  bool found = false;
  const json::value listed_page = listed.Json();
  for (const json::value& item : listed_page.at("items").as_array()) {
    EXPECT_EQ(item.at("sector").as_string(), "dried_fruit_nuts");
    found = found || item.at("id").as_string() == company_;
  }
  EXPECT_TRUE(found) << listed.body;
  const HttpResult none = server_->Get("/api/v1/organizations?sector=machinery&export_markets=DE");
  ASSERT_EQ(none.status, 200) << none.body;
  const json::value none_page = none.Json();
  for (const json::value& item : none_page.at("items").as_array()) {
    EXPECT_NE(item.at("id").as_string(), company_);
  }
  // An organization of another kind reads the company fields as empty.
  const json::object town =
      server_->Get("/api/v1/organizations/" + municipality_).Json().as_object();
  EXPECT_EQ(town.at("export_markets"), json::array());
  EXPECT_TRUE(town.at("sector").is_null());
}

TEST_F(ApiProductsTest, BadCompanyFieldsAreRefusedAndChangeNothing) {
  const std::string path = "/api/v1/organizations/" + company_;
  const std::vector<std::string> match = {"If-Match: \"1\""};
  ExpectRefused("PATCH", path, R"({"website": "fig.example"})", 422, "website", "invalid_url",
                match);
  ExpectRefused("PATCH", path, R"({"export_markets": ["CN", "XX"]})", 422, "export_markets[1]",
                "invalid_country", match);
  ExpectRefused("PATCH", path, R"({"export_markets": "CN"})", 400, "export_markets", "wrong_type",
                match);
  ExpectRefused("PATCH", path, R"({"certifications": ["halal", "best_in_town"]})", 422,
                "certifications[1]", "invalid_enum", match);
  ExpectRefused("PATCH", path, R"({"sector": "space"})", 422, "sector", "invalid_enum", match);
  ExpectRefused("PATCH", path, R"({"contact": {"name": "Ayşe"}})", 400, "contact.name",
                "unknown_field", match);
  ExpectRefused("PATCH", "/api/v1/organizations/" + municipality_, R"({"sector": "machinery"})",
                422, "sector", "only_for_companies", match);
}

TEST_F(ApiProductsTest, AProductIsCreatedReadAndListed) {
  const HttpResult created = server_->Post("/api/v1/products", json::parse(With(R"(
      "name": {"original": "tr", "tr": "Kuru incir", "zh": "无花果干", "en": "Dried figs"},
      "description": {"original": "tr", "tr": "Güneşte kurutulmuş Aydın inciri."},
      "hs_code_tr": "0804.20.10.00.11", "hs_code_cn": "0804.2000.00",
      "unit": "tonne", "minimum_order": 5, "price_min": 3.2, "price_max": 4.8, "currency": "USD",
      "shelf_life_days": 540, "certifications": ["organic_eu", "gacc_registration"],
      "markets": ["CN", "RU"], "visibility": "shared")")));
  ASSERT_EQ(created.status, 201) << created.body;
  const json::object product = created.Json().as_object();
  const std::string id(product.at("id").as_string());
  EXPECT_EQ(product.at("hs_code").as_string(), "080420");
  EXPECT_EQ(product.at("hs_code_tr").as_string(), "080420100011");
  EXPECT_EQ(product.at("hs_code_cn").as_string(), "0804200000");
  EXPECT_EQ(product.at("unit").as_string(), "tonne");
  EXPECT_EQ(product.at("markets"), json::parse(R"(["CN", "RU"])"));
  EXPECT_EQ(server_->Get("/api/v1/products/" + id).Json().as_object(), product);
  // The description was written in Turkish only: the other languages await translation.
  EXPECT_TRUE(Has(Listed("lang=tr"), id));
  EXPECT_FALSE(Has(Listed("lang=zh"), id));
  EXPECT_TRUE(Has(Listed("hs_code=0804.20&certifications=organic_eu&markets=CN"), id));
  EXPECT_FALSE(Has(Listed("markets=DE"), id));
  EXPECT_TRUE(Has(Listed("company_id=" + company_ + "&sort=-hs_code"), id));
  // The unit defaults to kg.
  EXPECT_EQ(server_->Get("/api/v1/products/" + shared_).Json().at("unit").as_string(), "kg");
  // Products keep files like other records, and export.
  const HttpResult files = server_->Get("/api/v1/products/" + id + "/files");
  EXPECT_EQ(files.status, 200) << files.body;
  const HttpResult csv = server_->Get("/api/v1/products/export?format=csv&hs_code=080420");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("080420100011"), std::string::npos) << csv.body;
}

TEST_F(ApiProductsTest, TheHsNomenclatureNamesChaptersAndHeadings) {
  const HttpResult chapters = server_->Get("/api/v1/hs-chapters");
  ASSERT_EQ(chapters.status, 200) << chapters.body;
  const json::value list = chapters.Json();
  ASSERT_EQ(list.at("items").as_array().size(), 97u);
  EXPECT_TRUE(list.at("items").at(76).at("reserved").as_bool());
  const HttpResult figs = server_->Get("/api/v1/hs-codes/0804.20");
  ASSERT_EQ(figs.status, 200) << figs.body;
  const json::value code = figs.Json();
  EXPECT_EQ(code.at("code").as_string(), "080420");
  EXPECT_EQ(code.at("chapter").at("code").as_string(), "08");
  EXPECT_EQ(code.at("heading").at("name").at("zh").as_string(),
            "椰枣、无花果、菠萝、鳄梨、番石榴及芒果");
  const HttpResult unnamed = server_->Get("/api/v1/hs-codes/010121");
  ASSERT_EQ(unnamed.status, 200) << unnamed.body;
  EXPECT_TRUE(unnamed.Json().at("heading").is_null());
  ExpectRefused("GET", "/api/v1/hs-codes/12.34", "", 400, "code", "invalid_hs_code");
  ExpectRefused("GET", "/api/v1/hs-codes/770000", "", 404, "code", "unknown_chapter");
}

TEST_F(ApiProductsTest, BadProductsAreRefusedNamingTheFieldAndChangeNothing) {
  const std::string products = "/api/v1/products";
  ExpectRefused("POST", products, With(R"("hs_code": "12.34")"), 422, "hs_code", "invalid_hs_code");
  ExpectRefused("POST", products, With(R"("hs_code": 80420)"), 400, "hs_code", "wrong_type");
  for (const std::string chapter : {"770000", "000000", "990000", "980000"}) {
    ExpectRefused("POST", products, With(R"("hs_code": ")" + chapter + R"(")"), 422, "hs_code",
                  "unknown_chapter");
  }
  ExpectRefused("POST", products, With(R"("hs_code_tr": "080620100011")"), 422, "hs_code_tr",
                "not_extension_of_hs_code");
  ExpectRefused("POST", products, With(R"("hs_code_cn": "08042000")"), 422, "hs_code_cn",
                "invalid_hs_code");
  ExpectRefused("POST", products, With(R"("price_min": -1, "currency": "USD")"), 422, "price_min",
                "out_of_range");
  ExpectRefused("POST", products, With(R"("price_min": 5, "price_max": 4, "currency": "USD")"), 422,
                "price_max", "below_price_min");
  ExpectRefused("POST", products, With(R"("price_max": 4)"), 422, "currency", "required");
  ExpectRefused("POST", products, With(R"("price_max": 4, "currency": "XYZ")"), 422, "currency",
                "invalid_enum");
  ExpectRefused("POST", products, With(R"("certifications": ["halal", "moon_approved"])"), 422,
                "certifications[1]", "invalid_enum");
  ExpectRefused("POST", products, With(R"("markets": ["CN", "CN"])"), 422, "markets[1]",
                "duplicate");
  ExpectRefused("POST", products, With(R"("shelf_life_days": 0)"), 422, "shelf_life_days",
                "out_of_range");
  ExpectRefused("POST", products, With(R"("shelf_life_days": 10.5)"), 422, "shelf_life_days",
                "not_whole");
  ExpectRefused("POST", products, With(R"("unit": "bushel")"), 422, "unit", "invalid_enum");
  ExpectRefused("POST", products,
                R"({"company_id": ")" + municipality_ +
                    R"(", "name": {"original": "en", "en": "Water"}, "hs_code": "220110"})",
                422, "company_id", "not_a_company");
  ExpectRefused("POST", products, R"({"company_id": ")" + company_ + R"(", "hs_code": "080420"})",
                422, "name", "required");
  // A change that breaks a rule leaves the product as it was.
  ExpectRefused("PATCH", products + "/" + shared_,
                R"({"price_min": 9, "price_max": 1, "currency": "CNY"})", 422, "price_max",
                "below_price_min", {"If-Match: \"1\""});
  ExpectRefused("GET", products + "?hs_code=12.34", "", 400, "hs_code", "invalid_hs_code");
}

TEST_F(ApiProductsTest, AProductIsChangedWithItsTrailAndArchived) {
  const std::string id = Created("/api/v1/products", ProductBody("Raisins", "shared"));
  const HttpResult changed =
      server_->Request("PATCH", "/api/v1/products/" + id,
                       R"({"hs_code": "0806 20", "price_min": 2, "price_max": 2.5,
                           "currency": "EUR", "shelf_life_days": 365})",
                       {"Content-Type: application/json", "If-Match: \"1\""});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json().at("hs_code").as_string(), "080620");
  EXPECT_EQ(changed.Json().at("currency").as_string(), "EUR");
  const HttpResult trail = server_->Get("/api/v1/products/" + id + "/changes");
  ASSERT_EQ(trail.status, 200) << trail.body;
  EXPECT_EQ(trail.Json().at("items").as_array().size(), 2u);
  EXPECT_EQ(server_->Request("DELETE", "/api/v1/products/" + id).status, 204);
  EXPECT_FALSE(Has(Listed("limit=200"), id));
}

TEST_F(ApiProductsTest, TheCataloguePrintsAsAChinesePdfWithPictures) {
  const HttpResult pdf = server_->Get("/api/v1/catalogue.pdf?lang=zh");
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 400);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  ASSERT_TRUE(pdf.body.starts_with("%PDF-"));
  const std::filesystem::path file = std::filesystem::path(server_->folder()) / "catalogue-zh.pdf";
  std::ofstream(file, std::ios::binary) << pdf.body;
  // Read back by poppler, an independent reader: sectors, chapters and products in Chinese.
  const std::string text = Output("pdftotext -enc UTF-8 '" + file.string() + "' -");
  for (const char* expected :
       {"产品目录", "干果与坚果", "橄榄油与橄榄", "天然石材与大理石", "第 08 章", "无花果干",
        "门德雷斯无花果干果股份公司", "HS 0804.20", "3800–5200 USD"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text.substr(0, 2000);
  }
  // The demo's drawn pictures are in it (images on its pages).
  const std::string images = Output("pdfimages -list '" + file.string() + "'");
  EXPECT_GE(std::count(images.begin(), images.end(), '\n'), 20) << images;
  // The private product is not printed for a partner user; Turkish works too.
  const HttpResult partner =
      server_->Request("GET", "/api/v1/catalogue.pdf?lang=tr", "", {partner_.Bearer()});
  ASSERT_EQ(partner.status, 200);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << partner.body;
  const std::string turkish = Output("pdftotext -enc UTF-8 '" + file.string() + "' -");
  EXPECT_NE(turkish.find("Kuru meyve ve sert kabuklular"), std::string::npos) << turkish;
  EXPECT_EQ(turkish.find("Secret fig paste"), std::string::npos);
  ExpectRefused("GET", "/api/v1/catalogue.pdf?lang=fr", "", 400, "lang", "invalid_enum");
}

TEST_F(ApiProductsTest, PartnerUsersSeeSharedProductsOnly) {
  const std::vector<std::string> partner = {partner_.Bearer()};
  EXPECT_EQ(server_->Request("GET", "/api/v1/products/" + shared_, "", partner).status, 200);
  ExpectRefused("GET", "/api/v1/products/" + private_, "", 404, "id", "not_found", partner);
  const std::vector<std::string> listed = Listed("limit=200", partner);
  EXPECT_TRUE(Has(listed, shared_));
  EXPECT_FALSE(Has(listed, private_));
  // Partner users do not create products.
  ExpectRefused("POST", "/api/v1/products", ProductBody("Partner's figs", "shared"), 403, "",
                "forbidden", partner);
}

}  // namespace
}  // namespace amity::testing
