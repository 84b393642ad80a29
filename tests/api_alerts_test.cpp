// E-mail alerts against a real SMTP server on loopback (tests/smtp_sink.py, Debian's
// python3-aiosmtpd) and a real amity looking every second (AMITY_ALERTS_INTERVAL=1): while the
// SMTP server is down, sending fails, is retried with backoff and admins see the failures; once
// it is up, officers are told in Turkish and Chinese of a partnership gone dormant and of an event
// coming up, an owner gets the weekly digest of a commitment overdue; every message is read back
// by Python's own e-mail parser (RFC 2047 subjects, base64 bodies, List-Unsubscribe). An
// unsubscribe link stops that kind only; after a restart of amity nothing is sent twice; the same
// notices are under each user's bell, and only theirs. Over STARTTLS and TLS with AUTH, against a
// self-signed certificate made by the test: delivered when amity is given the certificate
// (AMITY_SMTP_CA_FILE), refused (and shown to admins) when not; the password is never logged.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>
#include <thread>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

constexpr char kSink[] = AMITY_SOURCE_DIR "/tests/smtp_sink.py";

// The SMTP server, started and stopped by the test. `tls`: none (plain SMTP), or the mode
// ("--starttls" or "--tls"), certificate, key, user and password (see tests/smtp_sink.py).
class SmtpSink {
 public:
  SmtpSink(int port, std::string folder, std::vector<std::string> tls = {})
      : port_(port), folder_(std::move(folder)), tls_(std::move(tls)) {}
  ~SmtpSink() { Stop(); }
  void Start() {
    std::vector<std::string> args{"python3", kSink, "serve", std::to_string(port_), folder_};
    args.insert(args.end(), tls_.begin(), tls_.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      execv("/usr/bin/python3", argv.data());
      _exit(127);
    }
    for (int i = 0; i < 100 && !PortOpen(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(PortOpen(port_)) << "the SMTP server did not start";
  }
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  // Every message received, as Python's e-mail parser reads it.
  json::array Messages() const {
    std::string output;
    FILE* pipe =
        popen(("/usr/bin/python3 " + std::string(kSink) + " read " + folder_).c_str(), "r");
    char buffer[4096];
    while (size_t got = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, got);
    EXPECT_EQ(pclose(pipe), 0) << output;
    return json::parse(output).as_array();
  }

 private:
  int port_;
  std::string folder_;
  std::vector<std::string> tls_;
  pid_t pid_ = -1;
};

std::string S(const json::value& value) { return std::string(value.as_string()); }

// Waits up to 40 s for `done`; fails the test otherwise, showing the end of the server's log.
const TestServer* logged_server = nullptr;
void WaitFor(const std::function<bool()>& done, const std::string& what) {
  for (int i = 0; i < 400; ++i) {
    if (done()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const std::string log =
      logged_server ? ReadFile(logged_server->folder() + "/server.err") : std::string();
  FAIL() << "timed out waiting for " << what << "\n"
         << log.substr(log.size() > 4000 ? log.size() - 4000 : 0);
}

// The messages to `to` whose decoded subject starts with `subject`.
std::vector<json::object> To(const json::array& messages, const std::string& to,
                             const std::string& subject) {
  std::vector<json::object> found;
  for (const json::value& message : messages) {
    if (S(message.at("to")) == to && S(message.at("subject")).starts_with(subject)) {
      found.push_back(message.as_object());
    }
  }
  return found;
}

TEST(ApiAlertsTest, MailIsRetriedDeliveredInEachLanguageUnsubscribedAndNeverSentTwice) {
  const int smtp_port = FreePort();
  TestServer server(true, {"AMITY_SMTP_URL=smtp://127.0.0.1:" + std::to_string(smtp_port),
                           "AMITY_SMTP_FROM=amity@izmir.example", "AMITY_ALERTS_INTERVAL=1",
                           "AMITY_SMTP_RETRY=1", "AMITY_PUBLIC_URL=http://amity.example/"});
  logged_server = &server;
  SmtpSink smtp(smtp_port, server.folder() + "/mail");
  const json::object json_type{};
  const std::string content_type = "Content-Type: application/json";

  // Who is told: two officers reading Turkish and Chinese, an owner of a commitment in English.
  const TestUser tr = server.AddUser("ayse@izmir.example", "officer");
  const TestUser zh = server.AddUser("wang@harbin.example", "officer");
  const TestUser owner = server.AddUser("owner@izmir.example", "contributor");
  for (const auto& [user, lang] : {std::pair{&tr, "tr"}, {&zh, "zh"}, {&owner, "en"}}) {
    const HttpResult set = server.Request("PATCH", "/api/v1/notice-settings",
                                          std::string(R"({"lang":")") + lang + R"("})",
                                          {content_type, user->Bearer()});
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(S(set.Json().at("lang")), lang);
    EXPECT_TRUE(set.Json().at("mail_configured").as_bool());
  }
  // Bad settings change nothing.
  const std::string before = server.Snapshot();
  EXPECT_EQ(server
                .Request("PATCH", "/api/v1/notice-settings", R"({"lang":"de"})",
                         {content_type, tr.Bearer()})
                .status,
            422);
  const HttpResult unknown =
      server.Request("PATCH", "/api/v1/notice-settings", R"({"lang":"tr","colour":"red"})",
                     {content_type, tr.Bearer()});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("colour"), std::string::npos);
  EXPECT_EQ(server.Snapshot(), before);

  const std::string person(
      server.Get("/api/v1/people?limit=1").Json().at("items").at(0).at("id").as_string());
  const std::string version =
      std::to_string(server.Get("/api/v1/users/" + owner.id).Json().at("version").as_int64());
  ASSERT_EQ(
      server
          .Request("PATCH", "/api/v1/users/" + owner.id, R"({"person_id":")" + person + R"("})",
                   {content_type, "If-Match: " + version})
          .status,
      200);

  // A partnership whose last contact was 200 days ago: dormant.
  const std::string izmir(
      server.Get("/api/v1/cities?country=TR").Json().at("items").at(0).at("id").as_string());
  const HttpResult busan = server.Post(
      "/api/v1/cities", json::parse(R"({"name":{"original":"en","en":"Busan","tr":"Busan",
                                        "zh":"釜山"},"country":"KR","time_zone":"Asia/Seoul"})"));
  ASSERT_EQ(busan.status, 201) << busan.body;
  const HttpResult partnership =
      server.Post("/api/v1/partnerships",
                  {{"home_city_id", izmir}, {"partner_city_id", busan.Json().at("id")}});
  ASSERT_EQ(partnership.status, 201) << partnership.body;
  const std::string partnership_id = S(partnership.Json().at("id"));
  const std::string long_ago = Stamp(std::chrono::system_clock::now() - std::chrono::days{200});
  ASSERT_EQ(server
                .Post("/api/v1/meetings", {{"kind", "video_call"},
                                           {"partnership_id", partnership_id},
                                           {"title", {{"original", "en"}, {"en", "Call"}}},
                                           {"starts_at", long_ago},
                                           {"ends_at", long_ago},
                                           {"time_zone", "Europe/Istanbul"}})
                .status,
            201);
  // An event tomorrow, and a commitment the owner let slip.
  const auto new_event = [&](const std::string& en, const std::string& tr_title,
                             const std::string& zh_title) {
    const HttpResult event = server.Post(
        "/api/v1/events",
        {{"kind", "concert"},
         {"partnership_id", partnership_id},
         {"title", {{"original", "en"}, {"en", en}, {"tr", tr_title}, {"zh", zh_title}}},
         {"starts_at", In(std::chrono::hours{24})},
         {"ends_at", In(std::chrono::hours{26})},
         {"time_zone", "Asia/Seoul"},
         {"status", "confirmed"}});
    EXPECT_EQ(event.status, 201) << event.body;
    return S(event.Json().at("id"));
  };
  const std::string event_id = new_event("Harbor concert", "Liman konseri", "港口音乐会");
  const std::string yesterday = Stamp(std::chrono::system_clock::now() - std::chrono::days{1});
  const HttpResult commitment =
      server.Post("/api/v1/commitments",
                  {{"partnership_id", partnership_id},
                   {"text", {{"original", "en"}, {"en", "Send the orchestra's programme"}}},
                   {"area", "music"},
                   {"proposed_by_side", "home"},
                   {"home_owner_id", person},
                   {"due_date", yesterday.substr(0, 10)}});
  ASSERT_EQ(commitment.status, 201) << commitment.body;

  // The SMTP server is down: attempts fail, are tried again, and admins see why.
  WaitFor(
      [&] {
        const json::value outbox = server.Get("/api/v1/mail").Json();
        for (const json::value& mail : outbox.at("items").as_array()) {
          if (mail.at("attempts").as_int64() >= 2 && mail.at("last_error").is_string()) return true;
        }
        return false;
      },
      "failed attempts tried again");
  const json::value outbox = server.Get("/api/v1/mail").Json();
  EXPECT_TRUE(outbox.at("configured").as_bool());
  EXPECT_EQ(outbox.at("counts").at("sent").as_int64(), 0);
  EXPECT_EQ(S(outbox.at("items").at(0).at("state")), "pending");
  EXPECT_EQ(server.Request("GET", "/api/v1/mail", "", {tr.Bearer()}).status, 403);
  EXPECT_EQ(server.Request("GET", "/api/v1/mail?state=everything").status, 400);
  EXPECT_EQ(server.Request("POST", "/api/v1/mail/" + std::string(36, '0') + "/retry").status, 404);

  // Up: everything waiting is delivered.
  smtp.Start();
  const auto all_sent = [&] {
    const json::value counts = server.Get("/api/v1/mail?state=all").Json().at("counts");
    return counts.at("pending").as_int64() == 0 && counts.at("sending").as_int64() == 0 &&
           counts.at("sent").as_int64() > 0;
  };
  WaitFor(all_sent, "the outbox to empty");
  json::array messages = smtp.Messages();

  const auto dormant_tr = To(messages, tr.email, "Ortaklık uykuda: İzmir – Busan");
  ASSERT_EQ(dormant_tr.size(), 1u) << json::serialize(messages).substr(0, 3000);
  const json::object& m = dormant_tr[0];
  EXPECT_EQ(S(m.at("subject")), "Ortaklık uykuda: İzmir – Busan");
  EXPECT_TRUE(S(m.at("raw_subject")).starts_with("=?UTF-8?B?")) << m.at("raw_subject");
  EXPECT_TRUE(m.at("head_ascii").as_bool());
  EXPECT_FALSE(m.at("tls").as_bool());  // smtp:// is plain SMTP
  EXPECT_FALSE(m.at("authenticated").as_bool());
  EXPECT_EQ(S(m.at("charset")), "utf-8");
  EXPECT_EQ(S(m.at("transfer_encoding")), "base64");
  EXPECT_NE(S(m.at("body")).find("http://amity.example/partnerships/" + partnership_id),
            std::string::npos);
  EXPECT_NE(S(m.at("body")).find("aydır kayıtlı bir temas yok"), std::string::npos);
  EXPECT_TRUE(S(m.at("list_unsubscribe")).starts_with("<http://amity.example/api/v1/unsubscribe/"));
  EXPECT_EQ(S(m.at("list_unsubscribe_post")), "List-Unsubscribe=One-Click");
  EXPECT_TRUE(S(m.at("message_id")).ends_with("@izmir.example>"));
  EXPECT_FALSE(S(m.at("date")).empty());

  const auto dormant_zh = To(messages, zh.email, "伙伴关系已休眠：伊兹密尔");
  ASSERT_EQ(dormant_zh.size(), 1u);
  EXPECT_TRUE(S(dormant_zh[0].at("subject")).ends_with("釜山"));
  ASSERT_EQ(To(messages, zh.email, "活动即将开始：港口音乐会").size(), 1u);
  ASSERT_EQ(To(messages, tr.email, "Etkinlik yaklaşıyor: Liman konseri").size(), 1u);
  const auto event_zh = To(messages, zh.email, "活动即将开始：港口音乐会")[0];
  EXPECT_NE(S(event_zh.at("body")).find("(Asia/Seoul)"), std::string::npos);
  EXPECT_NE(S(event_zh.at("body")).find("/events/" + event_id), std::string::npos);
  const auto digest = To(messages, owner.email, "Weekly digest: ");
  ASSERT_EQ(digest.size(), 1u);
  EXPECT_NE(S(digest[0].at("body")).find("Send the orchestra's programme (İzmir – Busan)"),
            std::string::npos);
  EXPECT_TRUE(To(messages, owner.email, "Event coming up").empty()) << "not an officer";

  // The Chinese officer stops event reminders with the link of one, without signing in.
  const std::string link = S(event_zh.at("list_unsubscribe"));
  const std::string path =
      link.substr(link.find("/api/v1/"), link.size() - link.find("/api/v1/") - 1);
  const HttpResult page = server.Request("GET", path, "", {"Authorization:"});
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(page.Header("content-type").starts_with("text/html"));
  EXPECT_NE(page.body.find("退订"), std::string::npos);
  const HttpResult stopped =
      server.Request("POST", path, "List-Unsubscribe=One-Click",
                     {"Authorization:", "Content-Type: application/x-www-form-urlencoded"});
  ASSERT_EQ(stopped.status, 200) << stopped.body;
  EXPECT_NE(stopped.body.find("将不再发送活动提醒邮件"), std::string::npos);
  EXPECT_EQ(server.Request("GET", "/api/v1/unsubscribe/nonsense", "", {"Authorization:"}).status,
            404);
  const json::value zh_settings =
      server.Request("GET", "/api/v1/notice-settings", "", {zh.Bearer()}).Json();
  EXPECT_FALSE(zh_settings.at("email").at("event_reminder").as_bool());
  EXPECT_TRUE(zh_settings.at("email").at("health").as_bool());

  // A restart (killed, no clean stop) sends nothing twice; a new event after it is told once, to
  // the Turkish officer by e-mail, to the Chinese one under the bell only.
  const size_t delivered = messages.size();
  server.KillAndRestart();
  new_event("Second concert", "İkinci konser", "第二场音乐会");
  WaitFor(
      [&] { return !To(smtp.Messages(), tr.email, "Etkinlik yaklaşıyor: İkinci konser").empty(); },
      "the reminder of an event made after the restart");
  WaitFor(all_sent, "the outbox to empty");
  messages = smtp.Messages();
  std::set<std::string> ids, subjects;
  for (const json::value& message : messages) {
    EXPECT_TRUE(ids.insert(S(message.at("message_id"))).second) << message;
    EXPECT_TRUE(subjects.insert(S(message.at("to")) + " " + S(message.at("subject"))).second)
        << "sent twice: " << message;
  }
  // Only the new reminder: to the Turkish officer and the admin (the Chinese officer stopped them).
  EXPECT_EQ(messages.size(), delivered + 2);
  EXPECT_EQ(To(messages, server.admin().email, "Event coming up: Second concert").size(), 1u);
  EXPECT_TRUE(To(messages, zh.email, "活动即将开始：第二场音乐会").empty());

  // The bell: each user's own notices, read one by one or all at once.
  const json::value zh_notices = server.Request("GET", "/api/v1/notices", "", {zh.Bearer()}).Json();
  long long unread = zh_notices.at("unread").as_int64();
  EXPECT_EQ(unread, 3);  // dormant partnership, two events (the second one without e-mail)
  const std::string first = S(zh_notices.at("items").at(0).at("id"));
  EXPECT_EQ(S(zh_notices.at("items").at(0).at("subject")), "活动即将开始：第二场音乐会");
  EXPECT_EQ(server.Request("POST", "/api/v1/notices/" + first + "/read", "", {tr.Bearer()}).status,
            404)
      << "another user's notice";
  const HttpResult read =
      server.Request("POST", "/api/v1/notices/" + first + "/read", "", {zh.Bearer()});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json().at("unread").as_int64(), unread - 1);
  const HttpResult all = server.Request("POST", "/api/v1/notices/read", "", {zh.Bearer()});
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.Json().at("marked").as_int64(), unread - 1);
  EXPECT_EQ(server.Request("GET", "/api/v1/notices", "", {zh.Bearer()}).Json().at("unread"), 0);
  const json::value owner_notices =
      server.Request("GET", "/api/v1/notices", "", {owner.Bearer()}).Json();
  ASSERT_EQ(owner_notices.at("items").as_array().size(), 1u);
  EXPECT_EQ(S(owner_notices.at("items").at(0).at("kind")), "digest");

  // An admin puts a message that failed for good back in the outbox.
  smtp.Stop();
  new_event("Third concert", "Üçüncü konser", "第三场音乐会");
  std::string failed;
  WaitFor(
      [&] {
        const json::value outbox = server.Get("/api/v1/mail").Json();
        for (const json::value& mail : outbox.at("items").as_array()) {
          if (S(mail.at("subject")) == "Etkinlik yaklaşıyor: Üçüncü konser")
            failed = S(mail.at("id"));
        }
        return !failed.empty();
      },
      "a failed reminder");
  // Ten attempts take too long for a test: the message is marked failed for good here.
  server.KillAndRestart();  // (a stop mid-send would do the same)
  // The restarted server writes at once (its alert pass): wait for its lock, as it would.
  ASSERT_EQ(std::system(("/usr/bin/sqlite3 -cmd '.timeout 10000' " + server.db_path() +
                         " \"UPDATE mail_outbox SET state = 'failed' WHERE id = '" + failed + "'\"")
                            .c_str()),
            0);
  smtp.Start();
  EXPECT_EQ(server.Request("POST", "/api/v1/mail/" + failed + "/retry").status, 204);
  WaitFor([&] { return !To(smtp.Messages(), tr.email, "Etkinlik yaklaşıyor: Üçüncü").empty(); },
          "the retried message");
}

// A folder of the test's own for the SMTP server's certificate, key and mail: it must exist before
// amity starts (its CA file setting names the certificate). Removed at the end; keys are never
// committed, only made here.
class TlsFolder {
 public:
  TlsFolder() {
    char path[] = "/tmp/amity-smtp-tls-XXXXXX";
    path_ = mkdtemp(path);
    made_ = std::system(("/usr/bin/python3 " + std::string(kSink) + " cert " + path_).c_str()) == 0;
  }
  ~TlsFolder() { std::filesystem::remove_all(path_); }
  bool made() const { return made_; }
  std::string cert() const { return path_ + "/cert.pem"; }
  std::string key() const { return path_ + "/key.pem"; }
  std::string mail() const { return path_ + "/mail"; }

 private:
  std::string path_;
  bool made_ = false;
};

constexpr char kSmtpUser[] = "amity-alerts";
// Distinctive, so that any trace of it in a log is found.
constexpr char kSmtpPassword[] = "pw-Zq8rT4vX1-never-logged";

// An event tomorrow in a partnership of the demo data: officers (the admin too) are told of it.
void AddEventTomorrow(TestServer& server, const std::string& title) {
  const std::string partnership(
      server.Get("/api/v1/partnerships?limit=1").Json().at("items").at(0).at("id").as_string());
  const HttpResult event =
      server.Post("/api/v1/events", {{"kind", "concert"},
                                     {"partnership_id", partnership},
                                     {"title", {{"original", "en"}, {"en", title}}},
                                     {"starts_at", In(std::chrono::hours{24})},
                                     {"ends_at", In(std::chrono::hours{26})},
                                     {"time_zone", "Europe/Istanbul"},
                                     {"status", "confirmed"}});
  ASSERT_EQ(event.status, 201) << event.body;
}

// Neither of amity's logs (requests on stdout, background jobs on stderr) holds the password.
void ExpectPasswordNotLogged(const TestServer& server) {
  const std::string out = ReadFile(server.folder() + "/server.log");
  const std::string err = ReadFile(server.folder() + "/server.err");
  EXPECT_FALSE(err.empty()) << "the worker logs what it did";
  EXPECT_EQ(out.find(kSmtpPassword), std::string::npos) << out;
  EXPECT_EQ(err.find(kSmtpPassword), std::string::npos) << err;
}

// Delivered to the admin over TLS (STARTTLS or TLS from the start, by `scheme`) as kSmtpUser.
void ExpectDeliveredOverTlsWithAuth(const std::string& mode, const std::string& scheme) {
  TlsFolder tls;
  ASSERT_TRUE(tls.made()) << "openssl could not make a certificate";
  const int smtp_port = FreePort();
  SmtpSink smtp(smtp_port, tls.mail(), {mode, tls.cert(), tls.key(), kSmtpUser, kSmtpPassword});
  smtp.Start();
  TestServer server(
      true,
      {"AMITY_SMTP_URL=" + scheme + "://127.0.0.1:" + std::to_string(smtp_port),
       "AMITY_SMTP_FROM=amity@izmir.example", std::string("AMITY_SMTP_USER=") + kSmtpUser,
       std::string("AMITY_SMTP_PASSWORD=") + kSmtpPassword, "AMITY_SMTP_CA_FILE=" + tls.cert(),
       "AMITY_ALERTS_INTERVAL=1", "AMITY_SMTP_RETRY=1", "AMITY_LOG_FORMAT=plain"});
  logged_server = &server;
  AddEventTomorrow(server, "Concert over TLS");
  WaitFor([&] { return !To(smtp.Messages(), server.admin().email, "Event coming up").empty(); },
          "the reminder over " + scheme);
  const auto reminder =
      To(smtp.Messages(), server.admin().email, "Event coming up: Concert over TLS");
  ASSERT_EQ(reminder.size(), 1u);
  EXPECT_TRUE(reminder[0].at("tls").as_bool()) << "the session was not encrypted";
  EXPECT_TRUE(reminder[0].at("authenticated").as_bool());
  EXPECT_EQ(S(reminder[0].at("login")), kSmtpUser);
  const json::value outbox = server.Get("/api/v1/mail?state=all").Json();
  EXPECT_GE(outbox.at("counts").at("sent").as_int64(), 1);
  for (const json::value& mail : outbox.at("items").as_array()) {
    EXPECT_TRUE(mail.at("last_error").is_null()) << mail;
  }
  ExpectPasswordNotLogged(server);
  logged_server = nullptr;
}

TEST(ApiAlertsTest, StartTlsWithAuthDeliversAgainstTheCaFileAndNeverLogsThePassword) {
  ExpectDeliveredOverTlsWithAuth("--starttls", "smtp+starttls");
}

TEST(ApiAlertsTest, TlsFromTheStartWithAuthDelivers) {
  ExpectDeliveredOverTlsWithAuth("--tls", "smtps");
}

// Without the CA file the self-signed certificate is refused: nothing is sent, in clear or
// otherwise, and admins see the attempts failing with libcurl's reason.
TEST(ApiAlertsTest, AnUnverifiedCertificateIsRefusedAndShownToAdmins) {
  TlsFolder tls;
  ASSERT_TRUE(tls.made()) << "openssl could not make a certificate";
  const int smtp_port = FreePort();
  SmtpSink smtp(smtp_port, tls.mail(),
                {"--starttls", tls.cert(), tls.key(), kSmtpUser, kSmtpPassword});
  smtp.Start();
  TestServer server(
      true, {"AMITY_SMTP_URL=smtp+starttls://127.0.0.1:" + std::to_string(smtp_port),
             "AMITY_SMTP_FROM=amity@izmir.example", std::string("AMITY_SMTP_USER=") + kSmtpUser,
             std::string("AMITY_SMTP_PASSWORD=") + kSmtpPassword, "AMITY_ALERTS_INTERVAL=1",
             "AMITY_SMTP_RETRY=1"});
  logged_server = &server;
  AddEventTomorrow(server, "Concert never sent");
  json::object refused;
  WaitFor(
      [&] {
        const json::value outbox = server.Get("/api/v1/mail").Json();
        for (const json::value& mail : outbox.at("items").as_array()) {
          if (mail.at("attempts").as_int64() >= 2 && mail.at("last_error").is_string()) {
            refused = mail.as_object();
            return true;
          }
        }
        return false;
      },
      "attempts refused by certificate verification");
  const std::string error = S(refused.at("last_error"));
  EXPECT_NE(error.find("certificate"), std::string::npos) << error;
  EXPECT_EQ(S(refused.at("state")), "pending");  // tried again later, failed after 10 attempts
  const json::value outbox = server.Get("/api/v1/mail?state=all").Json();
  EXPECT_EQ(outbox.at("counts").at("sent").as_int64(), 0);
  EXPECT_TRUE(smtp.Messages().empty());
  const std::string log = ReadFile(server.folder() + "/server.err");
  EXPECT_NE(log.find("e-mail not sent"), std::string::npos) << log;
  ExpectPasswordNotLogged(server);
  logged_server = nullptr;
}

}  // namespace
}  // namespace amity::testing
