// The demo's exchange applications through the real server. Their documents: an officer uploads a
// transcript (tus), lists and downloads it; it is personal data whatever the upload said; viewers
// read but do not add; a partner user of the agreement's partnership gets 404 for the list, the
// file and its bytes, and cannot attach to the application; nobody finds it on the portal; nothing
// reaches a withdrawn application. Late changes: the demo's İzmir → Harbin call has closed, so a
// change needs a reason and is recorded as late with who and when, as is a withdrawal. The demo's
// locked run has sent its nominations, some accepted and one rejected with a reason.
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "federation/signature.h"
#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

class ApiExchangeApplicationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(true);
    const json::value agreements = server_->Get("/api/v1/exchange-agreements").Json();
    const json::value& agreement = agreements.at("items").at(0);
    const std::string agreement_id(agreement.at("id").as_string());
    const std::string partnership(agreement.at("partnership_id").as_string());
    agreement_ = agreement_id;
    const json::value calls =
        server_->Get("/api/v1/exchange-agreements/" + agreement_id + "/calls").Json();
    for (const json::value& call : calls.at("items").as_array()) {
      if (call.at("direction").as_string() == "home_to_partner") {
        closed_call_ = std::string(call.at("id").as_string());
      }
    }
    const json::value applications =
        server_->Get("/api/v1/exchange-calls/" + closed_call_ + "/applications").Json();
    std::vector<std::string*> wanted{&application_, &other_application_, &late_application_};
    for (const json::value& application : applications.at("items").as_array()) {
      if (wanted.empty()) break;
      if (application.at("status").as_string() == "withdrawn") continue;
      *wanted.front() = std::string(application.at("id").as_string());
      wanted.erase(wanted.begin());
    }
    officer_ = server_->AddUser("officer@documents.test", "officer");
    viewer_ = server_->AddUser("viewer@documents.test", "viewer");
    partner_ = server_->AddUser("partner@documents.test", "partner", {partnership});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Starts a tus upload of `length` bytes to the application `holder_id` as `user`.
  static HttpResult Create(const TestUser& user, const std::string& holder_id, size_t length,
                           const std::string& extra = "") {
    return server_->Request(
        "POST", "/api/v1/uploads", "",
        {user.Bearer(), "Tus-Resumable: 1.0.0", "Upload-Length: " + std::to_string(length),
         "Upload-Metadata: filename " + federation::Base64("Not dökümü 成绩单.pdf") + ",holder " +
             federation::Base64("exchange_applications") + ",holder_id " +
             federation::Base64(holder_id) + extra});
  }

  // Uploads `bytes` whole as `user`; returns the new file's id ("" on failure).
  static std::string Upload(const TestUser& user, const std::string& holder_id,
                            const std::string& bytes, const std::string& extra = "") {
    const HttpResult created = Create(user, holder_id, bytes.size(), extra);
    EXPECT_EQ(created.status, 201) << created.body;
    if (created.status != 201) return "";
    const HttpResult done =
        server_->Request("PATCH", created.Header("location"), bytes,
                         {user.Bearer(), "Tus-Resumable: 1.0.0",
                          "Content-Type: application/offset+octet-stream", "Upload-Offset: 0"});
    EXPECT_EQ(done.status, 204) << done.body;
    return done.Header("amity-file-id");
  }

  static HttpResult Get(const TestUser& user, const std::string& path) {
    return server_->Request("GET", path, "", {user.Bearer()});
  }

  static std::string FilesPath(const std::string& application) {
    return "/api/v1/exchange-applications/" + application + "/files";
  }

  static std::string Transcript() {
    return "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n% Transkript 3.47/4.00\ntrailer\n<< >>\n%%EOF\n";
  }

  static TestServer* server_;
  static std::string agreement_, closed_call_;
  static std::string application_, other_application_, late_application_;
  static TestUser officer_, viewer_, partner_;
};

TestServer* ApiExchangeApplicationsTest::server_ = nullptr;
std::string ApiExchangeApplicationsTest::agreement_, ApiExchangeApplicationsTest::closed_call_;
std::string ApiExchangeApplicationsTest::application_,
    ApiExchangeApplicationsTest::other_application_, ApiExchangeApplicationsTest::late_application_;
TestUser ApiExchangeApplicationsTest::officer_, ApiExchangeApplicationsTest::viewer_,
    ApiExchangeApplicationsTest::partner_;

TEST_F(ApiExchangeApplicationsTest, AnOfficerUploadsListsAndDownloadsPersonalData) {
  ASSERT_FALSE(application_.empty());
  const std::string pdf = Transcript();
  // The upload says it is not personal data: an application's documents are, all the same.
  const std::string id =
      Upload(officer_, application_, pdf, ",personal_data " + federation::Base64("false"));
  ASSERT_FALSE(id.empty());
  const HttpResult listed = Get(officer_, FilesPath(application_));
  ASSERT_EQ(listed.status, 200) << listed.body;
  const json::value items = listed.Json().at("items");
  ASSERT_EQ(items.as_array().size(), 1u);
  const json::value& file = items.at(0);
  EXPECT_EQ(file.at("id").as_string(), id);
  EXPECT_EQ(file.at("holder").as_string(), "exchange_applications");
  EXPECT_EQ(file.at("holder_id").as_string(), application_);
  EXPECT_EQ(file.at("name").as_string(), "Not dökümü 成绩单.pdf");
  EXPECT_TRUE(file.at("personal_data").as_bool());
  EXPECT_TRUE(file.at("may_remove").as_bool());
  const HttpResult bytes = Get(officer_, "/api/v1/files/" + id + "/content");
  ASSERT_EQ(bytes.status, 200);
  EXPECT_EQ(bytes.body, pdf);
  EXPECT_EQ(bytes.Header("cache-control"), "private, no-cache");
  // Another application's list does not show it.
  EXPECT_TRUE(Get(officer_, FilesPath(other_application_)).Json().at("items").as_array().empty());

  // Viewers read it but neither add nor remove.
  const HttpResult seen = Get(viewer_, FilesPath(application_));
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_FALSE(seen.Json().at("items").at(0).at("may_remove").as_bool());
  EXPECT_EQ(Get(viewer_, "/api/v1/files/" + id + "/content").status, 200);
  const std::string before = server_->Snapshot();
  EXPECT_EQ(Create(viewer_, application_, pdf.size()).status, 403);
  EXPECT_EQ(
      server_->Request("DELETE", "/api/v1/files/" + id, "", {viewer_.Bearer(), "If-Match: \"1\""})
          .status,
      403);
  EXPECT_EQ(server_->Snapshot(), before);

  // The officer removes it.
  ASSERT_EQ(
      server_->Request("DELETE", "/api/v1/files/" + id, "", {officer_.Bearer(), "If-Match: \"1\""})
          .status,
      204);
  EXPECT_TRUE(Get(officer_, FilesPath(application_)).Json().at("items").as_array().empty());
}

TEST_F(ApiExchangeApplicationsTest, APartnerUserAndTheAnonymousNeverSeeThem) {
  const std::string id = Upload(officer_, other_application_, Transcript());
  ASSERT_FALSE(id.empty());
  for (const std::string& path :
       {FilesPath(other_application_), "/api/v1/files/" + id, "/api/v1/files/" + id + "/content",
        "/api/v1/files/" + id + "/thumbnail", FilesPath("01900000-0000-7000-8000-000000000000")}) {
    const HttpResult result = Get(partner_, path);
    EXPECT_EQ(result.status, 404) << path << " " << result.body;
    EXPECT_EQ(result.Header("content-type"), "application/problem+json") << path;
    EXPECT_EQ(result.body.find("成绩单"), std::string::npos) << path;
  }
  // Not on the portal, whoever asks; without a session the API answers nothing of it.
  for (const std::string& path : {"/public/files/" + id, "/public/files/" + id + "/thumbnail"}) {
    EXPECT_EQ(server_->Request("GET", path, "", {"Authorization:"}).status, 404) << path;
    EXPECT_EQ(Get(officer_, path).status, 404) << path;
  }
  const HttpResult anonymous =
      server_->Request("GET", "/api/v1/files/" + id + "/content", "", {"Authorization:"});
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_NE(anonymous.body, Transcript());
  // A partner user cannot attach a file either: the application is unknown to them.
  const std::string before = server_->Snapshot();
  const HttpResult refused = Create(partner_, other_application_, 100);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("problems").at(0).at("field").as_string(), "holder_id");
  EXPECT_EQ(refused.Json().at("problems").at(0).at("code").as_string(), "unknown_reference");
  EXPECT_EQ(server_->Snapshot(), before);
}

TEST_F(ApiExchangeApplicationsTest, AWithdrawnApplicationTakesNoMoreDocuments) {
  const std::string path = "/api/v1/exchange-applications/" + other_application_;
  ASSERT_EQ(server_
                ->Request("POST", path + "/withdrawal", json::serialize(json::object{}),
                          {officer_.Bearer(), "Content-Type: application/json"})
                .status,
            200);
  const std::string before = server_->Snapshot();
  const HttpResult refused = Create(officer_, other_application_, 100);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.Json().at("problems").at(0).at("code").as_string(), "withdrawn");
  EXPECT_EQ(server_->Snapshot(), before);
}

TEST_F(ApiExchangeApplicationsTest, ALateChangeNeedsAReasonAndIsRecordedWithWhoAndWhen) {
  const std::string path = "/api/v1/exchange-applications/" + late_application_;
  const HttpResult call = Get(officer_, "/api/v1/exchange-calls/" + closed_call_);
  ASSERT_EQ(call.Json().at("window").as_string(), "closed");
  const auto send = [&](const std::string& method, const std::string& to, const json::object& body,
                        const std::string& version) {
    std::vector<std::string> headers{officer_.Bearer(), "Content-Type: application/json"};
    if (!version.empty()) headers.push_back("If-Match: \"" + version + "\"");
    return server_->Request(method, to, json::serialize(body), headers);
  };
  // Without a reason: refused on the field, nothing changed.
  const std::string before = server_->Snapshot();
  const HttpResult refused = send("PATCH", path, {{"language_score", 91.5}}, "1");
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.Json().at("problems").at(0).at("field").as_string(), "reason");
  EXPECT_EQ(refused.Json().at("problems").at(0).at("code").as_string(), "required");
  EXPECT_EQ(server_->Snapshot(), before);

  const std::string why = "Dil belgesi kapanıştan önce verilmişti; puan yanlış girilmiş";
  const HttpResult changed = send("PATCH", path, {{"language_score", 91.5}, {"reason", why}}, "1");
  ASSERT_EQ(changed.status, 200) << changed.body;
  const json::value application = changed.Json();
  EXPECT_EQ(application.at("language_score").as_double(), 91.5);
  const json::array& history = application.at("history").as_array();
  const json::value& late = history.back();
  EXPECT_EQ(late.at("kind").as_string(), "changed");
  EXPECT_TRUE(late.at("late").as_bool());
  EXPECT_EQ(late.at("user_email").as_string(), "officer@documents.test");
  EXPECT_EQ(late.at("reason").as_string(), why);
  EXPECT_EQ(late.at("fields"), json::value(json::array{"language_score"}));
  EXPECT_FALSE(late.at("at").as_string().empty());
  // The submission on the demo's application day was not late.
  EXPECT_FALSE(history.front().at("late").as_bool());

  // A withdrawal after the closing is late too, with its reason.
  const HttpResult withdrawn =
      send("POST", path + "/withdrawal", {{"reason", "Öğrenci vazgeçti"}}, "");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  const json::value last = withdrawn.Json().at("history").as_array().back();
  EXPECT_EQ(last.at("kind").as_string(), "withdrawn");
  EXPECT_TRUE(last.at("late").as_bool());
  EXPECT_EQ(last.at("user_email").as_string(), "officer@documents.test");
  // A partner user reads none of it.
  EXPECT_EQ(Get(partner_, path).status, 404);
}

TEST_F(ApiExchangeApplicationsTest, TheDemoNominatedItsLockedRunAndHarbinDecided) {
  const json::value runs = Get(officer_, "/api/v1/exchange-calls/" + closed_call_ + "/runs").Json();
  ASSERT_FALSE(runs.at("items").as_array().empty());
  const json::value& run = runs.at("items").at(0);
  EXPECT_FALSE(run.at("locked_at").is_null());
  const HttpResult sent = Get(
      officer_, "/api/v1/exchange-runs/" + std::string(run.at("id").as_string()) + "/nominations");
  ASSERT_EQ(sent.status, 200) << sent.body;
  // What the partner user sees of the agreement: the same nominations, decided by the host side.
  const HttpResult seen =
      Get(partner_, "/api/v1/exchange-agreements/" + agreement_ + "/nominations");
  ASSERT_EQ(seen.status, 200) << seen.body;
  std::map<std::string, int> by_status;
  std::string rejection;
  const json::value nominations = seen.Json();
  for (const json::value& n : nominations.at("items").as_array()) {
    ++by_status[std::string(n.at("status").as_string())];
    EXPECT_EQ(n.at("personal_data").as_string(), "shared_on_purpose");
    if (n.at("status").as_string() == "rejected") rejection = n.at("reason").as_string();
  }
  EXPECT_EQ(by_status["accepted"], 2) << seen.body;
  EXPECT_EQ(by_status["rejected"], 1) << seen.body;
  EXPECT_GE(by_status["sent"], 1) << seen.body;
  EXPECT_EQ(nominations.at("items").as_array().size(), sent.Json().at("items").as_array().size());
  EXPECT_NE(rejection.find("名额已满"), std::string::npos) << rejection;
}

}  // namespace
}  // namespace amity::testing
