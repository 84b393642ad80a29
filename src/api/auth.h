// Who is calling: session cookies (the web UI) and bearer tokens (scripts), CSRF protection of
// cookie-authenticated writes, and the login, logout and password routes.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "api/api.h"
#include "store/accounts.h"

namespace amity::api {

inline constexpr char kSessionCookie[] = "amity_session";

// Credentials recently read, by digest, so that most requests skip the credential query. An
// entry lives at most two seconds; every change to sessions, tokens or users made through this
// server empties the cache at once (Api::Dispatch does, after the change commits), so revoking,
// disabling and role changes apply to the next request. Changes made by another process (the
// command line) apply within the two seconds. A generation counter keeps a read that raced
// with a change from being cached.
class CredentialCache {
 public:
  struct Lookup {
    std::optional<store::Credential> credential;
    unsigned long long generation = 0;  // pass back to Put
  };
  // The cached credential for `key` if fresh; always the current generation.
  Lookup Get(const std::string& key, std::chrono::steady_clock::time_point now);
  void Put(const std::string& key, const store::Credential& credential,
           unsigned long long generation, std::chrono::steady_clock::time_point now);
  // Forgets everything (after any change to accounts).
  void Clear();

 private:
  struct Entry {
    store::Credential credential;
    std::chrono::steady_clock::time_point read_at;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  unsigned long long generation_ = 0;
};

// Throws 401 with `code` and `message` and `WWW-Authenticate: Bearer realm="amity"`.
[[noreturn]] void Unauthorized(std::string code, std::string message);

// Identifies the caller of `call` from `Authorization: Bearer …` or the session cookie and fills
// call.principal / call.authenticated / call.session_digest. A bearer token that is unknown,
// revoked or expired, or belongs to a disabled user, answers 401 at once; a stale cookie leaves
// the call unauthenticated (so public routes still answer).
void Authenticate(Call& call);

// Throws 403 when `call` was authenticated by cookie, changes state (not GET/HEAD/OPTIONS) and
// does not carry the session's token in X-CSRF-Token.
void CheckCsrf(const Call& call);

// The principal for a stored user.
domain::Principal PrincipalOf(const store::User& user);

// A user as the API shows it (never its password hash).
boost::json::object UserJson(const store::User& user);

// Lower-cases ASCII letters and trims spaces: the form e-mail addresses are stored in.
std::string NormalizeEmail(std::string_view email);

// Records a security event (login, role change, …) for the admin log.
void RecordEvent(const Call& call, std::string kind, const store::User* user,
                 boost::json::object detail = {});

http::Response Login(Call& call);
http::Response CurrentSession(Call& call);
http::Response Logout(Call& call);
http::Response ChangeOwnPassword(Call& call);

}  // namespace amity::api
