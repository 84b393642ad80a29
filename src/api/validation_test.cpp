#include "api/validation.h"

#include <gtest/gtest.h>

namespace amity::api {
namespace {
namespace json = boost::json;

json::object Parse(const char* text) {
  json::object out;
  EXPECT_TRUE(ParseObject(text, out).empty()) << text;
  return out;
}

struct Case {
  const char* name;
  const char* body;
  Mode mode;
  const char* want_field;  // "" = valid
  const char* want_code;
  int want_status;
};

TEST(ValidationTest, CityInputTable) {
  const Case cases[] = {
      {"valid",
       R"({"name":{"original":"tr","tr":"İzmir"},"country":"TR","time_zone":"Europe/Istanbul"})",
       Mode::kCreate, "", "", 0},
      {"missing country", R"({"name":{"tr":"İzmir"},"time_zone":"Europe/Istanbul"})", Mode::kCreate,
       "country", "required", 422},
      {"bad zone", R"({"name":{"tr":"İzmir"},"country":"TR","time_zone":"Mars/Olympus"})",
       Mode::kCreate, "time_zone", "invalid_time_zone", 422},
      {"unknown field", R"({"name":{"tr":"x"},"country":"TR","time_zone":"UTC","mayor":"x"})",
       Mode::kCreate, "mayor", "unknown_field", 400},
      {"read-only field", R"({"id":"x"})", Mode::kPatch, "id", "read_only", 400},
      {"wrong type", R"({"latitude":"38.4"})", Mode::kPatch, "latitude", "wrong_type", 400},
      {"out of range", R"({"latitude":91})", Mode::kPatch, "latitude", "out_of_range", 422},
      {"empty text", R"({"name":{"tr":"  "}})", Mode::kPatch, "name", "required", 422},
      {"original without value", R"({"name":{"original":"zh","tr":"İzmir"}})", Mode::kPatch,
       "name.original", "invalid_original", 422},
      {"unknown language", R"({"name":{"de":"Izmir"}})", Mode::kPatch, "name.de",
       "unknown_language", 422},
      {"clear required", R"({"country":null})", Mode::kPatch, "country", "required", 422},
      {"lower-case country", R"({"country":"tr"})", Mode::kPatch, "country", "invalid_country",
       422},
  };
  for (const Case& c : cases) {
    const Validated result = ValidateFields(domain::Cities(), Parse(c.body), c.mode);
    if (std::string(c.want_field).empty()) {
      EXPECT_TRUE(result.problems.empty()) << c.name << ": " << result.problems[0].field;
      continue;
    }
    ASSERT_FALSE(result.problems.empty()) << c.name;
    EXPECT_EQ(result.problems[0].field, c.want_field) << c.name;
    EXPECT_EQ(result.problems[0].code, c.want_code) << c.name;
    EXPECT_EQ(StatusFor(result.problems), c.want_status) << c.name;
  }
}

TEST(ValidationTest, NormalizesInstantsAndTexts) {
  const Validated result = ValidateFields(
      domain::Meetings(),
      Parse(
          R"({"starts_at":"2027-01-05T10:00:00+08:00","title":{"zh":"冰雪节","en":"Ice festival"}})"),
      Mode::kPatch);
  ASSERT_TRUE(result.problems.empty());
  EXPECT_EQ(result.fields.at("starts_at").as_string(), "2027-01-05T02:00:00Z");
  EXPECT_EQ(result.fields.at("title").as_object().at("original").as_string(), "zh");
}

TEST(ValidationTest, NestedListsReportPathsAndDuplicates) {
  const Validated result =
      ValidateFields(domain::Partnerships(),
                     Parse(R"({"milestones":[{"kind":"council_decision","date":"2027-01-10"},
                              {"kind":"council_decision","date":"2027-02-10"},
                              {"kind":"agreement_signed","date":"2027-02-30"}]})"),
                     Mode::kPatch);
  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_EQ(result.problems[0].field, "milestones[1]");
  EXPECT_EQ(result.problems[0].code, "duplicate");
  EXPECT_EQ(result.problems[1].field, "milestones[2].date");
}

TEST(ValidationTest, CollectsReferencesForTheDatabaseCheck) {
  const Validated result = ValidateFields(
      domain::Meetings(), Parse(R"({"partnership_id":"0191e4a0-0000-7000-8000-000000000001",
                "participants":[{"person_id":"0191e4a0-0000-7000-8000-000000000002","side":"home","role":"host"}]})"),
      Mode::kPatch);
  ASSERT_TRUE(result.problems.empty());
  ASSERT_EQ(result.references.size(), 2u);
  EXPECT_EQ(result.references[1].field, "participants[0].person_id");
  EXPECT_EQ(result.references[1].table, "people");
}

TEST(ValidationTest, RejectsMalformedBodies) {
  json::object out;
  EXPECT_EQ(ParseObject("{", out)[0].code, "malformed_json");
  EXPECT_EQ(ParseObject("[1]", out)[0].code, "not_object");
  EXPECT_EQ(ParseObject("{\"a\":\"\xff\"}", out)[0].code, "malformed_json");  // invalid UTF-8
}

}  // namespace
}  // namespace amity::api
