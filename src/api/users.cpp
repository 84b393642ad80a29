// Accounts as routes: users (admin), the caller's API tokens, the security log and the change
// trail (admin), and each record's own trail (whoever may see the record).
#include <boost/json.hpp>
#include <limits>

#include "api/access.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/redaction.h"
#include "api/responses.h"
#include "api/validation.h"
#include "auth/secrets.h"
#include "base/id.h"
#include "base/time.h"
#include "http/error.h"
#include "store/accounts.h"
#include "store/changes.h"

namespace amity::api {
namespace json = boost::json;

namespace {

constexpr std::string_view kUserFields[] = {"email",     "display_name", "role",
                                            "person_id", "partnerships", "disabled"};

bool LooksLikeEmail(std::string_view email) {
  const size_t at = email.find('@');
  return email.size() >= 3 && email.size() <= 254 && at != std::string_view::npos && at > 0 &&
         at + 1 < email.size() && email.find('@', at + 1) == std::string_view::npos &&
         email.find_first_of(" \t\r\n<>()[],;:\"\\") == std::string_view::npos;
}

// Applies the members of `body` to `user`, collecting problems. On create `email` and `role` are
// required; afterwards the e-mail address cannot change (it names the account in the logs).
Problems ApplyUserFields(Call& call, const json::object& body, store::User& user, bool creating) {
  Problems problems;
  for (const auto& [key, value] : body) {
    if (std::find(std::begin(kUserFields), std::end(kUserFields), std::string_view(key)) ==
        std::end(kUserFields)) {
      problems.push_back({std::string(key), "unknown_field", "this field is not accepted here"});
    }
  }
  const auto string_member = [&](std::string_view name, bool nullable) -> const json::string* {
    const json::value* value = body.if_contains(name);
    if (value == nullptr || (nullable && value->is_null())) return nullptr;
    if (!value->is_string()) {
      problems.push_back({std::string(name), "wrong_type", "expected a string"});
      return nullptr;
    }
    return &value->as_string();
  };
  if (const json::string* email = string_member("email", false)) {
    if (!creating) {
      problems.push_back({"email", "read_only", "an account's e-mail address cannot change"});
    } else if (auto problem = ControlCharacterProblem("email", *email)) {
      problems.push_back(std::move(*problem));
    } else if (!LooksLikeEmail(NormalizeEmail(*email))) {
      problems.push_back({"email", "invalid_email", "expected an e-mail address"});
    } else {
      user.email = NormalizeEmail(*email);
    }
  } else if (creating && !body.contains("email")) {
    problems.push_back({"email", "required", "required"});
  }
  if (const json::string* role = string_member("role", false)) {
    if (!domain::ParseRole(*role)) {
      problems.push_back(
          {"role", "invalid_enum", "one of admin, officer, contributor, partner, viewer"});
    } else {
      user.role = *role;
    }
  } else if (creating && !body.contains("role")) {
    problems.push_back({"role", "required", "required"});
  }
  if (const json::string* name = string_member("display_name", false)) {
    if (name->size() > 200) problems.push_back({"display_name", "too_long", "at most 200 bytes"});
    if (auto problem = ControlCharacterProblem("display_name", *name)) {
      problems.push_back(std::move(*problem));
    }
    user.display_name = *name;
  }
  if (body.contains("person_id")) {
    user.person_id.clear();
    if (const json::string* person = string_member("person_id", true)) {
      if (!IsUuid(*person) || !store::IsLiveRecord(call.db, "people", *person)) {
        problems.push_back({"person_id", "dangling_reference", "no person with this id"});
      } else {
        user.person_id = *person;
      }
    }
  }
  if (const json::value* disabled = body.if_contains("disabled")) {
    if (!disabled->is_bool()) {
      problems.push_back({"disabled", "wrong_type", "expected true or false"});
    } else {
      user.disabled = disabled->as_bool();
    }
  }
  if (const json::value* list = body.if_contains("partnerships")) {
    if (!list->is_array()) {
      problems.push_back({"partnerships", "wrong_type", "expected a list of partnership ids"});
    } else {
      user.partnerships.clear();
      for (size_t i = 0; i < list->as_array().size(); ++i) {
        const json::value& item = list->as_array()[i];
        const std::string field = "partnerships[" + std::to_string(i) + "]";
        if (!item.is_string() || !IsUuid(item.as_string()) ||
            !store::IsLiveRecord(call.db, "partnerships", item.as_string())) {
          problems.push_back({field, "dangling_reference", "no partnership with this id"});
        } else if (std::find(user.partnerships.begin(), user.partnerships.end(),
                             item.as_string()) != user.partnerships.end()) {
          problems.push_back({field, "duplicate", "listed twice"});
        } else {
          user.partnerships.emplace_back(item.as_string());
        }
      }
    }
  }
  if (problems.empty() && user.role != "partner" && !user.partnerships.empty()) {
    problems.push_back({"partnerships", "not_partner",
                        "only partner users are assigned partnerships; other roles see all"});
  }
  return problems;
}

store::User LoadUser(Call& call) {
  const std::string_view id = call.Param("id");
  std::optional<store::User> user;
  if (IsUuid(id)) user = store::FindUser(call.db, id);
  if (!user) NotFound("user");
  return *user;
}

long long ActiveAdmins(Call& call) {
  long long admins = 0;
  for (const store::User& user : store::ListUsers(call.db)) {
    admins += user.role == "admin" && !user.disabled;
  }
  return admins;
}

http::Response WithPassword(int status, const store::User& user, const std::string& password) {
  json::object body = UserJson(user);
  body["password"] = password;  // shown once: only its Argon2id hash is kept
  http::Response response = JsonResponse(status, body);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

json::object TokenJson(const store::ApiToken& token) {
  const auto or_null = [](const std::string& text) {
    return text.empty() ? json::value(nullptr) : json::value(text);
  };
  return {{"id", token.id},
          {"user_id", token.user_id},
          {"name", token.name},
          {"created_at", token.created_at},
          {"expires_at", or_null(token.expires_at)},
          {"last_used_at", or_null(token.last_used_at)},
          {"revoked_at", or_null(token.revoked_at)}};
}

// Reads since/until (RFC 3339 instants, checked by CheckQuery) into UTC text.
std::optional<std::string> InstantParameter(std::string_view value) {
  return FormatInstant(*ParseInstant(value));
}

// A page of the change trail as the answer.
// The feed (after_seq) says where it continues: the last entry's seq, or after_seq again when the
// page is empty (nothing new yet).
http::Response ChangePage(store::Page page, const store::ChangeQuery& query) {
  json::object answer{{"items", std::move(page.items)},
                      {"total", page.info.total ? json::value(*page.info.total) : nullptr},
                      {"limit", query.limit},
                      {"offset", query.offset},
                      {"has_more", page.info.has_more}};
  if (query.after_seq) {
    const json::array& items = answer.at("items").as_array();
    answer["next_after_seq"] = items.empty() ? *query.after_seq : items.back().at("seq").as_int64();
  }
  return JsonResponse(200, answer);
}

}  // namespace

http::Response ListUsers(Call& call) {
  CheckQuery(call.route.query, call.request.query);
  std::optional<std::string> role;
  for (const auto& [name, value] : call.request.query) {
    if (name == "role") role = value;
  }
  json::array items;
  for (const store::User& user : store::ListUsers(call.db)) {
    if (!role || user.role == *role) items.push_back(UserJson(user));
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response GetUser(Call& call) { return JsonResponse(200, UserJson(LoadUser(call))); }

http::Response CreateUser(Call& call) {
  const json::object body = ParseBody(call.request);
  store::User user;
  store::Tx tx(call.db);
  Problems problems = ApplyUserFields(call, body, user, true);
  if (problems.empty() && store::FindUserByEmail(call.db, user.email)) {
    problems.push_back({"email", "taken", "an account with this e-mail address exists"});
  }
  if (!problems.empty()) throw http::HttpError(StatusFor(problems), "Invalid user", problems);
  const std::string password = auth::RandomPassword();
  user.password_hash = auth::HashPassword(password);
  user = store::InsertUser(call.db, user, call.now);
  RecordEvent(call, "user_created", &user, {{"role", user.role}});
  tx.Commit();
  http::Response response = WithPassword(201, user, password);
  response.headers.emplace_back("Location", "/api/v1/users/" + user.id);
  return response;
}

http::Response UpdateUser(Call& call) {
  const long long expected = IfMatchVersion(call.request, true);
  const json::object body = ParseBody(call.request);
  store::Tx tx(call.db);
  const store::User before = LoadUser(call);
  if (expected != before.version) {
    CheckVersion(json::object{{"version", before.version}}, expected);
  }
  store::User user = before;
  Problems problems = ApplyUserFields(call, body, user, false);
  const bool demoted = before.role == "admin" && (user.role != "admin" || user.disabled);
  if (problems.empty() && demoted && !before.disabled && ActiveAdmins(call) <= 1) {
    problems.push_back({user.disabled ? "disabled" : "role", "last_admin",
                        "this is the last active admin; make another admin first"});
  }
  if (!problems.empty()) throw http::HttpError(StatusFor(problems), "Invalid user", problems);
  user = store::SaveUser(call.db, user, call.now);
  if (user.role != before.role) {
    RecordEvent(call, "role_changed", &user, {{"from", before.role}, {"to", user.role}});
  }
  if (user.disabled != before.disabled) {
    RecordEvent(call, user.disabled ? "user_disabled" : "user_enabled", &user);
    if (user.disabled) {
      store::RevokeUserSessions(call.db, user.id, call.now);
      store::RevokeUserApiTokens(call.db, user.id, call.now);
    }
  }
  if (user.partnerships != before.partnerships) {
    json::array assigned;
    for (const std::string& id : user.partnerships) assigned.emplace_back(id);
    RecordEvent(call, "partnerships_changed", &user, {{"partnerships", std::move(assigned)}});
  }
  tx.Commit();
  http::Response response = JsonResponse(200, UserJson(user));
  response.headers.emplace_back("ETag", "\"" + std::to_string(user.version) + "\"");
  return response;
}

http::Response ResetUserPassword(Call& call) {
  store::User user = LoadUser(call);
  const std::string password = auth::RandomPassword();
  const std::string hash = auth::HashPassword(password);
  store::Tx tx(call.db);
  store::SetPasswordHash(call.db, user.id, hash, call.now);
  store::RevokeUserSessions(call.db, user.id, call.now);
  RecordEvent(call, "password_changed", &user, {{"reset_by_admin", true}});
  user = *store::FindUser(call.db, user.id);
  tx.Commit();
  return WithPassword(200, user, password);
}

http::Response ListTokens(Call& call) {
  json::array items;
  for (const store::ApiToken& token : store::ListApiTokens(call.db, call.principal.user_id)) {
    items.push_back(TokenJson(token));
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response CreateToken(Call& call) {
  const json::object body = ParseBody(call.request);
  Problems problems;
  store::ApiToken token{
      .id = NewId(), .user_id = call.principal.user_id, .created_at = FormatInstant(call.now)};
  for (const auto& [key, value] : body) {
    if (key == "name") {
      if (!value.is_string()) {
        problems.push_back({"name", "wrong_type", "expected a string"});
      } else if (value.as_string().empty() || value.as_string().size() > 100) {
        problems.push_back({"name", "invalid_length", "1 to 100 bytes"});
      } else if (auto problem = ControlCharacterProblem("name", value.as_string())) {
        problems.push_back(std::move(*problem));
      } else {
        token.name = value.as_string();
      }
    } else if (key == "expires_at") {
      const auto instant = value.is_string() ? ParseInstant(value.as_string()) : std::nullopt;
      if (!value.is_null() && !instant) {
        problems.push_back({"expires_at", "invalid_instant", "expected e.g. 2027-01-01T00:00:00Z"});
      } else if (instant && *instant <= call.now) {
        problems.push_back({"expires_at", "in_the_past", "must lie in the future"});
      } else if (instant && !InSupportedRange(*instant)) {
        problems.push_back({"expires_at", "out_of_range", DateRangeMessage()});
      } else if (instant) {
        token.expires_at = FormatInstant(*instant);
      }
    } else {
      problems.push_back({std::string(key), "unknown_field", "this field is not accepted here"});
    }
  }
  if (!body.contains("name")) problems.push_back({"name", "required", "required"});
  if (!problems.empty()) throw http::HttpError(StatusFor(problems), "Invalid token", problems);
  const std::string secret = auth::RandomToken();
  store::Tx tx(call.db);
  store::InsertApiToken(call.db, token, auth::TokenDigest(secret));
  const auto user = store::FindUser(call.db, call.principal.user_id);
  RecordEvent(call, "token_created", user ? &*user : nullptr, {{"token_id", token.id}});
  tx.Commit();
  json::object answer = TokenJson(token);
  answer["token"] = secret;  // shown once: only its digest is kept
  http::Response response = JsonResponse(201, answer);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

http::Response RevokeToken(Call& call) {
  const std::string_view id = call.Param("id");
  std::optional<store::ApiToken> token;
  if (IsUuid(id)) token = store::FindApiToken(call.db, id);
  // Someone else's token does not exist for the caller (admins may revoke any).
  if (!token || (token->user_id != call.principal.user_id && !domain::IsAdmin(call.principal))) {
    NotFound("token");
  }
  store::Tx tx(call.db);
  store::RevokeApiToken(call.db, token->id, call.now);
  const auto user = store::FindUser(call.db, token->user_id);
  RecordEvent(call, "token_revoked", user ? &*user : nullptr, {{"token_id", token->id}});
  tx.Commit();
  return NoContent();
}

store::AuthEventQuery AuthEventQueryOf(const Call& call) {
  CheckQuery(call.route.query, call.request.query);
  store::AuthEventQuery query;
  for (const auto& [name, value] : call.request.query) {
    if (name == "kind") {
      query.kind = value;
    } else if (name == "email") {
      query.email = NormalizeEmail(value);
    } else if (name == "since") {
      query.since = InstantParameter(value);
    } else if (name == "until") {
      query.until = InstantParameter(value);
    } else {
      ParsePaging(name, value, query.limit, query.offset);
    }
  }
  return query;
}

http::Response ListAuthEvents(Call& call) {
  const store::AuthEventQuery query = AuthEventQueryOf(call);
  long long total = 0;
  json::array items;
  for (const store::AuthEvent& event : store::ListAuthEvents(call.db, query, total)) {
    items.push_back(json::object{
        {"id", event.id},
        {"at", event.at},
        {"kind", event.kind},
        {"email", event.email},
        {"user_id", event.user_id.empty() ? json::value(nullptr) : json::value(event.user_id)},
        {"actor", event.actor},
        {"address", event.address},
        {"detail", json::parse(event.detail)}});
  }
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"limit", query.limit},
                                        {"offset", query.offset}});
}

store::ChangeQuery ChangeQueryOf(const Call& call) {
  CheckQuery(call.route.query, call.request.query);
  store::ChangeQuery query;
  for (const auto& [name, value] : call.request.query) {
    if (name == "entity") {
      query.entity = value;
    } else if (name == "record_id") {
      query.record_id = value;
    } else if (name == "actor") {
      query.actor = NormalizeEmail(value);
    } else if (name == "op") {
      query.op = value;
    } else if (name == "since") {
      query.since = InstantParameter(value);
    } else if (name == "until") {
      query.until = InstantParameter(value);
    } else if (name == "after_seq") {
      query.after_seq = ParseBoundedInt(name, value, 0, std::numeric_limits<int>::max());
    } else {
      ParsePaging(name, value, query.limit, query.offset);
    }
  }
  if (query.after_seq && query.offset > 0) {
    RejectParameter("after_seq", "after_seq_and_offset", "send either after_seq or offset");
  }
  return query;
}

http::Response ListChangesHandler(Call& call) {
  const store::ChangeQuery query = ChangeQueryOf(call);
  return ChangePage(store::ListChanges(call.db, query), query);
}

// A caller who does not see every record sees a record's trail only from the last change that
// widened who sees it (store::LastWidening): earlier values were meant for a narrower audience.
// That change keeps its `after` but not its `before` ("hidden": ["before"]). References to
// records the caller may not see are withheld from the values as from records.
store::Page VisibleRecordChanges(Call& call, const domain::ResourceSpec& spec, std::string_view id,
                                 store::ChangeQuery& query) {
  Redactor redactor(call.db, call.principal);
  std::optional<store::ChangeMark> widening;
  if (redactor.active()) {
    widening = store::LastWidening(call.db, spec.name, id);
    if (widening) query.from_seq = widening->seq;
  }
  store::Page page = store::ListChanges(call.db, query);
  if (redactor.active()) {
    std::vector<json::object*> values;
    for (json::value& item : page.items) {
      json::object& change = item.as_object();
      if (widening && change.at("seq").as_int64() == widening->seq) {
        change["before"] = nullptr;
        change["hidden"] = json::array{"before"};
      }
      for (const char* side : {"before", "after"}) {
        if (json::value& values_of_side = change[side]; values_of_side.is_object()) {
          values.push_back(&values_of_side.as_object());
        }
      }
    }
    redactor.Redact(spec, values);
  }
  return page;
}

void RequireVisibleRecord(Call& call, const domain::ResourceSpec& spec, std::string_view id) {
  RequireUuid(id, spec.singular);
  const auto record = store::GetRecord(call.db, spec, id);
  if (!record) NotFound(spec.singular);
  RequireVisible(call, spec, *record);
}

http::Response RecordChangesHandler(Call& call) {
  const domain::ResourceSpec& spec = *call.route.resource;
  const std::string_view id = call.Param("id");
  RequireVisibleRecord(call, spec, id);
  store::ChangeQuery query{.entity = std::string(spec.name), .record_id = std::string(id)};
  CheckQuery(call.route.query, call.request.query);
  for (const auto& [name, value] : call.request.query) {
    ParsePaging(name, value, query.limit, query.offset);
  }
  return ChangePage(VisibleRecordChanges(call, spec, id, query), query);
}

}  // namespace amity::api
