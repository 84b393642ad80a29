// Every record route once, with null clearing optional fields and the list parameters the
// document declares: the answers are what openapi_responses (tests/check_openapi_responses.py)
// validates against the OpenAPI document, so each kind of answer must be exercised somewhere.
#include <gtest/gtest.h>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

constexpr const char* kResources[] = {
    "cities",      "organizations", "people",    "partnerships", "meetings",
    "commitments", "events",        "glossary",  "cases",        "products",
    "exhibitors",  "leads",         "b2b_plans", "fair_buyers",  "meeting_requests"};

class ApiDocumentTest : public ::testing::Test {
 protected:
  // The id of the first record of `resource` (the demo has some of each).
  std::string First(const std::string& resource) {
    const HttpResult list = server_.Get("/api/v1/" + resource + "?limit=1");
    EXPECT_EQ(list.status, 200) << list.body;
    return std::string(list.Json().at("items").at(0).at("id").as_string());
  }

  // PATCHes `body` onto the record at `path` (its current version) and returns the answer.
  HttpResult Patch(const std::string& path, const std::string& body) {
    const HttpResult current = server_.Get(path);
    EXPECT_EQ(current.status, 200) << current.body;
    return server_.Request("PATCH", path, body, {"If-Match: " + current.Header("etag")});
  }

  HttpResult Archive(const std::string& path) {
    const HttpResult current = server_.Get(path);
    EXPECT_EQ(current.status, 200) << current.body;
    return server_.Request("DELETE", path, "", {"If-Match: " + current.Header("etag")});
  }

  TestServer server_{true};
};

TEST_F(ApiDocumentTest, EveryResourceIsListedReadAndTraced) {
  for (const std::string resource : kResources) {
    const std::string id = First(resource);
    const std::string path = "/api/v1/" + resource + "/" + id;
    EXPECT_EQ(server_.Get(path).status, 200) << path;
    const HttpResult changes = server_.Get(path + "/changes?limit=5&offset=0");
    EXPECT_EQ(changes.status, 200) << changes.body;
    EXPECT_GE(changes.Json().at("total").as_int64(), 1) << path;
    const HttpResult sorted =
        server_.Get("/api/v1/" + resource + "?sort=-updated_at&archived=false&limit=3&offset=1");
    EXPECT_EQ(sorted.status, 200) << sorted.body;
    EXPECT_EQ(server_.Get("/api/v1/" + resource + "?no_such_parameter=1").status, 400);
  }
}

TEST_F(ApiDocumentTest, ListFiltersAndRangesAreAccepted) {
  for (const std::string query :
       {"/api/v1/commitments?status=agreed,planned&area=culture_arts,music&due_date_from=2026-01-01"
        "&due_date_to=2027-12-31&sort=due_date",
        "/api/v1/commitments?overdue=true&visibility=shared,private",
        "/api/v1/"
        "events?starts_at_from=2026-01-01&starts_at_to=2027-01-01T00:00:00Z&sort=-starts_at",
        "/api/v1/meetings?kind=video_call,other&sort=starts_at",
        "/api/v1/cities?country=TR,CN&sort=-country",
        "/api/v1/organizations?kind=municipality&sort=kind",
        "/api/v1/glossary?kind=city&sort=-kind", "/api/v1/people?sort=latin_name",
        "/api/v1/partnerships?tier=sister_city,friendship&status=active&sort=tier",
        "/api/v1/cases?area=heritage&tags=restoration,survey&lang=zh&period_start_from=2010-01-01"
        "&sort=-period_start"}) {
    const HttpResult result = server_.Get(query);
    EXPECT_EQ(result.status, 200) << query << ": " << result.body;
  }
  EXPECT_EQ(server_.Get("/api/v1/events?starts_at=2026-01-01").status, 400)
      << "instants are filtered by range only";
}

TEST_F(ApiDocumentTest, OptionalFieldsAreClearedWithNull) {
  const HttpResult organization = server_.Post(
      "/api/v1/organizations",
      json::parse(R"({"name":{"tr":"İzmir Devlet Senfoni Orkestrası"},"kind":"orchestra",
                      "website":"https://example.org","city_id":")" +
                  First("cities") + R"("})"));
  ASSERT_EQ(organization.status, 201) << organization.body;
  const std::string organization_path =
      "/api/v1/organizations/" + std::string(organization.Json().at("id").as_string());
  const HttpResult cleared = Patch(organization_path, R"({"website":null})");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.Json().at("website").is_null());

  const HttpResult term = server_.Post(
      "/api/v1/glossary",
      json::parse(R"({"term":{"tr":"Kordon","en":"Kordon","zh":null},"kind":"heritage_site",
                      "note":"the seafront promenade"})"));
  ASSERT_EQ(term.status, 201) << term.body;
  const std::string term_path = "/api/v1/glossary/" + std::string(term.Json().at("id").as_string());
  const HttpResult untranslated = Patch(term_path, R"({"note":null})");
  ASSERT_EQ(untranslated.status, 200) << untranslated.body;
  EXPECT_TRUE(untranslated.Json().at("note").is_null());

  const std::string person_path = "/api/v1/people/" + First("people");
  const HttpResult person = Patch(person_path, R"({"contact":null,"title":null})");
  ASSERT_EQ(person.status, 200) << person.body;
  EXPECT_TRUE(person.Json().at("contact").is_null());
  EXPECT_TRUE(person.Json().at("title").is_null());

  for (const std::string& path : {organization_path, term_path, person_path}) {
    EXPECT_EQ(Archive(path).status, 204) << path;
    const HttpResult archived = server_.Get(path);
    EXPECT_EQ(archived.status, 200) << path;
    EXPECT_TRUE(archived.Json().at("archived").as_bool()) << path;
  }
}

TEST_F(ApiDocumentTest, APartnershipIsArchived) {
  const std::string home = First("cities");
  const HttpResult city = server_.Post(
      "/api/v1/cities",
      json::parse(R"({"name":{"en":"Busan"},"country":"KR","time_zone":"Asia/Seoul"})"));
  ASSERT_EQ(city.status, 201) << city.body;
  const HttpResult partnership = server_.Post(
      "/api/v1/partnerships", {{"home_city_id", home}, {"partner_city_id", city.Json().at("id")}});
  ASSERT_EQ(partnership.status, 201) << partnership.body;
  const std::string path =
      "/api/v1/partnerships/" + std::string(partnership.Json().at("id").as_string());
  EXPECT_EQ(Archive(path).status, 204);
  EXPECT_EQ(server_.Get(path + "/changes").Json().at("total").as_int64(), 2);
}

}  // namespace
}  // namespace amity::testing
