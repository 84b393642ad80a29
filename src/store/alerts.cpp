#include "store/alerts.h"

#include <boost/json.hpp>

namespace amity::store {
namespace json = boost::json;

namespace {

constexpr char kNoticeColumns[] =
    "id, user_id, kind, dedupe_key, lang, subject, body, link, created_at, read_at";

Notice ReadNotice(const Stmt& row) {
  Notice notice{.id = row.String(0),
                .user_id = row.String(1),
                .kind = row.String(2),
                .dedupe_key = row.String(3),
                .lang = row.String(4),
                .subject = row.String(5),
                .body = row.String(6),
                .link = row.String(7),
                .created_at = row.String(8)};
  if (!row.IsNull(9)) notice.read_at = row.String(9);
  return notice;
}

constexpr char kMailColumns[] =
    "m.id, m.notice_id, m.recipient, m.message, m.state, m.attempts, m.next_attempt_at, "
    "m.last_error, m.created_at, m.sent_at, n.kind, n.subject";

OutboxMail ReadMail(const Stmt& row) {
  return OutboxMail{.id = row.String(0),
                    .notice_id = row.String(1),
                    .recipient = row.String(2),
                    .message = row.String(3),
                    .state = row.String(4),
                    .attempts = row.Int(5),
                    .next_attempt_at = row.String(6),
                    .last_error = row.String(7),
                    .created_at = row.String(8),
                    .sent_at = row.String(9),
                    .kind = row.String(10),
                    .subject = row.String(11)};
}

Subscription ReadSubscription(const Stmt& row) {
  return Subscription{.user_id = row.String(0),
                      .kind = row.String(1),
                      .token = row.String(2),
                      .unsubscribed = !row.IsNull(3)};
}

}  // namespace

std::vector<AlertUser> AlertUsers(Db& db) {
  Stmt select = db.Prepare(
      "SELECT id, email, role, coalesce(person_id, ''), coalesce(lang, '') FROM users "
      "WHERE disabled = 0 ORDER BY email");
  std::vector<AlertUser> users;
  while (select.Step()) {
    users.push_back({select.String(0),
                     select.String(1),
                     select.String(2),
                     select.String(3),
                     select.String(4),
                     {}});
  }
  for (AlertUser& user : users) {
    if (user.role != "partner") continue;
    // Prepared again for each user: that resets the (cached) statement.
    Stmt assigned =
        db.Prepare("SELECT partnership_id FROM user_partnerships WHERE user_id = ? ORDER BY 1");
    assigned.Bind(1, user.id);
    while (assigned.Step()) user.partnerships.push_back(assigned.String(0));
  }
  return users;
}

std::optional<std::string> UserLanguage(Db& db, std::string_view user_id) {
  Stmt select = db.Prepare("SELECT coalesce(lang, '') FROM users WHERE id = ?");
  if (!select.Bind(1, user_id).Step()) return std::nullopt;
  return select.String(0);
}

void SetUserLanguage(Db& db, std::string_view user_id, std::string_view lang) {
  db.Prepare("UPDATE users SET lang = ? WHERE id = ?").Bind(1, lang).Bind(2, user_id).Run();
}

std::string TextInLanguage(std::string_view json_text, std::string_view lang) {
  boost::system::error_code error;
  const json::value text = json::parse(json_text, error);
  if (error || !text.is_object()) return "";
  const json::object& values = text.as_object();
  const json::value* original = values.if_contains("original");
  const std::string_view original_lang =
      original && original->is_string() ? std::string_view(original->as_string()) : "";
  for (std::string_view candidate : {lang, original_lang, std::string_view("en"),
                                     std::string_view("tr"), std::string_view("zh")}) {
    if (candidate.empty()) continue;
    if (const json::value* value = values.if_contains(candidate); value && value->is_string()) {
      return std::string(value->as_string());
    }
  }
  return "";
}

std::string PartnershipLabel(Db& db, std::string_view partnership_id, std::string_view lang) {
  Stmt select = db.Prepare(
      "SELECT home.name, partner.name FROM partnerships AS p "
      "JOIN cities AS home ON home.id = p.home_city_id "
      "JOIN cities AS partner ON partner.id = p.partner_city_id WHERE p.id = ?");
  if (!select.Bind(1, partnership_id).Step()) return std::string(partnership_id);
  return TextInLanguage(select.Text(0), lang) + " – " + TextInLanguage(select.Text(1), lang);
}

std::vector<OwnedCommitment> OpenCommitmentsOwnedBy(Db& db, std::string_view person_id,
                                                    std::string_view until) {
  Stmt select = db.Prepare(
      "SELECT id, text, partnership_id, due_date, status, visibility, coalesce(created_by, ''), "
      "coalesce(home_owner_id, ''), coalesce(partner_owner_id, '') FROM commitments "
      "WHERE (home_owner_id = ?1 OR partner_owner_id = ?1) AND archived = 0 "
      "AND status <> 'done' AND status <> 'dropped' AND due_date IS NOT NULL AND due_date <= ?2 "
      "ORDER BY due_date, id");
  select.Bind(1, person_id).Bind(2, until);
  std::vector<OwnedCommitment> found;
  while (select.Step()) {
    found.push_back({select.String(0), select.String(1), select.String(2), select.String(3),
                     select.String(4), select.String(5), select.String(6), select.String(7),
                     select.String(8)});
  }
  return found;
}

std::vector<UpcomingEvent> EventsStarting(Db& db, std::string_view from, std::string_view until) {
  Stmt select = db.Prepare(
      "SELECT id, title, partnership_id, starts_at, time_zone, status, visibility, "
      "coalesce(created_by, ''), commitment_ids FROM events "
      "WHERE starts_at >= ? AND starts_at < ? AND archived = 0 ORDER BY starts_at, id");
  select.Bind(1, from).Bind(2, until);
  std::vector<UpcomingEvent> events;
  std::vector<std::string> linked;
  while (select.Step()) {
    events.push_back({select.String(0),
                      select.String(1),
                      select.String(2),
                      select.String(3),
                      select.String(4),
                      select.String(5),
                      select.String(6),
                      select.String(7),
                      {}});
    linked.push_back(select.String(8));
  }
  for (size_t i = 0; i < events.size(); ++i) {
    // Prepared again for each event: that resets the (cached) statement.
    Stmt owners = db.Prepare(
        "SELECT owner FROM (SELECT c.home_owner_id AS owner FROM json_each(?1) AS linked "
        "JOIN commitments AS c ON c.id = linked.value UNION SELECT c.partner_owner_id "
        "FROM json_each(?1) AS linked JOIN commitments AS c ON c.id = linked.value) "
        "WHERE owner IS NOT NULL ORDER BY owner");
    owners.Bind(1, linked[i]);
    while (owners.Step()) events[i].owner_people.push_back(owners.String(0));
  }
  return events;
}

std::optional<std::string> SeenHealthState(Db& db, std::string_view partnership_id) {
  Stmt select = db.Prepare("SELECT state FROM alert_health_states WHERE partnership_id = ?");
  if (!select.Bind(1, partnership_id).Step()) return std::nullopt;
  return select.String(0);
}

void SaveSeenHealthState(Db& db, std::string_view partnership_id, std::string_view state,
                         std::string_view since) {
  db.Prepare(
        "INSERT INTO alert_health_states (partnership_id, state, since) VALUES (?, ?, ?) "
        "ON CONFLICT (partnership_id) DO UPDATE SET state = excluded.state, since = "
        "excluded.since")
      .Bind(1, partnership_id)
      .Bind(2, state)
      .Bind(3, since)
      .Run();
}

bool InsertNotice(Db& db, const Notice& notice) {
  Stmt insert = db.Prepare(
      "INSERT INTO notices (id, user_id, kind, dedupe_key, lang, subject, body, link, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING "
      "RETURNING id");
  insert.Bind(1, notice.id)
      .Bind(2, notice.user_id)
      .Bind(3, notice.kind)
      .Bind(4, notice.dedupe_key)
      .Bind(5, notice.lang)
      .Bind(6, notice.subject)
      .Bind(7, notice.body)
      .Bind(8, notice.link)
      .Bind(9, notice.created_at);
  const bool inserted = insert.Step();
  if (inserted) insert.Step();
  return inserted;
}

std::vector<Notice> ListNotices(Db& db, std::string_view user_id, int limit) {
  Stmt select = db.Prepare(std::string("SELECT ") + kNoticeColumns +
                           " FROM notices WHERE user_id = ? ORDER BY created_at DESC, id DESC "
                           "LIMIT ?");
  select.Bind(1, user_id).Bind(2, limit);
  std::vector<Notice> notices;
  while (select.Step()) notices.push_back(ReadNotice(select));
  return notices;
}

long long CountUnreadNotices(Db& db, std::string_view user_id) {
  Stmt select = db.Prepare("SELECT count(*) FROM notices WHERE user_id = ? AND read_at IS NULL");
  select.Bind(1, user_id).Step();
  return select.Int(0);
}

bool MarkNoticeRead(Db& db, std::string_view id, std::string_view user_id, std::string_view now) {
  Stmt update = db.Prepare(
      "UPDATE notices SET read_at = coalesce(read_at, ?) WHERE id = ? AND user_id = ? "
      "RETURNING id");
  const bool found = update.Bind(1, now).Bind(2, id).Bind(3, user_id).Step();
  if (found) update.Step();
  return found;
}

long long MarkAllNoticesRead(Db& db, std::string_view user_id, std::string_view now) {
  Stmt update = db.Prepare(
      "UPDATE notices SET read_at = ? WHERE user_id = ? AND read_at IS NULL RETURNING id");
  update.Bind(1, now).Bind(2, user_id);
  long long marked = 0;
  while (update.Step()) ++marked;
  return marked;
}

Subscription EnsureSubscription(Db& db, std::string_view user_id, std::string_view kind,
                                std::string_view new_token) {
  db.Prepare(
        "INSERT INTO alert_subscriptions (user_id, kind, token) VALUES (?, ?, ?) "
        "ON CONFLICT (user_id, kind) DO NOTHING")
      .Bind(1, user_id)
      .Bind(2, kind)
      .Bind(3, new_token)
      .Run();
  Stmt select = db.Prepare(
      "SELECT user_id, kind, token, unsubscribed_at FROM alert_subscriptions "
      "WHERE user_id = ? AND kind = ?");
  select.Bind(1, user_id).Bind(2, kind).Step();
  return ReadSubscription(select);
}

std::optional<Subscription> FindSubscription(Db& db, std::string_view token) {
  Stmt select = db.Prepare(
      "SELECT user_id, kind, token, unsubscribed_at FROM alert_subscriptions WHERE token = ?");
  if (!select.Bind(1, token).Step()) return std::nullopt;
  return ReadSubscription(select);
}

std::vector<Subscription> ListSubscriptions(Db& db, std::string_view user_id) {
  Stmt select = db.Prepare(
      "SELECT user_id, kind, token, unsubscribed_at FROM alert_subscriptions WHERE user_id = ? "
      "ORDER BY kind");
  select.Bind(1, user_id);
  std::vector<Subscription> found;
  while (select.Step()) found.push_back(ReadSubscription(select));
  return found;
}

void SetSubscribed(Db& db, std::string_view user_id, std::string_view kind, bool subscribed,
                   std::string_view new_token, std::string_view now) {
  EnsureSubscription(db, user_id, kind, new_token);
  Stmt update = db.Prepare(
      "UPDATE alert_subscriptions SET unsubscribed_at = CASE WHEN ?1 THEN NULL "
      "ELSE coalesce(unsubscribed_at, ?2) END WHERE user_id = ?3 AND kind = ?4");
  update.Bind(1, subscribed ? 1 : 0).Bind(2, now).Bind(3, user_id).Bind(4, kind).Run();
}

void InsertOutboxMail(Db& db, const OutboxMail& mail) {
  db.Prepare(
        "INSERT INTO mail_outbox (id, notice_id, recipient, message, state, attempts, "
        "next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)")
      .Bind(1, mail.id)
      .Bind(2, mail.notice_id)
      .Bind(3, mail.recipient)
      .Bind(4, mail.message)
      .Bind(5, mail.next_attempt_at)
      .Bind(6, mail.created_at)
      .Run();
}

std::optional<OutboxMail> NextDueMail(Db& db, std::string_view now) {
  Stmt select = db.Prepare(std::string("SELECT ") + kMailColumns +
                           " FROM mail_outbox AS m JOIN notices AS n ON n.id = m.notice_id "
                           "WHERE m.state = 'pending' AND m.next_attempt_at <= ? "
                           "ORDER BY m.next_attempt_at, m.id LIMIT 1");
  if (!select.Bind(1, now).Step()) return std::nullopt;
  return ReadMail(select);
}

void MarkMailSending(Db& db, std::string_view id) {
  db.Prepare("UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?")
      .Bind(1, id)
      .Run();
}

void MarkMailSent(Db& db, std::string_view id, std::string_view now) {
  db.Prepare("UPDATE mail_outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?")
      .Bind(1, now)
      .Bind(2, id)
      .Run();
}

void MarkMailAttemptFailed(Db& db, std::string_view id, std::string_view error,
                           std::string_view next_attempt_at, bool give_up) {
  db.Prepare("UPDATE mail_outbox SET state = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
      .Bind(1, give_up ? "failed" : "pending")
      .Bind(2, error)
      .Bind(3, next_attempt_at)
      .Bind(4, id)
      .Run();
}

int FailInterruptedMail(Db& db, std::string_view now) {
  Stmt update = db.Prepare(
      "UPDATE mail_outbox SET state = 'failed', next_attempt_at = ?, last_error = "
      "'interrupted while sending (the server stopped); not sent again, as it may have "
      "arrived' WHERE state = 'sending' RETURNING id");
  update.Bind(1, now);
  int failed = 0;
  while (update.Step()) ++failed;
  return failed;
}

std::vector<OutboxMail> ListOutboxMail(Db& db, bool problems_only, int limit,
                                       const OutboxMail* after) {
  Stmt select =
      db.Prepare(std::string("SELECT ") + kMailColumns +
                 " FROM mail_outbox AS m JOIN notices AS n ON n.id = m.notice_id WHERE (?1 = 0 OR "
                 "m.state = 'failed' OR (m.state = 'pending' AND m.attempts > 0)) "
                 "AND (?3 IS NULL OR (m.created_at, m.id) < (?3, ?4)) "
                 "ORDER BY m.created_at DESC, m.id DESC LIMIT ?2");
  select.Bind(1, problems_only ? 1 : 0).Bind(2, limit);
  if (after != nullptr) {
    select.Bind(3, after->created_at).Bind(4, after->id);
  } else {
    select.BindNull(3).BindNull(4);
  }
  std::vector<OutboxMail> found;
  while (select.Step()) found.push_back(ReadMail(select));
  return found;
}

OutboxCounts CountOutboxMail(Db& db) {
  Stmt select = db.Prepare("SELECT state, count(*) FROM mail_outbox GROUP BY state");
  OutboxCounts counts;
  while (select.Step()) {
    const std::string_view state = select.Text(0);
    const long long n = select.Int(1);
    if (state == "pending") counts.pending = n;
    if (state == "sending") counts.sending = n;
    if (state == "sent") counts.sent = n;
    if (state == "failed") counts.failed = n;
  }
  return counts;
}

bool RetryMail(Db& db, std::string_view id, std::string_view now) {
  Stmt update = db.Prepare(
      "UPDATE mail_outbox SET state = 'pending', next_attempt_at = ? WHERE id = ? AND state = "
      "'failed' RETURNING id");
  const bool found = update.Bind(1, now).Bind(2, id).Step();
  if (found) update.Step();
  return found;
}

}  // namespace amity::store
