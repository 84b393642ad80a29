// Bad input gets a clear error and loses nothing: each case checks the status, the problem
// body naming the field, and that the database is byte-for-byte unchanged. Also input that
// parsers and databases take but people never mean: duplicate JSON keys, control characters,
// dates centuries away, bodies that are not JSON, bodies whose errors would fill megabytes; on
// every JSON-body route (records, the batch of record writes, transitions and notes, sign-in,
// password, users, tokens).
#include <gtest/gtest.h>

#include <map>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

struct ErrorCase {
  const char* name;
  const char* method;
  const char* path;  // {P}, {C}, {M}, {IZMIR}, {HARBIN}, {PERSON} are replaced by demo ids
  std::string body;
  std::vector<std::string> headers;
  int want_status;
  const char* want_field;  // the field the first problem names; nullptr: no problems list needed
};

// An ErrorCase whose first problem must also have `want_code`.
struct CodedCase {
  const char* name;
  const char* method;
  const char* path;
  std::string body;
  std::vector<std::string> headers;
  int want_status;
  const char* want_field;
  const char* want_code;
};

class ApiErrorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(true);
    const auto first_id = [](const HttpResult& result) {
      return std::string(result.Json().at("items").at(0).at("id").as_string());
    };
    ids_["{P}"] = first_id(server_->Get("/api/v1/partnerships"));
    ids_["{C}"] = first_id(server_->Get("/api/v1/commitments?status=proposed"));
    ids_["{CP}"] = first_id(server_->Get("/api/v1/commitments?status=planned"));
    ids_["{M}"] = first_id(server_->Get("/api/v1/meetings"));
    ids_["{IZMIR}"] = first_id(server_->Get("/api/v1/cities?country=TR"));
    ids_["{HARBIN}"] = first_id(server_->Get("/api/v1/cities?country=CN"));
    ids_["{PERSON}"] = first_id(server_->Get("/api/v1/people"));
    ids_["{E}"] = first_id(server_->Get("/api/v1/events"));
    ids_["{U}"] = server_->admin().id;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string Fill(std::string text) {
    for (const auto& [key, id] : ids_) {
      for (size_t at = text.find(key); at != std::string::npos; at = text.find(key)) {
        text.replace(at, key.size(), id);
      }
    }
    return text;
  }

  // Sends `c` and expects it refused: its status, a problem body whose first problem names
  // `want_field` (and has `want_code`, when given), and a database byte-for-byte unchanged.
  static void ExpectRejected(const ErrorCase& c, const char* want_code = nullptr) {
    SCOPED_TRACE(c.name);
    const std::string before = server_->Snapshot();
    const HttpResult result = server_->Request(c.method, Fill(c.path), Fill(c.body), c.headers);
    EXPECT_EQ(result.status, c.want_status) << result.body;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json");
    const json::value problem = result.Json();
    ASSERT_TRUE(problem.is_object()) << result.body;
    EXPECT_EQ(problem.at("status").as_int64(), c.want_status);
    EXPECT_FALSE(problem.at("title").as_string().empty());
    if (c.want_field && std::string(c.want_field).size() > 0) {
      ASSERT_TRUE(problem.as_object().contains("problems")) << result.body;
      EXPECT_EQ(problem.at("problems").at(0).at("field").as_string(), c.want_field) << result.body;
      if (want_code) {
        EXPECT_EQ(problem.at("problems").at(0).at("code").as_string(), want_code) << result.body;
      }
    }
    EXPECT_EQ(server_->Snapshot(), before) << "the database changed";
  }

  static void ExpectRejected(const std::vector<CodedCase>& cases) {
    for (const CodedCase& c : cases) {
      ExpectRejected({c.name, c.method, c.path, c.body, c.headers, c.want_status, c.want_field},
                     c.want_code);
    }
  }

  static TestServer* server_;
  static std::map<std::string, std::string> ids_;
};

TestServer* ApiErrorsTest::server_ = nullptr;
std::map<std::string, std::string> ApiErrorsTest::ids_;

const std::string kCommitment =
    R"({"partnership_id":"{P}","text":{"original":"en","en":"Joint robotics camp"},"area":"youth","proposed_by_side":"home"})";

std::string WithField(const std::string& object, const std::string& member) {
  return object.substr(0, object.size() - 1) + "," + member + "}";
}

TEST_F(ApiErrorsTest, BadInputIsRejectedAndChangesNothing) {
  const std::string big(1024 * 1024 + 10, 'x');
  const std::vector<ErrorCase> cases = {
      {"malformed json", "POST", "/api/v1/commitments", "{\"partnership_id\": ", {}, 400, ""},
      {"not an object", "POST", "/api/v1/commitments", "[1,2]", {}, 400, ""},
      {"invalid utf-8",
       "POST",
       "/api/v1/cities",
       "{\"name\":{\"tr\":\"\xc4\x30zmir\"},\"country\":\"TR\",\"time_zone\":\"Europe/Istanbul\"}",
       {},
       400,
       ""},
      {"wrong type",
       "POST",
       "/api/v1/commitments",
       R"({"partnership_id":"{P}","text":"plain string","area":"youth","proposed_by_side":"home"})",
       {},
       400,
       "text"},
      {"unknown field",
       "POST",
       "/api/v1/commitments",
       WithField(kCommitment, R"("priority":1)"),
       {},
       400,
       "priority"},
      {"read-only status on create",
       "POST",
       "/api/v1/commitments",
       WithField(kCommitment, R"("status":"done")"),
       {},
       400,
       "status"},
      {"bad enum",
       "POST",
       "/api/v1/commitments",
       R"({"partnership_id":"{P}","text":{"en":"x"},"area":"space","proposed_by_side":"home"})",
       {},
       422,
       "area"},
      {"missing required",
       "POST",
       "/api/v1/commitments",
       R"({"partnership_id":"{P}","text":{"en":"x"},"area":"youth"})",
       {},
       422,
       "proposed_by_side"},
      {"dangling reference",
       "POST",
       "/api/v1/commitments",
       R"({"partnership_id":"0191e4a0-0000-7000-8000-000000000000","text":{"en":"x"},"area":"youth","proposed_by_side":"home"})",
       {},
       422,
       "partnership_id"},
      {"malformed id",
       "POST",
       "/api/v1/commitments",
       R"({"partnership_id":"nope","text":{"en":"x"},"area":"youth","proposed_by_side":"home"})",
       {},
       422,
       "partnership_id"},
      {"bad date",
       "POST",
       "/api/v1/commitments",
       WithField(kCommitment, R"("due_date":"2027-02-30")"),
       {},
       422,
       "due_date"},
      {"bad time zone",
       "POST",
       "/api/v1/cities",
       R"({"name":{"en":"Atlantis"},"country":"GR","time_zone":"Atlantic/Atlantis"})",
       {},
       422,
       "time_zone"},
      {"bad country",
       "POST",
       "/api/v1/cities",
       R"({"name":{"en":"Atlantis"},"country":"XX","time_zone":"Europe/Athens"})",
       {},
       422,
       "country"},
      {"text without language",
       "POST",
       "/api/v1/cities",
       R"({"name":{"original":"tr"},"country":"GR","time_zone":"Europe/Athens"})",
       {},
       422,
       "name"},
      {"meeting ends before it starts",
       "POST",
       "/api/v1/meetings",
       R"({"kind":"video_call","partnership_id":"{P}","title":{"en":"Call"},"starts_at":"2027-01-05T10:00:00+08:00","ends_at":"2027-01-05T09:00:00+08:00","time_zone":"Asia/Shanghai"})",
       {},
       422,
       "ends_at"},
      {"participant unknown person",
       "POST",
       "/api/v1/meetings",
       R"({"kind":"video_call","partnership_id":"{P}","title":{"en":"Call"},"starts_at":"2027-01-05T10:00:00+08:00","ends_at":"2027-01-05T11:00:00+08:00","time_zone":"Asia/Shanghai","participants":[{"person_id":"0191e4a0-0000-7000-8000-000000000000","side":"home","role":"host"}]})",
       {},
       422,
       "participants[0].person_id"},
      {"participant bad role",
       "POST",
       "/api/v1/meetings",
       R"({"kind":"video_call","partnership_id":"{P}","title":{"en":"Call"},"starts_at":"2027-01-05T10:00:00+08:00","ends_at":"2027-01-05T11:00:00+08:00","time_zone":"Asia/Shanghai","participants":[{"person_id":"{PERSON}","side":"home","role":"chef"}]})",
       {},
       422,
       "participants[0].role"},
      {"same city twice",
       "POST",
       "/api/v1/partnerships",
       R"({"home_city_id":"{IZMIR}","partner_city_id":"{IZMIR}"})",
       {},
       422,
       "partner_city_id"},
      {"turkish gate: signing without council and ministry",
       "POST",
       "/api/v1/partnerships",
       R"({"home_city_id":"{IZMIR}","partner_city_id":"{HARBIN}","tier":"sister_city","milestones":[{"kind":"agreement_signed","date":"2027-05-01"}]})",
       {},
       422,
       "milestones"},
      {"duplicate milestone",
       "PATCH",
       "/api/v1/partnerships/{P}",
       R"({"milestones":[{"kind":"council_decision","date":"2027-01-10"},{"kind":"council_decision","date":"2027-01-11"}]})",
       {"If-Match: \"1\""},
       422,
       "milestones[1]"},
      {"oversize body", "POST", "/api/v1/commitments", "{\"x\":\"" + big + "\"}", {}, 413, ""},
      {"patch without If-Match",
       "PATCH",
       "/api/v1/commitments/{C}",
       R"({"due_date":"2027-12-31"})",
       {},
       428,
       "If-Match"},
      {"patch with stale version",
       "PATCH",
       "/api/v1/commitments/{C}",
       R"({"due_date":"2027-12-31"})",
       {"If-Match: \"99\""},
       412,
       "If-Match"},
      {"patch with malformed If-Match",
       "PATCH",
       "/api/v1/commitments/{C}",
       R"({"due_date":"2027-12-31"})",
       {"If-Match: soon"},
       400,
       "If-Match"},
      {"patch read-only status",
       "PATCH",
       "/api/v1/commitments/{C}",
       R"({"status":"done"})",
       {"If-Match: \"1\""},
       400,
       "status"},
      {"patch clears required",
       "PATCH",
       "/api/v1/commitments/{C}",
       R"({"area":null})",
       {"If-Match: \"1\""},
       422,
       "area"},
      {"transition backwards",
       "POST",
       "/api/v1/commitments/{CP}/transitions",
       R"({"to":"agreed"})",
       {},
       422,
       "to"},
      {"transition to same",
       "POST",
       "/api/v1/commitments/{C}/transitions",
       R"({"to":"proposed"})",
       {},
       422,
       "to"},
      {"drop without note",
       "POST",
       "/api/v1/commitments/{C}/transitions",
       R"({"to":"dropped"})",
       {},
       422,
       "note"},
      {"transition unknown status",
       "POST",
       "/api/v1/commitments/{C}/transitions",
       R"({"to":"finished"})",
       {},
       422,
       "to"},
      {"transition unknown field",
       "POST",
       "/api/v1/commitments/{C}/transitions",
       R"({"to":"agreed","by":"me"})",
       {},
       400,
       "by"},
      {"note blank", "POST", "/api/v1/commitments/{C}/notes", R"({"note":"  "})", {}, 422, "note"},
      {"event links unknown commitment",
       "PATCH",
       "/api/v1/events/{E}",
       R"({"commitment_ids":["0191e4a0-0000-7000-8000-000000000000"]})",
       {"If-Match: \"1\""},
       422,
       "commitment_ids[0]"},
      {"unknown route", "GET", "/api/v1/nothing", "", {}, 404, ""},
      {"unknown record",
       "GET",
       "/api/v1/commitments/0191e4a0-0000-7000-8000-000000000000",
       "",
       {},
       404,
       "id"},
      {"not an id", "DELETE", "/api/v1/cities/12", "", {}, 404, "id"},
      {"wrong method", "PUT", "/api/v1/commitments/{C}", "{}", {}, 405, ""},
      {"unknown query parameter", "GET", "/api/v1/commitments?colour=red", "", {}, 400, "colour"},
      {"bad filter value", "GET", "/api/v1/commitments?status=finished", "", {}, 400, "status"},
      {"bad sort", "GET", "/api/v1/commitments?sort=text", "", {}, 400, "sort"},
      {"limit too large", "GET", "/api/v1/commitments?limit=5000", "", {}, 400, "limit"},
      {"bad escape", "GET", "/api/v1/commitments?status=%zz", "", {}, 400, ""},
  };
  for (const ErrorCase& c : cases) ExpectRejected(c);
}

TEST_F(ApiErrorsTest, WrongMethodNamesTheAllowedOnes) {
  const HttpResult result = server_->Request("PUT", Fill("/api/v1/commitments/{C}"), "{}");
  EXPECT_EQ(result.status, 405);
  EXPECT_EQ(result.Header("allow"), "GET, PATCH, DELETE");
}

TEST_F(ApiErrorsTest, TheTurkishGateNamesWhatIsMissing) {
  const HttpResult result = server_->Request(
      "PATCH", Fill("/api/v1/partnerships/{P}"),
      R"({"tier":"sister_city","milestones":[{"kind":"council_decision","date":"2027-01-10","reference":"2027/15"},{"kind":"agreement_signed","date":"2027-05-01"}]})",
      {"If-Match: \"1\""});
  ASSERT_EQ(result.status, 422) << result.body;
  const json::value body = result.Json();
  const json::array& problems = body.at("problems").as_array();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].at("code").as_string(), "missing_ministry_permission");
}

const char kAnonymous[] = "Authorization:";

TEST_F(ApiErrorsTest, DuplicateKeysAreRefusedNamingTheKey) {
  const std::vector<CodedCase> cases = {
      {"top level, through the batch of record writes",
       "POST",
       "/api/v1/commitments",
       R"({"partnership_id":"{P}","text":{"en":"Robotics camp"},"area":"youth","area":"music","proposed_by_side":"home"})",
       {},
       400,
       "area",
       "duplicate_key"},
      {"inside a text",
       "POST",
       "/api/v1/commitments",
       R"({"partnership_id":"{P}","text":{"en":"Robotics camp","en":""},"area":"youth","proposed_by_side":"home"})",
       {},
       400,
       "text.en",
       "duplicate_key"},
      {"inside a list",
       "PATCH",
       "/api/v1/partnerships/{P}",
       R"({"milestones":[{"kind":"council_decision","date":"2027-01-10"},{"kind":"partner_approval","date":"2027-01-11","date":"2037-01-11"}]})",
       {"If-Match: \"1\""},
       400,
       "milestones[1].date",
       "duplicate_key"},
      {"written with an escape",
       "PATCH",
       "/api/v1/cities/{IZMIR}",
       R"({"latitude":38.4,"l\u0061titude":0})",
       {"If-Match: \"1\""},
       400,
       "latitude",
       "duplicate_key"},
      {"transition",
       "POST",
       "/api/v1/commitments/{C}/transitions",
       R"({"to":"agreed","to":"dropped"})",
       {},
       400,
       "to",
       "duplicate_key"},
      {"note",
       "POST",
       "/api/v1/commitments/{C}/notes",
       R"({"note":"a","note":"b"})",
       {},
       400,
       "note",
       "duplicate_key"},
      {"sign-in",
       "POST",
       "/api/v1/session",
       R"({"email":"admin@amity.test","email":"x@amity.test","password":"x"})",
       {kAnonymous},
       400,
       "email",
       "duplicate_key"},
      {"password",
       "POST",
       "/api/v1/session/password",
       R"({"current_password":"a","new_password":"b","new_password":"c"})",
       {},
       400,
       "new_password",
       "duplicate_key"},
      {"new user",
       "POST",
       "/api/v1/users",
       R"({"email":"dup@amity.test","role":"viewer","role":"admin"})",
       {},
       400,
       "role",
       "duplicate_key"},
      {"user change",
       "PATCH",
       "/api/v1/users/{U}",
       R"({"disabled":false,"disabled":true})",
       {"If-Match: \"1\""},
       400,
       "disabled",
       "duplicate_key"},
      {"token",
       "POST",
       "/api/v1/tokens",
       R"({"name":"a","name":"b"})",
       {},
       400,
       "name",
       "duplicate_key"},
  };
  ExpectRejected(cases);
}

TEST_F(ApiErrorsTest, ControlCharactersInTextAreRefusedNamingTheField) {
  const std::vector<CodedCase> cases = {
      {"NUL in a translatable text",
       "POST",
       "/api/v1/commitments",
       R"({"partnership_id":"{P}","text":{"en":"Robotics\u0000camp"},"area":"youth","proposed_by_side":"home"})",
       {},
       422,
       "text.en",
       "control_character"},
      {"escape in a city's name",
       "PATCH",
       "/api/v1/cities/{IZMIR}",
       R"({"name":{"tr":"\u001b[31mİzmir"}})",
       {"If-Match: \"1\""},
       422,
       "name.tr",
       "control_character"},
      {"DEL in a plain string",
       "POST",
       "/api/v1/organizations",
       R"({"name":{"en":"Robotics club"},"kind":"ngo","city_id":"{IZMIR}","website":"https://example.org/\u007f"})",
       {},
       422,
       "website",
       "control_character"},
      {"raw DEL byte in a plain string",
       "POST",
       "/api/v1/organizations",
       "{\"name\":{\"en\":\"Robotics club\"},\"kind\":\"ngo\",\"city_id\":\"{IZMIR}\","
       "\"website\":\"https://example.org/\x7f\"}",
       {},
       422,
       "website",
       "control_character"},
      {"note",
       "POST",
       "/api/v1/commitments/{C}/notes",
       R"({"note":"done\u0007"})",
       {},
       422,
       "note",
       "control_character"},
      {"transition note",
       "POST",
       "/api/v1/commitments/{C}/transitions",
       R"({"to":"dropped","note":"\u0000"})",
       {},
       422,
       "note",
       "control_character"},
      {"user's name",
       "POST",
       "/api/v1/users",
       R"({"email":"ctl@amity.test","role":"viewer","display_name":"Ay\u0000şe"})",
       {},
       422,
       "display_name",
       "control_character"},
      {"user's e-mail",
       "POST",
       "/api/v1/users",
       R"({"email":"ctl\u0000@amity.test","role":"viewer"})",
       {},
       422,
       "email",
       "control_character"},
      {"token name",
       "POST",
       "/api/v1/tokens",
       R"({"name":"ci\u0008"})",
       {},
       422,
       "name",
       "control_character"},
      {"sign-in e-mail (kept in the security log)",
       "POST",
       "/api/v1/session",
       R"({"email":"admin@amity.test\u0000","password":"x"})",
       {kAnonymous},
       422,
       "email",
       "control_character"},
  };
  ExpectRejected(cases);
}

TEST_F(ApiErrorsTest, TabsAndLineBreaksStayAllowed) {
  const HttpResult created = server_->Request(
      "POST", "/api/v1/commitments",
      Fill(
          R"({"partnership_id":"{P}","text":{"en":"Line one\r\nline two\n\tindented"},"area":"youth","proposed_by_side":"home"})"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("text").at("en").as_string(), "Line one\r\nline two\n\tindented");
}

TEST_F(ApiErrorsTest, DatesAndInstantsLieBetween1900And2200) {
  const std::vector<CodedCase> cases = {
      {"year zero",
       "PATCH",
       "/api/v1/commitments/{C}",
       R"({"due_date":"0000-01-01"})",
       {"If-Match: \"1\""},
       422,
       "due_date",
       "out_of_range"},
      {"after 2200",
       "PATCH",
       "/api/v1/commitments/{C}",
       R"({"due_date":"2201-01-01"})",
       {"If-Match: \"1\""},
       422,
       "due_date",
       "out_of_range"},
      {"a milestone in 1850",
       "PATCH",
       "/api/v1/partnerships/{P}",
       R"({"milestones":[{"kind":"council_decision","date":"1850-01-10"}]})",
       {"If-Match: \"1\""},
       422,
       "milestones[0].date",
       "out_of_range"},
      {"an instant before 1900 in UTC",
       "POST",
       "/api/v1/meetings",
       R"({"kind":"video_call","partnership_id":"{P}","title":{"en":"Call"},"starts_at":"1900-01-01T07:00:00+08:00","ends_at":"2027-01-05T11:00:00+08:00","time_zone":"Asia/Shanghai"})",
       {},
       422,
       "starts_at",
       "out_of_range"},
      {"a token until 9999",
       "POST",
       "/api/v1/tokens",
       R"({"name":"forever","expires_at":"9999-12-31T00:00:00Z"})",
       {},
       422,
       "expires_at",
       "out_of_range"},
  };
  ExpectRejected(cases);
  const HttpResult result = server_->Request("PATCH", Fill("/api/v1/commitments/{C}"),
                                             R"({"due_date":"0000-01-01"})", {"If-Match: \"1\""});
  EXPECT_NE(result.body.find("must lie between 1900-01-01 and 2200-12-31"), std::string::npos)
      << result.body;
  // The ends of the range are inside it.
  for (const char* date : {"1900-01-01", "2200-12-31"}) {
    const HttpResult edge = server_->Request(
        "POST", "/api/v1/commitments",
        Fill(std::string(R"({"partnership_id":"{P}","text":{"en":"Edge"},"area":"youth",)") +
             R"("proposed_by_side":"home","due_date":")" + date + "\"}"));
    EXPECT_EQ(edge.status, 201) << date << ": " << edge.body;
  }
}

TEST_F(ApiErrorsTest, BodiesMustBeJson) {
  const std::string commitment =
      R"({"partnership_id":"{P}","text":{"en":"Robotics camp"},"area":"youth","proposed_by_side":"home"})";
  const std::vector<CodedCase> cases = {
      {"record create as text",
       "POST",
       "/api/v1/commitments",
       commitment,
       {"Content-Type: text/plain"},
       415,
       "Content-Type",
       "unsupported_media_type"},
      {"record create without a type",
       "POST",
       "/api/v1/commitments",
       commitment,
       {"Content-Type:"},
       415,
       "Content-Type",
       "unsupported_media_type"},
      {"record patch as a form",
       "PATCH",
       "/api/v1/commitments/{C}",
       R"({"due_date":"2027-12-31"})",
       {"If-Match: \"1\"", "Content-Type: application/x-www-form-urlencoded"},
       415,
       "Content-Type",
       "unsupported_media_type"},
      {"transition",
       "POST",
       "/api/v1/commitments/{C}/transitions",
       R"({"to":"agreed"})",
       {"Content-Type: text/plain"},
       415,
       "Content-Type",
       "unsupported_media_type"},
      {"token",
       "POST",
       "/api/v1/tokens",
       R"({"name":"ci"})",
       {"Content-Type: text/json"},
       415,
       "Content-Type",
       "unsupported_media_type"},
      {"user",
       "POST",
       "/api/v1/users",
       R"({"email":"form@amity.test","role":"viewer"})",
       {"Content-Type: multipart/form-data; boundary=x"},
       415,
       "Content-Type",
       "unsupported_media_type"},
      {"sign-in",
       "POST",
       "/api/v1/session",
       R"({"email":"a@amity.test","password":"x"})",
       {kAnonymous, "Content-Type: text/plain"},
       415,
       "Content-Type",
       "unsupported_media_type"},
  };
  ExpectRejected(cases);
  // The media type is compared without regard to case or parameters.
  const HttpResult typed = server_->Request("POST", "/api/v1/commitments", Fill(commitment),
                                            {"Content-Type: Application/JSON; charset=utf-8"});
  EXPECT_EQ(typed.status, 201) << typed.body;
}

TEST_F(ApiErrorsTest, ThousandsOfProblemsAnswerTheFirstHundredAndACount) {
  std::string body = "{";
  for (int i = 0; i < 20000; ++i) body += "\"unknown_" + std::to_string(i) + "\":0,";
  body.back() = '}';
  const std::string before = server_->Snapshot();
  const HttpResult result = server_->Request("POST", "/api/v1/commitments", body);
  EXPECT_EQ(result.status, 400);
  const json::value problem = result.Json();
  ASSERT_TRUE(problem.is_object()) << result.body.substr(0, 500);
  // 20,000 unknown fields and the four required ones that are missing.
  EXPECT_EQ(problem.at("problems").as_array().size(), 100u);
  EXPECT_EQ(problem.at("problems_omitted").as_int64(), 20004 - 100);
  EXPECT_EQ(problem.at("problems").at(0).at("field").as_string(), "unknown_0");
  EXPECT_LT(result.body.size(), 16000u);
  EXPECT_EQ(server_->Snapshot(), before);
  // A short list has no count.
  const HttpResult few = server_->Request("POST", "/api/v1/commitments", R"({"a":1})");
  EXPECT_FALSE(few.Json().as_object().contains("problems_omitted")) << few.body;
}

}  // namespace
}  // namespace amity::testing
