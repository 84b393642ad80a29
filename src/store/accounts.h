// Accounts: users, their partnership assignments, login sessions, API tokens and the security
// log (auth_events). Only derived secrets are stored (Argon2id strings, token digests); the
// API layer makes and checks them with src/auth.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "store/db.h"

namespace amity::store {

struct User {
  std::string id;
  long long version = 1;
  std::string created_at;
  std::string updated_at;
  std::string email;
  std::string display_name;
  std::string role;
  std::string person_id;  // "" when not linked to a person
  std::string password_hash;
  bool disabled = false;
  std::vector<std::string> partnerships;  // assigned partnerships (partner users)
};

// The user with this id / e-mail address (lower case), or nullopt.
std::optional<User> FindUser(Db& db, std::string_view id);
std::optional<User> FindUserByEmail(Db& db, std::string_view email);

// Every user, ordered by e-mail address.
std::vector<User> ListUsers(Db& db);

long long CountUsers(Db& db);

// Inserts `user` (its id, version and times are set here) and returns it as stored.
User InsertUser(Db& db, User user, Instant now);

// Writes role, display name, person, disabled and partnerships of `user` and bumps its
// version. Precondition: the caller checked the version it was given.
User SaveUser(Db& db, const User& user, Instant now);

void SetPasswordHash(Db& db, std::string_view user_id, std::string_view hash, Instant now);

// A login session; the client holds the token, the table its digest.
struct Session {
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
  bool revoked = false;
};

void InsertSession(Db& db, std::string_view token_digest, const Session& session,
                   std::string_view address);
std::optional<Session> FindSession(Db& db, std::string_view token_digest);
void RevokeSession(Db& db, std::string_view token_digest, Instant now);
// Revokes every session of the user (disabling, password change, role change).
// Keeps the session whose digest is `except_digest`, if any (the one changing its password).
void RevokeUserSessions(Db& db, std::string_view user_id, Instant now,
                        std::string_view except_digest = {});

struct ApiToken {
  std::string id;
  std::string user_id;
  std::string name;
  std::string created_at;
  std::string expires_at;    // "" for none
  std::string last_used_at;  // "" for never
  std::string revoked_at;    // "" while valid
};

void InsertApiToken(Db& db, const ApiToken& token, std::string_view token_digest);
std::optional<ApiToken> FindApiTokenByDigest(Db& db, std::string_view token_digest);
std::optional<ApiToken> FindApiToken(Db& db, std::string_view id);
// The user's tokens, newest first (revoked ones included, marked).
std::vector<ApiToken> ListApiTokens(Db& db, std::string_view user_id);
void RevokeApiToken(Db& db, std::string_view id, Instant now);
void RevokeUserApiTokens(Db& db, std::string_view user_id, Instant now);
void TouchApiToken(Db& db, std::string_view id, Instant now);

struct AuthEvent {
  long long id = 0;
  std::string at;
  std::string kind;  // login, login_failed, … (CHECK in migration 0004)
  std::string email;
  std::string user_id;
  std::string actor;
  std::string address;
  std::string detail = "{}";  // JSON object text
};

void RecordAuthEvent(Db& db, const AuthEvent& event, Instant now);

// What every request needs to know about its credential and its user, read in one lean query
// (the token or session joined with its user; partnerships only for partner users).
struct Credential {
  std::string token_id;      // API tokens only
  std::string csrf_token;    // sessions only
  std::string expires_at;    // "" for none
  std::string last_used_at;  // API tokens: "" for never
  bool revoked = false;
  std::string user_id;
  std::string email;
  std::string role;
  std::string person_id;
  bool disabled = false;
  std::vector<std::string> partnerships;
};

// The credential of the API token / session with this digest; nullopt when none matches.
std::optional<Credential> FindTokenCredential(Db& db, std::string_view token_digest);
std::optional<Credential> FindSessionCredential(Db& db, std::string_view token_digest);

// When the `n`-th most recent event of `kind` for this key (as above) since `since` happened;
// nullopt when there are fewer. (A lock lifts when the n-th most recent failure ages out.)
std::optional<std::string> NthRecentAuthEventAt(Db& db, std::string_view kind, std::string_view key,
                                                bool by_address, Instant since, int n);

struct AuthEventQuery {
  std::optional<std::string> kind;
  std::optional<std::string> email;
  std::optional<std::string> since;  // UTC instant text, inclusive
  std::optional<std::string> until;  // exclusive
  // Only events older than this one (a keyset: the next batch of an export).
  std::optional<long long> before_id;
  int limit = 50;
  int offset = 0;
};

// Events matching `query`, newest first, and the number of all matches.
std::vector<AuthEvent> ListAuthEvents(Db& db, const AuthEventQuery& query, long long& total);

}  // namespace amity::store
