#include "store/accounts.h"

#include "base/id.h"

namespace amity::store {

namespace {

constexpr char kUserColumns[] =
    "id, version, created_at, updated_at, email, display_name, role, coalesce(person_id, ''), "
    "password_hash, disabled";
constexpr char kSelectUserPartnerships[] =
    "SELECT partnership_id FROM user_partnerships WHERE user_id = ? ORDER BY partnership_id";
constexpr char kInsertUser[] =
    "INSERT INTO users (id, version, created_at, updated_at, email, display_name, role, "
    "person_id, password_hash, disabled) VALUES (?, 1, ?, ?, ?, ?, ?, nullif(?, ''), ?, ?)";
constexpr char kSaveUser[] =
    "UPDATE users SET version = version + 1, updated_at = ?, display_name = ?, role = ?, "
    "person_id = nullif(?, ''), disabled = ? WHERE id = ?";
constexpr char kSetPassword[] =
    "UPDATE users SET version = version + 1, updated_at = ?, password_hash = ? WHERE id = ?";
constexpr char kDeletePartnerships[] = "DELETE FROM user_partnerships WHERE user_id = ?";
constexpr char kInsertPartnership[] =
    "INSERT INTO user_partnerships (user_id, partnership_id) VALUES (?, ?)";

constexpr char kInsertSession[] =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, address) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelectSession[] =
    "SELECT user_id, csrf_token, created_at, expires_at, revoked_at IS NOT NULL "
    "FROM sessions WHERE token_hash = ?";
constexpr char kRevokeSession[] =
    "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL";
constexpr char kRevokeUserSessions[] =
    "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL "
    "AND token_hash <> ?";

constexpr char kTokenColumns[] =
    "id, user_id, name, created_at, coalesce(expires_at, ''), coalesce(last_used_at, ''), "
    "coalesce(revoked_at, '')";
constexpr char kInsertToken[] =
    "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?, nullif(?, ''))";
constexpr char kRevokeToken[] =
    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
constexpr char kRevokeUserTokens[] =
    "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL";
constexpr char kTouchToken[] = "UPDATE api_tokens SET last_used_at = ? WHERE id = ?";

constexpr char kInsertAuthEvent[] =
    "INSERT INTO auth_events (at, kind, email, user_id, actor, address, detail) "
    "VALUES (?, ?, ?, nullif(?, ''), ?, ?, ?)";
constexpr char kAuthEventFilter[] =
    "FROM auth_events WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR email = ?2) "
    "AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at < ?4) AND (?7 IS NULL OR id < ?7)";

// Reads the user columns (kUserColumns) starting at column `first`.
User ReadUser(const Stmt& row, int first = 0) {
  User user;
  user.id = row.Text(first);
  user.version = row.Int(first + 1);
  user.created_at = row.Text(first + 2);
  user.updated_at = row.Text(first + 3);
  user.email = row.Text(first + 4);
  user.display_name = row.Text(first + 5);
  user.role = row.Text(first + 6);
  user.person_id = row.Text(first + 7);
  user.password_hash = row.Text(first + 8);
  user.disabled = row.Int(first + 9) != 0;
  return user;
}

void LoadPartnerships(Db& db, User& user) {
  user.partnerships.clear();
  Stmt select = db.Prepare(kSelectUserPartnerships);
  select.Bind(1, user.id);
  while (select.Step()) user.partnerships.emplace_back(select.Text(0));
}

std::optional<User> FindUserWhere(Db& db, std::string_view column, std::string_view value) {
  std::optional<User> user;
  {
    Stmt select = db.Prepare("SELECT " + std::string(kUserColumns) + " FROM users WHERE " +
                             std::string(column) + " = ?");
    select.Bind(1, value);
    if (!select.Step()) return std::nullopt;
    user = ReadUser(select);
  }
  LoadPartnerships(db, *user);
  return user;
}

void WritePartnerships(Db& db, const User& user) {
  db.Prepare(kDeletePartnerships).Bind(1, user.id).Run();
  for (const std::string& partnership : user.partnerships) {
    db.Prepare(kInsertPartnership).Bind(1, user.id).Bind(2, partnership).Run();
  }
}

ApiToken ReadToken(const Stmt& row) {
  return {.id = std::string(row.Text(0)),
          .user_id = std::string(row.Text(1)),
          .name = std::string(row.Text(2)),
          .created_at = std::string(row.Text(3)),
          .expires_at = std::string(row.Text(4)),
          .last_used_at = std::string(row.Text(5)),
          .revoked_at = std::string(row.Text(6))};
}

std::optional<ApiToken> FindTokenWhere(Db& db, std::string_view column, std::string_view value) {
  Stmt select = db.Prepare("SELECT " + std::string(kTokenColumns) + " FROM api_tokens WHERE " +
                           std::string(column) + " = ?");
  select.Bind(1, value);
  if (!select.Step()) return std::nullopt;
  return ReadToken(select);
}

}  // namespace

std::optional<User> FindUser(Db& db, std::string_view id) { return FindUserWhere(db, "id", id); }

std::optional<User> FindUserByEmail(Db& db, std::string_view email) {
  return FindUserWhere(db, "email", email);
}

std::vector<User> ListUsers(Db& db) {
  std::vector<User> users;
  {
    Stmt select = db.Prepare("SELECT " + std::string(kUserColumns) + " FROM users ORDER BY email");
    while (select.Step()) users.push_back(ReadUser(select));
  }
  for (User& user : users) LoadPartnerships(db, user);
  return users;
}

long long CountUsers(Db& db) {
  Stmt count = db.Prepare("SELECT count(*) FROM users");
  count.Step();
  return count.Int(0);
}

User InsertUser(Db& db, User user, Instant now) {
  user.id = NewId();
  user.version = 1;
  user.created_at = user.updated_at = FormatInstant(now);
  db.Prepare(kInsertUser)
      .Bind(1, user.id)
      .Bind(2, user.created_at)
      .Bind(3, user.updated_at)
      .Bind(4, user.email)
      .Bind(5, user.display_name)
      .Bind(6, user.role)
      .Bind(7, user.person_id)
      .Bind(8, user.password_hash)
      .Bind(9, user.disabled ? 1 : 0)
      .Run();
  WritePartnerships(db, user);
  return user;
}

User SaveUser(Db& db, const User& user, Instant now) {
  db.Prepare(kSaveUser)
      .Bind(1, FormatInstant(now))
      .Bind(2, user.display_name)
      .Bind(3, user.role)
      .Bind(4, user.person_id)
      .Bind(5, user.disabled ? 1 : 0)
      .Bind(6, user.id)
      .Run();
  WritePartnerships(db, user);
  return *FindUser(db, user.id);
}

void SetPasswordHash(Db& db, std::string_view user_id, std::string_view hash, Instant now) {
  db.Prepare(kSetPassword).Bind(1, FormatInstant(now)).Bind(2, hash).Bind(3, user_id).Run();
}

void InsertSession(Db& db, std::string_view token_digest, const Session& session,
                   std::string_view address) {
  db.Prepare(kInsertSession)
      .Bind(1, token_digest)
      .Bind(2, session.user_id)
      .Bind(3, session.csrf_token)
      .Bind(4, session.created_at)
      .Bind(5, session.expires_at)
      .Bind(6, address)
      .Run();
}

std::optional<Session> FindSession(Db& db, std::string_view token_digest) {
  Stmt select = db.Prepare(kSelectSession);
  select.Bind(1, token_digest);
  if (!select.Step()) return std::nullopt;
  return Session{.user_id = std::string(select.Text(0)),
                 .csrf_token = std::string(select.Text(1)),
                 .created_at = std::string(select.Text(2)),
                 .expires_at = std::string(select.Text(3)),
                 .revoked = select.Int(4) != 0};
}

void RevokeSession(Db& db, std::string_view token_digest, Instant now) {
  db.Prepare(kRevokeSession).Bind(1, FormatInstant(now)).Bind(2, token_digest).Run();
}

void RevokeUserSessions(Db& db, std::string_view user_id, Instant now,
                        std::string_view except_digest) {
  db.Prepare(kRevokeUserSessions)
      .Bind(1, FormatInstant(now))
      .Bind(2, user_id)
      .Bind(3, except_digest)
      .Run();
}

void InsertApiToken(Db& db, const ApiToken& token, std::string_view token_digest) {
  db.Prepare(kInsertToken)
      .Bind(1, token.id)
      .Bind(2, token.user_id)
      .Bind(3, token.name)
      .Bind(4, token_digest)
      .Bind(5, token.created_at)
      .Bind(6, token.expires_at)
      .Run();
}

std::optional<ApiToken> FindApiTokenByDigest(Db& db, std::string_view token_digest) {
  return FindTokenWhere(db, "token_hash", token_digest);
}

std::optional<ApiToken> FindApiToken(Db& db, std::string_view id) {
  return FindTokenWhere(db, "id", id);
}

std::vector<ApiToken> ListApiTokens(Db& db, std::string_view user_id) {
  std::vector<ApiToken> tokens;
  Stmt select = db.Prepare("SELECT " + std::string(kTokenColumns) +
                           " FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC");
  select.Bind(1, user_id);
  while (select.Step()) tokens.push_back(ReadToken(select));
  return tokens;
}

void RevokeApiToken(Db& db, std::string_view id, Instant now) {
  db.Prepare(kRevokeToken).Bind(1, FormatInstant(now)).Bind(2, id).Run();
}

void RevokeUserApiTokens(Db& db, std::string_view user_id, Instant now) {
  db.Prepare(kRevokeUserTokens).Bind(1, FormatInstant(now)).Bind(2, user_id).Run();
}

void TouchApiToken(Db& db, std::string_view id, Instant now) {
  db.Prepare(kTouchToken).Bind(1, FormatInstant(now)).Bind(2, id).Run();
}

void RecordAuthEvent(Db& db, const AuthEvent& event, Instant now) {
  db.Prepare(kInsertAuthEvent)
      .Bind(1, FormatInstant(now))
      .Bind(2, event.kind)
      .Bind(3, event.email)
      .Bind(4, event.user_id)
      .Bind(5, event.actor)
      .Bind(6, event.address)
      .Bind(7, event.detail)
      .Run();
}

std::optional<std::string> NthRecentAuthEventAt(Db& db, std::string_view kind, std::string_view key,
                                                bool by_address, Instant since, int n) {
  Stmt select = db.Prepare(
      std::string("SELECT at FROM auth_events WHERE ") + (by_address ? "address" : "email") +
      " = ? AND kind = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT 1 OFFSET ?");
  select.Bind(1, key).Bind(2, kind).Bind(3, FormatInstant(since)).Bind(4, n - 1);
  if (!select.Step()) return std::nullopt;
  return std::string(select.Text(0));
}

std::vector<AuthEvent> ListAuthEvents(Db& db, const AuthEventQuery& query, long long& total) {
  const auto bind = [&query](Stmt& stmt) {
    stmt.Bind(1, query.kind).Bind(2, query.email).Bind(3, query.since).Bind(4, query.until);
    if (query.before_id) {
      stmt.Bind(7, *query.before_id);
    } else {
      stmt.BindNull(7);
    }
  };
  std::vector<AuthEvent> events;
  {
    Stmt select =
        db.Prepare("SELECT id, at, kind, email, coalesce(user_id, ''), actor, address, detail " +
                   std::string(kAuthEventFilter) + " ORDER BY id DESC LIMIT ?5 OFFSET ?6");
    bind(select);
    select.Bind(5, query.limit).Bind(6, query.offset);
    while (select.Step()) {
      events.push_back({.id = select.Int(0),
                        .at = std::string(select.Text(1)),
                        .kind = std::string(select.Text(2)),
                        .email = std::string(select.Text(3)),
                        .user_id = std::string(select.Text(4)),
                        .actor = std::string(select.Text(5)),
                        .address = std::string(select.Text(6)),
                        .detail = std::string(select.Text(7))});
    }
  }
  Stmt count = db.Prepare("SELECT count(*) " + std::string(kAuthEventFilter));
  bind(count);
  count.Step();
  total = count.Int(0);
  return events;
}

namespace {

constexpr char kSelectTokenCredential[] =
    "SELECT t.id, t.expires_at, t.last_used_at, t.revoked_at IS NOT NULL, u.id, u.email, u.role, "
    "u.person_id, u.disabled FROM api_tokens t JOIN users u ON u.id = t.user_id "
    "WHERE t.token_hash = ?";
constexpr char kSelectSessionCredential[] =
    "SELECT s.csrf_token, s.expires_at, s.revoked_at IS NOT NULL, u.id, u.email, u.role, "
    "u.person_id, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = ?";

// Reads user id, email, role, person_id, disabled from `first` on.
void ReadCredentialUser(const Stmt& row, int first, Credential& credential) {
  credential.user_id = row.Text(first);
  credential.email = row.Text(first + 1);
  credential.role = row.Text(first + 2);
  credential.person_id = row.String(first + 3);
  credential.disabled = row.Int(first + 4) != 0;
}

void LoadCredentialPartnerships(Db& db, Credential& credential) {
  if (credential.role != "partner") return;
  Stmt select = db.Prepare(kSelectUserPartnerships);
  select.Bind(1, credential.user_id);
  while (select.Step()) credential.partnerships.emplace_back(select.Text(0));
}

}  // namespace

std::optional<Credential> FindTokenCredential(Db& db, std::string_view token_digest) {
  Credential credential;
  {
    Stmt select = db.Prepare(kSelectTokenCredential);
    select.Bind(1, token_digest);
    if (!select.Step()) return std::nullopt;
    credential.token_id = select.Text(0);
    credential.expires_at = select.String(1);
    credential.last_used_at = select.String(2);
    credential.revoked = select.Int(3) != 0;
    ReadCredentialUser(select, 4, credential);
  }
  LoadCredentialPartnerships(db, credential);
  return credential;
}

std::optional<Credential> FindSessionCredential(Db& db, std::string_view token_digest) {
  Credential credential;
  {
    Stmt select = db.Prepare(kSelectSessionCredential);
    select.Bind(1, token_digest);
    if (!select.Step()) return std::nullopt;
    credential.csrf_token = select.Text(0);
    credential.expires_at = select.Text(1);
    credential.revoked = select.Int(2) != 0;
    ReadCredentialUser(select, 3, credential);
  }
  LoadCredentialPartnerships(db, credential);
  return credential;
}

}  // namespace amity::store
