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
  EXPECT_EQ(ParseObject("{} x", out)[0].code, "malformed_json");
  EXPECT_EQ(ParseObject("", out)[0].code, "malformed_json");
}

TEST(ValidationTest, ParsesObjectsAsBoostJsonDoes) {
  const char* body =
      R"( {"a": [1, -2, 3.5, 18446744073709551615, true, null, "x\u00e7", {"b": {}}, []],)"
      R"( "long \"key\" with escapes \u0130": {"c": [[{"d": "e"}]]}} )";
  json::object out;
  ASSERT_TRUE(ParseObject(body, out).empty());
  EXPECT_EQ(json::value(out), json::parse(body));
}

TEST(ValidationTest, DuplicateKeysAreNamedWithTheirPath) {
  const struct {
    const char* body;
    const char* field;
  } cases[] = {
      {R"({"a":1,"a":2})", "a"},
      {R"({"a":1,"b":{"c":1,"d":2,"c":3}})", "b.c"},
      {R"({"list":[{"x":1},{"y":[1,2]},{"z":1,"z":1}]})", "list[2].z"},
      {R"({"list":[[],[{"k":1}],[{"k":1},{"k":1,"k":2}]]})", "list[2][1].k"},
      {R"({"t\u0065xt":1,"text":2})", "text"},  // the same key, one written with an escape
      {R"({"a":{"x":1},"b":{"x":1},"a":{}})", "a"},
  };
  for (const auto& c : cases) {
    json::object out;
    const Problems problems = ParseObject(c.body, out);
    ASSERT_EQ(problems.size(), 1u) << c.body;
    EXPECT_EQ(problems[0].field, c.field) << c.body;
    EXPECT_EQ(problems[0].code, "duplicate_key") << c.body;
    EXPECT_EQ(StatusFor(problems), 400);
    EXPECT_TRUE(out.empty());
  }
  // The same key in different objects is no duplicate.
  json::object out;
  EXPECT_TRUE(ParseObject(R"({"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]})", out).empty());
}

TEST(ValidationTest, TextsRefuseControlCharactersAndDatesStayIn1900To2200) {
  const struct {
    const char* body;
    const char* field;
    const char* code;
  } cases[] = {
      {R"({"title":{"en":"Ice\u0000festival"}})", "title.en", "control_character"},
      {R"({"title":{"en":"Ice festival","zh":"\u001b冰雪节"}})", "title.zh", "control_character"},
      {R"({"venue":"Hall \u007f"})", "venue", "control_character"},
      {R"({"starts_at":"1899-12-31T23:59:59Z"})", "starts_at", "out_of_range"},
      {R"({"ends_at":"2201-01-01T03:00:00+03:00"})", "ends_at", "out_of_range"},
      {R"({"title":{"en":"Line\r\nbreak\tand tab"},"starts_at":"2200-12-31T23:59:59Z"})", "", ""},
  };
  for (const auto& c : cases) {
    const Validated result = ValidateFields(domain::Meetings(), Parse(c.body), Mode::kPatch);
    if (*c.field == '\0') {
      EXPECT_TRUE(result.problems.empty()) << c.body << ": " << result.problems[0].message;
      continue;
    }
    ASSERT_EQ(result.problems.size(), 1u) << c.body;
    EXPECT_EQ(result.problems[0].field, c.field) << c.body;
    EXPECT_EQ(result.problems[0].code, c.code) << c.body;
    EXPECT_EQ(StatusFor(result.problems), 422);
  }
  const Validated date =
      ValidateFields(domain::Commitments(), Parse(R"({"due_date":"0000-01-01"})"), Mode::kPatch);
  ASSERT_EQ(date.problems.size(), 1u);
  EXPECT_EQ(date.problems[0].message, "must lie between 1900-01-01 and 2200-12-31");
}

}  // namespace
}  // namespace amity::api
