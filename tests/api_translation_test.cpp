// The translation workflow through the real server: per-language status, review after an edit
// of the original, and the per-language queue.
#include <gtest/gtest.h>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

class ApiTranslationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    partnership_ = std::string(
        server_.Get("/api/v1/partnerships").Json().at("items").at(0).at("id").as_string());
  }

  // The queue entries for `lang` that point at record `id`.
  std::vector<std::string> QueueStates(const std::string& lang, const std::string& id) {
    const HttpResult result = server_.Get("/api/v1/translations?lang=" + lang + "&limit=200");
    EXPECT_EQ(result.status, 200) << result.body;
    std::vector<std::string> states;
    const json::value body = result.Json();
    for (const json::value& item : body.at("items").as_array()) {
      if (item.at("id").as_string() == id) states.emplace_back(item.at("state").as_string());
    }
    return states;
  }

  TestServer server_{true};
  std::string partnership_;
};

TEST_F(ApiTranslationTest, TheDemoStartsReviewed) {
  EXPECT_EQ(server_.Get("/api/v1/translations?lang=zh").Json().at("total").as_int64(), 0);
}

TEST_F(ApiTranslationTest, FromMissingToReviewedAndBackAfterTheOriginalChanges) {
  const HttpResult created =
      server_.Post("/api/v1/commitments", {{"partnership_id", partnership_},
                                           {"text", {{"original", "tr"}, {"tr", "Gençlik kampı"}}},
                                           {"area", "youth"},
                                           {"proposed_by_side", "home"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id(created.Json().at("id").as_string());
  EXPECT_EQ(QueueStates("zh", id), std::vector<std::string>{"missing"});
  EXPECT_EQ(QueueStates("en", id), std::vector<std::string>{"missing"});
  EXPECT_TRUE(QueueStates("tr", id).empty()) << "the original needs no translation";

  // A translator adds Chinese: a human translation, not reviewed yet.
  HttpResult edited = server_.Request(
      "PATCH", "/api/v1/commitments/" + id,
      R"({"text":{"original":"tr","tr":"Gençlik kampı","zh":"青年营"}})", {"If-Match: \"1\""});
  ASSERT_EQ(edited.status, 200) << edited.body;
  json::value text = edited.Json().at("text");
  EXPECT_EQ(text.at("translations").at("zh").at("by").as_string(), "human");
  EXPECT_FALSE(text.at("translations").at("zh").at("reviewed").as_bool());
  EXPECT_EQ(QueueStates("zh", id), std::vector<std::string>{"unreviewed"});

  // A reviewer approves it.
  edited = server_.Request(
      "PATCH", "/api/v1/commitments/" + id,
      R"({"text":{"original":"tr","tr":"Gençlik kampı","zh":"青年营","translations":{"zh":{"by":"human","reviewed":true}}}})",
      {"If-Match: \"2\""});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_TRUE(QueueStates("zh", id).empty());

  // The author rewrites the Turkish original: the Chinese needs review again.
  edited = server_.Request("PATCH", "/api/v1/commitments/" + id,
                           R"({"text":{"original":"tr","tr":"Yaz gençlik kampı","zh":"青年营"}})",
                           {"If-Match: \"3\""});
  ASSERT_EQ(edited.status, 200) << edited.body;
  text = edited.Json().at("text");
  EXPECT_FALSE(text.at("translations").at("zh").at("reviewed").as_bool());
  EXPECT_EQ(QueueStates("zh", id), std::vector<std::string>{"unreviewed"});
}

TEST_F(ApiTranslationTest, BadTranslationStatusesAreNamed) {
  const std::string before = server_.Snapshot();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"zh":{"by":"robot"}})", "text.translations.zh.by"},
      {R"({"en":{"by":"human"}})", "text.translations.en"},  // no English value
      {R"({"tr":{"by":"human"}})", "text.translations.tr"},  // the original
      {R"({"zh":{"reviewed":"yes"}})", "text.translations.zh.reviewed"},
      {R"({"zh":{"by":"human","when":"now"}})", "text.translations.zh.when"},
  };
  for (const auto& [translations, field] : cases) {
    const HttpResult result = server_.Request(
        "POST", "/api/v1/commitments",
        R"({"partnership_id":")" + partnership_ +
            R"(","area":"youth","proposed_by_side":"home","text":{"original":"tr","tr":"Kamp","zh":"营","translations":)" +
            translations + "}}");
    EXPECT_GE(result.status, 400) << translations;
    EXPECT_LT(result.status, 500) << translations;
    EXPECT_EQ(result.Json().at("problems").at(0).at("field").as_string(), field) << result.body;
  }
  EXPECT_EQ(server_.Snapshot(), before);
  EXPECT_EQ(server_.Get("/api/v1/translations").status, 400) << "lang is required";
  EXPECT_EQ(server_.Get("/api/v1/translations?lang=de").status, 400);
}

}  // namespace
}  // namespace amity::testing
