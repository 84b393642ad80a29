// Notices (issue 19's alerts) as the API shows them: each user's own notices under the bell
// (GET /api/v1/notices, mark read), their notice settings (language, which e-mail kinds), the
// unsubscribe link of every e-mail (works without signing in: GET shows a page with a button,
// POST — also RFC 8058's one-click POST from the mail program — unsubscribes), and for admins the
// mail outbox's failures and a retry. The notices themselves are made by src/alerts' worker.
#include <boost/json.hpp>

#include "api/access.h"
#include "api/handlers.h"
#include "api/list_query.h"
#include "api/responses.h"
#include "auth/secrets.h"
#include "domain/alerts.h"
#include "http/error.h"
#include "store/alerts.h"

namespace amity::api {
namespace json = boost::json;

namespace {

constexpr int kNoticesShown = 100;
constexpr int kMailShown = 200;

json::object NoticeJson(const store::Notice& notice) {
  return json::object{{"id", notice.id},
                      {"kind", notice.kind},
                      {"lang", notice.lang},
                      {"subject", notice.subject},
                      {"body", notice.body},
                      {"link", notice.link},
                      {"created_at", notice.created_at},
                      {"read_at", notice.read_at ? json::value(*notice.read_at) : nullptr}};
}

json::object SettingsJson(Call& call) {
  const std::string lang = store::UserLanguage(call.db, call.principal.user_id).value_or("");
  json::object email;
  for (const std::string_view kind : domain::kAlertKinds) email[kind] = true;
  for (const store::Subscription& subscription :
       store::ListSubscriptions(call.db, call.principal.user_id)) {
    email[subscription.kind] = !subscription.unsubscribed;
  }
  return json::object{{"lang", domain::AlertLanguage(lang)},
                      {"email", std::move(email)},
                      {"mail_configured", call.context.mail_configured}};
}

json::object MailJson(const store::OutboxMail& mail) {
  return json::object{
      {"id", mail.id},
      {"kind", mail.kind},
      {"recipient", mail.recipient},
      {"subject", mail.subject},
      {"state", mail.state},
      {"attempts", mail.attempts},
      {"next_attempt_at", mail.state == "pending" ? json::value(mail.next_attempt_at) : nullptr},
      {"last_error", mail.last_error.empty() ? json::value(nullptr) : json::value(mail.last_error)},
      {"created_at", mail.created_at},
      {"sent_at", mail.sent_at.empty() ? json::value(nullptr) : json::value(mail.sent_at)}};
}

// The small page an unsubscribe link shows, in the user's language.
http::Response UnsubscribeHtml(std::string_view lang, std::string_view title, std::string_view text,
                               std::string_view button) {
  std::string html = "<!doctype html><html lang=\"";
  html += lang == "zh" ? "zh-CN" : std::string(lang);
  html +=
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\"><title>";
  AppendEscapedHtml(title, html);
  html +=
      "</title><style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:36rem;"
      "margin:3rem auto;padding:0 1.25rem;color:#1d2733;line-height:1.5}button{font:inherit;"
      "padding:.5rem 1rem}</style></head><body><main><h1>";
  AppendEscapedHtml(title, html);
  html += "</h1><p>";
  AppendEscapedHtml(text, html);
  html += "</p>";
  if (!button.empty()) {
    html += "<form method=\"post\"><button type=\"submit\">";
    AppendEscapedHtml(button, html);
    html += "</button></form>";
  }
  html += "</main></body></html>";
  http::Response response;
  response.content_type = "text/html; charset=utf-8";
  response.headers.emplace_back("Cache-Control", "no-store");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.body = std::move(html);
  return response;
}

store::Subscription SubscriptionOrNotFound(Call& call) {
  auto subscription = store::FindSubscription(call.db, call.Param("token"));
  if (!subscription) NotFound("subscription");
  return *subscription;
}

}  // namespace

http::Response ListNoticesHandler(Call& call) {
  json::array items;
  for (const store::Notice& notice :
       store::ListNotices(call.db, call.principal.user_id, kNoticesShown)) {
    items.push_back(NoticeJson(notice));
  }
  return JsonResponse(
      200, json::object{{"items", std::move(items)},
                        {"unread", store::CountUnreadNotices(call.db, call.principal.user_id)}});
}

http::Response ReadNoticeHandler(Call& call) {
  store::Tx tx(call.db);
  if (!store::MarkNoticeRead(call.db, call.Param("id"), call.principal.user_id,
                             FormatInstant(call.now))) {
    NotFound("notice");  // another user's notice is no different from none
  }
  tx.Commit();
  return JsonResponse(
      200, json::object{{"unread", store::CountUnreadNotices(call.db, call.principal.user_id)}});
}

http::Response ReadAllNoticesHandler(Call& call) {
  store::Tx tx(call.db);
  const long long marked =
      store::MarkAllNoticesRead(call.db, call.principal.user_id, FormatInstant(call.now));
  tx.Commit();
  return JsonResponse(200, json::object{{"unread", 0}, {"marked", marked}});
}

http::Response GetNoticeSettings(Call& call) { return JsonResponse(200, SettingsJson(call)); }

http::Response UpdateNoticeSettings(Call& call) {
  if (call.principal.user_id.empty()) ForbidRole(call.principal, "", "has no notice settings");
  const json::object body = ParseBody(call.request);
  Problems problems;
  std::optional<std::string> lang;
  std::vector<std::pair<std::string, bool>> email;
  for (const auto& [key, value] : body) {
    if (key == "lang") {
      if (!value.is_string() ||
          !(value.as_string() == "tr" || value.as_string() == "zh" || value.as_string() == "en")) {
        problems.push_back({"lang", "invalid_choice", "lang must be one of tr, zh, en"});
      } else {
        lang = std::string(value.as_string());
      }
    } else if (key == "email" && value.is_object()) {
      for (const auto& [kind, on] : value.as_object()) {
        const std::string field = "email." + std::string(kind);
        if (!domain::IsAlertKind(kind)) {
          problems.push_back({field, "unknown_field", "no such kind of notice"});
        } else if (!on.is_bool()) {
          problems.push_back({field, "invalid_type", "true or false"});
        } else {
          email.emplace_back(std::string(kind), on.as_bool());
        }
      }
    } else if (key == "email") {
      problems.push_back({"email", "invalid_type", "an object of kinds, each true or false"});
    } else {
      problems.push_back({std::string(key), "unknown_field", "not a notice setting"});
    }
  }
  if (!problems.empty()) {
    const bool shape = std::any_of(problems.begin(), problems.end(), [](const Problem& problem) {
      return problem.code != "invalid_choice";
    });
    throw http::HttpError(shape ? 400 : 422, "Invalid notice settings", problems);
  }
  store::Tx tx(call.db);
  if (lang) store::SetUserLanguage(call.db, call.principal.user_id, *lang);
  for (const auto& [kind, on] : email) {
    store::SetSubscribed(call.db, call.principal.user_id, kind, on, auth::RandomToken(),
                         FormatInstant(call.now));
  }
  tx.Commit();
  return JsonResponse(200, SettingsJson(call));
}

http::Response UnsubscribePage(Call& call) {
  const store::Subscription subscription = SubscriptionOrNotFound(call);
  const std::string lang =
      domain::AlertLanguage(store::UserLanguage(call.db, subscription.user_id).value_or(""));
  const domain::UnsubscribeWords words = domain::UnsubscribeText(lang, subscription.kind);
  if (subscription.unsubscribed) return UnsubscribeHtml(lang, words.title, words.done, "");
  return UnsubscribeHtml(lang, words.title, words.question, words.button);
}

http::Response Unsubscribe(Call& call) {
  const store::Subscription subscription = SubscriptionOrNotFound(call);
  store::Tx tx(call.db);
  store::SetSubscribed(call.db, subscription.user_id, subscription.kind, false, subscription.token,
                       FormatInstant(call.now));
  tx.Commit();
  const std::string lang =
      domain::AlertLanguage(store::UserLanguage(call.db, subscription.user_id).value_or(""));
  const domain::UnsubscribeWords words = domain::UnsubscribeText(lang, subscription.kind);
  return UnsubscribeHtml(lang, words.title, words.done, "");
}

bool MailProblemsOnly(const Call& call) {
  CheckQuery(call.route.query, call.request.query);
  bool problems_only = true;
  for (const auto& [name, value] : call.request.query) {
    if (name == "state") problems_only = value != "all";
  }
  return problems_only;
}

http::Response ListMailHandler(Call& call) {
  const bool problems_only = MailProblemsOnly(call);
  json::array items;
  for (const store::OutboxMail& mail : store::ListOutboxMail(call.db, problems_only, kMailShown)) {
    items.push_back(MailJson(mail));
  }
  const store::OutboxCounts counts = store::CountOutboxMail(call.db);
  return JsonResponse(200, json::object{{"configured", call.context.mail_configured},
                                        {"counts",
                                         {{"pending", counts.pending},
                                          {"sending", counts.sending},
                                          {"sent", counts.sent},
                                          {"failed", counts.failed}}},
                                        {"items", std::move(items)}});
}

http::Response RetryMailHandler(Call& call) {
  store::Tx tx(call.db);
  if (!store::RetryMail(call.db, call.Param("id"), FormatInstant(call.now)))
    NotFound("failed mail");
  tx.Commit();
  if (call.context.mail_queued) call.context.mail_queued();
  return NoContent();
}

}  // namespace amity::api
