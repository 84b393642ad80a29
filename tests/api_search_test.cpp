// Search through the real server: Turkish casing and accents, Chinese without spaces, ranking
// groups, highlighting, and an index that follows every edit in the same transaction.
#include <gtest/gtest.h>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

class ApiSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(true);
    const auto post = [](const char* path, const char* body) {
      const HttpResult result = server_->Post(path, json::parse(body));
      EXPECT_EQ(result.status, 201) << result.body;
      return std::string(result.Json().at("id").as_string());
    };
    karsiyaka_ = post(
        "/api/v1/cities",
        R"({"name":{"original":"tr","tr":"Karşıyaka","en":"Karsiyaka"},"country":"TR","time_zone":"Europe/Istanbul"})");
    isparta_ = post(
        "/api/v1/cities",
        R"({"name":{"original":"tr","tr":"ISPARTA"},"country":"TR","time_zone":"Europe/Istanbul"})");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Ids of the records of `kind` found by `query`.
  static std::vector<std::string> Found(const std::string& query, const std::string& kind,
                                        const std::string& extra = "") {
    const HttpResult result = server_->Get("/api/v1/search?q=" + Escape(query) + extra);
    EXPECT_EQ(result.status, 200) << result.body;
    std::vector<std::string> ids;
    const json::value body = result.Json();
    for (const json::value& group : body.at("groups").as_array()) {
      if (group.at("kind").as_string() != kind) continue;
      for (const json::value& item : group.at("items").as_array()) {
        ids.emplace_back(item.at("id").as_string());
      }
    }
    return ids;
  }

  static std::string Escape(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '_') {
        out += static_cast<char>(c);
      } else {
        char buffer[4];
        std::snprintf(buffer, sizeof buffer, "%%%02X", c);
        out += buffer;
      }
    }
    return out;
  }

  static bool Contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  static TestServer* server_;
  static std::string karsiyaka_, isparta_;
};

TestServer* ApiSearchTest::server_ = nullptr;
std::string ApiSearchTest::karsiyaka_, ApiSearchTest::isparta_;

TEST_F(ApiSearchTest, TurkishCasingFindsEveryForm) {
  for (const char* query : {"izmir", "İZMİR", "İzmir", "IZMIR"}) {
    EXPECT_EQ(Found(query, "cities").size(), 1u) << query;
  }
  for (const char* query : {"ısparta", "ISPARTA", "Isparta"}) {
    EXPECT_TRUE(Contains(Found(query, "cities"), isparta_)) << query;
  }
}

TEST_F(ApiSearchTest, AccentInsensitiveByDefaultAndSensitiveOnRequest) {
  EXPECT_TRUE(Contains(Found("karsiyaka", "cities"), karsiyaka_));
  EXPECT_TRUE(Contains(Found("KARŞIYAKA", "cities"), karsiyaka_));
  // With accents respected, "karsiyaka" only finds the English spelling of the same record…
  EXPECT_TRUE(Contains(Found("karsiyaka", "cities", "&accents=sensitive&lang=en"), karsiyaka_));
  // …and not the Turkish one.
  EXPECT_FALSE(Contains(Found("karsiyaka", "cities", "&accents=sensitive&lang=tr"), karsiyaka_));
  EXPECT_TRUE(Contains(Found("karşıyaka", "cities", "&accents=sensitive&lang=tr"), karsiyaka_));
}

TEST_F(ApiSearchTest, ChineseWithoutSpaces) {
  EXPECT_EQ(Found("哈尔滨", "cities").size(), 1u);
  EXPECT_FALSE(Found("冰雪", "events").empty()) << "a two-character word";
  const HttpResult result = server_->Get("/api/v1/search?q=" + Escape("冰雪") + "&lang=zh");
  const json::value body = result.Json();
  bool marked = false;
  for (const json::value& group : body.at("groups").as_array()) {
    for (const json::value& item : group.at("items").as_array()) {
      for (const json::value& match : item.at("matches").as_array()) {
        EXPECT_EQ(match.at("lang").as_string(), "zh");
        for (const json::value& segment : match.at("segments").as_array()) {
          if (segment.at("match").as_bool()) {
            EXPECT_EQ(segment.at("text").as_string(), "冰雪");
            marked = true;
          }
        }
      }
    }
  }
  EXPECT_TRUE(marked);
}

TEST_F(ApiSearchTest, GroupsAreRankedAndHighlightKeepsTheOriginalSpelling) {
  const json::value body = server_->Get("/api/v1/search?q=karsiyaka").Json();
  ASSERT_FALSE(body.at("groups").as_array().empty());
  const json::value& first = body.at("groups").at(0);
  EXPECT_EQ(first.at("kind").as_string(), "cities");
  std::string marked;
  for (const json::value& segment :
       first.at("items").at(0).at("matches").at(0).at("segments").as_array()) {
    if (segment.at("match").as_bool()) marked = segment.at("text").as_string();
  }
  EXPECT_TRUE(marked == "Karşıyaka" || marked == "Karsiyaka") << marked;
}

TEST_F(ApiSearchTest, TheIndexFollowsEditsAndArchives) {
  const HttpResult created = server_->Post(
      "/api/v1/commitments",
      json::parse(
          std::string(R"({"partnership_id":")") +
          std::string(
              server_->Get("/api/v1/partnerships").Json().at("items").at(0).at("id").as_string()) +
          R"(","text":{"original":"tr","tr":"Kordon boyunca bisiklet turu"},"area":"sports","proposed_by_side":"home"})"));
  ASSERT_EQ(created.status, 201);
  const std::string id(created.Json().at("id").as_string());
  EXPECT_TRUE(Contains(Found("bisiklet", "commitments"), id));
  ASSERT_EQ(
      server_
          ->Request("PATCH", "/api/v1/commitments/" + id,
                    R"({"text":{"original":"tr","tr":"Körfez yüzme yarışı"}})", {"If-Match: \"1\""})
          .status,
      200);
  EXPECT_FALSE(Contains(Found("bisiklet", "commitments"), id));
  EXPECT_TRUE(Contains(Found("yuzme", "commitments"), id));
  ASSERT_EQ(server_->Request("DELETE", "/api/v1/commitments/" + id).status, 204);
  EXPECT_FALSE(Contains(Found("yuzme", "commitments"), id));
}

TEST_F(ApiSearchTest, RecordsAreRankedByBm25) {
  const std::string partnership(
      server_->Get("/api/v1/partnerships").Json().at("items").at(0).at("id").as_string());
  const auto commitment = [&](const std::string& text) {
    const HttpResult created = server_->Post(
        "/api/v1/commitments",
        json::parse(R"({"partnership_id":")" + partnership + R"(","text":{"original":"tr","tr":")" +
                    text + R"("},"area":"culture_arts","proposed_by_side":"home"})"));
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.Json().at("id").as_string());
  };
  // BM25: more occurrences in a text of the same length rank higher, and the same occurrences
  // in a shorter text rank higher.
  const std::string long_once =
      commitment("Kordon boyunca yürüyüş, çini atölyesi, müzik dinletisi ve akşam yemeği");
  const std::string twice = commitment("Çini sergisi ve çini atölyesi");
  const std::string short_once = commitment("Çini sergisi");
  const HttpResult result = server_->Get("/api/v1/search?q=cini&kind=commitments");
  ASSERT_EQ(result.status, 200) << result.body;
  const json::value body = result.Json();
  const json::value& items = body.at("groups").at(0).at("items");
  ASSERT_EQ(items.as_array().size(), 3u) << result.body;
  EXPECT_EQ(items.at(0).at("id").as_string(), twice);
  EXPECT_EQ(items.at(1).at("id").as_string(), short_once);
  EXPECT_EQ(items.at(2).at("id").as_string(), long_once);
  double previous = -1e9;
  for (const json::value& item : items.as_array()) {
    const double score = item.at("score").as_double();
    EXPECT_LT(score, 0.0) << "bm25 scores are negative, lower is better";
    EXPECT_GT(score, previous) << "best first";
    previous = score;
  }
}

TEST_F(ApiSearchTest, BadSearchRequestsAreNamed) {
  for (const auto& [path, field] : std::vector<std::pair<std::string, std::string>>{
           {"/api/v1/search", "q"},
           {"/api/v1/search?q=%20%3B", "q"},
           {"/api/v1/search?q=x&kind=spaceships", "kind"},
           {"/api/v1/search?q=x&lang=de", "lang"},
           {"/api/v1/search?q=x&accents=maybe", "accents"},
           {"/api/v1/search?q=x&page=2", "page"}}) {
    const HttpResult result = server_->Get(path);
    EXPECT_EQ(result.status, 400) << path;
    EXPECT_EQ(result.Json().at("problems").at(0).at("field").as_string(), field) << path;
  }
}

TEST_F(ApiSearchTest, ReindexRebuildsTheSameResults) {
  const auto before = Found("harbin", "events");
  std::string output;
  ASSERT_EQ(RunAmity({"reindex", "--db", server_->db_path()}, &output), 0) << output;
  EXPECT_NE(output.find("search index rebuilt"), std::string::npos);
  EXPECT_EQ(Found("harbin", "events"), before);
}

}  // namespace
}  // namespace amity::testing
