// The public portal: no login, three languages, only what is marked public, escaped, cacheable.
#include <gtest/gtest.h>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

const std::vector<std::string> kAnonymous = {"Authorization:"};

TEST(PortalTest, ShowsPublishedPartnershipsAndPublicEventsWithoutLogin) {
  TestServer server;
  const HttpResult page = server.Request("GET", "/public?lang=en", "", kAnonymous);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(page.Header("cache-control"), "public, max-age=300");
  EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
  // The demo publishes the festival and keeps the marathon (an idea) shared with Harbin only.
  EXPECT_NE(page.body.find("Harbin International Ice and Snow Festival 2027"), std::string::npos);
  EXPECT_EQ(page.body.find("Friendship Run"), std::string::npos);
  // Event times are shown in the event's own zone: 10:00 in Harbin.
  EXPECT_NE(page.body.find("2027-01-05 10:00</time> (local time, Asia/Shanghai)"),
            std::string::npos);

  const HttpResult turkish = server.Request(
      "GET", "/public", "", {"Authorization:", "Accept-Language: tr-TR,tr;q=0.9,en;q=0.5"});
  EXPECT_NE(turkish.body.find("Kardeş şehir ilişkileri"), std::string::npos);
  EXPECT_NE(turkish.body.find("Buz ve Kar Festivali"), std::string::npos);
  const HttpResult chinese = server.Request("GET", "/public?lang=zh", "", kAnonymous);
  EXPECT_NE(chinese.body.find("哈尔滨国际冰雪节"), std::string::npos);
  EXPECT_EQ(server.Request("GET", "/public?lang=fr", "", kAnonymous).status, 400);

  // The page links the public events' calendar feed, in its language, and the feed answers
  // without login with the published festival and without the shared marathon.
  const std::string link = "href=\"/public/calendar.ics?lang=zh\"";
  ASSERT_NE(chinese.body.find(link), std::string::npos) << chinese.body;
  EXPECT_NE(chinese.body.find("将这些活动添加到您的日历"), std::string::npos);
  const HttpResult feed = server.Request("GET", "/public/calendar.ics?lang=zh", "", kAnonymous);
  ASSERT_EQ(feed.status, 200) << feed.body;
  std::string unfolded;  // RFC 5545 folds long lines: CRLF and a space continue the line
  for (size_t i = 0; i < feed.body.size(); ++i) {
    if (feed.body.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded.push_back(feed.body[i]);
  }
  EXPECT_NE(unfolded.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(unfolded.find("哈尔滨国际冰雪节"), std::string::npos);
  EXPECT_EQ(unfolded.find("Friendship Run"), std::string::npos);
}

TEST(PortalTest, UnpublishedPartnershipsAreNotFoundAndTextIsEscaped) {
  TestServer server;
  const std::string partnership(
      server.Get("/api/v1/partnerships").Json().at("items").at(0).at("id").as_string());
  EXPECT_EQ(server.Request("GET", "/public/partnerships/" + partnership, "", kAnonymous).status,
            200);
  const HttpResult event = server.Post(
      "/api/v1/events",
      json::parse(R"({"kind":"concert","partnership_id":")" + partnership +
                  R"(","title":{"original":"en","en":"<script>alert(1)</script> & friends"},
                      "starts_at":"2030-05-01T17:00:00Z","ends_at":"2030-05-01T19:00:00Z",
                      "time_zone":"Europe/Istanbul","status":"confirmed","visibility":"public"})"));
  ASSERT_EQ(event.status, 201) << event.body;
  const HttpResult page =
      server.Request("GET", "/public/partnerships/" + partnership + "?lang=en", "", kAnonymous);
  EXPECT_EQ(page.body.find("<script>"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"),
            std::string::npos);

  // Make the partnership private: its page disappears, and so does it from the list.
  const long long version =
      server.Get("/api/v1/partnerships/" + partnership).Json().at("version").as_int64();
  ASSERT_EQ(
      server
          .Request("PATCH", "/api/v1/partnerships/" + partnership, R"({"visibility":"private"})",
                   {"If-Match: \"" + std::to_string(version) + "\""})
          .status,
      200);
  EXPECT_EQ(server.Request("GET", "/public/partnerships/" + partnership, "", kAnonymous).status,
            404);
  EXPECT_EQ(server.Request("GET", "/public", "", kAnonymous).body.find(partnership),
            std::string::npos);
  EXPECT_EQ(server.Request("GET", "/public/partnerships/not-an-id", "", kAnonymous).status, 404);
}

}  // namespace
}  // namespace amity::testing
