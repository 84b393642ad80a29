// Machine translation against a LibreTranslate-compatible server of our own on loopback
// (tests/fake_libretranslate.mjs): missing languages are filled in the background, marked
// machine and unreviewed, with glossary terms kept in their fixed renderings; the key never
// reaches the logs.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

class FakeTranslator {
 public:
  explicit FakeTranslator(const std::string& key) : port_(FreePort()) {
    pid_ = fork();
    if (pid_ == 0) {
      setenv("FAKE_TRANSLATE_KEY", key.c_str(), 1);
      freopen("/dev/null", "w", stdout);
      execlp("node", "node", AMITY_FAKE_TRANSLATOR, std::to_string(port_).c_str(),
             static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 200 && !PortOpen(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    if (PortOpen(port_)) return;
    ADD_FAILURE() << "fake translator did not start";
  }
  ~FakeTranslator() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int port_;
  pid_t pid_ = -1;
};

// Polls the commitment until its text has `lang` (or gives up after ~15 s).
json::value WaitForLanguage(const TestServer& server, const std::string& id, const char* lang,
                            int tries = 300) {
  json::value text;
  for (int i = 0; i < tries; ++i) {
    text = server.Get("/api/v1/commitments/" + id).Json().at("text");
    if (text.as_object().contains(lang)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return text;
}

std::string CreateTurkishCommitment(const TestServer& server, const char* text) {
  const std::string partnership(
      server.Get("/api/v1/partnerships").Json().at("items").at(0).at("id").as_string());
  const HttpResult created =
      server.Post("/api/v1/commitments", {{"partnership_id", partnership},
                                          {"text", {{"original", "tr"}, {"tr", text}}},
                                          {"area", "technology_ai"},
                                          {"proposed_by_side", "home"}});
  EXPECT_EQ(created.status, 201) << created.body;
  return std::string(created.Json().at("id").as_string());
}

TEST(MachineTranslationTest, FillsMissingLanguagesKeepingGlossaryTerms) {
  FakeTranslator translator("s3cret-key");
  TestServer server(true,
                    {"AMITY_TRANSLATE_URL=" + translator.url(), "AMITY_TRANSLATE_KEY=s3cret-key"});
  const std::string id =
      CreateTurkishCommitment(server, "İzmir Büyükşehir Belediyesi ile yapay zekâ atölyesi");
  const json::value text = WaitForLanguage(server, id, "zh");
  ASSERT_TRUE(text.as_object().contains("zh")) << json::serialize(text);
  EXPECT_EQ(text.at("zh").as_string(), "[zh] 伊兹密尔大都市市政府 ile yapay zekâ atölyesi");
  EXPECT_EQ(text.at("translations").at("zh").at("by").as_string(), "machine");
  EXPECT_FALSE(text.at("translations").at("zh").at("reviewed").as_bool());
  const json::value english = WaitForLanguage(server, id, "en");
  EXPECT_EQ(english.at("en").as_string(),
            "[en] İzmir Metropolitan Municipality ile yapay zekâ atölyesi");
  EXPECT_EQ(english.at("tr").as_string(), "İzmir Büyükşehir Belediyesi ile yapay zekâ atölyesi");
  // The change trail names the machine as the author of the translation.
  const json::value trail = server.Get("/api/v1/changes?record_id=" + id).Json();
  EXPECT_EQ(trail.at("items").at(0).at("actor").as_string(), "machine-translation");
  server.Stop();
  EXPECT_EQ(ReadFile(server.folder() + "/server.err").find("s3cret-key"), std::string::npos);
  EXPECT_EQ(ReadFile(server.folder() + "/server.log").find("s3cret-key"), std::string::npos);
}

TEST(MachineTranslationTest, AWrongKeyIsReportedWithoutTheKeyAndChangesNothing) {
  FakeTranslator translator("right-key");
  TestServer server(
      true, {"AMITY_TRANSLATE_URL=" + translator.url(), "AMITY_TRANSLATE_KEY=wrong-key-123"});
  const std::string id = CreateTurkishCommitment(server, "Ortak konser");
  std::string errors;
  for (int i = 0; i < 200 && errors.find("HTTP 403") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    errors = ReadFile(server.folder() + "/server.err");
  }
  EXPECT_NE(errors.find("machine translation failed"), std::string::npos) << errors;
  EXPECT_NE(errors.find("HTTP 403"), std::string::npos) << errors;
  EXPECT_EQ(errors.find("wrong-key-123"), std::string::npos) << "the key must never be logged";
  EXPECT_FALSE(
      server.Get("/api/v1/commitments/" + id).Json().at("text").as_object().contains("zh"));
}

TEST(MachineTranslationTest, OffUnlessConfigured) {
  TestServer server(true);
  const std::string id = CreateTurkishCommitment(server, "Ortak konser");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(
      server.Get("/api/v1/commitments/" + id).Json().at("text").as_object().contains("zh"));
  EXPECT_EQ(ReadFile(server.folder() + "/server.err").find("machine translation"),
            std::string::npos);
}

}  // namespace
}  // namespace amity::testing
