#include "api/auth.h"

#include <chrono>

#include "api/access.h"
#include "api/responses.h"
#include "api/validation.h"
#include "auth/secrets.h"
#include "http/error.h"

namespace amity::api {
namespace json = boost::json;

namespace {

// Failed logins that lock an account, or an address, for the rest of the window.
constexpr int kAccountFailureLimit = 5;
constexpr int kAddressFailureLimit = 20;
constexpr auto kFailureWindow = std::chrono::minutes(15);

bool Expired(std::string_view expires_at, Instant now) {
  if (expires_at.empty()) return false;
  const auto expires = ParseInstant(expires_at);
  return !expires || *expires <= now;
}

std::string SessionCookie(const Call& call, std::string_view token, int max_age) {
  std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) +
                       "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  const auto proto = call.request.Header("X-Forwarded-Proto");
  if (call.context.secure_cookies || (call.context.trust_proxy && proto && *proto == "https")) {
    cookie += "; Secure";
  }
  return cookie;
}

// The body of a route taking only string members `names` (all required).
json::object StringBody(const Call& call, std::initializer_list<std::string_view> names) {
  const json::object body = ParseBody(call.request);
  Problems problems;
  for (const auto& [key, value] : body) {
    if (std::find(names.begin(), names.end(), std::string_view(key)) == names.end()) {
      problems.push_back({std::string(key), "unknown_field", "this field is not accepted here"});
    } else if (!value.is_string()) {
      problems.push_back({std::string(key), "wrong_type", "expected a string"});
    }
  }
  for (std::string_view name : names) {
    if (!body.contains(name)) problems.push_back({std::string(name), "required", "required"});
  }
  if (!problems.empty()) throw http::HttpError(400, "Invalid request body", problems);
  // An e-mail address is kept in the security log, even a wrong one (passwords only as hashes).
  if (const json::value* email = body.if_contains("email")) {
    if (auto problem = ControlCharacterProblem("email", email->as_string())) {
      throw http::HttpError(422, "Invalid request body", {std::move(*problem)});
    }
  }
  return body;
}

json::object SessionJson(const store::User& user, std::string_view csrf,
                         std::string_view expires_at) {
  json::object session{{"user", UserJson(user)}};
  if (!csrf.empty()) session["csrf_token"] = csrf;
  if (!expires_at.empty()) session["expires_at"] = expires_at;
  return session;
}

constexpr auto kCredentialLifetime = std::chrono::seconds(2);
constexpr size_t kCredentialCacheLimit = 10000;

// The credential for `digest` (prefix "t" for tokens, "s" for sessions), from the cache when
// fresh, else from the database.
std::optional<store::Credential> LookUpCredential(Call& call, char kind,
                                                  const std::string& digest) {
  const auto now = std::chrono::steady_clock::now();
  const std::string key = kind + digest;
  CredentialCache* cache = call.context.credentials.get();
  CredentialCache::Lookup lookup;
  if (cache != nullptr) {
    lookup = cache->Get(key, now);
    if (lookup.credential) return lookup.credential;
  }
  auto credential = kind == 't' ? store::FindTokenCredential(call.db, digest)
                                : store::FindSessionCredential(call.db, digest);
  if (credential && cache != nullptr) cache->Put(key, *credential, lookup.generation, now);
  return credential;
}

}  // namespace

CredentialCache::Lookup CredentialCache::Get(const std::string& key,
                                             std::chrono::steady_clock::time_point now) {
  std::lock_guard lock(mutex_);
  Lookup lookup{std::nullopt, generation_};
  const auto found = entries_.find(key);
  if (found != entries_.end() && now - found->second.read_at < kCredentialLifetime) {
    lookup.credential = found->second.credential;
  }
  return lookup;
}

void CredentialCache::Put(const std::string& key, const store::Credential& credential,
                          unsigned long long generation,
                          std::chrono::steady_clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;  // accounts changed since this was read
  if (entries_.size() >= kCredentialCacheLimit) entries_.clear();
  entries_.insert_or_assign(key, Entry{credential, now});
}

void CredentialCache::Clear() {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.clear();
}

void Unauthorized(std::string code, std::string message) {
  throw http::HttpError(401, "Unauthorized", {{"", std::move(code), std::move(message)}},
                        {{"WWW-Authenticate", "Bearer realm=\"amity\""}});
}

std::string NormalizeEmail(std::string_view email) {
  while (!email.empty() && email.front() == ' ') email.remove_prefix(1);
  while (!email.empty() && email.back() == ' ') email.remove_suffix(1);
  std::string normalized(email);
  for (char& c : normalized) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return normalized;
}

domain::Principal PrincipalOf(const store::User& user) {
  return {.user_id = user.id,
          .email = user.email,
          .role = domain::ParseRole(user.role).value_or(domain::Role::kPartner),
          .person_id = user.person_id,
          .partnerships = user.partnerships};
}

json::object UserJson(const store::User& user) {
  json::array partnerships;
  for (const std::string& id : user.partnerships) partnerships.emplace_back(id);
  return {
      {"id", user.id},
      {"email", user.email},
      {"display_name", user.display_name},
      {"role", user.role},
      {"person_id", user.person_id.empty() ? json::value(nullptr) : json::value(user.person_id)},
      {"partnerships", std::move(partnerships)},
      {"disabled", user.disabled},
      {"version", user.version},
      {"created_at", user.created_at},
      {"updated_at", user.updated_at}};
}

void RecordEvent(const Call& call, std::string kind, const store::User* user, json::object detail) {
  store::AuthEvent event{.kind = std::move(kind),
                         .email = user ? user->email : std::string(),
                         .user_id = user ? user->id : std::string(),
                         .actor = call.authenticated ? call.principal.email : std::string(),
                         .address = call.ClientAddress(),
                         .detail = json::serialize(detail)};
  store::RecordAuthEvent(call.db, event, call.now);
}

void Authenticate(Call& call) {
  std::optional<store::Credential> credential;
  if (const auto header = call.request.Header("Authorization")) {
    if (!header->starts_with("Bearer ") || header->size() <= 7) {
      Unauthorized("invalid_token", "send Authorization: Bearer <token>");
    }
    credential = LookUpCredential(call, 't', auth::TokenDigest(header->substr(7)));
    if (!credential || credential->revoked || Expired(credential->expires_at, call.now)) {
      Unauthorized("invalid_token", "this token is unknown, revoked or expired");
    }
    if (credential->disabled) Unauthorized("invalid_token", "this token's user is disabled");
    // Remember the last use, at most once a minute (it costs a write).
    const auto last = ParseInstant(credential->last_used_at);
    if (!last || call.now - *last >= std::chrono::minutes(1)) {
      store::TouchApiToken(call.db, credential->token_id, call.now);
      if (call.context.credentials) call.context.credentials->Clear();
    }
  } else if (const auto cookie = call.request.Cookie(kSessionCookie); cookie && !cookie->empty()) {
    std::string digest = auth::TokenDigest(*cookie);
    credential = LookUpCredential(call, 's', digest);
    if (!credential || credential->revoked || Expired(credential->expires_at, call.now) ||
        credential->disabled) {
      return;
    }
    call.session_digest = std::move(digest);
  } else {
    return;
  }
  call.principal = {.user_id = std::move(credential->user_id),
                    .email = std::move(credential->email),
                    .role = domain::ParseRole(credential->role).value_or(domain::Role::kPartner),
                    .person_id = std::move(credential->person_id),
                    .partnerships = std::move(credential->partnerships)};
  call.authenticated = true;
}

void CheckCsrf(const Call& call) {
  if (call.session_digest.empty()) return;  // bearer tokens are not sent by browsers on their own
  const std::string_view method = call.request.method;
  if (method == "GET" || method == "HEAD" || method == "OPTIONS") return;
  const auto session = store::FindSession(call.db, call.session_digest);
  const auto sent = call.request.Header("X-CSRF-Token");
  if (!session || !sent || !auth::EqualSecrets(*sent, session->csrf_token)) {
    throw http::HttpError(403, "Forbidden",
                          {{"X-CSRF-Token", "csrf_token",
                            "a change made with a session cookie needs the session's "
                            "X-CSRF-Token header; sign in again if it was lost"}});
  }
}

http::Response Login(Call& call) {
  const json::object body = StringBody(call, {"email", "password"});
  const std::string email = NormalizeEmail(body.at("email").as_string());
  const std::string_view password = body.at("password").as_string();
  const std::string address = call.ClientAddress();
  const Instant window_start = call.now - kFailureWindow;
  {
    store::Tx tx(call.db);
    // Locked while the limit-th most recent failure is inside the window; it lifts when that
    // failure ages out.
    const auto account_since = store::NthRecentAuthEventAt(call.db, "login_failed", email, false,
                                                           window_start, kAccountFailureLimit);
    const auto address_since = store::NthRecentAuthEventAt(call.db, "login_failed", address, true,
                                                           window_start, kAddressFailureLimit);
    if (account_since || address_since) {
      const bool account_locked = account_since.has_value();
      Instant lifts = call.now;
      for (const auto& since : {account_since, address_since}) {
        if (const auto at = since ? ParseInstant(*since) : std::nullopt) {
          lifts = std::max(lifts, *at + kFailureWindow);
        }
      }
      const long long seconds = std::max<long long>(
          1, std::chrono::duration_cast<std::chrono::seconds>(lifts - call.now).count());
      store::RecordAuthEvent(
          call.db,
          {.kind = "login_locked",
           .email = email,
           .address = address,
           .detail = account_locked ? "{\"locked\":\"account\"}" : "{\"locked\":\"address\"}"},
          call.now);
      tx.Commit();
      const long long minutes = (seconds + 59) / 60;
      throw http::HttpError(
          429, "Too many failed logins",
          {{account_locked ? "email" : "", "locked",
            "too many failed logins " +
                std::string(account_locked ? "for this account" : "from this address") +
                "; try again in " + std::to_string(minutes) +
                (minutes == 1 ? " minute" : " minutes")}},
          {{"Retry-After", std::to_string(seconds)}});
    }
  }
  // The slow hash runs outside any transaction.
  const std::optional<store::User> user = store::FindUserByEmail(call.db, email);
  bool valid = false;
  if (user) {
    valid = auth::VerifyPassword(user->password_hash, password) && !user->disabled;
  } else {
    auth::VerifyNothing(password);
  }
  store::Tx tx(call.db);
  if (!valid) {
    store::RecordAuthEvent(call.db,
                           {.kind = "login_failed",
                            .email = email,
                            .user_id = user ? user->id : "",
                            .address = address,
                            .detail = user && user->disabled ? "{\"reason\":\"disabled\"}" : "{}"},
                           call.now);
    tx.Commit();
    Unauthorized("invalid_credentials", "wrong e-mail address or password");
  }
  // A new session every time: a session id planted before login never becomes authenticated.
  if (const auto old = call.request.Cookie(kSessionCookie); old && !old->empty()) {
    store::RevokeSession(call.db, auth::TokenDigest(*old), call.now);
  }
  const std::string token = auth::RandomToken();
  store::Session session{.user_id = user->id,
                         .csrf_token = auth::RandomToken(),
                         .created_at = FormatInstant(call.now),
                         .expires_at = FormatInstant(
                             call.now + std::chrono::seconds(call.context.session_ttl_seconds))};
  store::InsertSession(call.db, auth::TokenDigest(token), session, address);
  store::RecordAuthEvent(call.db,
                         {.kind = "login", .email = email, .user_id = user->id, .address = address},
                         call.now);
  tx.Commit();
  http::Response response =
      JsonResponse(200, SessionJson(*user, session.csrf_token, session.expires_at));
  response.headers.emplace_back("Set-Cookie",
                                SessionCookie(call, token, call.context.session_ttl_seconds));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

http::Response CurrentSession(Call& call) {
  const auto user = store::FindUser(call.db, call.principal.user_id);
  if (!user) Unauthorized("no_session", "sign in first");
  std::string csrf, expires;
  if (!call.session_digest.empty()) {
    if (const auto session = store::FindSession(call.db, call.session_digest)) {
      csrf = session->csrf_token;
      expires = session->expires_at;
    }
  }
  http::Response response = JsonResponse(200, SessionJson(*user, csrf, expires));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

http::Response Logout(Call& call) {
  store::Tx tx(call.db);
  if (!call.session_digest.empty()) store::RevokeSession(call.db, call.session_digest, call.now);
  const auto user = store::FindUser(call.db, call.principal.user_id);
  RecordEvent(call, "logout", user ? &*user : nullptr);
  tx.Commit();
  http::Response response = NoContent();
  response.headers.emplace_back("Set-Cookie", SessionCookie(call, "", 0));
  return response;
}

http::Response ChangeOwnPassword(Call& call) {
  const json::object body = StringBody(call, {"current_password", "new_password"});
  const std::string_view fresh = body.at("new_password").as_string();
  Problems problems = auth::PasswordProblems(fresh);
  for (Problem& problem : problems) problem.field = "new_password";
  if (!problems.empty()) throw http::HttpError(422, "Invalid password", problems);
  const auto user = store::FindUser(call.db, call.principal.user_id);
  if (!user ||
      !auth::VerifyPassword(user->password_hash, body.at("current_password").as_string())) {
    throw http::HttpError(
        422, "Invalid password",
        {{"current_password", "invalid_credentials", "the current password is wrong"}});
  }
  const std::string hash = auth::HashPassword(fresh);
  store::Tx tx(call.db);
  store::SetPasswordHash(call.db, user->id, hash, call.now);
  store::RevokeUserSessions(call.db, user->id, call.now, call.session_digest);
  RecordEvent(call, "password_changed", &*user);
  tx.Commit();
  return NoContent();
}

}  // namespace amity::api
