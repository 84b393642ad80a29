// Alerts' storage: the facts the alerts worker decides from (users with their language, open
// commitments by owner, upcoming events, the last health state seen), the notices under the bell,
// the durable mail outbox and the per-kind subscriptions with their unsubscribe secrets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace amity::store {

// A user who may be told something (not disabled).
struct AlertUser {
  std::string id;
  std::string email;
  std::string role;
  std::string person_id;  // "" when not linked
  std::string lang;       // "" when never chosen
  std::vector<std::string> partnerships;
};
std::vector<AlertUser> AlertUsers(Db& db);

// `user`'s language setting ("" when never chosen); nullopt when there is no such user.
std::optional<std::string> UserLanguage(Db& db, std::string_view user_id);
void SetUserLanguage(Db& db, std::string_view user_id, std::string_view lang);

// The text of a translatable JSON value in `lang`, else its original language, else any.
std::string TextInLanguage(std::string_view json_text, std::string_view lang);
// "İzmir – Harbin": the partnership's home and partner cities' names in `lang`.
std::string PartnershipLabel(Db& db, std::string_view partnership_id, std::string_view lang);

// A live commitment still open (not done nor dropped), owned by the person on either side, with
// a due date no later than `until` (YYYY-MM-DD), earliest due first.
struct OwnedCommitment {
  std::string id;
  std::string text_json;
  std::string partnership_id;
  std::string due_date;
  std::string status;
  std::string visibility;
  std::string created_by;
  std::string home_owner_id;
  std::string partner_owner_id;
};
std::vector<OwnedCommitment> OpenCommitmentsOwnedBy(Db& db, std::string_view person_id,
                                                    std::string_view until);

// Live events starting in [from, until) (instants), soonest first, with the people owning the
// commitments each is linked to.
struct UpcomingEvent {
  std::string id;
  std::string title_json;
  std::string partnership_id;
  std::string starts_at;
  std::string time_zone;
  std::string status;
  std::string visibility;
  std::string created_by;
  std::vector<std::string> owner_people;
};
std::vector<UpcomingEvent> EventsStarting(Db& db, std::string_view from, std::string_view until);

// The health state the alerts last saw for the partnership (nullopt: never).
std::optional<std::string> SeenHealthState(Db& db, std::string_view partnership_id);
void SaveSeenHealthState(Db& db, std::string_view partnership_id, std::string_view state,
                         std::string_view since);

struct Notice {
  std::string id;
  std::string user_id;
  std::string kind;  // digest, health, event_reminder
  std::string dedupe_key;
  std::string lang;
  std::string subject;
  std::string body;
  std::string link;
  std::string created_at;
  std::optional<std::string> read_at = {};
};
// Inserts the notice unless one with its dedupe_key exists; true when inserted.
bool InsertNotice(Db& db, const Notice& notice);
// The user's notices, newest first, at most `limit`.
std::vector<Notice> ListNotices(Db& db, std::string_view user_id, int limit);
long long CountUnreadNotices(Db& db, std::string_view user_id);
// Marks the user's notice read (keeps an earlier read time); false when it is not theirs.
bool MarkNoticeRead(Db& db, std::string_view id, std::string_view user_id, std::string_view now);
// Marks every unread notice of the user read; returns how many.
long long MarkAllNoticesRead(Db& db, std::string_view user_id, std::string_view now);

// The subscription of `user_id` to `kind`: made with `new_token` when there is none yet.
struct Subscription {
  std::string user_id;
  std::string kind;
  std::string token;
  bool unsubscribed = false;
};
Subscription EnsureSubscription(Db& db, std::string_view user_id, std::string_view kind,
                                std::string_view new_token);
std::optional<Subscription> FindSubscription(Db& db, std::string_view token);
// The user's subscriptions that exist (kinds never mailed have none).
std::vector<Subscription> ListSubscriptions(Db& db, std::string_view user_id);
// Sets whether the user receives e-mail of `kind` (a row made with `new_token` if needed).
void SetSubscribed(Db& db, std::string_view user_id, std::string_view kind, bool subscribed,
                   std::string_view new_token, std::string_view now);

// One message of the outbox.
struct OutboxMail {
  std::string id;
  std::string notice_id;
  std::string recipient;
  std::string message;
  std::string state = {};  // pending, sending, sent, failed
  long long attempts = 0;
  std::string next_attempt_at = {};
  std::string last_error = {};  // "" when none
  std::string created_at = {};
  std::string sent_at = {};  // "" when not sent
  // From its notice, for the admin's list:
  std::string kind = {};
  std::string subject = {};
};
void InsertOutboxMail(Db& db, const OutboxMail& mail);
// The pending message whose next attempt is due by `now` (earliest first), or nullopt.
std::optional<OutboxMail> NextDueMail(Db& db, std::string_view now);
void MarkMailSending(Db& db, std::string_view id);
void MarkMailSent(Db& db, std::string_view id, std::string_view now);
// One more failed attempt: pending again at `next_attempt_at`, or failed for good when
// `give_up`.
void MarkMailAttemptFailed(Db& db, std::string_view id, std::string_view error,
                           std::string_view next_attempt_at, bool give_up);
// Messages left `sending` by a process that stopped mid-transaction become failed (they may have
// been delivered: never sent twice); returns how many.
int FailInterruptedMail(Db& db, std::string_view now);
// What an admin sees: messages that failed for good or are waiting after a failed attempt
// (`problems_only`), or all; newest first, at most `limit`.
// `after` continues a listing after that message (a keyset: the next batch of an export).
std::vector<OutboxMail> ListOutboxMail(Db& db, bool problems_only, int limit,
                                       const OutboxMail* after = nullptr);
// Counts by state: pending, sending, sent, failed.
struct OutboxCounts {
  long long pending = 0, sending = 0, sent = 0, failed = 0;
};
OutboxCounts CountOutboxMail(Db& db);
// Puts a failed message back in the queue for now; false when there is no failed message `id`.
bool RetryMail(Db& db, std::string_view id, std::string_view now);

}  // namespace amity::store
