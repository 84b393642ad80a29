// The per-request log: one line per request with its id (answered as X-Request-Id), in JSON or
// plain text, and nothing a log must not keep: no token, no query (search terms), no body.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "test_server.h"

namespace amity::testing {
namespace {

TEST(ApiLogTest, EveryAnswerCarriesARequestIdThatTheLogNames) {
  TestServer server(false);
  const HttpResult made = server.Get("/healthz");
  const std::string id = made.Header("x-request-id");
  EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{16}"))) << id;
  EXPECT_NE(server.Get("/healthz").Header("x-request-id"), id);  // one per request
  // A caller's own id (a proxy's) is kept when it is safe to log; anything else is replaced.
  EXPECT_EQ(
      server.Request("GET", "/healthz", "", {"X-Request-Id: proxy-42.a_b"}).Header("x-request-id"),
      "proxy-42.a_b");
  const std::string replaced =
      server.Request("GET", "/healthz", "", {"X-Request-Id: a b\"c"}).Header("x-request-id");
  EXPECT_TRUE(std::regex_match(replaced, std::regex("[0-9a-f]{16}"))) << replaced;
  // Refused before it is read: still an id.
  EXPECT_FALSE(server.Request("GET", "/" + std::string(9000, 'a')).Header("x-request-id").empty());

  // Personal data and secrets stay out: the searched words, the body, the token.
  EXPECT_EQ(server.Request("GET", "/api/v1/search?q=Zeynepkaya").status, 200);
  const HttpResult person = server.Post(
      "/api/v1/people",
      boost::json::parse(R"({"native_name":"Ayşe Zeynepkaya","latin_name":"Ayse Zeynepkaya"})"));
  EXPECT_EQ(person.status, 201) << person.body;
  EXPECT_EQ(server.Stop(), 0);
  const std::string log = ReadFile(server.folder() + "/server.log");
  EXPECT_NE(log.find("\"id\":\"" + id + "\",\"method\":\"GET\",\"path\":\"/healthz\""),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("\"path\":\"/api/v1/search\""), std::string::npos);
  EXPECT_EQ(log.find("Zeynepkaya"), std::string::npos) << log;
  EXPECT_EQ(log.find(server.admin().token), std::string::npos);
  // One line per request, each a JSON object.
  size_t lines = 0;
  for (size_t at = 0; (at = log.find("\"msg\":\"request\"", at)) != std::string::npos; ++at) {
    ++lines;
  }
  EXPECT_GE(lines, 7u);
}

TEST(ApiLogTest, PlainFormatIsOneReadableLinePerRequest) {
  TestServer server(false, {"AMITY_LOG_FORMAT=plain"});
  const std::string id = server.Get("/healthz").Header("x-request-id");
  EXPECT_EQ(server.Stop(), 0);
  const std::string log = ReadFile(server.folder() + "/server.log");
  EXPECT_TRUE(std::regex_search(
      log, std::regex("\n?[0-9T:.Z-]+ info request id=" + id +
                      " method=GET path=/healthz status=200 ms=[0-9.]+ bytes=[0-9]+\n")))
      << log;
}

}  // namespace
}  // namespace amity::testing
