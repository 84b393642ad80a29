#include "alerts/worker.h"

#include <boost/json.hpp>
#include <functional>

#include "alerts/mime.h"
#include "auth/secrets.h"
#include "base/id.h"
#include "domain/alerts.h"
#include "domain/resources.h"
#include "store/alerts.h"
#include "store/db.h"
#include "store/read_models.h"
#include "store/records.h"

namespace amity::alerts {
namespace json = boost::json;

namespace {

domain::Principal PrincipalOf(const store::AlertUser& user) {
  return domain::Principal{.user_id = user.id,
                           .email = user.email,
                           .role = domain::ParseRole(user.role).value_or(domain::Role::kPartner),
                           .person_id = user.person_id,
                           .partnerships = user.partnerships};
}

domain::Visibility VisibilityOf(std::string_view name) {
  return domain::ParseVisibility(name).value_or(domain::Visibility::kPrivate);
}

// What a pass makes: notices, and their e-mail when mail is on and the user did not stop it.
class Planner {
 public:
  Planner(store::Db& db, const Settings& settings, bool mail, Instant now)
      : db_(db), settings_(settings), mail_(mail), now_(now) {}

  void Tell(const store::AlertUser& user, std::string_view kind, const std::string& key,
            const domain::AlertText& text, const std::string& link) {
    store::Notice notice{.id = NewId(),
                         .user_id = user.id,
                         .kind = std::string(kind),
                         .dedupe_key = std::string(kind) + ":" + key + ":" + user.id,
                         .lang = domain::AlertLanguage(user.lang),
                         .subject = text.subject,
                         .body = text.body,
                         .link = link,
                         .created_at = FormatInstant(now_)};
    if (!store::InsertNotice(db_, notice)) return;  // told before
    ++made_;
    if (!mail_) return;
    const store::Subscription subscription =
        store::EnsureSubscription(db_, user.id, kind, auth::RandomToken());
    if (subscription.unsubscribed) return;
    const std::string unsubscribe =
        settings_.public_url + "/api/v1/unsubscribe/" + subscription.token;
    const std::string mail_id = NewId();
    const size_t at = settings_.from.rfind('@');
    const std::string host = at == std::string::npos ? "amity" : settings_.from.substr(at + 1);
    MailMessage message{
        .from = settings_.from,
        .to = user.email,
        .subject = text.subject,
        .body = text.body +
                domain::MailFooter(notice.lang, kind, settings_.public_url + link, unsubscribe),
        .date = now_,
        .message_id = mail_id + "@" + host,
        .unsubscribe_url = unsubscribe};
    store::InsertOutboxMail(db_, store::OutboxMail{.id = mail_id,
                                                   .notice_id = notice.id,
                                                   .recipient = user.email,
                                                   .message = ComposeMessage(message),
                                                   .next_attempt_at = notice.created_at,
                                                   .created_at = notice.created_at});
  }

  int made() const { return made_; }

 private:
  store::Db& db_;
  const Settings& settings_;
  bool mail_;
  Instant now_;
  int made_ = 0;
};

void PlanDigests(store::Db& db, Planner& planner, const std::vector<store::AlertUser>& users,
                 Date today) {
  const std::string until = FormatDate(today + std::chrono::days{domain::kDigestHorizonDays});
  for (const store::AlertUser& user : users) {
    if (user.person_id.empty()) continue;
    const domain::Principal principal = PrincipalOf(user);
    const std::string lang = domain::AlertLanguage(user.lang);
    std::vector<domain::DigestLine> lines;
    for (const store::OwnedCommitment& c :
         store::OpenCommitmentsOwnedBy(db, user.person_id, until)) {
      const auto due = ParseDate(c.due_date);
      if (!domain::InDigest(today, due, c.status)) continue;
      const domain::RecordFacts facts{.resource = "commitments",
                                      .visibility = VisibilityOf(c.visibility),
                                      .partnership_id = c.partnership_id,
                                      .created_by = c.created_by,
                                      .owner_people = {c.home_owner_id, c.partner_owner_id}};
      if (!domain::CanSee(principal, facts)) continue;
      lines.push_back({store::TextInLanguage(c.text_json, lang),
                       store::PartnershipLabel(db, c.partnership_id, lang), *due, *due < today});
    }
    if (lines.empty()) continue;
    planner.Tell(user, "digest", domain::IsoWeek(today), domain::DigestText(lang, today, lines),
                 "/commitments");
  }
}

void PlanHealth(store::Db& db, Planner& planner, const std::vector<store::AlertUser>& users,
                Date today, Instant now) {
  store::ListQuery query;
  query.sort_column = "created_at";
  query.descending = false;
  query.limit = 500;
  for (;;) {
    const store::Page page = store::ListRecords(db, domain::Partnerships(), query);
    for (const json::value& item : page.items) {
      const json::object& partnership = item.as_object();
      const std::string id(partnership.at("id").as_string());
      const json::value health = json::parse(store::PartnershipHealth(
          db, partnership, store::CountCommitments(db, id, today), today, now));
      const std::string state(health.at("state").as_string());
      const auto seen = store::SeenHealthState(db, id);
      if (seen == state) continue;
      store::SaveSeenHealthState(db, id, state, FormatDate(today));
      if (!domain::HealthAlertNeeded(seen, state)) continue;
      const int months = static_cast<int>(health.at("months_without_contact").to_number<double>());
      for (const store::AlertUser& user : users) {
        const auto role = domain::ParseRole(user.role);
        if (!role || !domain::ReceivesOfficerAlerts(*role)) continue;
        const std::string lang = domain::AlertLanguage(user.lang);
        planner.Tell(user, "health", id + ":" + state + ":" + FormatDate(today),
                     domain::HealthText(lang, store::PartnershipLabel(db, id, lang), state, months),
                     "/partnerships/" + id);
      }
    }
    if (static_cast<int>(page.items.size()) < query.limit) break;
    query.offset += query.limit;
  }
}

void PlanEventReminders(store::Db& db, Planner& planner, const std::vector<store::AlertUser>& users,
                        Instant now) {
  const auto until = now + std::chrono::hours{domain::kEventReminderHours};
  for (const store::UpcomingEvent& event : store::EventsStarting(
           db, FormatInstant(now), FormatInstant(until + std::chrono::seconds{1}))) {
    const auto starts = ParseInstant(event.starts_at);
    if (!starts || !domain::EventReminderDue(now, *starts, event.status)) continue;
    domain::RecordFacts facts{.resource = "events",
                              .visibility = VisibilityOf(event.visibility),
                              .partnership_id = event.partnership_id,
                              .created_by = event.created_by,
                              .owner_people = {}};
    for (const store::AlertUser& user : users) {
      const domain::Principal principal = PrincipalOf(user);
      const bool owner =
          !user.person_id.empty() && std::find(event.owner_people.begin(), event.owner_people.end(),
                                               user.person_id) != event.owner_people.end();
      if (!(domain::ReceivesOfficerAlerts(principal.role) || owner)) continue;
      if (!domain::CanSee(principal, facts)) continue;
      const std::string lang = domain::AlertLanguage(user.lang);
      std::string when = FormatLocal(*starts, event.time_zone);  // 2027-01-05T10:00:00+08:00
      when = when.substr(0, 10) + " " + when.substr(11, 5) + " (" + event.time_zone + ")";
      planner.Tell(
          user, "event_reminder", event.id + ":" + event.starts_at,
          domain::EventReminderText(lang, store::TextInLanguage(event.title_json, lang),
                                    store::PartnershipLabel(db, event.partnership_id, lang), when),
          "/events/" + event.id);
    }
  }
}

}  // namespace

std::chrono::seconds RetryDelay(std::chrono::seconds retry, long long attempts) {
  constexpr std::chrono::seconds kLongest = std::chrono::hours{6};
  std::chrono::seconds delay = retry;
  for (long long i = 1; i < attempts && delay < kLongest; ++i) delay *= 2;
  return std::min(delay, kLongest);
}

Worker::Worker(std::string db_path, Settings settings, std::unique_ptr<Mailer> mailer,
               LogFormat log_format)
    : db_path_(std::move(db_path)),
      settings_(std::move(settings)),
      mailer_(std::move(mailer)),
      log_format_(log_format),
      loop_(
          [this] {
            Plan(Now());
            SendDue(Now());
          },
          [this](const std::exception& failure) {
            LogLine(log_format_, "error", "alerts failed")
                .Add("error", failure.what())
                .Write(stderr);
          },
          std::chrono::duration_cast<std::chrono::milliseconds>(settings_.interval)) {}

Worker::~Worker() { Stop(); }

void Worker::Start() {
  {
    store::Db db(db_path_);
    store::Tx tx(db);
    const int failed = store::FailInterruptedMail(db, FormatInstant(Now()));
    tx.Commit();
    if (failed > 0) {
      LogLine(log_format_, "warn", "e-mail cut short by a stop, not sent again")
          .Add("messages", static_cast<long long>(failed))
          .Write(stderr);
    }
  }
  loop_.Start();
}

void Worker::Stop() { loop_.Stop(); }

void Worker::Wake() { loop_.Wake(); }

int Worker::Plan(Instant now) {
  store::Db db(db_path_);
  store::Tx tx(db);
  Planner planner(db, settings_, mailer_ != nullptr, now);
  const std::vector<store::AlertUser> users = store::AlertUsers(db);
  const Date today = DateOf(now);
  PlanDigests(db, planner, users, today);
  PlanHealth(db, planner, users, today, now);
  PlanEventReminders(db, planner, users, now);
  tx.Commit();
  if (planner.made() > 0) {
    LogLine(log_format_, "info", "notices made")
        .Add("notices", static_cast<long long>(planner.made()))
        .Write(stderr);
  }
  return planner.made();
}

int Worker::SendDue(Instant now) {
  if (!mailer_) return 0;
  store::Db db(db_path_);
  int sent = 0;
  while (!loop_.Stopping()) {
    const auto mail = store::NextDueMail(db, FormatInstant(now));
    if (!mail) break;
    {
      store::Tx tx(db);
      store::MarkMailSending(db, mail->id);
      tx.Commit();
    }
    const long long attempts = mail->attempts + 1;
    try {
      mailer_->Send(settings_.from, mail->recipient, mail->message);
    } catch (const std::exception& failure) {
      const bool give_up = attempts >= kMaxAttempts;
      const Instant next = Now() + RetryDelay(settings_.retry, attempts);
      store::Tx tx(db);
      store::MarkMailAttemptFailed(db, mail->id, failure.what(), FormatInstant(next), give_up);
      tx.Commit();
      LogLine(log_format_, give_up ? "error" : "warn", "e-mail not sent")
          .Add("mail", mail->id)
          .Add("kind", mail->kind)
          .Add("attempts", attempts)
          .Add("error", failure.what())
          .Add("next_attempt_at", give_up ? std::string() : FormatInstant(next))
          .Write(stderr);
      continue;
    }
    store::Tx tx(db);
    store::MarkMailSent(db, mail->id, FormatInstant(Now()));
    tx.Commit();
    LogLine(log_format_, "info", "e-mail sent")
        .Add("mail", mail->id)
        .Add("kind", mail->kind)
        .Add("attempts", attempts)
        .Write(stderr);
    ++sent;
  }
  return sent;
}

}  // namespace amity::alerts
