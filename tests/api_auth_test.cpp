// Signing in and staying safe: sessions (cookie flags, fixation, expiry, revocation, logout),
// CSRF on cookie-authenticated changes, API tokens (revoked, expired), lockout after repeated
// failures, disabled users, password changes, and no default password anywhere.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <thread>

#include "test_server.h"

namespace amity::testing {
namespace {
namespace json = boost::json;

// The value of the amity_session cookie set by `result` ("" when none).
std::string SessionCookie(const HttpResult& result) {
  const std::string header = result.Header("set-cookie");
  const std::string prefix = "amity_session=";
  if (!header.starts_with(prefix)) return "";
  return header.substr(prefix.size(), header.find(';') - prefix.size());
}

struct Login {
  HttpResult result;
  std::string cookie;  // "Cookie: amity_session=…"
  std::string csrf;    // "X-CSRF-Token: …"
};

Login SignIn(const TestServer& server, const std::string& email, const std::string& password,
             std::vector<std::string> headers = {"Authorization:"}) {
  Login login;
  login.result = server.Request(
      "POST", "/api/v1/session",
      json::serialize(json::object{{"email", email}, {"password", password}}), headers);
  if (login.result.status == 200) {
    login.cookie = "Cookie: amity_session=" + SessionCookie(login.result);
    login.csrf = "X-CSRF-Token: " + std::string(login.result.Json().at("csrf_token").as_string());
  }
  return login;
}

const std::string kCity = R"({"name":{"original":"en","en":"Kazan"},"country":"RU",
                              "time_zone":"Europe/Moscow"})";

TEST(AuthTest, SessionCookieIsHttpOnlyLaxAndAuthenticates) {
  TestServer server(false);
  const Login login = SignIn(server, server.admin().email, server.admin().password);
  ASSERT_EQ(login.result.status, 200) << login.result.body;
  const std::string cookie = login.result.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP: " << cookie;
  EXPECT_EQ(login.result.Header("cache-control"), "no-store");
  EXPECT_EQ(login.result.Json().at("user").at("role"), "admin");
  EXPECT_FALSE(login.result.Json().at("user").as_object().contains("password_hash"));

  const HttpResult me = server.Request("GET", "/api/v1/session", "", {login.cookie});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json().at("user").at("email").as_string(), server.admin().email);
  EXPECT_EQ(server.Request("GET", "/api/v1/cities", "", {login.cookie}).status, 200);
  EXPECT_EQ(server.Request("GET", "/api/v1/cities", "", {"Authorization:"}).status, 401);
  EXPECT_EQ(server.Request("GET", "/api/v1/cities", "", {"Cookie: amity_session=forged"}).status,
            401);
}

TEST(AuthTest, WrongPasswordAndUnknownAccountAnswerAlike) {
  TestServer server(false);
  const Login wrong = SignIn(server, server.admin().email, "not the password at all");
  const Login unknown = SignIn(server, "nobody@amity.test", "not the password at all");
  EXPECT_EQ(wrong.result.status, 401);
  EXPECT_EQ(unknown.result.status, 401);
  EXPECT_EQ(wrong.result.Json().at("problems"), unknown.result.Json().at("problems"));
  EXPECT_TRUE(SessionCookie(wrong.result).empty());
  // Both failures are in the security log.
  const json::value log = server.Get("/api/v1/audit?kind=login_failed").Json();
  EXPECT_EQ(log.at("total").as_int64(), 2);
  // Login takes JSON only (a cross-site form cannot post it without a CORS preflight).
  const HttpResult form =
      server.Request("POST", "/api/v1/session", "email=a&password=b",
                     {"Authorization:", "Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(form.status, 415);
}

TEST(AuthTest, LoginIssuesAFreshSessionAndRevokesThePlantedOne) {
  TestServer server(false);
  // An attacker plants a session id before the victim signs in: it must not become valid.
  const Login planted = SignIn(server, server.admin().email, server.admin().password,
                               {"Authorization:", "Cookie: amity_session=planted-by-attacker"});
  ASSERT_EQ(planted.result.status, 200);
  EXPECT_NE(SessionCookie(planted.result), "planted-by-attacker");
  EXPECT_EQ(
      server.Request("GET", "/api/v1/session", "", {"Cookie: amity_session=planted-by-attacker"})
          .status,
      401);
  // Signing in again while holding a real session replaces it.
  const Login again = SignIn(server, server.admin().email, server.admin().password,
                             {"Authorization:", planted.cookie});
  ASSERT_EQ(again.result.status, 200);
  EXPECT_NE(again.cookie, planted.cookie);
  EXPECT_EQ(server.Request("GET", "/api/v1/session", "", {planted.cookie}).status, 401);
  EXPECT_EQ(server.Request("GET", "/api/v1/session", "", {again.cookie}).status, 200);
}

TEST(AuthTest, CookieChangesNeedTheCsrfToken) {
  TestServer server(false);
  const Login login = SignIn(server, server.admin().email, server.admin().password);
  const Login other = SignIn(server, server.admin().email, server.admin().password);
  const std::string before = server.Snapshot();
  const HttpResult missing = server.Request("POST", "/api/v1/cities", kCity, {login.cookie});
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.Json().at("problems").at(0).at("code"), "csrf_token");
  const HttpResult wrong =
      server.Request("POST", "/api/v1/cities", kCity, {login.cookie, "X-CSRF-Token: guessed"});
  EXPECT_EQ(wrong.status, 403);
  // Another session's token does not fit this session.
  EXPECT_EQ(server.Request("POST", "/api/v1/cities", kCity, {login.cookie, other.csrf}).status,
            403);
  EXPECT_EQ(server.Snapshot(), before);
  EXPECT_EQ(server.Request("POST", "/api/v1/cities", kCity, {login.cookie, login.csrf}).status,
            201);
  // Bearer tokens are not sent by browsers on their own: no CSRF token needed.
  EXPECT_EQ(server.Request("POST", "/api/v1/cities", kCity, {server.admin().Bearer()}).status, 201);
}

TEST(AuthTest, LogoutRevokesTheSession) {
  TestServer server(false);
  const Login login = SignIn(server, server.admin().email, server.admin().password);
  const HttpResult out =
      server.Request("DELETE", "/api/v1/session", "", {login.cookie, login.csrf});
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(server.Request("GET", "/api/v1/session", "", {login.cookie}).status, 401);
  EXPECT_EQ(server.Get("/api/v1/audit?kind=logout").Json().at("total").as_int64(), 1);
}

TEST(AuthTest, SessionsExpire) {
  TestServer server(false, {"AMITY_SESSION_TTL=3"});
  const Login login = SignIn(server, server.admin().email, server.admin().password);
  ASSERT_EQ(login.result.status, 200);
  EXPECT_NE(login.result.Header("set-cookie").find("Max-Age=3"), std::string::npos);
  EXPECT_EQ(server.Request("GET", "/api/v1/session", "", {login.cookie}).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(4100));
  EXPECT_EQ(server.Request("GET", "/api/v1/session", "", {login.cookie}).status, 401);
}

TEST(AuthTest, ChangesFromTheCommandLineApplyWithinTwoSeconds) {
  // The server keeps credentials it read for up to two seconds; a password reset made by
  // another process (which signs the user out) must take effect within that time.
  TestServer server(false);
  const TestUser officer = server.AddUser("officer@amity.test", "officer");
  const Login login = SignIn(server, officer.email, officer.password);
  ASSERT_EQ(server.Request("GET", "/api/v1/session", "", {login.cookie}).status, 200);
  std::string output;
  ASSERT_EQ(RunAmity({"user", "reset-password", "--db", server.db_path(), "--email", officer.email},
                     &output),
            0)
      << output;
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_EQ(server.Request("GET", "/api/v1/session", "", {login.cookie}).status, 401);
}

TEST(AuthTest, SecureCookiesWhenConfigured) {
  TestServer server(false, {"AMITY_SECURE_COOKIES=1"});
  const Login login = SignIn(server, server.admin().email, server.admin().password);
  EXPECT_NE(login.result.Header("set-cookie").find("; Secure"), std::string::npos);
}

TEST(AuthTest, TokensAreShownOnceStoredHashedAndRevocable) {
  TestServer server(false);
  const HttpResult created = server.Post("/api/v1/tokens", {{"name", "nightly export"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token(created.Json().at("token").as_string());
  const std::string id(created.Json().at("id").as_string());
  const std::string bearer = "Authorization: Bearer " + token;
  EXPECT_EQ(server.Request("GET", "/api/v1/cities", "", {bearer}).status, 200);
  // Listing shows the token without its secret; the database holds only a digest.
  const std::string listed = server.Get("/api/v1/tokens").body;
  EXPECT_NE(listed.find(id), std::string::npos);
  EXPECT_EQ(listed.find(token), std::string::npos);
  EXPECT_EQ(server.Snapshot().find(token), std::string::npos);

  EXPECT_EQ(server.Request("DELETE", "/api/v1/tokens/" + id, "", {bearer}).status, 204);
  const HttpResult revoked = server.Request("GET", "/api/v1/cities", "", {bearer});
  EXPECT_EQ(revoked.status, 401);
  EXPECT_EQ(revoked.Json().at("problems").at(0).at("code"), "invalid_token");
  // Someone else's token is not there for a non-admin.
  const TestUser viewer = server.AddUser("viewer@amity.test", "viewer");
  const HttpResult others = server.Request(
      "DELETE",
      "/api/v1/tokens/" +
          std::string(server.Post("/api/v1/tokens", {{"name", "x"}}).Json().at("id").as_string()),
      "", {viewer.Bearer()});
  EXPECT_EQ(others.status, 404);
}

TEST(AuthTest, PublicRoutesIgnoreABadToken) {
  TestServer server(false);
  const std::string stale = "Authorization: Bearer revoked-or-made-up";
  EXPECT_EQ(server.Request("GET", "/api/v1/cities", "", {stale}).status, 401);
  EXPECT_EQ(server.Request("GET", "/public", "", {stale}).status, 200);
  EXPECT_EQ(server.Request("GET", "/api/v1/openapi.json", "", {stale}).status, 200);
  const Login login = SignIn(server, server.admin().email, server.admin().password, {stale});
  EXPECT_EQ(login.result.status, 200) << login.result.body;
}

TEST(AuthTest, TokensExpire) {
  TestServer server(false);
  const HttpResult past =
      server.Post("/api/v1/tokens", {{"name", "old"}, {"expires_at", "2020-01-01T00:00:00Z"}});
  EXPECT_EQ(past.status, 422);
  EXPECT_EQ(past.Json().at("problems").at(0).at("field"), "expires_at");
  // A token that expires two seconds from now works, then stops.
  const auto soon = std::chrono::system_clock::now() + std::chrono::seconds(2);
  const std::time_t seconds = std::chrono::system_clock::to_time_t(soon);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&seconds));
  const HttpResult created =
      server.Post("/api/v1/tokens", {{"name", "short"}, {"expires_at", text}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string bearer =
      "Authorization: Bearer " + std::string(created.Json().at("token").as_string());
  EXPECT_EQ(server.Request("GET", "/api/v1/areas", "", {bearer}).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  EXPECT_EQ(server.Request("GET", "/api/v1/areas", "", {bearer}).status, 401);
}

TEST(AuthTest, RepeatedFailuresLockTheAccount) {
  TestServer server(false);
  const TestUser officer = server.AddUser("officer@amity.test", "officer");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(SignIn(server, officer.email, "wrong password " + std::to_string(i)).result.status,
              401);
  }
  // Now even the right password is refused for a while, with Retry-After.
  const Login locked = SignIn(server, officer.email, officer.password);
  EXPECT_EQ(locked.result.status, 429);
  // It lifts when the fifth most recent failure (just now) is 15 minutes old.
  const int retry_after = std::stoi(locked.result.Header("retry-after"));
  EXPECT_GE(retry_after, 890);
  EXPECT_LE(retry_after, 900);
  EXPECT_EQ(locked.result.Json().at("problems").at(0).at("code"), "locked");
  // Other accounts are not locked (the address limit is higher).
  EXPECT_EQ(SignIn(server, server.admin().email, server.admin().password).result.status, 200);
  EXPECT_EQ(server.Get("/api/v1/audit?kind=login_locked").Json().at("total").as_int64(), 1);
}

TEST(AuthTest, RepeatedFailuresFromOneAddressLockIt) {
  TestServer server(false);
  for (int i = 0; i < 20; ++i) {
    SignIn(server, "guess" + std::to_string(i) + "@amity.test", "wrong password");
  }
  EXPECT_EQ(SignIn(server, server.admin().email, server.admin().password).result.status, 429);
}

TEST(AuthTest, DisabledUsersLoseSessionsAndTokens) {
  TestServer server(false);
  const TestUser officer = server.AddUser("officer@amity.test", "officer");
  const Login login = SignIn(server, officer.email, officer.password);
  ASSERT_EQ(login.result.status, 200);
  const HttpResult user = server.Get("/api/v1/users/" + officer.id);
  const std::string version = std::to_string(user.Json().at("version").as_int64());
  const HttpResult disabled = server.Request("PATCH", "/api/v1/users/" + officer.id,
                                             R"({"disabled":true})", {"If-Match: " + version});
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(server.Request("GET", "/api/v1/session", "", {login.cookie}).status, 401);
  EXPECT_EQ(server.Request("GET", "/api/v1/areas", "", {officer.Bearer()}).status, 401);
  EXPECT_EQ(SignIn(server, officer.email, officer.password).result.status, 401);
  EXPECT_EQ(server.Get("/api/v1/audit?kind=user_disabled").Json().at("total").as_int64(), 1);
}

TEST(AuthTest, RoleChangesTakeEffectAndAreLogged) {
  TestServer server(false);
  const TestUser viewer = server.AddUser("viewer@amity.test", "viewer");
  EXPECT_EQ(server.Request("POST", "/api/v1/cities", kCity, {viewer.Bearer()}).status, 403);
  const HttpResult promoted = server.Request("PATCH", "/api/v1/users/" + viewer.id,
                                             R"({"role":"officer"})", {"If-Match: \"1\""});
  ASSERT_EQ(promoted.status, 200) << promoted.body;
  EXPECT_EQ(server.Request("POST", "/api/v1/cities", kCity, {viewer.Bearer()}).status, 201);
  const json::value log = server.Get("/api/v1/audit?kind=role_changed").Json();
  ASSERT_EQ(log.at("total").as_int64(), 1);
  EXPECT_EQ(log.at("items").at(0).at("detail"), json::parse(R"({"from":"viewer","to":"officer"})"));
  EXPECT_EQ(log.at("items").at(0).at("actor").as_string(), server.admin().email);
  // The last admin cannot demote itself.
  const HttpResult self = server.Request("PATCH", "/api/v1/users/" + server.admin().id,
                                         R"({"role":"viewer"})", {"If-Match: \"1\""});
  EXPECT_EQ(self.status, 422);
  EXPECT_EQ(self.Json().at("problems").at(0).at("code"), "last_admin");
  // Stale versions are refused like any record's.
  EXPECT_EQ(server
                .Request("PATCH", "/api/v1/users/" + viewer.id, R"({"role":"viewer"})",
                         {"If-Match: \"1\""})
                .status,
            412);
}

TEST(AuthTest, InvitedUsersGetARandomPasswordOnceAndCanChangeIt) {
  TestServer server(false);
  const HttpResult invited =
      server.Post("/api/v1/users", {{"email", "Ayse@Izmir.bel.tr"}, {"role", "contributor"}});
  ASSERT_EQ(invited.status, 201) << invited.body;
  EXPECT_EQ(invited.Json().at("email"), "ayse@izmir.bel.tr");
  const std::string password(invited.Json().at("password").as_string());
  EXPECT_GE(password.size(), 20u);
  EXPECT_EQ(server.Get("/api/v1/users").body.find(password), std::string::npos);
  EXPECT_EQ(server.Snapshot().find(password), std::string::npos);
  EXPECT_NE(server.Snapshot().find("$argon2id$"), std::string::npos);
  EXPECT_EQ(
      server.Post("/api/v1/users", {{"email", "ayse@izmir.bel.tr"}, {"role", "viewer"}}).status,
      422);
  const HttpResult bad_role =
      server.Post("/api/v1/users", {{"email", "x@amity.test"}, {"role", "root"}});
  EXPECT_EQ(bad_role.status, 422);
  EXPECT_EQ(bad_role.Json().at("problems").at(0).at("field"), "role");

  const Login login = SignIn(server, "ayse@izmir.bel.tr", password);
  ASSERT_EQ(login.result.status, 200);
  const HttpResult short_one = server.Request(
      "POST", "/api/v1/session/password",
      json::serialize(json::object{{"current_password", password}, {"new_password", "short"}}),
      {login.cookie, login.csrf});
  EXPECT_EQ(short_one.status, 422);
  EXPECT_EQ(short_one.Json().at("problems").at(0).at("field"), "new_password");
  const HttpResult changed =
      server.Request("POST", "/api/v1/session/password",
                     json::serialize(json::object{{"current_password", password},
                                                  {"new_password", "Kordon-Harbin-2027"}}),
                     {login.cookie, login.csrf});
  EXPECT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(SignIn(server, "ayse@izmir.bel.tr", password).result.status, 401);
  EXPECT_EQ(SignIn(server, "ayse@izmir.bel.tr", "Kordon-Harbin-2027").result.status, 200);
}

TEST(AuthTest, FirstStartCreatesAnAdminWithARandomPasswordPrintedOnceNeverLogged) {
  // A database with no users: `amity serve` makes the first admin itself.
  char folder_template[] = "/tmp/amity-first-XXXXXX";
  const std::string folder = mkdtemp(folder_template);
  const std::string db = folder + "/amity.db";
  ASSERT_EQ(RunAmity({"migrate", "--db", db}), 0);
  const int port = FreePort();
  const std::string command = std::string(AMITY_BINARY) + " serve --db " + db +
                              " --listen 127.0.0.1:" + std::to_string(port) + " >" + folder +
                              "/out.log 2>" + folder + "/err.log & echo $!";
  FILE* pipe = popen(command.c_str(), "r");
  int pid = 0;
  ASSERT_EQ(fscanf(pipe, "%d", &pid), 1);
  pclose(pipe);
  for (int i = 0; i < 200 && !PortOpen(port); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  kill(pid, SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string err = ReadFile(folder + "/err.log");
  const std::string out = ReadFile(folder + "/out.log");
  const size_t at = err.find("password: ");
  ASSERT_NE(at, std::string::npos) << err;
  const std::string password = err.substr(at + 10, err.find('\n', at) - at - 10);
  EXPECT_EQ(password.size(), 20u);
  EXPECT_NE(err.find("admin@localhost"), std::string::npos);
  EXPECT_EQ(out.find(password), std::string::npos) << "the request log must not hold it";
  // A second start creates nobody and prints no password.
  std::string second;
  EXPECT_EQ(RunAmity({"user", "list", "--db", db}, &second), 0);
  EXPECT_NE(second.find("admin@localhost\tadmin"), std::string::npos) << second;
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace amity::testing
