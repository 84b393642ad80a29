// Alerts: who is told what, and in which words. Three kinds, each a notice under the bell and
// (when mail is configured and the user did not unsubscribe from that kind) an e-mail:
//   digest          once per ISO week, to each user linked to a person who owns open
//                   commitments (either side) due within kDigestHorizonDays or overdue, that
//                   the user may see;
//   health          to officers and admins when a partnership turns quiet or dormant
//                   (domain/health.h), once per such turn;
//   event_reminder  to officers and admins, and to users owning a commitment the event is linked
//                   to and who may see it, once an event (planned or confirmed) starts within
//                   kEventReminderHours; again only if its start moves.
// Pure: callers gather the facts and pass today/now.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/access.h"

namespace amity::domain {

inline constexpr std::string_view kAlertKinds[] = {"digest", "health", "event_reminder"};
inline constexpr int kDigestHorizonDays = 14;
inline constexpr int kEventReminderHours = 72;

bool IsAlertKind(std::string_view kind);
// The language notices are written in for a user's setting: tr, zh or en (the default).
std::string AlertLanguage(std::string_view setting);

// "2026-W49": the ISO 8601 week `day` falls in (its year is the week's, e.g. 2027-01-01 is
// 2026-W53).
std::string IsoWeek(Date day);

// A commitment is in its owner's digest when it is still open (not done nor dropped) and has a
// due date no later than today + kDigestHorizonDays.
bool InDigest(Date today, std::optional<Date> due, std::string_view status);

// True when a partnership whose health the alerts last saw as `previous` (nullopt: never) and
// now see as `current` warrants an alert: it turned quiet or dormant.
bool HealthAlertNeeded(const std::optional<std::string>& previous, std::string_view current);

// Officers and admins are told of partnerships' health and of events.
bool ReceivesOfficerAlerts(Role role);

// An event is reminded of when planned or confirmed and starting after `now` and within
// kEventReminderHours of it.
bool EventReminderDue(Instant now, Instant starts_at, std::string_view status);

// One commitment in a digest.
struct DigestLine {
  std::string text;         // in the recipient's language where there is one
  std::string partnership;  // "İzmir – Harbin"
  Date due;
  bool overdue = false;
};

// What a notice says: a subject line and a plain-text body, in one language.
struct AlertText {
  std::string subject;
  std::string body;
};

AlertText DigestText(std::string_view lang, Date today, const std::vector<DigestLine>& lines);
// `state`: quiet or dormant; `months`: whole months without contact.
AlertText HealthText(std::string_view lang, std::string_view partnership, std::string_view state,
                     int months);
// `starts_local`: the start in the event's own zone, as words ("2027-01-05 10:00 (Asia/Shanghai)").
AlertText EventReminderText(std::string_view lang, std::string_view title,
                            std::string_view partnership, std::string_view starts_local);
// The lines under an e-mail's body: where to read it in the app, how to stop this kind.
std::string MailFooter(std::string_view lang, std::string_view kind, std::string_view link,
                       std::string_view unsubscribe_link);
// The page an unsubscribe link opens, in words: the question and its button; then the answer.
struct UnsubscribeWords {
  std::string title;
  std::string question;
  std::string button;
  std::string done;
};
UnsubscribeWords UnsubscribeText(std::string_view lang, std::string_view kind);

}  // namespace amity::domain
