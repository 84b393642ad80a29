// Who is calling: session cookies (the web UI) and bearer tokens (scripts), CSRF protection of
// cookie-authenticated writes, and the login, logout and password routes.
#pragma once

#include <boost/json.hpp>

#include "api/api.h"
#include "store/accounts.h"

namespace amity::api {

inline constexpr char kSessionCookie[] = "amity_session";

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
